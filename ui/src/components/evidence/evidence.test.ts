// The Evidence screen's pure helpers: sizes in words, expiry, periods, and the request list's
// counts and filters.
import { describe, expect, it } from 'vitest';
import { countByStatus, filterRequests, formatBytes, isExpired, periodOf } from './evidence';
import { requestItem } from '../../test/evidence';

describe('sizes', () => {
  it('reads in bytes, then one decimal below ten units and none above', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB');
    expect(formatBytes(8 * 1024 ** 3)).toBe('8 GB');
    expect(formatBytes(1.25 * 1024 ** 3)).toBe('1.3 GB');
  });
});

describe('dates', () => {
  const none = { produced_on: null, covers_from: null, covers_to: null, expires_on: null };

  it('counts a file as expired from the day after its expiry', () => {
    expect(isExpired({ ...none, expires_on: '2026-03-31' }, '2026-03-31')).toBe(false);
    expect(isExpired({ ...none, expires_on: '2026-03-31' }, '2026-04-01')).toBe(true);
    expect(isExpired(none, '2026-04-01')).toBe(false);
  });

  it('shows the period covered, or none', () => {
    expect(periodOf({ ...none, covers_from: '2026-01-01', covers_to: '2026-03-31' })).toBe('1 Jan 2026 – 31 Mar 2026');
    expect(periodOf(none)).toBeNull();
  });
});

describe('the request list', () => {
  const list = [
    requestItem('CC6.1/1', { title: 'Access reviews' }),
    requestItem('ACC-001', { source: 'control', status: 'accepted', owner: 'Dana Reyes' }),
    requestItem('AUD-7', { source: 'auditor', status: 'not_applicable', reason: 'No office', criteria: ['CC8.1'] }),
  ];

  it('counts every status, those no item has included', () => {
    expect(countByStatus(list)).toEqual({ requested: 1, provided: 0, accepted: 1, not_applicable: 1 });
  });

  it('filters by status, source and words in the reference, title, criteria or owner', () => {
    const refs = (f: Parameters<typeof filterRequests>[1]) => filterRequests(list, f).map((i) => i.reference);
    expect(refs({ status: 'all', source: 'all', query: '' })).toEqual(['CC6.1/1', 'ACC-001', 'AUD-7']);
    expect(refs({ status: 'accepted', source: 'all', query: '' })).toEqual(['ACC-001']);
    expect(refs({ status: 'all', source: 'auditor', query: '' })).toEqual(['AUD-7']);
    expect(refs({ status: 'all', source: 'all', query: 'cc8.1' })).toEqual(['AUD-7']);
    expect(refs({ status: 'all', source: 'all', query: 'reyes' })).toEqual(['ACC-001']);
    expect(refs({ status: 'all', source: 'all', query: 'access réviews' })).toEqual(['CC6.1/1']);
  });
});
