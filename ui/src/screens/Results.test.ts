// The Results screen against a mocked backend: the top gaps come from the latest plan read (an
// older answer arriving late is dropped), a failed read is shown, and snapshots are listed again
// after one is taken and compared again when the answers change.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import Results from './Results.svelte';
import { app } from '../lib/app.svelte';
import type { AssessmentDetail, Comparison, Gap, Plan, SnapshotInfo } from '../lib/api';
import { assessmentSummary, at, scorecard, tally, TODAY } from '../test/fixtures';
import { axeViolations } from '../test/a11y';
import { registerOverview } from '../test/register';
import { count, failure, mockBackend, unexpected } from '../test/ipc';

function detail(updated = at(-1), answered = 4): AssessmentDetail {
  return {
    summary: assessmentSummary({ updated_at: updated, answered, readiness: answered ? 40 : 0 }),
    responses: [],
    retired: [],
    scorecard: {
      overall: {
        score: answered ? 40 : 0,
        questions: 10,
        answered,
        not_applicable: 0,
        unknown: 0,
        high_gaps: 0,
        level: null,
      },
      band: 'incomplete',
      high_gaps: 1,
      late_controls: 0,
      categories: [],
      groups: [],
      criteria: [
        {
          criterion: 'CC6.1',
          category: 'security',
          topic: 'Logical access',
          tally: { score: 40, questions: 2, answered: 2, not_applicable: 0, unknown: 0, high_gaps: 0, level: null },
        },
      ],
    },
  };
}

function gap(id: string, question: string): Gap {
  return {
    question_id: id,
    criteria: ['CC6.1'],
    question,
    finding: `No control for ${id}`,
    answer: 'partial',
    kind: 'answer',
    severity: 'high',
    weight: 5,
    key: false,
    note: '',
    remediation: 'mfa',
    owner: null,
  };
}

function plan(gaps: Gap[]): Plan {
  const profile = { audit_type: 'type1' as const, target_date: null, observation_start: null };
  return {
    plan_date: TODAY,
    profile,
    deadline: null,
    fit: { kind: 'no_target_date' },
    gaps,
    actions: [],
    prep: [],
    load: [],
    warnings: [],
    retired: [],
  };
}

function comparison(snapshot: SnapshotInfo, closed: number): Comparison {
  const delta = { key: 'overall', label: 'Overall', before: 30, now: 40, change: 10 };
  const change = {
    question_id: 'ACC-001',
    criterion: 'CC6.1',
    question: 'MFA?',
    before: 'partial' as const,
    now: 'implemented' as const,
    severity: 'high' as const,
  };
  return {
    snapshot,
    overall: delta,
    categories: [],
    criteria: [],
    gaps_closed: Array.from({ length: closed }, (_, i) => ({ ...change, question_id: `ACC-00${i + 1}` })),
    gaps_opened: [],
  };
}

beforeEach(() => {
  app.catalog = {
    version: '2026.11.0',
    roles: [],
    categories: [],
    criteria: [
      {
        id: 'CC6.1',
        category: 'security',
        group: 'CC6 Logical and physical access',
        topic: 'Logical access',
        requests: [],
      },
    ],
    questions: [],
    remediations: [],
    scoping: [],
    coverage: [],
    changes: { from: '', previous_ids: [], changed: [], split: [], merged: [], retired: [] },
  };
  app.current = detail();
  app.screen = 'results';
});

describe('Results screen', () => {
  it('shows the gaps of the latest read when an older answer arrives late', async () => {
    const answers: ((p: Plan) => void)[] = [];
    mockBackend((cmd) => {
      if (cmd === 'get_plan') return new Promise<Plan>((resolve) => answers.push(resolve));
      if (cmd === 'list_snapshots' || cmd === 'list_management_responses') return [];
      return unexpected(cmd);
    });
    render(Results);
    await waitFor(() => expect(answers).toHaveLength(1));
    // An answer is saved: the plan is read again before the first read has come back.
    app.current = detail(at(0));
    await waitFor(() => expect(answers).toHaveLength(2));
    answers[1]?.(plan([gap('ACC-002', 'Newest gap')]));
    // Listed among the top gaps and among the findings to respond to.
    expect((await screen.findAllByText('Newest gap')).length).toBe(2);
    answers[0]?.(plan([gap('ACC-001', 'Stale gap')]));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByText('Stale gap')).toBeNull();
    expect(screen.getAllByText('Newest gap').length).toBe(2);
  });

  it('shows no overall score before the first answer, not 0% in red', async () => {
    mockBackend((cmd) => (cmd === 'get_plan' ? plan([]) : []));
    app.current = detail(at(0), 0);
    render(Results);
    const score = await screen.findByTestId('overall-score');
    expect(score.textContent?.trim()).toBe('—');
    expect(score.className).toContain('tone-none');
  });

  it('says when the gaps could not be read', async () => {
    mockBackend((cmd) => {
      if (cmd === 'get_plan') return failure('io', 'The workspace file is locked.');
      if (cmd === 'list_snapshots') return [];
      if (cmd === 'register_overview') return registerOverview();
      return unexpected(cmd);
    });
    render(Results);
    expect((await screen.findByRole('alert')).textContent).toContain('The workspace file is locked.');
  });

  it('lists snapshots again after taking one, and compares again when the answers change', async () => {
    const snapshot: SnapshotInfo = { id: 5, label: 'Baseline', created_at: at(0), readiness: 30 };
    let taken = false;
    let closed = 0;
    const calls = mockBackend((cmd) => {
      switch (cmd) {
        case 'get_plan':
          return plan([]);
        case 'list_snapshots':
          return taken ? [snapshot] : [];
        case 'take_snapshot':
          taken = true;
          return snapshot;
        case 'compare_snapshot':
          closed += 1;
          return comparison(snapshot, closed);
        default:
          return unexpected(cmd);
      }
    });
    const { container } = render(Results);
    await fireEvent.input(screen.getByTestId('snapshot-label'), { target: { value: 'Baseline' } });
    await fireEvent.click(screen.getByTestId('take-snapshot'));
    await fireEvent.click(await screen.findByTestId('compare-snapshot'));
    expect((await screen.findByTestId('comparison')).textContent).toContain('Gaps closed (1)');

    app.current = detail(at(0));
    await waitFor(() => expect(screen.getByTestId('comparison').textContent).toContain('Gaps closed (2)'));
    expect(count(calls, 'compare_snapshot')).toBe(2);
    expect(await axeViolations(container)).toEqual([]);
  });

  it("never shows green for a score holding a high-severity gap: the level is the backend's", async () => {
    mockBackend((cmd) => (cmd === 'get_plan' ? plan([]) : []));
    const high = tally({ score: 92, questions: 5, answered: 5, high_gaps: 1, level: 'weak' });
    app.current = {
      ...detail(),
      scorecard: scorecard({
        overall: high,
        band: 'significant_gaps',
        high_gaps: 1,
        categories: [{ category: 'security', name: 'Security', tally: high }],
        criteria: [
          { criterion: 'CC6.1', category: 'security', topic: 'Logical access', tally: high },
          {
            criterion: 'CC6.2',
            category: 'security',
            topic: 'Provisioning',
            tally: tally({ score: 90, questions: 2, answered: 2, level: 'good' }),
          },
        ],
      }),
    };
    const { container } = render(Results);
    const score = await screen.findByTestId('overall-score');
    expect(score.textContent?.trim()).toBe('92%');
    expect(score.className).toContain('tone-weak');
    const cell = (id: string) => container.querySelector<HTMLElement>(`.cell[data-criterion="${id}"]`);
    expect(cell('CC6.1')?.dataset.level).toBe('weak');
    expect(cell('CC6.1')?.title).toBe('CC6.1 Logical access: 92%, 1 high-severity gap');
    expect(cell('CC6.2')?.dataset.level).toBe('good');
    const bar = screen.getByRole('meter', { name: 'Security readiness' });
    expect(bar.querySelector('.fill')?.className).toContain('bg-weak');
    // The legend's thresholds and words are the shared vocabulary's.
    expect(screen.getByTestId('heatmap-legend').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '85% or more 70–84% 40–69%, or a high-severity gap under 40% not answered or not applicable',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says how many controls started too late for a Type II observation period', async () => {
    mockBackend((cmd) => (cmd === 'get_plan' ? plan([]) : []));
    const base = detail();
    app.current = {
      ...base,
      summary: {
        ...base.summary,
        profile: { audit_type: 'type2', target_date: '2027-12-31', observation_start: '2027-06-01' },
      },
      scorecard: { ...base.scorecard, late_controls: 3 },
    };
    render(Results);
    expect((await screen.findByTestId('late-controls')).textContent).toBe('3');
    expect(screen.getByTestId('late-controls-note').textContent?.trim()).toBe(
      '3 controls started too late for the observation period.',
    );
  });

  it('shows nothing about late controls for a Type I audit', async () => {
    mockBackend((cmd) => (cmd === 'get_plan' ? plan([]) : []));
    render(Results);
    await screen.findByTestId('overall-score');
    expect(screen.queryByTestId('late-controls')).toBeNull();
  });
});
