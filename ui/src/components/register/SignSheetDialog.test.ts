// Entering a signed sheet: the people working there on the day signed (leavers out), the
// session's policies all ticked, one call recording every ticked pair, the tab then showing them
// current; a future day and a refusal record nothing.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import People from '../../screens/People.svelte';
import { argsOf, count } from '../../test/ipc';
import { polyfillDialog } from '../../test/workspace';
import { todayIso } from '../../lib/format';
import { openPeople, register } from '../../test/register';
import { axeViolations } from '../../test/a11y';

polyfillDialog();

const shift = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const listed = (): string[] =>
  screen.getAllByTestId<HTMLInputElement>('sign-sheet-person').map((b) => b.dataset.person ?? '');
const box = (name: string): HTMLInputElement => {
  const found = screen.getAllByTestId<HTMLInputElement>('sign-sheet-person').find((b) => b.dataset.person === name);
  if (!found) throw new Error(`${name} is not listed`);
  return found;
};
const record = (): HTMLButtonElement => screen.getByTestId<HTMLButtonElement>('sign-sheet-record');

async function enter(): Promise<HTMLElement> {
  const { container } = render(People);
  await screen.findAllByTestId('roster-row');
  await fireEvent.click(screen.getByTestId('people-tab-acks'));
  await fireEvent.click(await screen.findByTestId('sign-sheet-enter'));
  await screen.findByTestId('sign-sheet-date');
  return container;
}

describe('entering a signed sheet', () => {
  it("records every ticked person for the session's policies and shows them acknowledged", async () => {
    const reg = register();
    await openPeople();
    const container = await enter();
    // Lee Park has left: not on a sheet signed today.
    expect(listed()).toEqual(['Dana Reyes', 'Sam Okafor']);
    const policies = screen.getAllByTestId<HTMLInputElement>('sign-sheet-policy');
    expect(policies.map((p) => [p.parentElement?.textContent?.trim(), p.checked])).toEqual([
      ['Access control policy (version 2)', true],
      ['Incident response policy (version 1)', true],
    ]);
    expect(record().disabled).toBe(true);
    expect(await axeViolations(container)).toEqual([]);
    const yesterday = shift(todayIso(), -1);
    await fireEvent.input(screen.getByTestId('sign-sheet-date'), { target: { value: yesterday } });
    await fireEvent.click(box('Sam Okafor'));
    await fireEvent.click(box('Dana Reyes'));
    await fireEvent.click(policies[1] as HTMLInputElement);
    await fireEvent.click(record());
    await waitFor(() => expect(screen.queryByTestId('sign-sheet-record')).toBeNull());
    expect(argsOf(reg.calls, 'record_sign_sheet')).toEqual([
      { assessmentId: 7, results: { person_ids: [1, 2], policy_ids: ['access'], signed_on: yesterday } },
    ]);
    expect(screen.getByTestId('sign-sheet-notice').textContent).toBe(
      'Sheet recorded: 2 people, 1 policy, 2 new acknowledgements.',
    );
    await waitFor(() => {
      const cells = screen
        .getAllByTestId('ack-cell')
        .filter((c) => c.dataset.policy === 'access')
        .map((c) => c.dataset.state);
      expect(cells).toEqual(['current', 'current', 'missing']);
    });
  });

  it('lists who worked there on an earlier day, and ticks everyone at once', async () => {
    const reg = register();
    await openPeople();
    await enter();
    // Before Dana started, while Lee still worked there.
    const day = reg.people.find((p) => p.name === 'Lee Park')?.end_date ?? '';
    const before = shift(reg.people.find((p) => p.name === 'Dana Reyes')?.start_date ?? '', -1);
    expect(before < day).toBe(true);
    await fireEvent.input(screen.getByTestId('sign-sheet-date'), { target: { value: before } });
    expect(listed()).toEqual(['Sam Okafor', 'Lee Park']);
    await fireEvent.click(screen.getByTestId('sign-sheet-all'));
    await fireEvent.click(record());
    await waitFor(() => expect(count(reg.calls, 'record_sign_sheet')).toBe(1));
    expect(argsOf(reg.calls, 'record_sign_sheet')[0]).toMatchObject({
      results: { person_ids: [2, 3], policy_ids: ['access', 'incident'], signed_on: before },
    });
  });

  it('records nothing for a day in the future', async () => {
    const reg = register();
    await openPeople();
    await enter();
    await fireEvent.click(box('Dana Reyes'));
    expect(record().disabled).toBe(false);
    await fireEvent.input(screen.getByTestId('sign-sheet-date'), { target: { value: shift(todayIso(), 1) } });
    expect(screen.getByTestId('sign-sheet-future').textContent).toContain('in the future');
    expect(record().disabled).toBe(true);
    expect(count(reg.calls, 'record_sign_sheet')).toBe(0);
  });

  it("keeps the dialog open with the backend's refusal", async () => {
    const reg = register({ refuseSheet: 'Dana Reyes did not work there on that day.' });
    await openPeople();
    await enter();
    await fireEvent.click(box('Dana Reyes'));
    await fireEvent.click(record());
    expect((await screen.findByTestId('sign-sheet-error')).textContent).toBe(
      'Dana Reyes did not work there on that day.',
    );
    expect(record()).toBeTruthy();
    expect(reg.acks).toEqual([]);
  });
});
