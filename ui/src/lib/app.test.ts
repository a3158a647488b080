// AppState's save flow against a mocked Tauri IPC: success updates the open assessment, a
// failure keeps the input for a retry, and the retry saves it.
import { beforeEach, describe, expect, it } from 'vitest';
import { app } from './app.svelte';
import type {
  AnswerSaved,
  AppInfo,
  Overview,
  AssessmentDetail,
  AssessmentSummary,
  Response,
  SaveAnswerInput,
  Scorecard,
  Tally,
} from './api';
import {
  assessmentSummary,
  at,
  response as blankResponse,
  scorecard as blankScorecard,
  tally as blankTally,
} from '../test/fixtures';
import { failure, mockBackend, unexpected, type Call } from '../test/ipc';

function tally(answered: number, score: number | null): Tally {
  return blankTally({ score, questions: 3, answered });
}

function summary(answered: number, readiness: number | null): AssessmentSummary {
  return assessmentSummary({
    created_at: at(-2),
    updated_at: at(-2),
    opened_at: at(-2),
    answered,
    questions: 3,
    readiness,
  });
}

function scorecard(answered: number, score: number | null): Scorecard {
  return blankScorecard({ overall: tally(answered, score) });
}

function response(question_id: string, answer: Response['answer'], note = ''): Response {
  return blankResponse(question_id, { answer, note, updated_at: at(-2) });
}

/** An open assessment with SEC-001 answered and SEC-002 not yet. */
function openDetail(): AssessmentDetail {
  return {
    summary: summary(1, null),
    responses: [response('SEC-001', 'implemented'), response('SEC-002', null)],
    scorecard: scorecard(1, null),
    retired: [],
  };
}

const input: SaveAnswerInput = {
  assessment_id: 7,
  question_id: 'SEC-002',
  answer: 'partial',
  note: 'Only on email',
  flagged: false,
  owner: null,
  evidence: [],
  since: null,
  cadence: null,
  verified: false,
};

/** What the backend answers when `input` is saved. */
function savedFor(i: SaveAnswerInput): AnswerSaved {
  return {
    response: {
      question_id: i.question_id,
      answer: i.answer,
      note: i.note,
      updated_at: at(-1),
      flagged: i.flagged ?? false,
      owner: i.owner ?? null,
      evidence: i.evidence ?? [],
      needs_review: false,
      since: i.since ?? null,
      cadence: i.cadence ?? null,
      verified: i.verified ?? false,
    },
    summary: { ...summary(2, 50), updated_at: at(-1) },
    scorecard: scorecard(2, 50),
  };
}

/** Mocks save_answer: it fails while `failing()` is true, else answers `savedFor(input)`. */
function mockSave(failing: () => boolean): Call[] {
  return mockBackend((cmd, args) => {
    if (cmd !== 'save_answer') return unexpected(cmd);
    if (failing()) return failure('io', 'The workspace file is locked.');
    return savedFor((args as { input: SaveAnswerInput }).input);
  });
}

beforeEach(() => {
  // `app` is a module singleton; give each test the same starting point.
  app.current = openDetail();
  app.save = { kind: 'idle' };
});

describe('AppState.saveAnswer', () => {
  it('saves, marks the state saved and updates the open assessment', async () => {
    const calls = mockSave(() => false);
    const before = Date.now();

    await expect(app.saveAnswer(input)).resolves.toBe(true);

    expect(calls).toEqual([{ cmd: 'save_answer', args: { input } }]);
    expect(app.save.kind).toBe('saved');
    if (app.save.kind === 'saved') {
      expect(app.save.at.getTime()).toBeGreaterThanOrEqual(before);
    }
    const current = app.current;
    expect(current).not.toBeNull();
    expect(current?.summary).toEqual(savedFor(input).summary);
    expect(current?.scorecard).toEqual(savedFor(input).scorecard);
    // The saved response replaces the old one for that question; the others stay.
    expect(current?.responses).toHaveLength(2);
    expect(current?.responses).toContainEqual(savedFor(input).response);
    expect(current?.responses).toContainEqual(response('SEC-001', 'implemented'));
    expect(current?.responses.filter((r) => r.question_id === 'SEC-002')).toEqual([savedFor(input).response]);
    expect(app.responses.get('SEC-002')?.answer).toBe('partial');
    expect(app.responses.get('SEC-002')?.note).toBe('Only on email');
  });

  it('is saving while the backend works', async () => {
    let finish: (value: AnswerSaved) => void = () => {};
    mockBackend(() => new Promise<AnswerSaved>((resolve) => (finish = resolve)));

    const pending = app.saveAnswer(input);
    expect(app.save.kind).toBe('saving');
    finish(savedFor(input));
    await pending;
    expect(app.save.kind).toBe('saved');
  });

  it('leaves another assessment alone', async () => {
    mockSave(() => false);
    const other: SaveAnswerInput = { ...input, assessment_id: 99 };

    await expect(app.saveAnswer(other)).resolves.toBe(true);

    expect(app.save.kind).toBe('saved');
    expect(app.current).toEqual(openDetail());
  });

  it('keeps a failed save with its message and input, and changes nothing', async () => {
    mockSave(() => true);

    await expect(app.saveAnswer(input)).resolves.toBe(false);

    expect(app.save).toEqual({ kind: 'failed', message: 'The workspace file is locked.', retry: input });
    expect(app.current).toEqual(openDetail());
  });

  it('saves the kept input when retried after the backend recovers', async () => {
    let failing = true;
    const calls = mockSave(() => failing);

    await app.saveAnswer(input);
    expect(app.save.kind).toBe('failed');
    if (app.save.kind !== 'failed') return;
    const retry = app.save.retry;

    failing = false;
    await expect(app.saveAnswer(retry)).resolves.toBe(true);

    expect(calls).toEqual([
      { cmd: 'save_answer', args: { input } },
      { cmd: 'save_answer', args: { input } },
    ]);
    expect(app.save.kind).toBe('saved');
    expect(app.current?.summary).toEqual(savedFor(input).summary);
    expect(app.current?.responses).toContainEqual(savedFor(input).response);
    expect(app.responses.get('SEC-002')?.answer).toBe('partial');
  });
});

describe('AppState merging, undo and redo', () => {
  beforeEach(() => {
    app.close();
    app.current = openDetail();
  });

  function recordSaves(): SaveAnswerInput[] {
    const sent: SaveAnswerInput[] = [];
    mockBackend((cmd, args) => {
      if (cmd !== 'save_answer') return unexpected(cmd);
      const i = (args as { input: SaveAnswerInput }).input;
      sent.push(i);
      return savedFor(i);
    });
    return sent;
  }

  it('keeps the flag, owner, evidence, running dates and evidence check the input leaves out', async () => {
    const sent = recordSaves();
    const flagged: SaveAnswerInput = {
      ...input,
      flagged: true,
      owner: { kind: 'person', id: 4 },
      evidence: [{ description: 'Policy', link: '' }],
      since: '2026-01-05',
      cadence: 'quarterly',
      verified: true,
    };
    await app.saveAnswer(flagged);
    await app.saveAnswer({ assessment_id: 7, question_id: 'SEC-002', answer: 'implemented', note: 'Done' });
    expect(sent[1]).toMatchObject({
      answer: 'implemented',
      flagged: true,
      owner: { kind: 'person', id: 4 },
      since: '2026-01-05',
      cadence: 'quarterly',
      verified: true,
    });
    expect(sent[1]?.evidence).toEqual([{ description: 'Policy', link: '' }]);
  });

  it('says in words what Undo took back of an owner, a start date, a cadence and the evidence check', async () => {
    recordSaves();
    await app.saveAnswer({
      ...input,
      owner: { kind: 'role', role: 'Security lead' },
      since: '2026-01-05',
      cadence: 'monthly',
      verified: true,
    });
    expect(await app.undo()).toBe(true);
    expect(app.undoNotice).toBe(
      'Undone on SEC-002: answer cleared, owner no owner, start date cleared, cadence cleared, evidence check removed, note cleared.',
    );
    expect(await app.redo()).toBe(true);
    expect(app.undoNotice).toBe(
      'Redone on SEC-002: answer Partially implemented, owner “Security lead — not yet named”, running since 5 Jan 2026, runs monthly, checked against evidence, note changed.',
    );
  });

  it("walks back through the session's changes and forward again, saying what each step did", async () => {
    const sent = recordSaves();
    await app.saveAnswer(input); // SEC-002: no answer → Partially
    await app.saveAnswer({ ...input, answer: 'implemented', note: 'Done' }); // → Implemented
    expect(app.undoStack).toHaveLength(2);

    expect(await app.undo()).toBe(true);
    expect(sent.at(-1)).toMatchObject({ question_id: 'SEC-002', answer: 'partial', note: 'Only on email' });
    expect(app.undoNotice).toBe('Undone on SEC-002: answer Partially implemented, note restored.');
    expect(await app.undo()).toBe(true);
    expect(sent.at(-1)).toMatchObject({ answer: null, note: '' });
    expect(app.undoNotice).toBe('Undone on SEC-002: answer cleared, note cleared.');
    expect(await app.undo()).toBe(false);

    expect(await app.redo()).toBe(true);
    expect(sent.at(-1)).toMatchObject({ answer: 'partial' });
    expect(app.undoNotice).toBe('Redone on SEC-002: answer Partially implemented, note changed.');
    expect(await app.redo()).toBe(true);
    expect(sent.at(-1)).toMatchObject({ answer: 'implemented' });
    expect(await app.redo()).toBe(false);
    // Undo and Redo are not changes of their own: five saves, two changes to walk through.
    expect(sent).toHaveLength(6);
    expect(app.undoStack).toHaveLength(2);
  });

  it('drops the changes that could be redone when a new change is made', async () => {
    recordSaves();
    await app.saveAnswer(input);
    await app.undo();
    expect(app.redoStack).toHaveLength(1);
    await app.saveAnswer({ ...input, answer: 'unknown' });
    expect(app.redoStack).toEqual([]);
    expect(app.undoNotice).toBeNull();
  });

  it('keeps a change to undo when the undo fails, and forgets them all when the assessment closes', async () => {
    let failing = false;
    mockSave(() => failing);
    await app.saveAnswer(input);
    failing = true;
    expect(await app.undo()).toBe(false);
    expect(app.undoStack).toHaveLength(1);
    app.close();
    expect(app.undoStack).toEqual([]);
  });
});

describe('AppState start-up and the question bank', () => {
  it('opens with the app information and the workspace only, and fetches the bank once, when asked', async () => {
    const asked: string[] = [];
    const bank = {
      version: '2026.11.0',
      roles: [],
      categories: [],
      criteria: [],
      questions: [],
      remediations: [],
      scoping: [],
    };
    mockBackend((cmd) => {
      asked.push(cmd);
      if (cmd === 'app_info') return { version: '0.1.0', catalog_version: '2026.11.0', data_dir: '/tmp/w' };
      if (cmd === 'workspace_overview') return { clients: [], assessments: [], trash: [] };
      if (cmd === 'get_catalog') return bank;
      return unexpected(cmd);
    });
    app.catalog = null;
    await app.start();
    expect(asked.sort()).toEqual(['app_info', 'workspace_overview']);
    expect(app.catalog).toBeNull();

    const [first, second] = await Promise.all([app.loadCatalog(), app.loadCatalog()]);
    expect(first).toEqual(bank);
    expect(second).toBe(first);
    await app.loadCatalog();
    expect(asked.filter((c) => c === 'get_catalog')).toHaveLength(1);
    expect(app.catalog).toEqual(bank);
  });

  it('takes the reads the page entry started and asks for nothing more', async () => {
    const asked: string[] = [];
    mockBackend((cmd) => {
      asked.push(cmd);
      return unexpected(cmd);
    });
    app.fatal = null;
    const info: AppInfo = {
      version: '9.9.9',
      catalog_version: '2026.11.0',
      data_dir: '/tmp/early',
      database: '/tmp/early/workspace.sqlite3',
      scoring_method: 'Points per answer.',
    };
    const overview: Overview = { clients: [], assessments: [], trash: [] };
    await app.start(Promise.resolve([info, overview]));
    expect(asked).toEqual([]);
    expect(app.info).toEqual(info);
    expect(app.fatal).toBeNull();
  });

  it('reports a failed read from the page entry as the reason the workspace cannot open', async () => {
    mockBackend(() => undefined);
    app.fatal = null;
    await app.start(Promise.reject(new Error('workspace unreadable')));
    expect(app.fatal).toContain('workspace unreadable');
  });

  it('asks for the bank again after a failed fetch', async () => {
    let fail = true;
    mockBackend((cmd) => {
      if (cmd !== 'get_catalog') return unexpected(cmd);
      if (fail) return failure('internal', 'Bank unreadable.');
      return { version: 'x', roles: [], categories: [], criteria: [], questions: [], remediations: [], scoping: [] };
    });
    app.catalog = null;
    await expect(app.loadCatalog()).rejects.toMatchObject({ message: 'Bank unreadable.' });
    fail = false;
    await expect(app.loadCatalog()).resolves.toMatchObject({ version: 'x' });
  });
});
