// The plan's words for statuses, phases, priorities and action flags. Statuses, phases and
// priorities come from the backend's shared vocabulary (the reports print the same), never a copy.
import {
  VOCABULARY,
  type ActionFlag,
  type ActionStatus,
  type Cadence,
  type Phase,
  type Priority,
} from '../../lib/bindings.gen';

function labels<V extends string>(list: readonly { readonly value: V; readonly label: string }[]): Record<V, string> {
  return Object.fromEntries(list.map((e) => [e.value, e.label])) as Record<V, string>;
}

export const statusLabel: Record<ActionStatus, string> = labels(VOCABULARY.statuses);
export const phaseLabel: Record<Phase, string> = labels(VOCABULARY.phases);
export const priorityLabel: Record<Priority, string> = labels(VOCABULARY.priorities);
export const cadenceLabel: Record<Cadence, string> = labels(VOCABULARY.cadences);

/** In the vocabulary's order. */
export const statuses: ActionStatus[] = VOCABULARY.statuses.map((s) => s.value);
export const phases: Phase[] = VOCABULARY.phases.map((p) => p.value);
export const priorities: Priority[] = VOCABULARY.priorities.map((p) => p.value);

/** An action flag as a short badge, and what it means in full. */
export const flagLabel: Record<ActionFlag, { short: string; long: string }> = {
  after_observation_start: {
    short: 'After observation start',
    long: 'Type II: finishes after the observation period starts, so the control will not run all through it.',
  },
  unassigned: {
    short: 'Unassigned',
    long: 'Its owner is a role nobody is named for yet.',
  },
  over_capacity: {
    short: 'Over capacity',
    long: "Its owner's time does not fit these dates.",
  },
};

/** The assumed share of time for a role nobody is named for yet (percent). */
export const defaultShare: number = VOCABULARY.default_share;
