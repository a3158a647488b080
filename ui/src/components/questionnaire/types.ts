// The Questionnaire screen's shared types: the question filter, a group in the navigation and a
// change a question card asks to save. In a .ts module so every file (and the linter) sees them.
import type { Answer, Cadence, EvidenceRef, Owner, Question } from '../../lib/api';

export type Filter = 'all' | 'unanswered' | 'flagged' | 'gaps' | 'review';

export interface NavGroup {
  name: string;
  category: string;
  questions: Question[];
  /** The questions the filter keeps. */
  shown: Question[];
  answered: number;
}

/** What a card asks to save; fields left out keep their current values. */
export interface CardChange {
  answer?: Answer | null;
  note?: string;
  flagged?: boolean;
  owner?: Owner | null;
  evidence?: EvidenceRef[];
  /** A control running over time: the day it started (YYYY-MM-DD) and how often it runs. */
  since?: string | null;
  cadence?: Cadence | null;
  /** Checked against evidence, not only self-reported. */
  verified?: boolean;
}
