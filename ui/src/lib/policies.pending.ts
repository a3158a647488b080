// Policy types and commands written by hand to the contract (POLICY.md) until the backend's
// commands land and `scripts/gen-bindings` generates them; then this file goes.
import { invoke } from '@tauri-apps/api/core';
import type { ApiError, Result } from './bindings.gen';

export type PolicyStatus = 'draft' | 'in_review' | 'approved' | 'retired';
export type PolicyFormat = 'pdf' | 'docx' | 'md';
export type DiffKind = 'same' | 'added' | 'removed';
export type DiffLine = { kind: DiffKind; text: string };
export type ClauseState =
  | { kind: 'in_place' }
  | {
      kind: 'planned';
      questions: string[];
      action_key: string | null;
      action_title: string | null;
      due: string | null;
    };
export type GeneratedClause = { fact: string; text: string; state: ClauseState };
export type FrozenSection = { id: string; title: string; criteria: string[]; text: string; stated_facts: string[] };
export type PolicyRevision = {
  version: number;
  status: PolicyStatus;
  at: string;
  author: string;
  note: string;
  approver: string;
  approved_on: string | null;
  sections: FrozenSection[] | null;
};
export type SectionView = {
  id: string;
  title: string;
  criteria: string[];
  text: string;
  generated: string;
  edited: boolean;
  template_changed: boolean;
  diff: DiffLine[];
  clauses: GeneratedClause[];
};
export type PlannedClause = {
  section_id: string;
  section_title: string;
  fact: string;
  text: string;
  questions: string[];
  action_key: string | null;
  action_title: string | null;
  due: string | null;
};
export type Contradiction = {
  policy_id: string;
  policy_title: string;
  section_id: string;
  section_title: string;
  fact: string;
  text: string;
  questions: string[];
};
export type PolicyView = {
  id: string;
  title: string;
  summary: string;
  status: PolicyStatus;
  version: number;
  owner: number | null;
  owner_name: string;
  approver: number | null;
  approver_name: string;
  approved_on: string | null;
  next_review: string | null;
  review_months: number;
  criteria: string[];
  sections: SectionView[];
  planned: PlannedClause[];
  contradictions: Contradiction[];
  frozen: boolean;
  changed_since_approval: boolean;
  revisions: PolicyRevision[];
};
export type PolicyParameterView = {
  id: string;
  label: string;
  help: string;
  default: string;
  value: string | null;
  suggested: string | null;
  suggested_from: string | null;
};

async function run<T>(cmd: string, args: Record<string, unknown>): Promise<Result<T, ApiError>> {
  try {
    return { status: 'ok', data: await invoke<T>(cmd, args) };
  } catch (e) {
    if (e instanceof Error) throw e;
    return { status: 'error', error: e as ApiError };
  }
}

/** The generated bindings' shape, so api.ts changes only its import when they arrive. */
export const policyCommands = {
  listPolicies: (assessmentId: number) => run<PolicyView[]>('list_policies', { assessmentId }),
  getPolicy: (assessmentId: number, policyId: string) => run<PolicyView>('get_policy', { assessmentId, policyId }),
  policyContradictions: (assessmentId: number) => run<Contradiction[]>('policy_contradictions', { assessmentId }),
  listPolicyParameters: (assessmentId: number) =>
    run<PolicyParameterView[]>('list_policy_parameters', { assessmentId }),
  setPolicyParameter: (assessmentId: number, parameterId: string, value: string | null) =>
    run<null>('set_policy_parameter', { assessmentId, parameterId, value }),
  setPolicyPeople: (assessmentId: number, policyId: string, owner: number | null, approver: number | null) =>
    run<PolicyView>('set_policy_people', { assessmentId, policyId, owner, approver }),
  editPolicySection: (assessmentId: number, policyId: string, sectionId: string, text: string) =>
    run<PolicyView>('edit_policy_section', { assessmentId, policyId, sectionId, text }),
  revertPolicySection: (assessmentId: number, policyId: string, sectionId: string) =>
    run<PolicyView>('revert_policy_section', { assessmentId, policyId, sectionId }),
  acceptPolicyTemplate: (assessmentId: number, policyId: string, sectionId: string) =>
    run<PolicyView>('accept_policy_template', { assessmentId, policyId, sectionId }),
  setPolicyStatus: (
    assessmentId: number,
    policyId: string,
    status: PolicyStatus,
    approvedOn: string | null,
    note: string,
  ) => run<PolicyView>('set_policy_status', { assessmentId, policyId, status, approvedOn, note }),
  exportPolicy: (assessmentId: number, policyId: string, format: PolicyFormat) =>
    run<string | null>('export_policy', { assessmentId, policyId, format }),
  exportPolicyPack: (assessmentId: number, format: PolicyFormat) =>
    run<string | null>('export_policy_pack', { assessmentId, format }),
};

/** The vocabulary pback adds: status and format labels, the section length limit. */
export const POLICY_VOCABULARY = {
  policy_statuses: [
    { value: 'draft', label: 'Draft' },
    { value: 'in_review', label: 'In review' },
    { value: 'approved', label: 'Approved' },
    { value: 'retired', label: 'Retired' },
  ],
  policy_formats: [
    { value: 'pdf', label: 'PDF' },
    { value: 'docx', label: 'Word' },
    { value: 'md', label: 'Markdown' },
  ],
  limits: { section_chars: 20000 },
} as const;
