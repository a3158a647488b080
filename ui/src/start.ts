// The UI proper: everything main.ts fetches once the workspace reads are on their way.
import { mount } from 'svelte';
import App from './App.svelte';
import { api, type AppInfo, type Overview } from './lib/api';
import { app } from './lib/app.svelte';

/** Mounts the app once the workspace is read (or why it cannot be is known). */
export async function start(reads: Promise<[AppInfo, Overview]>, target: HTMLElement): Promise<void> {
  // The first frame then shows the workspace itself rather than a loading line.
  await app.start(reads);
  mount(App, { target });
  // Start-up is measured until that frame has been painted (see BENCHMARKS.md): an animation
  // frame callback runs before its own frame's layout and paint, so the signal goes from the
  // frame after it.
  requestAnimationFrame(() => requestAnimationFrame(() => void api.uiReady()));
}
