// The Questionnaire's navigation groups, built from the questions in scope: pure, no state.
import type { Catalog, Question, Response } from '../../lib/api';
import type { Filter, NavGroup } from './types';

/** True when the filter keeps the question answered with `r`. */
export function keeps(filter: Filter, r: Response | undefined): boolean {
  switch (filter) {
    case 'unanswered':
      return !r?.answer;
    case 'flagged':
      return r?.flagged ?? false;
    case 'gaps':
      return r?.answer === 'partial' || r?.answer === 'not_implemented' || r?.answer === 'unknown';
    case 'review':
      return r?.needs_review ?? false;
    default:
      return true;
  }
}

/**
 * The questions by criterion group (in the order they first appear), with what the filter keeps.
 * Inside a group, questions are ordered by their primary criterion (in the bank's criterion
 * order), then as listed, so each criterion's questions come together under one heading.
 */
export function navGroups(
  questions: Question[],
  catalog: Pick<Catalog, 'criteria' | 'categories'> | null,
  responses: Map<string, Response>,
  filter: Filter,
): NavGroup[] {
  const criteria = new Map((catalog?.criteria ?? []).map((c) => [c.id, c]));
  const categoryName = new Map((catalog?.categories ?? []).map((c) => [c.id, c.name]));
  const rank = new Map((catalog?.criteria ?? []).map((c, i) => [c.id, i]));
  const rankOf = (q: Question): number => rank.get(q.criteria[0] ?? '') ?? Number.MAX_SAFE_INTEGER;
  // Array sort is stable: questions of one criterion keep the order they were listed in.
  const ordered = questions.toSorted((a, b) => rankOf(a) - rankOf(b));
  const byName = new Map<string, NavGroup>();
  for (const q of ordered) {
    const c = criteria.get(q.criteria[0] ?? '');
    const name = c?.group ?? 'Other';
    let g = byName.get(name);
    if (!g) {
      g = { name, category: categoryName.get(c?.category ?? 'security') ?? '', questions: [], shown: [], answered: 0 };
      byName.set(name, g);
    }
    g.questions.push(q);
    const r = responses.get(q.id);
    if (keeps(filter, r)) g.shown.push(q);
    if (r?.answer) g.answered += 1;
  }
  return [...byName.values()];
}
