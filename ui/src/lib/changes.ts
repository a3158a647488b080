// The session's answer changes, for Undo and Redo: one change is a question's answer before and
// after a save, and these say in words what taking it back (or again) does.
import type { SaveAnswerInput } from './api';
import { answerLabel } from './format';

/** One saved change to a question's answer: what it was before, what was saved. */
export interface Change {
  before: SaveAnswerInput;
  after: SaveAnswerInput;
}

function ownerText(a: SaveAnswerInput): string {
  return a.owner ? `“${a.owner}”` : 'no owner';
}

/** What differs between two states of one answer, said as the state `to` is. */
function what(from: SaveAnswerInput, to: SaveAnswerInput, back = false): string {
  const parts: string[] = [];
  if (from.answer !== to.answer) parts.push(to.answer ? `answer ${answerLabel[to.answer]}` : 'answer cleared');
  if ((from.flagged ?? false) !== (to.flagged ?? false)) parts.push(to.flagged ? 'flagged' : 'flag removed');
  if ((from.owner ?? '') !== (to.owner ?? '')) parts.push(`owner ${ownerText(to)}`);
  if (from.note !== to.note) parts.push(to.note ? (back ? 'note restored' : 'note changed') : 'note cleared');
  if (JSON.stringify(from.evidence ?? []) !== JSON.stringify(to.evidence ?? [])) {
    const n = to.evidence?.length ?? 0;
    parts.push(n === 1 ? '1 evidence reference' : `${n} evidence references`);
  }
  return parts.length > 0 ? parts.join(', ') : 'no change';
}

/** "Undone on ACC-004: answer Partially." */
export function undoneText(change: Change): string {
  return `Undone on ${change.before.question_id}: ${what(change.after, change.before, true)}.`;
}

/** "Redone on ACC-004: answer Implemented." */
export function redoneText(change: Change): string {
  return `Redone on ${change.after.question_id}: ${what(change.before, change.after)}.`;
}

/** What Undo would take back, for its button: "ACC-004: answer Implemented". */
export function changeText(change: Change): string {
  return `${change.after.question_id}: ${what(change.before, change.after)}`;
}
