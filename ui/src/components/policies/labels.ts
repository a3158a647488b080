// The Policies screen's words for statuses and export formats and the length limit of a
// section: the backend's shared vocabulary (the documents print the same), never a copy.
import { VOCABULARY } from '../../lib/bindings.gen';
import type { PolicyFormat, PolicyStatus } from '../../lib/api';

function labels<V extends string>(list: readonly { readonly value: V; readonly label: string }[]): Record<V, string> {
  return Object.fromEntries(list.map((e) => [e.value, e.label])) as Record<V, string>;
}

export const policyStatusLabel: Record<PolicyStatus, string> = labels(VOCABULARY.policy_statuses);

/** The export formats in the vocabulary's order, with their labels ("PDF", "Word", "Markdown"). */
export const policyFormats: readonly { readonly value: PolicyFormat; readonly label: string }[] =
  VOCABULARY.policy_formats;

/** The most characters a section's text may have. */
export const sectionChars: number = VOCABULARY.limits.section_chars;

/** A status as a badge's tone. */
export const statusTone: Record<PolicyStatus, string> = {
  draft: 'draft',
  in_review: 'review',
  approved: 'approved',
  retired: 'retired',
};

/** The changes of status a user can ask for from `status` (the backend refuses any other). */
export function nextStatuses(status: PolicyStatus): PolicyStatus[] {
  switch (status) {
    case 'draft':
      return ['in_review', 'approved'];
    case 'in_review':
      return ['approved', 'draft'];
    case 'approved':
      return ['draft', 'retired'];
    case 'retired':
      return ['draft'];
  }
}

/** What the button for a change to `to` says. */
export function actionLabel(from: PolicyStatus, to: PolicyStatus): string {
  if (to === 'in_review') return 'Send for review';
  if (to === 'approved') return 'Approve…';
  if (to === 'retired') return 'Retire';
  return from === 'in_review' ? 'Back to draft' : 'Start a new version';
}
