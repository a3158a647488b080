// The api module against a mocked Tauri IPC: command names, argument names, success data and
// the mapping of every kind of failure to a BackendError.
import { describe, expect, it } from 'vitest';
import type { Channel } from '@tauri-apps/api/core';
import {
  api,
  BackendError,
  messageOf,
  type AnswerSaved,
  type AssessmentDetail,
  type AssessmentSummary,
  type Client,
  type NewAssessmentInput,
  type PackProgress,
  type SaveAnswerInput,
  type Scorecard,
} from './api';
import { assessmentSummary, at, response } from '../test/fixtures';
import { mockBackend, type Call } from '../test/ipc';

/** Mocks the backend with one canned result for every command. */
const recordIPC = (result: unknown): Call[] => mockBackend(() => result);

/** Mocks the backend so that every command rejects with `reason`. */
const rejectIPC = (reason: unknown): Call[] => mockBackend(() => Promise.reject(reason));

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

const summary: AssessmentSummary = assessmentSummary({
  created_at: at(-2),
  updated_at: at(-1),
  answered: 1,
});

const scorecard: Scorecard = {
  overall: { score: null, questions: 10, answered: 1, not_applicable: 0, unknown: 0, high_gaps: 0, level: null },
  band: 'incomplete',
  high_gaps: 0,
  late_controls: 0,
  categories: [],
  groups: [],
  criteria: [],
};

describe('api commands', () => {
  it('createClient calls create_client with { name } and returns the client', async () => {
    const client: Client = {
      id: 3,
      name: 'Acme',
      created_at: at(-2),
      updated_at: at(-2),
    };
    const calls = recordIPC(client);
    await expect(api.createClient('Acme')).resolves.toEqual(client);
    expect(calls).toEqual([{ cmd: 'create_client', args: { name: 'Acme' } }]);
  });

  it('saveAnswer calls save_answer with { input } and returns what was saved', async () => {
    const input: SaveAnswerInput = {
      assessment_id: 7,
      question_id: 'SEC-001',
      answer: 'partial',
      note: 'MFA on email only',
    };
    const saved: AnswerSaved = {
      response: response('SEC-001', { answer: 'partial', note: 'MFA on email only' }),
      summary,
      scorecard,
    };
    const calls = recordIPC(saved);
    await expect(api.saveAnswer(input)).resolves.toEqual(saved);
    expect(calls).toEqual([{ cmd: 'save_answer', args: { input } }]);
  });

  it('openAssessment calls open_assessment with { id } and returns the detail', async () => {
    const detail: AssessmentDetail = { summary, responses: [], scorecard, retired: [] };
    const calls = recordIPC(detail);
    await expect(api.openAssessment(7)).resolves.toEqual(detail);
    expect(calls).toEqual([{ cmd: 'open_assessment', args: { id: 7 } }]);
  });

  it('createAssessment calls create_assessment with { input }', async () => {
    const input: NewAssessmentInput = {
      client_id: 3,
      name: 'Q3 readiness',
      scope: ['privacy'],
      profile: { audit_type: 'type2', target_date: '2027-12-31', observation_start: '2027-07-01' },
    };
    const calls = recordIPC(summary);
    await expect(api.createAssessment(input)).resolves.toEqual(summary);
    expect(calls).toEqual([{ cmd: 'create_assessment', args: { input } }]);
  });

  it('exportSummaryPdf calls export_summary_pdf with { id, change }', async () => {
    const calls = recordIPC({ status: 'cancelled' });
    await expect(api.exportSummaryPdf(7)).resolves.toEqual({ status: 'cancelled' });
    await api.exportSummaryPdf(7, 'Board comments');
    expect(calls).toEqual([
      { cmd: 'export_summary_pdf', args: { id: 7, change: '' } },
      { cmd: 'export_summary_pdf', args: { id: 7, change: 'Board comments' } },
    ]);
  });

  it('the argument-less commands use their backend names', async () => {
    const calls = recordIPC({});
    await api.appInfo();
    await api.catalog();
    await api.overview();
    expect(calls.map((c) => c.cmd)).toEqual(['app_info', 'get_catalog', 'workspace_overview']);
  });
});

describe('api failures', () => {
  it('turns a rejected {code, message} into a BackendError with that code and message', async () => {
    rejectIPC({ code: 'validation', message: 'A client needs a name.' });
    const e = await caught(api.createClient(''));
    expect(e).toBeInstanceOf(BackendError);
    expect(e).toBeInstanceOf(Error);
    const err = e as BackendError;
    expect(err.code).toBe('validation');
    expect(err.message).toBe('A client needs a name.');
    expect(err.name).toBe('BackendError');
  });

  it('keeps each error code', async () => {
    for (const code of ['not_found', 'conflict', 'io', 'internal'] as const) {
      rejectIPC({ code, message: `failed with ${code}` });
      const e = await caught(api.openAssessment(1));
      expect(e).toBeInstanceOf(BackendError);
      expect((e as BackendError).code).toBe(code);
      expect((e as BackendError).message).toBe(`failed with ${code}`);
    }
  });

  it('turns a rejected Error into an internal BackendError carrying its text', async () => {
    rejectIPC(new Error('IPC channel closed'));
    const e = await caught(api.saveAnswer({ assessment_id: 1, question_id: 'X', answer: null, note: '' }));
    expect(e).toBeInstanceOf(BackendError);
    expect((e as BackendError).code).toBe('internal');
    expect((e as BackendError).message).toContain('IPC channel closed');
  });

  // Tauri itself rejects with a plain string (unknown command, bad arguments), and the generated
  // bindings pass any non-Error rejection through unchecked: `call` must not trust its shape.
  it('turns a rejected plain string into an internal BackendError carrying the text', async () => {
    rejectIPC('command save_answer not found');
    const e = await caught(api.saveAnswer({ assessment_id: 1, question_id: 'X', answer: null, note: '' }));
    expect(e).toBeInstanceOf(BackendError);
    expect((e as BackendError).code).toBe('internal');
    expect((e as BackendError).message).toContain('command save_answer not found');
  });

  it('turns a rejected object without code/message into an internal BackendError', async () => {
    rejectIPC({ unexpected: true });
    const e = await caught(api.overview());
    expect(e).toBeInstanceOf(BackendError);
    expect((e as BackendError).code).toBe('internal');
    expect((e as BackendError).message).not.toBe('');
  });

  it('turns a rejected null into an internal BackendError', async () => {
    rejectIPC(null);
    const e = await caught(api.overview());
    expect(e).toBeInstanceOf(BackendError);
    expect((e as BackendError).code).toBe('internal');
  });
});

describe('messageOf', () => {
  it('returns the message of an Error', () => {
    expect(messageOf(new Error('disk full'))).toBe('disk full');
  });

  it('returns the message of a BackendError', () => {
    expect(messageOf(new BackendError({ code: 'io', message: 'Could not write the file.' }))).toBe(
      'Could not write the file.',
    );
  });

  it('returns a string as is', () => {
    expect(messageOf('plain text')).toBe('plain text');
  });

  it('stringifies anything else', () => {
    expect(messageOf(42)).toBe('42');
    expect(messageOf(null)).toBe('null');
    expect(messageOf(undefined)).toBe('undefined');
  });
});

describe('policy commands', () => {
  it('call the backend by the contract’s names with named arguments', async () => {
    const calls = recordIPC(null);
    await api.policies(7);
    await api.policy(7, 'access');
    await api.policyContradictions(7);
    await api.policyParameters(7);
    await api.setPolicyParameter(7, 'cloud', null);
    await api.setPolicyPeople(7, 'access', 1, null);
    await api.editPolicySection(7, 'access', 'scope', 'Text');
    await api.revertPolicySection(7, 'access', 'scope');
    await api.acceptPolicyTemplate(7, 'access', 'scope');
    await api.setPolicyStatus(7, 'access', 'approved', '2026-11-29', 'Signed');
    await api.exportPolicy(7, 'access', 'docx');
    await api.exportPolicyPack(7, 'md');
    const policy = { assessmentId: 7, policyId: 'access' };
    expect(calls).toEqual([
      { cmd: 'list_policies', args: { assessmentId: 7 } },
      { cmd: 'get_policy', args: policy },
      { cmd: 'policy_contradictions', args: { assessmentId: 7 } },
      { cmd: 'list_policy_parameters', args: { assessmentId: 7 } },
      { cmd: 'set_policy_parameter', args: { assessmentId: 7, parameterId: 'cloud', value: null } },
      { cmd: 'set_policy_people', args: { ...policy, owner: 1, approver: null } },
      { cmd: 'edit_policy_section', args: { ...policy, sectionId: 'scope', text: 'Text' } },
      { cmd: 'revert_policy_section', args: { ...policy, sectionId: 'scope' } },
      { cmd: 'accept_policy_template', args: { ...policy, sectionId: 'scope' } },
      { cmd: 'set_policy_status', args: { ...policy, status: 'approved', approvedOn: '2026-11-29', note: 'Signed' } },
      { cmd: 'export_policy', args: { ...policy, format: 'docx' } },
      { cmd: 'export_policy_pack', args: { assessmentId: 7, format: 'md' } },
    ]);
  });

  it('turn a refusal into a BackendError with the backend’s message', async () => {
    rejectIPC({ code: 'validation', message: 'A policy needs an approver before it is approved.' });
    const e = await caught(api.setPolicyStatus(7, 'access', 'approved', null, ''));
    expect(e).toBeInstanceOf(BackendError);
    expect((e as BackendError).message).toBe('A policy needs an approver before it is approved.');
    expect((e as BackendError).code).toBe('validation');
  });
});

describe('register commands', () => {
  it('call the backend by their names with named arguments', async () => {
    const calls = recordIPC(null);
    const choices: [string, 'name' | 'email'][] = [
      ['Full name', 'name'],
      ['Mail', 'email'],
    ];
    const course = {
      name: 'Security awareness',
      within_days: 30,
      every_months: 12,
      audience: { kind: 'everyone' },
    } as const;
    await api.chooseRosterFile(3, choices);
    await api.previewChosenRoster(3, choices);
    await api.importChosenRoster(3, choices);
    await api.courses(3);
    await api.addCourse(3, course);
    await api.updateCourse(5, course);
    await api.removeCourse(5);
    await api.completions(3);
    await api.recordCompletion(11, 5, '2026-11-02', 'certificate.pdf');
    await api.removeCompletion(9);
    await api.training(3);
    await api.acknowledgePolicy(7, 11, 'access-control', 2, '2026-12-01');
    await api.acknowledgements(7);
    await api.acknowledgementStatuses(7);
    await api.registerGaps(7);
    await api.erasePerson(11);
    expect(calls).toEqual([
      { cmd: 'choose_roster_file', args: { clientId: 3, choices } },
      { cmd: 'preview_chosen_roster', args: { clientId: 3, choices } },
      { cmd: 'import_chosen_roster', args: { clientId: 3, choices } },
      { cmd: 'list_courses', args: { clientId: 3 } },
      { cmd: 'add_course', args: { clientId: 3, input: course } },
      { cmd: 'update_course', args: { id: 5, input: course } },
      { cmd: 'remove_course', args: { id: 5 } },
      { cmd: 'list_completions', args: { clientId: 3 } },
      { cmd: 'record_completion', args: { personId: 11, courseId: 5, on: '2026-11-02', evidence: 'certificate.pdf' } },
      { cmd: 'remove_completion', args: { id: 9 } },
      { cmd: 'training_list', args: { clientId: 3 } },
      {
        cmd: 'acknowledge_policy',
        args: { assessmentId: 7, personId: 11, policyId: 'access-control', version: 2, on: '2026-12-01' },
      },
      { cmd: 'list_acknowledgements', args: { assessmentId: 7 } },
      { cmd: 'acknowledgement_statuses', args: { assessmentId: 7 } },
      { cmd: 'register_gaps', args: { assessmentId: 7 } },
      { cmd: 'erase_person', args: { id: 11 } },
    ]);
  });

  it('pass the roster preview through, and a cancelled dialog as null', async () => {
    const preview = { columns: [], rows: [], problems: [{ row: 3, problems: ['The name is missing.'] }] };
    recordIPC(preview);
    expect(await api.chooseRosterFile(3, [])).toEqual(preview);
    recordIPC(null);
    expect(await api.chooseRosterFile(3, [])).toBeNull();
  });

  it('turn a refused import into a BackendError with the backend’s message', async () => {
    rejectIPC({ code: 'validation', message: 'Row 3: the start date is not a date.' });
    const e = await caught(api.importChosenRoster(3, []));
    expect(e).toBeInstanceOf(BackendError);
    expect((e as BackendError).message).toBe('Row 3: the start date is not a date.');
  });
});

describe('evidence commands', () => {
  it('call the backend by their names with named arguments', async () => {
    const calls = recordIPC(null);
    const input = {
      attach: [{ kind: 'question' as const, id: 'ACC-001' }],
      dates: { produced_on: null, covers_from: null, covers_to: null, expires_on: '2027-01-31' },
      note: '',
      added_by: 'Dana',
    };
    const item = { owner: 'Sam', due: null, status: 'provided' as const, reason: null };
    await api.evidenceLocker(7, true);
    await api.chooseEvidenceFiles(7, input);
    await api.addDroppedEvidence(7, input);
    await api.attachEvidence(4, { kind: 'criterion', id: 'CC6.1' });
    await api.detachEvidence(4, { kind: 'request', id: 'CC6.1/1' });
    await api.trashEvidence(4, false);
    await api.emptyEvidenceTrash(7);
    await api.openEvidence(4);
    await api.saveEvidenceCopy(4);
    await api.requestList(7);
    await api.setRequestState(7, 'AUD-7', item);
    await api.chooseRequestList(7, [['Ref', 'reference']]);
    await api.previewChosenRequestList(7, [['Ref', 'ignore']]);
    await api.importChosenRequestList(7, [['Ref', 'reference']]);
    await api.observationCalendar(7);
    expect(calls).toEqual([
      { cmd: 'evidence_locker', args: { assessmentId: 7, withTrash: true } },
      { cmd: 'choose_evidence_files', args: { assessmentId: 7, input } },
      { cmd: 'add_dropped_evidence', args: { assessmentId: 7, input } },
      { cmd: 'attach_evidence', args: { fileId: 4, to: { kind: 'criterion', id: 'CC6.1' } } },
      { cmd: 'detach_evidence', args: { fileId: 4, from: { kind: 'request', id: 'CC6.1/1' } } },
      { cmd: 'trash_evidence', args: { fileId: 4, trashed: false } },
      { cmd: 'empty_evidence_trash', args: { assessmentId: 7 } },
      { cmd: 'open_evidence', args: { fileId: 4 } },
      { cmd: 'save_evidence_copy', args: { fileId: 4 } },
      { cmd: 'request_list', args: { assessmentId: 7 } },
      { cmd: 'set_request_state', args: { assessmentId: 7, reference: 'AUD-7', item } },
      { cmd: 'choose_request_list', args: { assessmentId: 7, choices: [['Ref', 'reference']] } },
      { cmd: 'preview_chosen_request_list', args: { assessmentId: 7, choices: [['Ref', 'ignore']] } },
      { cmd: 'import_chosen_request_list', args: { assessmentId: 7, choices: [['Ref', 'reference']] } },
      { cmd: 'observation_calendar', args: { assessmentId: 7 } },
    ]);
  });

  it('hand the pack a channel whose messages reach the progress callback', async () => {
    const seen: PackProgress[] = [];
    const calls = mockBackend((_cmd, args) => {
      const channel = args.progress as Channel<PackProgress>;
      channel.onmessage({ done: 1, total: 4 });
      channel.onmessage({ done: 4, total: 4 });
      return { files: 1, bytes: 4, folders: 1 };
    });
    expect(await api.exportEvidencePack(7, (p) => seen.push(p))).toEqual({ files: 1, bytes: 4, folders: 1 });
    expect(calls[0]?.cmd).toBe('export_evidence_pack');
    expect(calls[0]?.args).toMatchObject({ assessmentId: 7 });
    expect(seen).toEqual([
      { done: 1, total: 4 },
      { done: 4, total: 4 },
    ]);
  });

  it('turn a failure of the commands without a result into a BackendError too', async () => {
    const calls = recordIPC(null);
    await expect(api.cancelEvidencePack()).resolves.toBeNull();
    await expect(api.forgetDroppedFiles()).resolves.toBeNull();
    expect(calls.map((c) => c.cmd)).toEqual(['cancel_evidence_pack', 'forget_dropped_files']);
    rejectIPC({ code: 'internal', message: 'The app is shutting down.' });
    const e = await caught(api.cancelEvidencePack());
    expect(e).toBeInstanceOf(BackendError);
    expect((e as BackendError).message).toBe('The app is shutting down.');
  });
});
