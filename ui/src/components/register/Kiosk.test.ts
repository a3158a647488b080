// The workshop sign-in against the in-memory register: started from the People screen with the
// chosen policies, three attendees in turn (each acknowledging every chosen policy's version in
// force, nobody's records shown), leavers left out of the names, and Esc asking before leaving.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import People from '../../screens/People.svelte';
import { argsOf } from '../../test/ipc';
import { polyfillDialog } from '../../test/workspace';
import { todayIso } from '../../lib/format';
import { openPeople, register } from '../../test/register';

polyfillDialog();

const names = (): string[] => screen.getAllByTestId('kiosk-name').map((b) => b.textContent?.trim() ?? '');

async function start(): Promise<void> {
  render(People);
  await screen.findAllByTestId('roster-row');
  const button = screen.getByTestId<HTMLButtonElement>('kiosk-start');
  await waitFor(() => expect(button.disabled).toBe(false));
  await fireEvent.click(button);
  const boxes = screen.getAllByTestId<HTMLInputElement>('kiosk-setup-policy');
  expect(boxes.map((b) => b.checked)).toEqual([true, true]);
  // Only the access control policy this time.
  await fireEvent.click(boxes[1] as HTMLInputElement);
  await fireEvent.click(screen.getByTestId('kiosk-setup-start'));
  await screen.findByTestId('kiosk');
}

describe('the workshop sign-in', () => {
  it('takes three attendees in turn, each acknowledging the chosen policy in force', async () => {
    const reg = register({
      people: [
        ...register().people,
        { id: 4, client_id: 3, name: 'Ana Cruz', role: '', email: 'ana@acme.test', share: 10, days_off: [] },
      ],
    });
    await openPeople();
    await start();
    // Leavers are not in the room.
    expect(names()).toEqual(['Ana Cruz', 'Dana Reyes', 'Sam Okafor']);
    for (const name of ['Dana Reyes', 'Sam Okafor', 'Ana Cruz']) {
      await fireEvent.input(screen.getByTestId('kiosk-filter'), { target: { value: name.toLowerCase() } });
      expect(names()).toEqual([name]);
      await fireEvent.keyDown(screen.getByTestId('kiosk-filter'), { key: 'Enter' });
      const kiosk = screen.getByTestId('kiosk');
      expect(
        within(kiosk)
          .getAllByTestId('kiosk-policy')
          .map((p) => p.textContent),
      ).toEqual([expect.stringContaining('Access control policy in short.')]);
      // Nobody else's name or record is on the screen while an attendee reads.
      for (const other of ['Dana Reyes', 'Sam Okafor', 'Ana Cruz', 'Lee Park'].filter((n) => n !== name)) {
        expect(kiosk.textContent).not.toContain(other);
      }
      await fireEvent.click(screen.getByTestId('kiosk-confirm'));
      await screen.findByTestId('kiosk-done');
      await fireEvent.click(screen.getByTestId('kiosk-next'));
      expect(screen.getByTestId('kiosk-filter')).toHaveProperty('value', '');
    }
    expect(argsOf(reg.calls, 'acknowledge_policy')).toEqual(
      [1, 2, 4].map((personId) => ({
        assessmentId: 7,
        personId,
        policyId: 'access',
        version: 2,
        on: todayIso(),
      })),
    );
  });

  it('goes back to the names on Esc while reading, and asks before leaving on Esc', async () => {
    const reg = register();
    await openPeople();
    await start();
    await fireEvent.click(screen.getAllByTestId('kiosk-name')[0] as HTMLElement);
    expect(screen.getByTestId('kiosk-confirm')).toBeTruthy();
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.getAllByTestId('kiosk-name').length).toBeGreaterThan(0);
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.getByTestId('kiosk-ask')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('kiosk-stay'));
    expect(screen.getByTestId('kiosk')).toBeTruthy();
    await fireEvent.keyDown(window, { key: 'Escape' });
    await fireEvent.click(screen.getByTestId('kiosk-leave-confirm'));
    await waitFor(() => expect(screen.queryByTestId('kiosk')).toBeNull());
    expect(argsOf(reg.calls, 'acknowledge_policy')).toEqual([]);
  });
});
