// Files dragged over and dropped on the window, as the Evidence screen hears of them: the
// backend keeps the dropped paths and signals over a channel; the screen asks it for the names.
import { api } from '../../lib/api';

export interface DropHandlers {
  /** Files are being dragged over the window (true), or left or were dropped (false). */
  onhover: (hovering: boolean) => void;
  /** Files were dropped on the window. */
  ondrop: () => void;
}

/**
 * Listens for files dropped on the window; resolves to the function that stops listening, or
 * to null when the backend cannot report drops (the screen then does not offer them). Only the
 * latest listener hears: stopping one keeps the handlers from firing after the screen is gone.
 */
export async function watchDrops(handlers: DropHandlers): Promise<(() => void) | null> {
  let live = true;
  try {
    await api.watchDrops((signal) => {
      if (!live) return;
      handlers.onhover(signal === 'over');
      if (signal === 'drop') handlers.ondrop();
    });
    return () => {
      live = false;
    };
  } catch {
    return null;
  }
}
