// Owners in words, and when two owners are the same.
import { describe, expect, it } from 'vitest';
import { ownerFromKey, ownerKey, ownerLabel, sameOwner } from './owners';
import { person } from '../test/fixtures';

const people = [person({ id: 1, name: 'Dana Reyes' }), person({ id: 2, name: 'Sam Okafor', role: 'Ops' })];

describe('ownerLabel', () => {
  it('names a person, an unnamed role, a missing person and no owner', () => {
    expect(ownerLabel({ kind: 'person', id: 2 }, people)).toBe('Sam Okafor');
    expect(ownerLabel({ kind: 'role', role: 'Security lead' }, people)).toBe('Security lead — not yet named');
    expect(ownerLabel({ kind: 'person', id: 99 }, people)).toBe('Unknown person');
    expect(ownerLabel(null, people)).toBe('No owner');
  });
});

describe('sameOwner', () => {
  it('compares people by id, roles by name, and none with none', () => {
    expect(sameOwner({ kind: 'person', id: 1 }, { kind: 'person', id: 1 })).toBe(true);
    expect(sameOwner({ kind: 'person', id: 1 }, { kind: 'person', id: 2 })).toBe(false);
    expect(sameOwner({ kind: 'role', role: 'CTO' }, { kind: 'role', role: 'CTO' })).toBe(true);
    expect(sameOwner({ kind: 'role', role: 'CTO' }, { kind: 'person', id: 1 })).toBe(false);
    expect(sameOwner(null, undefined)).toBe(true);
    expect(sameOwner(null, { kind: 'role', role: 'CTO' })).toBe(false);
  });
});

describe('ownerKey', () => {
  it('round-trips through a select value', () => {
    for (const o of [null, { kind: 'person', id: 4 }, { kind: 'role', role: 'Head: of IT' }] as const) {
      expect(ownerFromKey(ownerKey(o))).toEqual(o);
    }
  });
});
