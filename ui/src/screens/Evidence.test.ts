// The Evidence screen against an in-memory locker behind the mocked backend: the files with what
// they are evidence of and their expiry, the trash with its Undo, opening and attaching, the add
// dialog sending the chosen attachments and dates (and the backend's refusal shown in it), files
// dropped on the window, the screen's notice going with the tab that raised it, and the pack's
// progress bar and Cancel. The request list and the calendar are in EvidenceRequests.test.ts.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import Evidence from './Evidence.svelte';
import { app } from '../lib/app.svelte';
import { formatDay } from '../lib/format';
import { argsOf, count, lastCall } from '../test/ipc';
import { polyfillDialog } from '../test/workspace';
import { axeViolations } from '../test/a11y';
import { day } from '../test/fixtures';
import { emitDrop, locker } from '../test/evidence';
import { fileRow, items, renderEvidence, requestRow, showTab, text } from '../test/evidenceScreen';

polyfillDialog();

describe('the files', () => {
  it('lists each file with what it is evidence of, its period, its expiry and its fingerprint', async () => {
    const { container } = await renderEvidence();
    expect(screen.getAllByTestId('evidence-row')).toHaveLength(2);
    const review = fileRow('access-review-q1.pdf');
    expect(text(review)).toContain('Question ACC-001');
    expect(text(review)).toContain('Request CC6.1/1');
    expect(text(review)).toContain(`${formatDay(day(-240))} – ${formatDay(day(-150))}`);
    expect(text(review)).toContain('Signed by the CTO');
    expect(within(review).queryByTestId('evidence-expired')).toBeNull();
    expect(within(fileRow('pentest-2025.pdf')).getByTestId('evidence-expired')).toBeTruthy();
    const sha = within(review).getByTitle(/^SHA-256 1{8}abcdef/);
    expect(text(sha)).toBe('11111111abcd…');
    expect(text(screen.getByTestId('evidence-usage'))).toBe(
      '1.2 GB of 8 GB of evidence in this workspace. Each file can be up to 200 MB.',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('moves a file to the trash with an Undo that brings it back', async () => {
    const { state } = await renderEvidence();
    await fireEvent.click(within(fileRow('pentest-2025.pdf')).getByTestId('evidence-trash'));
    await waitFor(() => expect(screen.getAllByTestId('evidence-row')).toHaveLength(1));
    expect(text(screen.getByTestId('toast'))).toContain('pentest-2025.pdf moved to the trash.');
    await fireEvent.click(screen.getByTestId('toast-undo'));
    await waitFor(() => expect(screen.getAllByTestId('evidence-row')).toHaveLength(2));
    expect(argsOf(state.calls, 'trash_evidence')).toEqual([
      { fileId: 2, trashed: true },
      { fileId: 2, trashed: false },
    ]);
    await waitFor(() => expect(screen.queryByTestId('toast')).toBeNull());
  });

  it('shows the trash on request, restores from it and empties it after a confirmation', async () => {
    const { state } = await renderEvidence();
    await fireEvent.click(screen.getByTestId('evidence-show-trash'));
    await waitFor(() => expect(screen.getAllByTestId('evidence-row')).toHaveLength(3));
    expect(lastCall(state.calls, 'evidence_locker')?.args).toEqual({ assessmentId: 7, withTrash: true });
    expect(within(fileRow('setup.sh')).getByTestId('evidence-trashed')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('evidence-empty-trash'));
    await fireEvent.click(screen.getByTestId('evidence-empty-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('evidence-row')).toHaveLength(2));
    expect(text(screen.getByTestId('evidence-notice'))).toBe('1 file deleted for good.');
  });

  it("shows the backend's refusal to open a file that is not a document", async () => {
    const { state } = await renderEvidence();
    await fireEvent.click(screen.getByTestId('evidence-show-trash'));
    await waitFor(() => expect(screen.getAllByTestId('evidence-row')).toHaveLength(3));
    await fireEvent.click(within(fileRow('setup.sh')).getByTestId('evidence-restore'));
    await waitFor(() => expect(within(fileRow('setup.sh')).queryByTestId('evidence-trashed')).toBeNull());
    await fireEvent.click(within(fileRow('setup.sh')).getByTestId('evidence-open'));
    expect(text(await screen.findByTestId('evidence-error'))).toBe(
      'setup.sh: setup.sh is not a file Trustgap opens; save a copy instead.',
    );
    expect(count(state.calls, 'open_evidence')).toBe(1);
  });

  it('attaches a file to one more thing, and says why its last attachment stays', async () => {
    const { state } = await renderEvidence();
    await fireEvent.click(within(fileRow('pentest-2025.pdf')).getByTestId('evidence-attach'));
    const dialog = screen.getByTestId('attach-evidence');
    await fireEvent.click(within(dialog).getByTestId('attachment-remove'));
    expect(text(await within(dialog).findByTestId('attach-error'))).toBe('A file keeps at least one attachment.');
    await fireEvent.input(within(dialog).getByTestId('attachment-query'), { target: { value: 'CHG' } });
    await fireEvent.click(within(dialog).getByTestId('attachment-match'));
    await waitFor(() =>
      expect(lastCall(state.calls, 'attach_evidence')?.args).toEqual({
        fileId: 2,
        to: { kind: 'question', id: 'CHG-002' },
      }),
    );
    await waitFor(() => expect(text(fileRow('pentest-2025.pdf'))).toContain('Question CHG-002'));
  });
});

describe('adding files', () => {
  it('sends the chosen attachments, dates, note and who added them to the native dialog', async () => {
    const { state } = await renderEvidence();
    await fireEvent.click(screen.getByTestId('evidence-add'));
    const dialog = screen.getByTestId('add-evidence');
    const submit = within(dialog).getByTestId('add-evidence-submit');
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    // Out of scope (Availability is not assessed): never offered.
    await fireEvent.input(within(dialog).getByTestId('attachment-query'), { target: { value: 'backups' } });
    expect(within(dialog).queryAllByTestId('attachment-match')).toHaveLength(0);
    await fireEvent.input(within(dialog).getByTestId('attachment-query'), { target: { value: 'access rights' } });
    await fireEvent.click(within(dialog).getByTestId('attachment-match'));
    await fireEvent.change(within(dialog).getByTestId('attachment-kind'), { target: { value: 'criterion' } });
    await fireEvent.input(within(dialog).getByTestId('attachment-query'), { target: { value: 'CC8' } });
    await fireEvent.click(within(dialog).getByTestId('attachment-match'));
    expect(text(within(dialog).getByTestId('attachment-chosen'))).toContain('Question ACC-001');
    expect(text(within(dialog).getByTestId('attachment-chosen'))).toContain('Criterion CC8.1');
    await fireEvent.input(within(dialog).getByTestId('evidence-produced'), { target: { value: '5 Apr 2026' } });
    await fireEvent.input(within(dialog).getByTestId('evidence-covers-from'), { target: { value: '1 Jan 2026' } });
    await fireEvent.input(within(dialog).getByTestId('evidence-covers-to'), { target: { value: '31 Mar 2026' } });
    await fireEvent.input(within(dialog).getByTestId('evidence-note'), { target: { value: ' Q1 review ' } });
    await fireEvent.input(within(dialog).getByTestId('evidence-added-by'), { target: { value: 'Dana' } });
    await fireEvent.click(submit);
    await waitFor(() => expect(screen.queryByTestId('add-evidence')?.hasAttribute('open')).toBeFalsy());
    expect(lastCall(state.calls, 'choose_evidence_files')?.args).toEqual({
      assessmentId: 7,
      input: {
        attach: [
          { kind: 'question', id: 'ACC-001' },
          { kind: 'criterion', id: 'CC8.1' },
        ],
        dates: { produced_on: '2026-04-05', covers_from: '2026-01-01', covers_to: '2026-03-31', expires_on: null },
        note: 'Q1 review',
        added_by: 'Dana',
      },
    });
    await waitFor(() => expect(screen.getAllByTestId('evidence-row')).toHaveLength(3));
    expect(text(screen.getByTestId('evidence-screen-notice'))).toBe('1 file added.');
  });

  it("shows the backend's refusal in the dialog and keeps it open", async () => {
    const { state } = await renderEvidence({ refuseAdd: 'big.zip: The file is larger than 200 MB.' });
    await fireEvent.click(screen.getByTestId('evidence-add'));
    const dialog = screen.getByTestId('add-evidence');
    await fireEvent.input(within(dialog).getByTestId('attachment-query'), { target: { value: 'ACC-001' } });
    await fireEvent.click(within(dialog).getByTestId('attachment-match'));
    await fireEvent.click(within(dialog).getByTestId('add-evidence-submit'));
    expect(text(await within(dialog).findByTestId('add-evidence-error'))).toBe(
      'big.zip: The file is larger than 200 MB.',
    );
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(count(state.calls, 'choose_evidence_files')).toBe(1);
  });

  it('says what is wrong with the period covered before asking for files', async () => {
    const { state } = await renderEvidence();
    await fireEvent.click(screen.getByTestId('evidence-add'));
    const dialog = screen.getByTestId('add-evidence');
    await fireEvent.click(within(dialog).getAllByTestId('attachment-match')[0] as HTMLElement);
    await fireEvent.input(within(dialog).getByTestId('evidence-covers-from'), { target: { value: '1 Jan 2026' } });
    await fireEvent.click(within(dialog).getByTestId('add-evidence-submit'));
    expect(text(within(dialog).getByTestId('add-evidence-error'))).toBe(
      'Give both ends of the period covered, or neither.',
    );
    expect(count(state.calls, 'choose_evidence_files')).toBe(0);
  });

  it('opens the same dialog for files dropped on the window, and forgets them when closed', async () => {
    const { state } = await renderEvidence({ dropsAllowed: true, dropped: ['q2-review.pdf', 'photo.png'] });
    await waitFor(() => expect(screen.getByTestId('drop-hint')).toBeTruthy());
    emitDrop(state, 'over');
    emitDrop(state, 'drop');
    const dialog = await screen.findByTestId('add-evidence');
    await waitFor(() =>
      expect(items(within(dialog).getByTestId('dropped-names'))).toEqual(['q2-review.pdf', 'photo.png']),
    );
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(count(state.calls, 'forget_dropped_files')).toBe(1));

    emitDrop(state, 'drop');
    await waitFor(() => expect(count(state.calls, 'dropped_files')).toBe(2));
    expect(screen.queryByTestId('add-evidence')?.hasAttribute('open')).toBeFalsy();

    state.dropped = ['q2-review.pdf'];
    emitDrop(state, 'drop');
    const again = await screen.findByTestId('add-evidence');
    await waitFor(() => expect(within(again).getByTestId('dropped-names')).toBeTruthy());
    await fireEvent.click(within(again).getAllByTestId('attachment-match')[0] as HTMLElement);
    await fireEvent.click(within(again).getByTestId('add-evidence-submit'));
    await waitFor(() => expect(count(state.calls, 'add_dropped_evidence')).toBe(1));
    expect(count(state.calls, 'choose_evidence_files')).toBe(0);
    await waitFor(() => expect(text(fileRow('q2-review.pdf'))).toContain('Question ACC-001'));
    expect(count(state.calls, 'forget_dropped_files')).toBe(1);
  });

  it('offers no drop area when the window does not report drops', async () => {
    await renderEvidence();
    expect(screen.queryByTestId('drop-hint')).toBeNull();
  });
});

describe('the tabs', () => {
  const notice = (): string => text(screen.getByTestId('evidence-screen-notice'));

  /** Adds one file from the open add dialog, attached to the first thing offered. */
  async function addOne(): Promise<void> {
    const dialog = screen.getByTestId('add-evidence');
    await fireEvent.click(within(dialog).getAllByTestId('attachment-match')[0] as HTMLElement);
    await fireEvent.click(within(dialog).getByTestId('add-evidence-submit'));
    await waitFor(() => expect(notice()).toBe('1 file added.'));
  }

  it('drops the notice of the tab that raised it when another tab is shown, by mouse or keyboard', async () => {
    await renderEvidence();
    await fireEvent.click(screen.getByTestId('evidence-add'));
    await addOne();
    await fireEvent.keyDown(screen.getByTestId('evidence-tab-files'), { key: 'ArrowRight' });
    expect(screen.getByTestId('evidence-tab-requests').getAttribute('aria-selected')).toBe('true');
    expect(notice()).toBe('');
    await fireEvent.click(screen.getByTestId('evidence-tab-files'));
    expect(notice()).toBe('');

    // Files added from a request item: the notice shows on the Request list, and goes on leaving it.
    await showTab('requests');
    await fireEvent.click(within(requestRow('AUD-7')).getByRole('button', { name: 'Add files for AUD-7' }));
    await addOne();
    await showTab('calendar');
    expect(notice()).toBe('');
  });
});

describe('the evidence pack', () => {
  it('fills its bar as the backend reports progress, and Cancel stops it', async () => {
    const { state } = await renderEvidence();
    await fireEvent.click(screen.getByTestId('pack-build'));
    await waitFor(() => expect(state.pack).not.toBeNull());
    expect(lastCall(state.calls, 'export_evidence_pack')?.args).toMatchObject({ assessmentId: 7 });
    const bar = screen.getByTestId<HTMLProgressElement>('pack-progress');
    expect(bar.hasAttribute('value')).toBe(false);
    state.pack?.progress.onmessage({ done: 10 * 1024 * 1024, total: 40 * 1024 * 1024 });
    await waitFor(() => expect(bar.value).toBe(25));
    expect(screen.getByText('Copying files: 10 MB of 40 MB')).toBeTruthy();
    state.pack?.progress.onmessage({ done: 30 * 1024 * 1024, total: 40 * 1024 * 1024 });
    await waitFor(() => expect(bar.value).toBe(75));
    await fireEvent.click(screen.getByTestId('pack-cancel'));
    await waitFor(() => expect(count(state.calls, 'cancel_evidence_pack')).toBe(1));
    expect(text(await screen.findByTestId('pack-status'))).toBe('Cancelled: no pack was saved.');
    expect(screen.queryByTestId('pack-progress')).toBeNull();
    expect(screen.queryByTestId('pack-error')).toBeNull();
  });

  it('says what the saved pack holds and offers to open it', async () => {
    const { state } = await renderEvidence();
    await fireEvent.click(screen.getByTestId('pack-build'));
    await waitFor(() => expect(state.pack).not.toBeNull());
    state.pack?.finish({ files: 2, folders: 2, bytes: 3 * 1024 * 1024 });
    await waitFor(() =>
      expect(text(screen.getByTestId('pack-status'))).toBe(
        'Evidence pack saved: 2 files in 2 folders, 3 MB of evidence.',
      ),
    );
    expect(screen.getByTestId('pack-open')).toBeTruthy();
    expect(screen.getByTestId('pack-show')).toBeTruthy();
  });
});

describe('without an assessment', () => {
  it('points to the Workspace', () => {
    locker();
    app.close();
    render(Evidence);
    expect(screen.getByText('No assessment open')).toBeTruthy();
  });
});
