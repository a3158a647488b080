import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, parseDay, percent, todayIso } from './format';
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

  it('shows a timestamp with its time, day first', () => {
    expect(formatDateTime(`${TODAY}T09:05:00`)).toBe('29 Nov 2026, 09:05');
    expect(formatDateTime(null)).toBe('—');
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
    // One answer among hundreds is not nothing.
    expect(percent(0.4)).toBe('<1%');
    expect(percent(0)).toBe('0%');
  });
});

describe('parseDay', () => {
  it('reads a date typed day first, in the forms people type', () => {
    for (const typed of [
      '30 Sep 2027',
      '30 sept 2027',
      '30 September 2027',
      '30-Sep-27',
      '30/9/2027',
      '30.09.2027',
      '30/09/27',
      '2027-09-30',
      ' 30 Sep. 2027 ',
    ]) {
      expect(parseDay(typed), typed).toBe('2027-09-30');
    }
  });

  it('reads 1/2/2027 as the first of February, as the app shows dates', () => {
    expect(parseDay('1/2/2027')).toBe('2027-02-01');
  });

  it('refuses what is not a real day in the years the app keeps', () => {
    for (const typed of [
      '',
      'soon',
      '31 Feb 2027',
      '30 Se 2027',
      '2027-13-01',
      '1 Jan 1999',
      '1 Jan 2101',
      '30 Sep',
      '9/30/2027',
    ]) {
      expect(parseDay(typed), typed).toBeNull();
    }
  });

  it('gives back what formatDay shows', () => {
    expect(parseDay(formatDay('2028-02-29'))).toBe('2028-02-29');
  });
});

describe('todayIso', () => {
  it("is the machine's calendar day, padded", () => {
    expect(todayIso(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
    expect(todayIso(new Date(2028, 11, 31, 0, 0))).toBe('2028-12-31');
  });
});
