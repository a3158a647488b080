// Where a key press lands decides whether a screen's shortcuts may act on it.

/** The press lands in a field where the key is text (a radio button is not such a field). */
export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (['TEXTAREA', 'INPUT', 'SELECT'].includes(target.tagName) || target.isContentEditable) &&
    target.getAttribute('type') !== 'radio'
  );
}

/** The press lands in an open dialog: the screen behind it must not act on it. */
export function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog[open]') !== null;
}
