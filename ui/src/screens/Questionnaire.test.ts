// The Questionnaire against a mocked backend: each criterion heading once in a group, the focus
// on the question after "Jump to id", Undo and Redo through the session's changes with what each
// did, no readiness before the first answer, and accessibility.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import Questionnaire from './Questionnaire.svelte';
import { app } from '../lib/app.svelte';
import type {
  AnswerSaved,
  AssessmentDetail,
  Catalog,
  Contradiction,
  Question,
  RegisterOverview,
  Response,
  SaveAnswerInput,
} from '../lib/api';
import { contradiction } from '../test/policies';
import { registerOverview } from '../test/register';
import { assessmentSummary, at, bankQuestion } from '../test/fixtures';
import { axeViolations } from '../test/a11y';
import { count, mockBackend, unexpected, type Call } from '../test/ipc';

function question(id: string, criterion: string): Question {
  return bankQuestion(id, criterion);
}

// As the bank lists them: by id, so the criteria of CC6 interleave.
const questions = [
  question('ACC-001', 'CC6.1'),
  question('ACC-002', 'CC6.2'),
  question('ACC-003', 'CC6.1'),
  question('OPS-001', 'CC7.1'),
];

const catalog: Catalog = {
  version: '2026.11.0',
  roles: [],
  categories: [{ id: 'security', name: 'Security', optional: false, summary: '' }],
  criteria: [
    {
      id: 'CC6.1',
      category: 'security',
      group: 'CC6 Logical and physical access',
      topic: 'Logical access',
      requests: [],
    },
    {
      id: 'CC6.2',
      category: 'security',
      group: 'CC6 Logical and physical access',
      topic: 'Provisioning',
      requests: [],
    },
    { id: 'CC7.1', category: 'security', group: 'CC7 System operations', topic: 'Monitoring', requests: [] },
  ],
  questions,
  remediations: [],
  scoping: [],
  coverage: [],
  changes: { from: '', previous_ids: [], changed: [], split: [], merged: [], retired: [] },
};

function response(input: SaveAnswerInput): Response {
  return {
    question_id: input.question_id,
    answer: input.answer,
    note: input.note,
    updated_at: at(0),
    flagged: input.flagged ?? false,
    owner: input.owner ?? null,
    evidence: input.evidence ?? [],
    needs_review: false,
    since: null,
    cadence: null,
    verified: false,
  };
}

function detail(answered = 0): AssessmentDetail {
  return {
    summary: assessmentSummary({ answered, questions: 4, readiness: answered ? 50 : 0 }),
    responses: [],
    retired: [],
    scorecard: {
      overall: { score: 0, questions: 4, answered, not_applicable: 0, unknown: 0, high_gaps: 0, level: null },
      band: 'incomplete',
      high_gaps: 0,
      late_controls: 0,
      categories: [],
      groups: [],
      criteria: [],
    },
  };
}

/** Saves answers; `conflicts` answers policy_contradictions and `register` register_overview
 * (each call reads them anew). */
function backend(
  conflicts: () => Contradiction[] = () => [],
  register: () => RegisterOverview = () => registerOverview(),
): Call[] {
  let answered = 0;
  return mockBackend((cmd, args) => {
    if (cmd === 'policy_contradictions') return conflicts();
    if (cmd === 'register_overview') return register();
    if (cmd !== 'save_answer') return unexpected(cmd);
    const input = (args as { input: SaveAnswerInput }).input;
    answered = input.answer ? answered + 1 : Math.max(0, answered - 1);
    const saved: AnswerSaved = {
      response: response(input),
      summary: { ...detail(answered).summary, updated_at: at(0) },
      scorecard: detail(answered).scorecard,
    };
    return saved;
  });
}

function saves(calls: Call[]): SaveAnswerInput[] {
  return calls.filter((c) => c.cmd === 'save_answer').map((c) => (c.args as { input: SaveAnswerInput }).input);
}

function card(id: string): HTMLElement {
  const found = screen.getAllByTestId('question').find((c) => c.dataset.question === id);
  if (!found) throw new Error(`no card for ${id}`);
  return found;
}

beforeEach(() => {
  app.catalog = catalog;
  app.close();
  app.current = detail();
  app.save = { kind: 'idle' };
  app.screen = 'questionnaire';
  app.questionTarget = null;
  app.policyTarget = null;
});

describe('Questionnaire', () => {
  it("gathers a group's questions under their criterion, each heading once", () => {
    backend();
    render(Questionnaire);
    const headings = screen.getAllByRole('heading', { level: 3 }).filter((h) => h.classList.contains('criterion'));
    expect(headings.map((h) => h.querySelector('.chip')?.textContent)).toEqual(['CC6.1', 'CC6.2']);
    expect(screen.getAllByTestId('question').map((c) => c.dataset.question)).toEqual(['ACC-001', 'ACC-003', 'ACC-002']);
  });

  it('asks for the justification, not notes, once Not applicable is chosen', async () => {
    backend();
    render(Questionnaire);
    const note = within(card('ACC-001')).getByTestId<HTMLTextAreaElement>('note');
    expect(note.placeholder).toMatch(/What is in place/);
    await fireEvent.click(within(card('ACC-001')).getByText('Not applicable'));
    expect(note.placeholder).toMatch(/Why it does not apply/);
    expect(within(card('ACC-001')).getByText(/Justification/)).toBeTruthy();
  });

  it('shows no readiness before the first answer', () => {
    backend();
    render(Questionnaire);
    const readiness = screen.getByTestId('readiness');
    expect(readiness.textContent?.trim()).toBe('—');
    expect(readiness.className).toContain('tone-none');
  });

  it('moves the focus to the question after "Jump to id", so 1–5 answer it', async () => {
    const calls = backend();
    render(Questionnaire);
    const box = screen.getByPlaceholderText(/Jump to id/);
    box.focus();
    await fireEvent.input(box, { target: { value: 'acc-002' } });
    await fireEvent.submit(box.closest('form') as HTMLFormElement);
    await waitFor(() => expect(document.activeElement).toBe(card('ACC-002')));
    await fireEvent.keyDown(document.activeElement as Element, { key: '3' });
    await waitFor(() => expect(saves(calls)).toHaveLength(1));
    expect(saves(calls)[0]).toMatchObject({ question_id: 'ACC-002', answer: 'not_implemented' });
    expect((box as HTMLInputElement).value).toBe('');
  });

  it('walks back and forth through the changes with Ctrl Z and Ctrl Shift Z, saying what each did', async () => {
    const calls = backend();
    const { container } = render(Questionnaire);
    await fireEvent.click(within(card('ACC-001')).getByText('Implemented'));
    await waitFor(() => expect(app.save.kind).toBe('saved'));
    await fireEvent.click(within(card('ACC-003')).getByText('Partially'));
    await waitFor(() => expect(saves(calls)).toHaveLength(2));
    await waitFor(() => expect(app.save.kind).toBe('saved'));

    await fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() =>
      expect(screen.getByTestId('undo-notice').textContent).toBe('Undone on ACC-003: answer cleared.'),
    );
    await fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() =>
      expect(screen.getByTestId('undo-notice').textContent).toBe('Undone on ACC-001: answer cleared.'),
    );
    expect(
      saves(calls)
        .slice(2)
        .map((s) => [s.question_id, s.answer]),
    ).toEqual([
      ['ACC-003', null],
      ['ACC-001', null],
    ]);
    expect(screen.getByTestId<HTMLButtonElement>('undo').disabled).toBe(true);

    await fireEvent.keyDown(document.body, { key: 'Z', ctrlKey: true, shiftKey: true });
    await waitFor(() =>
      expect(screen.getByTestId('undo-notice').textContent).toBe('Redone on ACC-001: answer Implemented.'),
    );
    expect(saves(calls).at(-1)).toMatchObject({ question_id: 'ACC-001', answer: 'implemented' });
    await tick();
    expect(screen.getByTestId('redo').title).toBe('Redo ACC-003: answer Partially implemented');
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('policies and the questionnaire', () => {
  it('names the policy and section a question’s answer contradicts, links to it, and reads again after a save', async () => {
    let conflicts = [contradiction({ questions: ['ACC-003'], policy_title: 'Access control policy' })];
    const calls = backend(() => conflicts);
    render(Questionnaire);
    const notice = await within(card('ACC-003')).findByTestId('policy-contradiction');
    expect(notice.textContent?.replace(/\s+/g, ' ')).toContain(
      'The Access control policy, in “Authentication”, states this practice, which this answer denies.',
    );
    expect(within(card('ACC-001')).queryByTestId('policy-contradiction')).toBeNull();
    expect(calls.find((c) => c.cmd === 'policy_contradictions')?.args).toEqual({ assessmentId: 7 });

    // Answering changes the assessment (its updated_at): the contradictions are read again.
    conflicts = [contradiction({ questions: ['ACC-001'] })];
    await fireEvent.click(within(card('ACC-003')).getByText('Implemented'));
    await waitFor(() => expect(within(card('ACC-003')).queryByTestId('policy-contradiction')).toBeNull());
    const again = await within(card('ACC-001')).findByTestId('policy-contradiction');
    await fireEvent.click(within(again).getByRole('button', { name: 'Open the policy' }));
    expect(app.screen).toBe('policies');
    expect(app.policyTarget).toBe('access');
  });

  it('opens on the question a policy linked to', async () => {
    backend();
    app.questionTarget = 'ACC-002';
    render(Questionnaire);
    await waitFor(() => expect(document.activeElement).toBe(card('ACC-002')));
    expect(app.questionTarget).toBeNull();
  });
});

describe('the people register and the questionnaire', () => {
  it('shows the register’s suggestion with its evidence, and answers only when the assessor takes it', async () => {
    const evidence = '12 of 14 people on staff took Security awareness (within 30 days of joining) in time; 2 late.';
    const calls = backend(
      () => [],
      () =>
        registerOverview([2, 0, 0, 0, 0], {
          suggestions: [{ question_id: 'ACC-003', answer: 'partial', answer_label: 'Partially implemented', evidence }],
        }),
    );
    const { container } = render(Questionnaire);
    const note = await within(card('ACC-003')).findByTestId('register-suggestion');
    expect(note.textContent?.replace(/\s+/g, ' ')).toContain(
      `The people register suggests: Partially implemented. ${evidence}`,
    );
    expect(within(card('ACC-001')).queryByTestId('register-suggestion')).toBeNull();
    expect(calls.find((c) => c.cmd === 'register_overview')?.args).toEqual({ assessmentId: 7 });
    expect(saves(calls)).toEqual([]);
    expect(await axeViolations(container)).toEqual([]);

    // Taken: saved like any answer (the note kept), then the register is read again.
    await fireEvent.click(within(note).getByRole('button', { name: 'Use suggestion' }));
    await waitFor(() => expect(saves(calls)).toHaveLength(1));
    expect(saves(calls)[0]).toMatchObject({ question_id: 'ACC-003', answer: 'partial', note: '' });
    await within(card('ACC-003')).findByTestId('suggestion-matches');
    expect(within(card('ACC-003')).queryByRole('button', { name: 'Use suggestion' })).toBeNull();
    await waitFor(() => expect(count(calls, 'register_overview')).toBe(2));

    // The ordinary save path: undo takes it back.
    await fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(saves(calls)).toHaveLength(2));
    expect(saves(calls)[1]).toMatchObject({ question_id: 'ACC-003', answer: null });
  });
});
