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
import { lastCall, mockBackend, unexpected, type Call } from '../test/ipc';

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

function backend(): Call[] {
  return mockBackend((cmd, a) => {
    switch (cmd) {
      case 'list_snapshots':
        return snapshots;
      case 'report_preview':
        return preview(a.kind as 'readiness' | 'plan');
      case 'export_report':
      case 'export_data':
      case 'export_summary_pdf':
        return { status: 'saved', path: '/home/me/Acme - report.pdf', bytes: 1234 };
      case 'open_last_export':
      case 'show_last_export':
        return null;
      case 'list_approvers':
        return [];
      default:
        return unexpected(cmd);
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
      change: '',
    });

    await fireEvent.click(screen.getByTestId('open-export'));
    await fireEvent.click(screen.getByTestId('show-export'));
    expect(lastCall(calls, 'open_last_export')?.args).toEqual({});
    expect(lastCall(calls, 'show_last_export')?.args).toEqual({});
  });

  it('exports each kind of data and the one-page summary', async () => {
    const calls = backend();
    render(Reports);
    await screen.findByTestId('report-pages');
    for (const format of ['csv-gaps', 'csv-plan', 'json']) {
      await fireEvent.click(screen.getByTestId(`export-${format}`));
      await waitFor(() => expect(lastCall(calls, 'export_data')?.args).toEqual({ id: 7, format }));
    }
    await fireEvent.click(screen.getByTestId('export-summary'));
    await waitFor(() => expect(lastCall(calls, 'export_summary_pdf')?.args).toEqual({ id: 7, change: '' }));
  });

  it('has no accessibility violations', async () => {
    backend();
    const { container } = render(Reports);
    await screen.findByTestId('report-pages');
    expect(await axeViolations(container)).toEqual([]);
  });
});
