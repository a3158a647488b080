// A small in-memory register behind the mocked backend for the People screen's tests: people,
// courses, completions and acknowledgements change as the commands say, so the screen shows
// what it was sent back, not a canned answer.
import type {
  AckState,
  AckStatusView,
  Acknowledgement,
  Course,
  GapType,
  Person,
  PersonInput,
  PolicyView,
  RegisterGap,
  RegisterOverview,
  RosterPreview,
  SignSheetResults,
  TrainingRow,
} from '../lib/api';
import { app } from '../lib/app.svelte';
import { assessmentDetail, assessmentSummary, at, bankCatalog, day, person } from './fixtures';
import { failure, mockBackend, unexpected, type Call } from './ipc';
import { policyView } from './policies';

export interface Register {
  people: Person[];
  acks: Acknowledgement[];
  training: TrainingRow[];
  courses: Course[];
  gaps: RegisterGap[];
  policies: PolicyView[];
  preview: RosterPreview | null;
  /** Where the register's documents are "saved" (null: the user cancels the dialog). */
  savedTo: string | null;
  /** A refusal of the next signed sheet, as the backend words it. */
  refuseSheet: string | null;
  calls: Call[];
}

/** A policy approved at `versions` (the newest is in force). */
export function approved(id: string, title: string, ...versions: number[]): PolicyView {
  return policyView(id, {
    title,
    summary: `${title} in short.`,
    status: 'approved',
    version: Math.max(...versions),
    version_in_force: Math.max(...versions),
    revisions: versions.map((version) => ({
      version,
      status: 'approved' as const,
      at: at(-30),
      author: 'Dana',
      note: '',
      approver: 'Sam',
      approved_on: day(-30),
      sections: null,
    })),
  });
}

/** The register's acknowledgement states as the backend sends them (the domain's rule and
 * labels, restated here as test scaffolding): every person against every policy in force. */
function ackStatuses(reg: Register): AckStatusView[] {
  const labels: Record<AckState, string> = {
    current: 'Acknowledged',
    stale: 'Acknowledged an older version',
    missing: 'Not acknowledged',
  };
  return reg.people.flatMap((person) =>
    reg.policies.flatMap((policy) => {
      const inForce = policy.version_in_force;
      if (inForce === null) return [];
      const newest = reg.acks
        .filter((a) => a.person_id === person.id && a.policy_id === policy.id)
        .reduce<Acknowledgement | null>((a, b) => (a && a.version >= b.version ? a : b), null);
      const state: AckState = !newest ? 'missing' : newest.version >= inForce ? 'current' : 'stale';
      return [
        {
          person_id: person.id,
          policy_id: policy.id,
          version_in_force: inForce,
          state,
          label: labels[state],
          acknowledged_version: newest?.version ?? null,
          acknowledged_on: newest?.acknowledged_on ?? null,
        },
      ];
    }),
  );
}

export function register(over: Partial<Register> = {}): Register {
  const reg: Register = {
    people: [
      person({ id: 1, name: 'Dana Reyes', email: 'dana@acme.test', team: 'Eng', start_date: day(-400) }),
      person({ id: 2, name: 'Sam Okafor', role: 'CEO', email: 'sam@acme.test', start_date: day(-900) }),
      person({ id: 3, name: 'Lee Park', email: 'lee@acme.test', start_date: day(-500), end_date: day(-10) }),
    ],
    acks: [],
    training: [],
    courses: [],
    gaps: [],
    policies: [approved('access', 'Access control policy', 1, 2), approved('incident', 'Incident response policy', 1)],
    preview: null,
    savedTo: '/home/me/Acme document',
    refuseSheet: null,
    calls: [],
    ...over,
  };
  let nextId = 100;
  reg.calls = mockBackend((cmd, args) => {
    switch (cmd) {
      case 'list_people':
        return reg.people;
      case 'add_person': {
        const input = args.input as PersonInput;
        reg.people = [...reg.people, { ...input, id: nextId++, client_id: args.clientId as number }];
        return reg.people.at(-1);
      }
      case 'update_person': {
        const input = args.input as PersonInput;
        reg.people = reg.people.map((p) => (p.id === args.id ? { ...p, ...input } : p));
        return reg.people.find((p) => p.id === args.id);
      }
      case 'erase_person':
        reg.people = reg.people.filter((p) => p.id !== args.id);
        reg.acks = reg.acks.filter((a) => a.person_id !== args.id);
        return { rows_removed: 3, file_cleared: true };
      case 'list_courses':
        return [...reg.courses];
      case 'record_completion':
        return {
          id: nextId++,
          person_id: args.personId,
          course_id: args.courseId,
          completed_on: args.on,
          evidence: args.evidence,
        };
      case 'training_list':
        return reg.training;
      case 'list_policies':
        return reg.policies;
      case 'list_acknowledgements':
        return reg.acks;
      case 'acknowledgement_statuses':
        return ackStatuses(reg);
      case 'register_gaps':
        return reg.gaps;
      case 'acknowledge_policy':
        reg.acks = [
          ...reg.acks,
          {
            person_id: args.personId as number,
            assessment_id: args.assessmentId as number,
            policy_id: args.policyId as string,
            version: args.version as number,
            acknowledged_on: args.on as string,
          },
        ];
        return null;
      case 'export_register_workbook':
      case 'export_training_attestation':
      case 'export_sign_sheet':
        return reg.savedTo;
      case 'record_sign_sheet': {
        if (reg.refuseSheet) return failure('validation', reg.refuseSheet);
        const results = args.results as SignSheetResults;
        let added = 0;
        for (const personId of results.person_ids) {
          for (const policyId of results.policy_ids) {
            const policy = reg.policies.find((p) => p.id === policyId);
            const version = policy ? policy.version_in_force : null;
            if (version === null) return failure('validation', `${policyId} is not approved.`);
            if (reg.acks.some((a) => a.person_id === personId && a.policy_id === policyId && a.version === version))
              continue;
            added += 1;
            reg.acks = [
              ...reg.acks,
              {
                person_id: personId,
                assessment_id: args.assessmentId as number,
                policy_id: policyId,
                version,
                acknowledged_on: results.signed_on,
              },
            ];
          }
        }
        return { people: results.person_ids.length, policies: results.policy_ids.length, added };
      }
      case 'choose_roster_file':
      case 'preview_chosen_roster':
        return reg.preview;
      case 'import_chosen_roster':
        return reg.preview?.rows.length ?? 0;
      default:
        return unexpected(cmd);
    }
  });
  return reg;
}

/** Opens the sample assessment (id 7, client 3) on the People screen's data. */
export async function openPeople(): Promise<void> {
  app.current = assessmentDetail({ summary: assessmentSummary({ updated_at: at(-1) }) });
  app.catalog = bankCatalog();
  app.screen = 'people';
  app.leaving = null;
  // A fresh read of this test's people, not the previous test's.
  await app.clientPeople.track(null);
  await app.clientPeople.track(3);
}

/** The register in counts as the backend sends it: every kind once, `counts` in their order. */
export function registerOverview(
  counts: [number, number, number, number, number] = [0, 0, 0, 0, 0],
  over: Partial<RegisterOverview> = {},
): RegisterOverview {
  const kinds: [GapType, string][] = [
    ['not_trained_in_time', 'Not trained in time'],
    ['refresh_overdue', 'Refresh overdue'],
    ['acknowledgement_missing', 'Acknowledgement missing'],
    ['acknowledgement_stale', 'Acknowledgement stale'],
    ['access_removal_missing', 'Access removal not recorded'],
  ];
  return {
    people: 14,
    leavers: 2,
    courses: 1,
    policies_in_force: 3,
    gaps: kinds.map(([kind, label], i) => ({ kind, label, count: counts[i] ?? 0 })),
    total_gaps: counts.reduce((a, b) => a + b, 0),
    suggestions: [],
    ...over,
  };
}
