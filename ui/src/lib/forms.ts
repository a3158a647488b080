// What every form does with its fields' own checks (a text over its limit, a text that is no
// date): it does not send them, it points at the first, and a message from the backend goes as
// soon as no field says something is wrong any more.
import { tick } from 'svelte';

/** The first field of `form` that says it is wrong (aria-invalid), focused; null when none. */
export function firstInvalid(form: HTMLFormElement): HTMLElement | null {
  const field = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  field?.focus();
  return field;
}

/**
 * For a form's oninput: calls `clear` (which drops the form's message) once no field of the
 * form says it is wrong, after the page has caught up with what was typed.
 */
export async function clearWhenValid(event: Event, clear: () => void): Promise<void> {
  const form = event.target instanceof Element ? event.target.closest('form') : null;
  await tick();
  if (!form?.querySelector('[aria-invalid="true"]')) clear();
}

/** The message a form shows when a field must be fixed before it can go on. */
export const FIX_FIELDS = 'Fix the field marked above first: it says what is wrong.';
