// The Questionnaire's groups: questions gathered under their primary criterion inside a group,
// the filter, and the answered counts.
import { describe, expect, it } from 'vitest';
import type { Catalog, Question, Response } from '../../lib/api';
import { at, bankQuestion } from '../../test/fixtures';
import { navGroups } from './groups';

function q(id: string, criterion: string): Question {
  return bankQuestion(id, criterion, { text: id });
}

const catalog: Pick<Catalog, 'criteria' | 'categories'> = {
  categories: [{ id: 'security', name: 'Security', optional: false, summary: '' }],
  criteria: [
    { id: 'CC6.1', category: 'security', group: 'CC6 Logical access', topic: 'Access', requests: [] },
    { id: 'CC6.2', category: 'security', group: 'CC6 Logical access', topic: 'Provisioning', requests: [] },
    { id: 'CC7.1', category: 'security', group: 'CC7 Operations', topic: 'Monitoring', requests: [] },
  ],
};

function answered(id: string): Response {
  return {
    question_id: id,
    answer: 'implemented',
    note: '',
    updated_at: at(0),
    flagged: false,
    owner: null,
    evidence: [],
    needs_review: false,
    since: null,
    cadence: null,
    verified: false,
  };
}

describe('navGroups', () => {
  it("lists a group's questions by primary criterion, so each criterion comes once", () => {
    // As the bank lists them: by id, the criteria interleaved.
    const questions = [
      q('ACC-001', 'CC6.1'),
      q('ACC-002', 'CC6.2'),
      q('ACC-003', 'CC6.1'),
      q('OPS-001', 'CC7.1'),
      q('ACC-004', 'CC6.2'),
    ];
    const groups = navGroups(questions, catalog, new Map(), 'all');
    expect(groups.map((g) => g.name)).toEqual(['CC6 Logical access', 'CC7 Operations']);
    expect(groups[0]?.shown.map((x) => x.id)).toEqual(['ACC-001', 'ACC-003', 'ACC-002', 'ACC-004']);
    const runs = (groups[0]?.shown ?? []).map((x) => x.criteria[0]).filter((c, i, all) => c !== all[i - 1]);
    expect(runs).toEqual(['CC6.1', 'CC6.2']);
  });

  it('keeps what the filter keeps and counts the answered questions', () => {
    const questions = [q('ACC-001', 'CC6.1'), q('ACC-002', 'CC6.2')];
    const groups = navGroups(questions, catalog, new Map([['ACC-002', answered('ACC-002')]]), 'unanswered');
    expect(groups[0]?.shown.map((x) => x.id)).toEqual(['ACC-001']);
    expect(groups[0]?.answered).toBe(1);
    expect(groups[0]?.category).toBe('Security');
  });
});
