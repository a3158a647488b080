// The Evidence screen's tests share these: the screen rendered on the in-memory locker, and
// finders for a file's row, a request item's row, a tab and the text of an element or a list.
import { fireEvent, render, screen } from '@testing-library/svelte';
import Evidence from '../screens/Evidence.svelte';
import { locker, openEvidence, type Locker } from './evidence';

/** An element's text with its white space folded. */
export const text = (el: HTMLElement): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The text of each item of a list. */
export const items = (el: HTMLElement): string[] => [...el.querySelectorAll('li')].map(text);

export function fileRow(name: string): HTMLElement {
  const found = screen.getAllByTestId('evidence-row').find((r) => text(r).includes(name));
  if (!found) throw new Error(`no row for ${name}`);
  return found;
}

export function requestRow(reference: string): HTMLElement {
  const found = screen.getAllByTestId('request-row').find((r) => r.dataset.reference === reference);
  if (!found) throw new Error(`no row for ${reference}`);
  return found;
}

export async function showTab(name: 'requests' | 'calendar'): Promise<void> {
  await fireEvent.click(await screen.findByTestId(`evidence-tab-${name}`));
}

/** The screen on Acme's assessment and a locker made with `over`, once its files are listed. */
export async function renderEvidence(over: Partial<Locker> = {}): Promise<{ state: Locker; container: HTMLElement }> {
  const state = locker(over);
  openEvidence();
  const { container } = render(Evidence);
  await screen.findAllByTestId('evidence-row');
  return { state, container };
}
