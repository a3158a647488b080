// The Evidence screen's request list and calendar against the in-memory locker: counts and
// filters, an item's whole state saved at once and the backend's refusal of a not-applicable item
// without a reason, the auditor's list refused while rows have problems and its suggested criteria
// confirmed before importing, and the calendar's reason for being empty or its flagged rows.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { count, lastCall } from '../test/ipc';
import { polyfillDialog } from '../test/workspace';
import { axeViolations } from '../test/a11y';
import { calendarRow } from '../test/evidence';
import { items, renderEvidence, requestRow, showTab, text } from '../test/evidenceScreen';

polyfillDialog();

describe('the request list', () => {
  it('counts the items by status and filters them by status, source and words', async () => {
    await renderEvidence();
    await showTab('requests');
    await screen.findAllByTestId('request-row');
    expect(items(screen.getByTestId('request-counts'))).toEqual([
      '2 requested',
      '1 provided',
      '0 accepted',
      '0 not applicable',
    ]);
    await fireEvent.change(screen.getByTestId('request-filter-source'), { target: { value: 'auditor' } });
    expect(screen.getAllByTestId('request-row').map((r) => r.dataset.reference)).toEqual(['AUD-7']);
    await fireEvent.change(screen.getByTestId('request-filter-source'), { target: { value: 'all' } });
    await fireEvent.change(screen.getByTestId('request-filter-status'), { target: { value: 'requested' } });
    expect(screen.getAllByTestId('request-row')).toHaveLength(2);
    await fireEvent.input(screen.getByTestId('request-filter-query'), { target: { value: 'quarterly' } });
    expect(screen.getAllByTestId('request-row').map((r) => r.dataset.reference)).toEqual(['CC6.1/1']);
  });

  it("saves a status at once, and shows the backend's refusal of not applicable without a reason", async () => {
    const { state, container } = await renderEvidence();
    await showTab('requests');
    await screen.findAllByTestId('request-row');
    await fireEvent.change(within(requestRow('CC6.1/1')).getByTestId('request-status'), {
      target: { value: 'provided' },
    });
    await waitFor(() =>
      expect(lastCall(state.calls, 'set_request_state')?.args).toEqual({
        assessmentId: 7,
        reference: 'CC6.1/1',
        item: { owner: null, due: null, status: 'provided', reason: null },
      }),
    );
    await waitFor(() => expect(items(screen.getByTestId('request-counts'))).toContain('2 provided'));

    const row = requestRow('ACC-001');
    await fireEvent.change(within(row).getByTestId('request-status'), { target: { value: 'not_applicable' } });
    const refusal = await screen.findByTestId('request-row-error');
    expect(text(refusal)).toBe('Not saved: Say why the item does not apply.');
    expect(lastCall(state.calls, 'set_request_state')?.args).toMatchObject({
      reference: 'ACC-001',
      item: { status: 'not_applicable', reason: null },
    });
    const reason = within(row).getByTestId('request-reason');
    await waitFor(() => expect(document.activeElement).toBe(reason));
    expect(await axeViolations(container)).toEqual([]);
    await fireEvent.input(reason, { target: { value: 'No such system' } });
    await fireEvent.change(reason);
    await waitFor(() => expect(screen.queryByTestId('request-row-error')).toBeNull());
    expect(lastCall(state.calls, 'set_request_state')?.args).toEqual({
      assessmentId: 7,
      reference: 'ACC-001',
      item: { owner: null, due: null, status: 'not_applicable', reason: 'No such system' },
    });
  });

  it("sends the owner and due date with the item's whole state", async () => {
    const { state } = await renderEvidence();
    await showTab('requests');
    await screen.findAllByTestId('request-row');
    const row = requestRow('AUD-7');
    await fireEvent.input(within(row).getByTestId('request-owner'), { target: { value: 'Lee' } });
    await fireEvent.keyDown(within(row).getByTestId('request-owner'), { key: 'Enter' });
    await waitFor(() => expect(count(state.calls, 'set_request_state')).toBe(1));
    await fireEvent.input(within(row).getByTestId('request-due'), { target: { value: '15 Jan 2027' } });
    await fireEvent.blur(within(row).getByTestId('request-due'));
    await waitFor(() =>
      expect(lastCall(state.calls, 'set_request_state')?.args).toEqual({
        assessmentId: 7,
        reference: 'AUD-7',
        item: { owner: 'Lee', due: '2027-01-15', status: 'provided', reason: null },
      }),
    );
  });

  it('lists every bad row of an auditor’s list and imports nothing until they are fixed', async () => {
    const { state } = await renderEvidence({
      preview: {
        columns: [
          ['Ref', 'reference'],
          ['Ask', 'request'],
          ['TSC', 'criteria'],
        ],
        items: [
          {
            row: 2,
            item: { reference: 'R-1', title: 'Firewall rules', detail: '', criteria: ['CC6.6'] },
            suggested: false,
          },
        ],
        problems: [
          { row: 3, problems: ['The request is empty.'] },
          { row: 5, problems: ['CC99.1 is not a criterion.', 'R-1 is used twice.'] },
        ],
      },
    });
    await showTab('requests');
    await fireEvent.click(await screen.findByTestId('request-import-choose'));
    await screen.findByTestId('request-preview');
    expect(items(screen.getByTestId('request-problems'))).toEqual([
      'Row 3: The request is empty.',
      'Row 5: CC99.1 is not a criterion. R-1 is used twice.',
    ]);
    const importAll = screen.getByTestId<HTMLButtonElement>('request-import-all');
    expect(importAll.disabled).toBe(true);

    // The columns mapped again: clean rows, one with criteria suggested from its words.
    state.preview = {
      columns: [
        ['Ref', 'reference'],
        ['Ask', 'request'],
        ['TSC', 'ignore'],
      ],
      items: [
        {
          row: 2,
          item: { reference: 'R-1', title: 'Firewall rules', detail: '', criteria: ['CC6.6'] },
          suggested: true,
        },
        { row: 3, item: { reference: 'R-2', title: 'Backups', detail: '', criteria: ['A1.2'] }, suggested: false },
      ],
      problems: [],
    };
    const columns = screen.getAllByTestId('request-column');
    await fireEvent.change(columns[2] as HTMLElement, { target: { value: 'ignore' } });
    await waitFor(() => expect(screen.queryByTestId('request-problems')).toBeNull());
    expect(lastCall(state.calls, 'preview_chosen_request_list')?.args).toEqual({
      assessmentId: 7,
      choices: [
        ['Ref', 'reference'],
        ['Ask', 'request'],
        ['TSC', 'ignore'],
      ],
    });
    expect(screen.getAllByTestId('request-suggested')).toHaveLength(1);
    expect(text(screen.getAllByTestId('request-preview-row')[0] as HTMLElement)).toContain('CC6.6 suggested — confirm');
    expect(screen.getByTestId<HTMLButtonElement>('request-import-all').disabled).toBe(true);
    await fireEvent.click(screen.getByTestId('request-confirm-suggested'));
    expect(screen.getByTestId<HTMLButtonElement>('request-import-all').disabled).toBe(false);
    await fireEvent.click(screen.getByTestId('request-import-all'));
    await waitFor(() => expect(count(state.calls, 'import_chosen_request_list')).toBe(1));
    expect(await screen.findByText("2 items of the auditor's list imported.")).toBeTruthy();
    expect(screen.queryByTestId('request-preview')).toBeNull();
  });
});

describe('the calendar', () => {
  it("shows the backend's reason when there is no observation period", async () => {
    await renderEvidence({
      calendar: {
        from: null,
        to: null,
        rows: [],
        unavailable: 'A Type I audit looks at one day: there is no observation period to lay out.',
      },
    });
    await showTab('calendar');
    expect(text(await screen.findByTestId('calendar-unavailable'))).toBe(
      'A Type I audit looks at one day: there is no observation period to lay out.',
    );
    expect(screen.queryByTestId('calendar')).toBeNull();
  });

  it('lays out each recurring control’s runs and flags those with too few covered', async () => {
    const { container } = await renderEvidence({
      calendar: {
        from: '2026-01-01',
        to: '2026-06-30',
        rows: [
          calendarRow('ACC-001'),
          calendarRow('CHG-002', {
            cadence: 'monthly',
            owner: null,
            runs: [
              { from: '2026-01-01', due: '2026-01-31', covered: true },
              { from: '2026-02-01', due: '2026-02-28', covered: false },
            ],
            recorded: 1,
            too_few: true,
            older_than_period: 2,
          }),
        ],
        unavailable: null,
      },
    });
    await showTab('calendar');
    const rows = await screen.findAllByTestId('calendar-row');
    expect(text(screen.getByTestId('calendar-summary'))).toBe(
      'Observation period 1 Jan 2026 – 30 Jun 2026: 2 recurring controls, 4 of 5 runs covered by evidence. 1 with too few runs covered. 1 with evidence older than the period.',
    );
    const [ok, short] = rows as [HTMLElement, HTMLElement];
    expect(within(ok).queryByTestId('calendar-too-few')).toBeNull();
    expect(text(ok)).toContain('On track');
    expect(within(short).getByTestId('calendar-too-few')).toBeTruthy();
    expect(text(within(short).getByTestId('calendar-older'))).toBe('2 files older than the period');
    expect(text(short)).toContain('Monthly');
    const runs = within(short).getAllByTestId('calendar-run');
    expect(runs.map((r) => r.dataset.state)).toEqual(['covered', 'not covered']);
    expect(text(runs[1] as HTMLElement)).toBe('! 28 Feb not covered');
    expect(await axeViolations(container)).toEqual([]);
  });
});
