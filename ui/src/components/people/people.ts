// A person's fields as the people dialog edits them, and the checks made before sending them
// (the backend checks again and has the last word): a name of 1 to 120 characters, a share of 1
// to 100 percent, an email that looks like one or none, and periods that end after they start.
import { VOCABULARY, type DateRange, type Person, type PersonInput } from '../../lib/bindings.gen';

export const NAME_MAX: number = VOCABULARY.limits.name_chars;

/** A period being typed: either end may still be missing. */
export interface RangeDraft {
  from: string;
  to: string;
}

/** The register's fields of a person, which this form does not edit but must send back as they
 * are: an update replaces every field, so leaving them out would wipe a roster import. */
export type RosterFields = Pick<Person, 'kind' | 'team' | 'start_date' | 'end_date' | 'access_removed_on'>;

/** The form's fields: the share as typed, the periods as drafts. */
export interface PersonDraft {
  name: string;
  role: string;
  email: string;
  share: string;
  days_off: RangeDraft[];
  roster: RosterFields;
}

export function blankDraft(): PersonDraft {
  return {
    name: '',
    role: '',
    email: '',
    share: String(VOCABULARY.default_share),
    days_off: [],
    roster: {},
  };
}

export function draftOf(p: Person): PersonDraft {
  return {
    name: p.name,
    role: p.role,
    email: p.email,
    share: String(p.share),
    days_off: p.days_off.map((r) => ({ ...r })),
    roster: {
      kind: p.kind,
      team: p.team,
      start_date: p.start_date,
      end_date: p.end_date,
      access_removed_on: p.access_removed_on,
    },
  };
}

/** What is wrong with a list of periods, or null. */
export function rangesProblem(what: string, ranges: RangeDraft[]): string | null {
  for (const r of ranges) {
    if (!r.from || !r.to) return `${what}: give each period its first and last day.`;
    if (r.to < r.from) return `${what}: a period ends before it starts.`;
  }
  return null;
}

/** The periods to send (checked with rangesProblem first). */
export function rangesOf(ranges: RangeDraft[]): DateRange[] {
  return ranges.map((r) => ({ from: r.from, to: r.to }));
}

/** Per field, what is wrong with the draft; empty when it can be sent. */
export type Problems = Partial<Record<'name' | 'share' | 'email' | 'days_off', string>>;

export function problemsOf(d: PersonDraft): Problems {
  const out: Problems = {};
  const name = d.name.trim();
  if (name === '') out.name = 'Give the person a name.';
  else if ([...name].length > NAME_MAX) out.name = `A name has at most ${NAME_MAX} characters.`;
  const share = Number(d.share);
  if (d.share.trim() === '' || !Number.isInteger(share) || share < 1 || share > 100) {
    out.share = 'The share of time for compliance work is a whole number from 1 to 100 percent.';
  }
  const email = d.email.trim();
  if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    out.email = `${email} does not look like an email address.`;
  }
  const ranges = rangesProblem('Days off', d.days_off);
  if (ranges) out.days_off = ranges;
  return out;
}

/** The input to send for a draft without problems. */
export function inputOf(d: PersonDraft): PersonInput {
  return {
    name: d.name.trim(),
    role: d.role.trim(),
    email: d.email.trim(),
    share: Number(d.share),
    days_off: rangesOf(d.days_off),
    ...d.roster,
  };
}
