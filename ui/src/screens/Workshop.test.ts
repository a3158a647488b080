// Workshop mode against a mocked Tauri IPC: one question at a time, answered and moved through
// with the keyboard, saves through app.saveAnswer, Not applicable waiting for its reason, the
// position kept while the app runs, and accessibility.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { tick } from 'svelte';
import Workshop from './Workshop.svelte';
import { app } from '../lib/app.svelte';
import { workshopMemory } from '../components/workshop/memory';
import type {
  AnswerSaved,
  AssessmentDetail,
  AssessmentSummary,
  Catalog,
  Question,
  Response,
  SaveAnswerInput,
  Scorecard,
} from '../lib/api';
import { assessmentSummary, at, bankQuestion } from '../test/fixtures';
import { axeViolations } from '../test/a11y';
import { mockBackend, unexpected, type Call } from '../test/ipc';

function question(id: string, criterion: string, text: string): Question {
  return bankQuestion(id, criterion, {
    text,
    why: `Why ${id} matters to an auditor.`,
    good: `What good looks like for ${id}.`,
    evidence: [`Evidence one for ${id}`, `Evidence two for ${id}`],
    remediation: 'mfa',
  });
}

const questions: Question[] = [
  question('GOV-001', 'CC1.1', 'Has every employee signed the code of conduct?'),
  question('GOV-002', 'CC1.1', 'Do staff declare conflicts of interest?'),
  question('ACC-001', 'CC6.1', 'Is MFA enforced for all staff?'),
  // Out of scope (privacy is not in the assessment): never shown.
  question('PRI-001', 'P1.1', 'Is there a privacy notice?'),
];

const catalog: Catalog = {
  version: '2026.11.0',
  roles: [],
  categories: [
    { id: 'security', name: 'Security', optional: false, summary: '' },
    { id: 'privacy', name: 'Privacy', optional: true, summary: '' },
  ],
  criteria: [
    {
      id: 'CC1.1',
      category: 'security',
      group: 'CC1 Control environment',
      topic: 'Integrity and ethical values',
      requests: [],
    },
    {
      id: 'CC6.1',
      category: 'security',
      group: 'CC6 Logical and physical access',
      topic: 'Logical access security',
      requests: [],
    },
    { id: 'P1.1', category: 'privacy', group: 'P1 Notice', topic: 'Privacy notice', requests: [] },
  ],
  questions,
  remediations: [],
  scoping: [],
  coverage: [],
  changes: { from: '', previous_ids: [], changed: [], split: [], merged: [], retired: [] },
};

function summary(answered: number): AssessmentSummary {
  return assessmentSummary({ catalog_version: '2026.11.0', answered, questions: 3 });
}

function scorecard(answered: number): Scorecard {
  return {
    overall: { score: null, questions: 3, answered, not_applicable: 0, unknown: 0, high_gaps: 0, level: null },
    band: 'incomplete',
    high_gaps: 0,
    late_controls: 0,
    categories: [],
    groups: [],
    criteria: [],
  };
}

function response(question_id: string, answer: Response['answer'], note = '', more: Partial<Response> = {}): Response {
  return {
    question_id,
    answer,
    note,
    updated_at: at(-28),
    flagged: false,
    owner: null,
    evidence: [],
    needs_review: false,
    since: null,
    cadence: null,
    verified: false,
    ...more,
  };
}

/** What the workshop sends for a question with nothing but an answer and a note. */
function sent(question_id: string, answer: SaveAnswerInput['answer'], note = ''): SaveAnswerInput {
  return {
    assessment_id: 7,
    question_id,
    answer,
    note,
    flagged: false,
    owner: null,
    evidence: [],
    since: null,
    cadence: null,
    verified: false,
  };
}

/** GOV-001 answered (flagged, with an owner, evidence and running dates), the other two not yet. */
const control = {
  owner: { kind: 'role', role: 'HR lead' },
  since: '2025-10-01',
  cadence: 'quarterly',
  verified: true,
} as const;
const evidence = [{ description: 'HR export', link: 'https://hr.example/export' }];
function detail(): AssessmentDetail {
  return {
    summary: summary(1),
    responses: [response('GOV-001', 'implemented', '', { flagged: true, ...control, evidence })],
    retired: [],
    scorecard: scorecard(1),
  };
}

/** Mocks save_answer: it answers the saved response, like the backend. */
function backend(): Call[] {
  return mockBackend((cmd, args) => {
    if (cmd !== 'save_answer') return unexpected(cmd);
    const input = (args as { input: SaveAnswerInput }).input;
    const saved: AnswerSaved = {
      response: response(input.question_id, input.answer, input.note, {
        updated_at: at(-27),
        flagged: input.flagged ?? false,
        owner: input.owner ?? null,
        evidence: input.evidence ?? [],
        since: input.since ?? null,
        cadence: input.cadence ?? null,
        verified: input.verified ?? false,
      }),
      summary: summary(2),
      scorecard: scorecard(2),
    };
    return saved;
  });
}

function saves(calls: Call[]): SaveAnswerInput[] {
  return calls.filter((c) => c.cmd === 'save_answer').map((c) => (c.args as { input: SaveAnswerInput }).input);
}

function shown(): string | undefined {
  return screen.getByTestId('workshop-question').dataset.question;
}

function progress(): DOMStringMap {
  return screen.getByTestId('workshop-progress').dataset;
}

function note(): HTMLTextAreaElement {
  return screen.getByTestId<HTMLTextAreaElement>('workshop-note');
}

async function press(key: string, target: Element = document.body): Promise<void> {
  await fireEvent.keyDown(target, { key });
  await tick();
}

beforeEach(() => {
  workshopMemory.reset();
  app.catalog = catalog;
  app.current = detail();
  app.save = { kind: 'idle' };
  app.screen = 'workshop';
});

describe('Workshop mode', () => {
  it('starts at the first unanswered question, with its place, progress and guidance', () => {
    backend();
    render(Workshop);

    expect(shown()).toBe('GOV-002');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Do staff declare conflicts of interest?');
    expect(progress()).toMatchObject({ position: '2', total: '3', answered: '1' });
    expect(screen.getByTestId('workshop-progress').textContent).toMatch(/Question\s*2\s*of 3/);
    expect(screen.getByTestId('workshop-question').textContent).toContain('CC1 Control environment');
    expect(screen.getByText('CC1.1')).toBeTruthy();
    // Guidance is shown by default in workshop mode.
    expect(screen.getByTestId('workshop-guidance').textContent).toContain('Why GOV-002 matters to an auditor.');
  });

  it("saves 'implemented' for the question shown when 1 is pressed, and stays on it", async () => {
    const calls = backend();
    render(Workshop);

    await press('1');

    await waitFor(() => expect(saves(calls)).toEqual([sent('GOV-002', 'implemented')]));
    await waitFor(() => expect(app.save.kind).toBe('saved'));
    expect(screen.getByTestId('save-status').dataset.state).toBe('saved');
    expect(shown()).toBe('GOV-002');
    await waitFor(() => expect(progress().answered).toBe('2'));
    const chosen = screen.getByRole('button', { name: 'Implemented' });
    expect(chosen.getAttribute('aria-pressed')).toBe('true');
  });

  it('moves with the arrows, J and K, and does not go past either end', async () => {
    backend();
    render(Workshop);

    await press('ArrowRight');
    expect(shown()).toBe('ACC-001');
    expect(progress().position).toBe('3');
    expect(screen.getByTestId('workshop-question').textContent).toContain('CC6 Logical and physical access');

    await press('j');
    expect(shown()).toBe('ACC-001');
    await press('ArrowLeft');
    await press('k');
    expect(shown()).toBe('GOV-001');
    await press('ArrowLeft');
    expect(shown()).toBe('GOV-001');
    await press(' ');
    expect(shown()).toBe('GOV-002');
  });

  it('does not save Not applicable without a note: it focuses the note and asks why', async () => {
    const calls = backend();
    render(Workshop);

    await press('4');
    await tick();

    expect(saves(calls)).toEqual([]);
    expect(document.activeElement).toBe(note());
    expect(screen.getByTestId('workshop-note-why').textContent).toContain('Say why it does not apply');

    // Leaving the field still empty saves nothing and keeps asking.
    await press('Escape', note());
    expect(document.activeElement).not.toBe(note());
    expect(saves(calls)).toEqual([]);
    expect(screen.getByTestId('workshop-note-why')).toBeTruthy();

    // With the reason given, Enter saves Not applicable with it.
    note().focus();
    await fireEvent.input(note(), { target: { value: 'No office: everyone works remotely' } });
    await press('Enter', note());
    await waitFor(() =>
      expect(saves(calls)).toEqual([sent('GOV-002', 'not_applicable', 'No office: everyone works remotely')]),
    );
    expect(screen.queryByTestId('workshop-note-why')).toBeNull();
  });

  it('saves Not applicable at once when the note already says why', async () => {
    const calls = backend();
    render(Workshop);

    await press('n');
    expect(document.activeElement).toBe(note());
    await fireEvent.input(note(), { target: { value: 'Not relevant here' } });
    await press('Escape', note());
    await waitFor(() => expect(saves(calls)).toHaveLength(1));
    expect(saves(calls)[0]).toEqual(sent('GOV-002', null, 'Not relevant here'));

    await press('4');
    await waitFor(() => expect(saves(calls)).toHaveLength(2));
    expect(saves(calls)[1]).toEqual(sent('GOV-002', 'not_applicable', 'Not relevant here'));
  });

  it('saves the note with the current answer when the field is left, keeping flag, owner and evidence', async () => {
    const calls = backend();
    render(Workshop);
    await press('ArrowLeft');
    expect(shown()).toBe('GOV-001');

    await press('n');
    await fireEvent.input(note(), { target: { value: 'Signed in the HR tool' } });
    // Keys typed in the note are text, not shortcuts.
    await press('1', note());
    await press('ArrowRight', note());
    expect(saves(calls)).toEqual([]);
    expect(shown()).toBe('GOV-001');

    await press('Escape', note());
    await waitFor(() =>
      expect(saves(calls)).toEqual([
        {
          assessment_id: 7,
          question_id: 'GOV-001',
          answer: 'implemented',
          note: 'Signed in the HR tool',
          flagged: true,
          ...control,
          evidence,
        },
      ]),
    );
    // Esc in the field only left it: still in workshop mode.
    expect(app.screen).toBe('workshop');
  });

  it('flags and unflags the question shown with F, keeping its answer, note, owner and evidence', async () => {
    const calls = backend();
    render(Workshop);
    await press('ArrowLeft');
    expect(shown()).toBe('GOV-001');
    expect(screen.getByTestId('workshop-flagged').textContent).toContain('Flagged for follow-up');

    await press('f');
    const kept = {
      assessment_id: 7,
      question_id: 'GOV-001',
      answer: 'implemented',
      note: '',
      ...control,
      evidence,
    };
    await waitFor(() => expect(saves(calls)).toEqual([{ ...kept, flagged: false }]));
    await waitFor(() => expect(screen.queryByTestId('workshop-flagged')).toBeNull());

    await press('F');
    await waitFor(() =>
      expect(saves(calls)).toEqual([
        { ...kept, flagged: false },
        { ...kept, flagged: true },
      ]),
    );
    await waitFor(() => expect(screen.getByTestId('workshop-flagged')).toBeTruthy());
    expect(shown()).toBe('GOV-001');
  });

  it('toggles the guidance with G and jumps to the next unanswered question with U', async () => {
    backend();
    render(Workshop);

    await press('g');
    expect(screen.queryByTestId('workshop-guidance')).toBeNull();
    await press('G');
    expect(screen.getByTestId('workshop-guidance')).toBeTruthy();

    await press('u');
    expect(shown()).toBe('ACC-001');
    await press('u');
    expect(shown()).toBe('GOV-002');
  });

  it('exits to the Questionnaire with Esc and with the exit button', async () => {
    backend();
    render(Workshop);

    await press('Escape');
    expect(app.screen).toBe('questionnaire');

    app.screen = 'workshop';
    await fireEvent.click(screen.getByTestId('workshop-exit'));
    expect(app.screen).toBe('questionnaire');
  });

  it('comes back to where it was left while the app runs', async () => {
    backend();
    const first = render(Workshop);
    await press('ArrowRight');
    expect(shown()).toBe('ACC-001');
    first.unmount();

    render(Workshop);
    expect(shown()).toBe('ACC-001');
  });

  it('shows an empty state when no assessment is open', () => {
    app.current = null;
    render(Workshop);
    expect(screen.getByRole('region', { name: 'No assessment open' })).toBeTruthy();
    expect(screen.queryByTestId('workshop-question')).toBeNull();
    expect(screen.getByTestId('workshop-exit')).toBeTruthy();
  });

  it('has no axe violations, with guidance, asking for a reason, and without guidance', async () => {
    backend();
    const { container } = render(Workshop);
    expect(await axeViolations(container)).toEqual([]);

    await press('4');
    expect(screen.getByTestId('workshop-note-why')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);

    await press('Escape', note());
    await press('g');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('has no axe violations in the empty state', async () => {
    app.current = null;
    const { container } = render(Workshop);
    expect(await axeViolations(container)).toEqual([]);
  });
});
