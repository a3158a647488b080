// The Reports screen against a mocked Tauri IPC: the outline preview follows the chosen report
// and options, exports send the right command and arguments, "Open" and "Show in folder" act on
// the last export without passing a path, and the screen passes an accessibility check.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import Reports from './Reports.svelte';
import { app } from '../lib/app.svelte';
import type { AssessmentDetail, ReportPreview, SnapshotInfo } from '../lib/api';
import { assessmentSummary, at } from '../test/fixtures';
import { axeViolations } from '../test/a11y';
import { count, failure, lastCall, mockBackend, unexpected, type Call, type Reply } from '../test/ipc';
import type { AnswersImport } from '../lib/api';

function detail(): AssessmentDetail {
  return {
    summary: assessmentSummary({
      profile: { audit_type: 'type1', target_date: '2027-06-30', observation_start: null },
      updated_at: at(-27),
      answered: 10,
      readiness: 60,
      band: 'significant_gaps',
    }),
    responses: [],
    retired: [],
    scorecard: {
      overall: { score: 60, questions: 10, answered: 10, not_applicable: 0, unknown: 0, high_gaps: 0, level: null },
      band: 'significant_gaps',
      high_gaps: 2,
      late_controls: 0,
      categories: [],
      groups: [],
      criteria: [],
    },
  };
}

function preview(kind: 'readiness' | 'plan'): ReportPreview {
  return {
    kind,
    title: kind === 'readiness' ? 'SOC 2 readiness report' : 'SOC 2 remediation plan',
    pages: kind === 'readiness' ? 42 : 18,
    outline: [
      { number: '', title: 'Cover', level: 0, page: 1 },
      { number: '1', title: kind === 'readiness' ? 'Executive summary' : 'Plan summary', level: 0, page: 4 },
      { number: '1.1', title: 'Readiness by category', level: 1, page: 4 },
    ],
    file_name: 'Acme - report.pdf',
  };
}

const snapshots: SnapshotInfo[] = [{ id: 5, label: 'Kick-off', created_at: at(-59), readiness: 41 }];

function answers(over: Partial<AnswersImport> = {}): AnswersImport {
  return {
    file_name: 'Acme - questionnaire.xlsx',
    changed: 2,
    unchanged: 40,
    skipped: 3,
    changes: [
      { question_id: 'SEC-001', before: 'partial', after: 'implemented' },
      { question_id: 'SEC-002', before: null, after: 'not_applicable' },
    ],
    problems: [],
    ...over,
  };
}

function backend(extra: Reply = (cmd) => unexpected(cmd), warnings: string[] = []): Call[] {
  return mockBackend((cmd, a) => {
    switch (cmd) {
      case 'list_snapshots':
        return snapshots;
      case 'report_preview':
        return preview(a.kind as 'readiness' | 'plan');
      case 'export_report':
      case 'export_data':
      case 'export_summary_pdf':
      case 'export_brief':
        return { status: 'saved', path: '/home/me/Acme - report.pdf', bytes: 1234, warnings };
      case 'open_last_export':
      case 'show_last_export':
        return null;
      case 'list_approvers':
        return [];
      default:
        return extra(cmd, a);
    }
  });
}

beforeEach(() => {
  app.current = detail();
  app.screen = 'reports';
});

describe('Reports screen', () => {
  it('previews the outline of the chosen report and follows its options', async () => {
    const calls = backend();
    render(Reports);
    expect((await screen.findByTestId('report-pages')).textContent).toContain('42 pages');
    expect(screen.getByText('Executive summary')).toBeTruthy();
    expect(lastCall(calls, 'report_preview')?.args).toEqual({
      id: 7,
      kind: 'readiness',
      options: { include_appendix: true, snapshot_id: null },
    });

    await fireEvent.click(screen.getByTestId('report-appendix'));
    await waitFor(() =>
      expect(lastCall(calls, 'report_preview')?.args).toEqual({
        id: 7,
        kind: 'readiness',
        options: { include_appendix: false, snapshot_id: null },
      }),
    );

    const select = await screen.findByTestId<HTMLSelectElement>('report-snapshot');
    await fireEvent.change(select, { target: { value: select.options[1]?.value } });
    await waitFor(() => expect(lastCall(calls, 'report_preview')?.args).toMatchObject({ options: { snapshot_id: 5 } }));

    await fireEvent.click(screen.getByTestId('report-kind-plan'));
    expect((await screen.findByText('Plan summary')).textContent).toBe('Plan summary');
    expect(lastCall(calls, 'report_preview')?.args).toEqual({
      id: 7,
      kind: 'plan',
      options: { include_appendix: false, snapshot_id: null },
    });
  });

  it('exports the report, then opens it or shows its folder without passing a path', async () => {
    const calls = backend();
    render(Reports);
    await screen.findByTestId('report-pages');
    await fireEvent.click(screen.getByTestId('export-report'));
    const status = await screen.findByTestId('export-status');
    await waitFor(() => expect(status.textContent).toContain('Saved to /home/me/Acme - report.pdf'));
    expect(lastCall(calls, 'export_report')?.args).toEqual({
      id: 7,
      kind: 'readiness',
      options: { include_appendix: true, snapshot_id: null },
      format: 'pdf',
      change: '',
    });

    await fireEvent.click(screen.getByTestId('open-export'));
    await fireEvent.click(screen.getByTestId('show-export'));
    expect(lastCall(calls, 'open_last_export')?.args).toEqual({});
    expect(lastCall(calls, 'show_last_export')?.args).toEqual({});
  });

  it('offers Word for both reports, and exports each in the chosen format', async () => {
    const calls = backend();
    render(Reports);
    await screen.findByTestId('report-pages');
    await fireEvent.click(screen.getByTestId('report-kind-plan'));
    await fireEvent.click(await screen.findByTestId('report-format-docx'));
    expect(screen.getByTestId('export-report').textContent).toContain('as Word');
    await fireEvent.click(screen.getByTestId('export-report'));
    await screen.findByText(/Saved to/);
    expect(lastCall(calls, 'export_report')?.args).toEqual({
      id: 7,
      kind: 'plan',
      options: { include_appendix: false, snapshot_id: null },
      format: 'docx',
      change: '',
    });
    // The readiness report keeps the choice, and goes back to PDF when asked.
    await fireEvent.click(screen.getByTestId('report-kind-readiness'));
    await fireEvent.click(screen.getByTestId('export-report'));
    await waitFor(() =>
      expect(lastCall(calls, 'export_report')?.args).toMatchObject({ kind: 'readiness', format: 'docx' }),
    );
    await fireEvent.click(screen.getByTestId('report-format-pdf'));
    await fireEvent.click(screen.getByTestId('export-report'));
    await waitFor(() =>
      expect(lastCall(calls, 'export_report')?.args).toMatchObject({ kind: 'readiness', format: 'pdf' }),
    );
  });

  it('exports each kind of data and the board brief as PDF and Word', async () => {
    const calls = backend();
    render(Reports);
    await screen.findByTestId('report-pages');
    for (const format of [
      'csv-gaps',
      'csv-plan',
      'csv-controls',
      'json',
      'xlsx',
      'xlsx-questionnaire',
      'csv-questionnaire',
    ]) {
      await fireEvent.click(screen.getByTestId(`export-${format}`));
      await waitFor(() => expect(lastCall(calls, 'export_data')?.args).toEqual({ id: 7, format }));
    }
    await fireEvent.click(screen.getByTestId('export-summary'));
    await waitFor(() => expect(lastCall(calls, 'export_summary_pdf')?.args).toEqual({ id: 7, change: '' }));
    await fireEvent.click(screen.getByTestId('export-summary-docx'));
    await waitFor(() => expect(lastCall(calls, 'export_brief')?.args).toEqual({ id: 7, format: 'docx', change: '' }));
  });

  it('says after exporting which characters no installed font could draw', async () => {
    const warning = 'No installed font has 1 character of this document, so it prints as "?": "\u{10FFFD}" (U+10FFFD).';
    backend(undefined, [warning]);
    render(Reports);
    await screen.findByTestId('report-pages');
    expect(screen.queryByTestId('export-warnings')).toBeNull();
    await fireEvent.click(screen.getByTestId('export-report'));
    const shown = await screen.findByTestId('export-warnings');
    expect(shown.textContent).toContain('U+10FFFD');
    expect(shown.getAttribute('role')).toBe('alert');
    // The status line the E2E journey reads still ends with the path.
    expect(screen.getByTestId('export-status').textContent?.trim()).toMatch(/report\.pdf$/);
  });

  it('shows no warning when every character was drawn', async () => {
    backend();
    render(Reports);
    await screen.findByTestId('report-pages');
    await fireEvent.click(screen.getByTestId('export-summary'));
    await screen.findByText(/Saved to/);
    expect(screen.queryByTestId('export-warnings')).toBeNull();
  });

  it('imports a filled-in questionnaire after showing what it changes', async () => {
    const calls = backend((cmd) => {
      switch (cmd) {
        case 'choose_answers_file':
          return answers();
        case 'import_chosen_answers':
          return answers();
        case 'open_assessment':
          return detail();
        default:
          return unexpected(cmd);
      }
    });
    render(Reports);
    await fireEvent.click(screen.getByTestId('import-answers'));
    const preview = await screen.findByTestId('import-preview');
    expect(preview.textContent).toContain('2 changed, 40 unchanged, 3 without an answer');
    expect(lastCall(calls, 'choose_answers_file')?.args).toEqual({ id: 7 });
    expect(count(calls, 'import_chosen_answers')).toBe(0);

    await fireEvent.click(screen.getByTestId('import-confirm'));
    const status = await screen.findByTestId('import-status');
    await waitFor(() => expect(status.textContent).toContain('Imported from Acme - questionnaire.xlsx: 2 changed'));
    expect(lastCall(calls, 'import_chosen_answers')?.args).toEqual({ id: 7 });
    expect(lastCall(calls, 'open_assessment')?.args).toEqual({ id: 7 });
  });

  it('lists every row that stops an import and offers no import', async () => {
    const calls = backend((cmd) =>
      cmd === 'choose_answers_file'
        ? answers({
            changed: 0,
            problems: [
              { row: 3, message: '"Yes" is not one of the answers.' },
              { row: 9, message: 'A Not applicable answer needs a reason in the N/A justification column.' },
            ],
          })
        : unexpected(cmd),
    );
    render(Reports);
    await fireEvent.click(screen.getByTestId('import-answers'));
    const problems = await screen.findByTestId('import-problems');
    expect(problems.textContent).toContain('2 rows need fixing first');
    expect(problems.textContent).toContain('Row 3: "Yes" is not one of the answers.');
    expect(problems.textContent).toContain('Row 9: A Not applicable answer');
    expect(screen.queryByTestId('import-confirm')).toBeNull();
    expect(count(calls, 'import_chosen_answers')).toBe(0);
  });

  it('says why a file could not be read, and nothing when the dialog is cancelled', async () => {
    let reply: unknown = null;
    backend((cmd) => (cmd === 'choose_answers_file' ? reply : unexpected(cmd)));
    render(Reports);
    await fireEvent.click(screen.getByTestId('import-answers'));
    await waitFor(() => expect(screen.queryByTestId('import-preview')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();

    reply = failure('validation', 'That file is not an Excel workbook Trustgap can read.');
    await fireEvent.click(screen.getByTestId('import-answers'));
    expect((await screen.findByRole('alert')).textContent).toContain('not an Excel workbook');
  });

  it('has no accessibility violations', async () => {
    backend();
    const { container } = render(Reports);
    await screen.findByTestId('report-pages');
    expect(await axeViolations(container)).toEqual([]);
  });
});
