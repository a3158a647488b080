// A textarea that grows with its text (and shrinks back), so a long note or owner name is read
// whole instead of scrolling inside a two-line box. Used as `use:autogrow={value}`.
import type { Action } from 'svelte/action';

function fit(area: HTMLTextAreaElement): void {
  area.style.height = 'auto';
  // The border is outside scrollHeight; box-sizing is border-box everywhere (app.css).
  const border = area.offsetHeight - area.clientHeight;
  area.style.height = `${area.scrollHeight + border}px`;
}

export const autogrow: Action<HTMLTextAreaElement, string | undefined> = (area) => {
  const onInput = (): void => fit(area);
  area.addEventListener('input', onInput);
  // After the first layout: the text is in, the fonts are known.
  requestAnimationFrame(() => fit(area));
  return {
    // The value changed from outside (a save, another question): fit again.
    update: () => fit(area),
    destroy: () => area.removeEventListener('input', onInput),
  };
};
