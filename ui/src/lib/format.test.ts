import { describe, expect, it } from 'vitest';
import { formatDate, formatDay, percent } from './format';
import { TODAY } from '../test/fixtures';

describe('dates', () => {
  it('shows a timestamp as its day in the form the reports use', () => {
    // No zone: read as local time, so this holds in any time zone the tests run in.
    expect(formatDate(`${TODAY}T10:30:00`)).toBe('29 Nov 2026');
    expect(formatDate('2027-01-05T23:59:00')).toBe('5 Jan 2027');
  });

  it('shows a calendar day as that day whatever the time zone', () => {
    expect(formatDay('2026-12-31')).toBe('31 Dec 2026');
    expect(formatDay('2027-03-01')).toBe('1 Mar 2027');
  });

  it('shows a dash for no date and the text itself for one it cannot read', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDay(undefined)).toBe('—');
    expect(formatDate('soon')).toBe('soon');
    expect(formatDay('2026-13-45')).toBe('2026-13-45');
  });
});

describe('percent', () => {
  it('rounds a score and marks a missing one', () => {
    expect(percent(66.6)).toBe('67%');
    expect(percent(null)).toBe('—');
  });
});
