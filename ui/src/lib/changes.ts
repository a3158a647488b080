// The session's answer changes, for Undo and Redo: one change is a question's answer before and
// after a save, and these say in words what taking it back (or again) does.
import type { Person, SaveAnswerInput } from './api';
import { answerLabel, cadenceLabel, formatDay } from './format';
import { ownerLabel, sameOwner } from './owners';

/** One saved change to a question's answer: what it was before, what was saved. */
export interface Change {
  before: SaveAnswerInput;
  after: SaveAnswerInput;
}

function ownerText(a: SaveAnswerInput, people: Person[]): string {
  return a.owner ? `“${ownerLabel(a.owner, people)}”` : 'no owner';
}

/** What differs between two states of one answer, said as the state `to` is. */
function what(from: SaveAnswerInput, to: SaveAnswerInput, people: Person[], back = false): string {
  const parts: string[] = [];
  if (from.answer !== to.answer) parts.push(to.answer ? `answer ${answerLabel[to.answer]}` : 'answer cleared');
  if ((from.flagged ?? false) !== (to.flagged ?? false)) parts.push(to.flagged ? 'flagged' : 'flag removed');
  if (!sameOwner(from.owner, to.owner)) parts.push(`owner ${ownerText(to, people)}`);
  if ((from.since ?? null) !== (to.since ?? null))
    parts.push(to.since ? `running since ${formatDay(to.since)}` : 'start date cleared');
  if ((from.cadence ?? null) !== (to.cadence ?? null)) {
    parts.push(to.cadence ? `runs ${cadenceLabel[to.cadence].toLowerCase()}` : 'cadence cleared');
  }
  if ((from.verified ?? false) !== (to.verified ?? false))
    parts.push(to.verified ? 'checked against evidence' : 'evidence check removed');
  if (from.note !== to.note) parts.push(to.note ? (back ? 'note restored' : 'note changed') : 'note cleared');
  if (JSON.stringify(from.evidence ?? []) !== JSON.stringify(to.evidence ?? [])) {
    const n = to.evidence?.length ?? 0;
    parts.push(n === 1 ? '1 evidence reference' : `${n} evidence references`);
  }
  return parts.length > 0 ? parts.join(', ') : 'no change';
}

/** "Undone on ACC-004: answer Partially." */
export function undoneText(change: Change, people: Person[] = []): string {
  return `Undone on ${change.before.question_id}: ${what(change.after, change.before, people, true)}.`;
}

/** "Redone on ACC-004: answer Implemented." */
export function redoneText(change: Change, people: Person[] = []): string {
  return `Redone on ${change.after.question_id}: ${what(change.before, change.after, people)}.`;
}

/** What Undo would take back, for its button: "ACC-004: answer Implemented". */
export function changeText(change: Change, people: Person[] = []): string {
  return `${change.after.question_id}: ${what(change.before, change.after, people)}`;
}
