// A small in-memory evidence locker behind the mocked backend for the Evidence screen's tests:
// files, the request list and the calendar change as the commands say, so the screen shows what
// it was sent back. The evidence pack waits for the test to report progress and end it.
import type { Channel } from '@tauri-apps/api/core';
import type {
  Attachment,
  EvidenceFile,
  EvidenceInput,
  DropSignal,
  ItemState,
  ObservationCalendar,
  ObservationRow,
  PackProgress,
  PackSummary,
  RequestImportPreview,
  RequestItem,
} from '../lib/api';
import { app } from '../lib/app.svelte';
import { assessmentDetail, assessmentSummary, at, bankCatalog, bankQuestion, day } from './fixtures';
import { failure, mockBackend, unexpected, type Call } from './ipc';

const MB = 1024 * 1024;

export function evidenceFile(id: number, name: string, over: Partial<EvidenceFile> = {}): EvidenceFile {
  return {
    id,
    uid: `uid-${id}`,
    name,
    media_type: 'application/pdf',
    size: 1.5 * MB,
    sha256: `${String(id).repeat(8)}abcdef0123456789`.padEnd(64, '0'),
    added_by: 'Dana',
    added_at: at(-3),
    dates: { produced_on: null, covers_from: null, covers_to: null, expires_on: null },
    note: '',
    deleted: false,
    attached: [{ kind: 'question', id: 'ACC-001' }],
    ...over,
  };
}

export function requestItem(reference: string, over: Partial<RequestItem> = {}): RequestItem {
  return {
    reference,
    source: 'criterion',
    title: `Request ${reference}`,
    detail: '',
    criteria: ['CC6.1'],
    question_id: null,
    owner: null,
    due: null,
    status: 'requested',
    reason: null,
    files: 0,
    ...over,
  };
}

export function calendarRow(questionId: string, over: Partial<ObservationRow> = {}): ObservationRow {
  return {
    question_id: questionId,
    question: `Question ${questionId}?`,
    cadence: 'quarterly',
    owner: 'Dana Reyes',
    runs: [
      { from: day(-270), due: day(-181), covered: true },
      { from: day(-180), due: day(-91), covered: true },
      { from: day(-90), due: day(-1), covered: true },
    ],
    recorded: 3,
    too_few: false,
    older_than_period: 0,
    ...over,
  };
}

export interface Locker {
  files: EvidenceFile[];
  requests: RequestItem[];
  calendar: ObservationCalendar;
  /** A refusal of the next files added, as the backend words it. */
  refuseAdd: string | null;
  /** The names of files dropped on the window. */
  dropped: string[];
  /** What the auditor's list chosen (and each remapping) checks as. */
  preview: RequestImportPreview | null;
  /** The pack being built: its progress channel and how to end it. */
  pack: { progress: Channel<PackProgress>; finish: (summary: PackSummary | null) => void } | null;
  /** The channel the screen watches drops on (null: it does not, or the backend refused). */
  drops: Channel<DropSignal> | null;
  /** The backend accepts a drop watcher. */
  dropsAllowed: boolean;
  calls: Call[];
}

export function locker(over: Partial<Locker> = {}): Locker {
  const state: Locker = {
    files: [
      evidenceFile(1, 'access-review-q1.pdf', {
        attached: [
          { kind: 'question', id: 'ACC-001' },
          { kind: 'request', id: 'CC6.1/1' },
        ],
        dates: { produced_on: day(-200), covers_from: day(-240), covers_to: day(-150), expires_on: null },
        note: 'Signed by the CTO',
      }),
      evidenceFile(2, 'pentest-2025.pdf', {
        attached: [{ kind: 'criterion', id: 'CC8.1' }],
        dates: { produced_on: day(-400), covers_from: null, covers_to: null, expires_on: day(-10) },
      }),
      evidenceFile(3, 'setup.sh', { media_type: 'text/x-shellscript', deleted: true, size: 900 }),
    ],
    requests: [
      requestItem('CC6.1/1', { title: 'Quarterly access reviews', files: 1 }),
      requestItem('ACC-001', { source: 'control', title: 'Access review records', question_id: 'ACC-001' }),
      requestItem('AUD-7', {
        source: 'auditor',
        title: 'Change tickets for a sample',
        criteria: ['CC8.1'],
        status: 'provided',
        owner: 'Sam',
      }),
    ],
    calendar: { from: day(-270), to: day(90), rows: [calendarRow('ACC-001')], unavailable: null },
    refuseAdd: null,
    dropped: [],
    preview: null,
    pack: null,
    drops: null,
    dropsAllowed: false,
    calls: [],
    ...over,
  };
  let nextId = 100;
  let cancelPack: (() => void) | null = null;
  const file = (id: unknown): EvidenceFile => {
    const found = state.files.find((f) => f.id === id);
    if (!found) throw new Error(`no file ${String(id)}`);
    return found;
  };
  const replace = (changed: EvidenceFile): EvidenceFile => {
    state.files = state.files.map((f) => (f.id === changed.id ? changed : f));
    return changed;
  };
  const add = (names: string[], input: EvidenceInput): Promise<EvidenceFile[]> | EvidenceFile[] => {
    if (state.refuseAdd) return failure('validation', state.refuseAdd);
    const added = names.map((name) =>
      evidenceFile(nextId++, name, {
        attached: input.attach,
        dates: input.dates,
        note: input.note,
        added_by: input.added_by,
      }),
    );
    state.files = [...state.files, ...added];
    return added;
  };
  state.calls = mockBackend((cmd, args) => {
    switch (cmd) {
      case 'evidence_locker':
        return {
          files: args.withTrash ? state.files : state.files.filter((f) => !f.deleted),
          workspace_bytes: 1.2 * 1024 * MB,
          workspace_limit: 8 * 1024 * MB,
          file_limit: 200 * MB,
        };
      case 'choose_evidence_files':
        return add(['new-policy.pdf'], args.input as EvidenceInput);
      case 'dropped_files':
        return state.dropped;
      case 'add_dropped_evidence': {
        const names = state.dropped;
        state.dropped = [];
        return add(names, args.input as EvidenceInput);
      }
      case 'forget_dropped_files':
        state.dropped = [];
        return null;
      case 'attach_evidence': {
        const f = file(args.fileId);
        return replace({ ...f, attached: [...f.attached, args.to as Attachment] });
      }
      case 'detach_evidence': {
        const f = file(args.fileId);
        if (f.attached.length === 1) return failure('validation', 'A file keeps at least one attachment.');
        const from = args.from as Attachment;
        return replace({ ...f, attached: f.attached.filter((a) => a.kind !== from.kind || a.id !== from.id) });
      }
      case 'trash_evidence':
        replace({ ...file(args.fileId), deleted: args.trashed as boolean });
        return null;
      case 'empty_evidence_trash': {
        const before = state.files.length;
        state.files = state.files.filter((f) => !f.deleted);
        return before - state.files.length;
      }
      case 'open_evidence': {
        const f = file(args.fileId);
        if (f.media_type !== 'application/pdf') {
          return failure('validation', `${f.name} is not a file Trustgap opens; save a copy instead.`);
        }
        return null;
      }
      case 'save_evidence_copy':
        return true;
      case 'export_evidence_pack':
        return new Promise((resolve, reject) => {
          state.pack = {
            progress: args.progress as Channel<PackProgress>,
            finish: (summary) => resolve(summary),
          };
          cancelPack = () => reject({ code: 'validation', message: 'The evidence pack was cancelled.' });
        });
      case 'cancel_evidence_pack':
        cancelPack?.();
        return null;
      case 'request_list':
        return state.requests;
      case 'set_request_state': {
        const item = args.item as ItemState;
        if (item.status === 'not_applicable' && !item.reason) {
          return failure('validation', 'Say why the item does not apply.');
        }
        const changed = state.requests.find((r) => r.reference === args.reference);
        if (!changed) return failure('not_found', 'No such item.');
        const next: RequestItem = {
          ...changed,
          owner: item.owner,
          due: item.due,
          status: item.status ?? 'requested',
          reason: item.reason,
        };
        state.requests = state.requests.map((r) => (r.reference === next.reference ? next : r));
        return next;
      }
      case 'choose_request_list':
      case 'preview_chosen_request_list':
        return state.preview;
      case 'import_chosen_request_list':
        return state.preview?.items.length ?? 0;
      case 'observation_calendar':
        return state.calendar;
      case 'watch_drops':
        if (!state.dropsAllowed) return Promise.reject('watch_drops failed');
        state.drops = args.events as Channel<DropSignal>;
        return null;
      default:
        return unexpected(cmd);
    }
  });
  return state;
}

/** Signals the screen as the window would: files dragged over, dropped, or leaving. */
export function emitDrop(state: Locker, signal: DropSignal): void {
  if (!state.drops) throw new Error('nobody watches drops');
  state.drops.onmessage(signal);
}

/** Opens Acme's assessment (id 7, Security) on the Evidence screen, with a bank of three questions. */
export function openEvidence(): void {
  app.current = assessmentDetail({ summary: assessmentSummary({ updated_at: at(-1) }) });
  app.catalog = bankCatalog({
    criteria: [
      { id: 'CC6.1', category: 'security', group: 'CC6', topic: 'Logical access', requests: [] },
      { id: 'CC8.1', category: 'security', group: 'CC8', topic: 'Change management', requests: [] },
      { id: 'A1.2', category: 'availability', group: 'A1', topic: 'Backups', requests: [] },
    ],
    questions: [
      bankQuestion('ACC-001', 'CC6.1', { text: 'Are user access rights reviewed every quarter?' }),
      bankQuestion('CHG-002', 'CC8.1', { text: 'Are changes approved before release?' }),
      bankQuestion('BCK-001', 'A1.2', { text: 'Are backups tested?' }),
    ],
  });
  app.screen = 'evidence';
  app.leaving = null;
}
