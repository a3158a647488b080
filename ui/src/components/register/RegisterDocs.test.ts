// The register's documents from the People screen: the workbook and the attestation (a period
// of the last twelve months unless changed, PDF or Word) from the Training tab, the sign-sheet
// from the Acknowledgements tab, each saved through the backend's dialog or cancelled there.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import People from '../../screens/People.svelte';
import { argsOf } from '../../test/ipc';
import { polyfillDialog } from '../../test/workspace';
import { todayIso } from '../../lib/format';
import { openPeople, register } from '../../test/register';
import { twelveMonthsTo } from './register';

polyfillDialog();

async function tab(name: 'training' | 'acks'): Promise<void> {
  render(People);
  await screen.findAllByTestId('roster-row');
  await fireEvent.click(screen.getByTestId(`people-tab-${name}`));
}

describe('twelve months to a day', () => {
  it('starts the day after the same date a year before', () => {
    expect(twelveMonthsTo('2026-12-05')).toBe('2025-12-06');
    expect(twelveMonthsTo('2026-01-01')).toBe('2025-01-02');
    expect(twelveMonthsTo('2026-12-31')).toBe('2026-01-01');
    expect(twelveMonthsTo('2028-02-29')).toBe('2027-03-01');
  });
});

describe('the register documents', () => {
  it('saves the workbook, and says so when the save is cancelled', async () => {
    const reg = register({ savedTo: '/home/me/Acme people and training.xlsx' });
    await openPeople();
    await tab('training');
    await fireEvent.click(await screen.findByTestId('register-workbook'));
    const status = screen.getByTestId('training-docs-status');
    await waitFor(() => expect(status.textContent).toContain('Saved to /home/me/Acme people and training.xlsx'));
    expect(argsOf(reg.calls, 'export_register_workbook')).toEqual([{ clientId: 3 }]);
    reg.savedTo = null;
    await fireEvent.click(screen.getByTestId('register-workbook'));
    await waitFor(() => expect(status.textContent).toContain('Export cancelled.'));
  });

  it('saves the attestation for the last twelve months by default, in the format chosen', async () => {
    const reg = register();
    await openPeople();
    await tab('training');
    await fireEvent.click(await screen.findByTestId('attestation-open'));
    const from = screen.getByTestId<HTMLInputElement>('attestation-from');
    const to = screen.getByTestId<HTMLInputElement>('attestation-to');
    expect([from.value, to.value]).toEqual([twelveMonthsTo(todayIso()), todayIso()]);
    expect(screen.getByTestId<HTMLInputElement>('attestation-pdf').checked).toBe(true);
    await fireEvent.click(screen.getByTestId('attestation-docx'));
    await fireEvent.input(from, { target: { value: '2026-01-01' } });
    await fireEvent.click(screen.getByTestId('attestation-save'));
    await waitFor(() => expect(argsOf(reg.calls, 'export_training_attestation')).toHaveLength(1));
    expect(argsOf(reg.calls, 'export_training_attestation')[0]).toEqual({
      clientId: 3,
      from: '2026-01-01',
      to: todayIso(),
      format: 'docx',
    });
    await waitFor(() => expect(screen.getByTestId('training-docs-status').textContent).toContain('Saved to'));
  });

  it("prints the sign-sheet of the assessment's session, PDF or Word", async () => {
    const reg = register();
    await openPeople();
    await tab('acks');
    await fireEvent.click(await screen.findByTestId('sign-sheet-pdf'));
    await waitFor(() => expect(screen.getByTestId('sign-sheet-status').textContent).toContain('Saved to'));
    await fireEvent.click(screen.getByTestId('sign-sheet-docx'));
    await waitFor(() => expect(argsOf(reg.calls, 'export_sign_sheet')).toHaveLength(2));
    expect(argsOf(reg.calls, 'export_sign_sheet')).toEqual([
      { assessmentId: 7, format: 'pdf' },
      { assessmentId: 7, format: 'docx' },
    ]);
  });
});
