// Owners of answers and actions: a person of the client, or a role nobody is named for yet.
// How an owner reads on screen, and when two owners are the same.
import type { Owner, Person } from './api';

/** "<role> — not yet named": a role the client has not named anyone for. */
export function roleLabel(role: string): string {
  return `${role} — not yet named`;
}

/** The owner in words: the person's name, the unnamed role, "Unknown person" or "No owner". */
export function ownerLabel(owner: Owner | null, people: Person[]): string {
  if (!owner) return 'No owner';
  if (owner.kind === 'role') return roleLabel(owner.role);
  return people.find((p) => p.id === owner.id)?.name ?? 'Unknown person';
}

/** Two owners are the same person, the same role, or both none. */
export function sameOwner(a: Owner | null | undefined, b: Owner | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  if (a.kind === 'person') return b.kind === 'person' && a.id === b.id;
  return b.kind === 'role' && a.role === b.role;
}

/** A select's value for an owner ("" for none), and back. */
export function ownerKey(owner: Owner | null | undefined): string {
  if (!owner) return '';
  return owner.kind === 'person' ? `person:${owner.id}` : `role:${owner.role}`;
}

export function ownerFromKey(key: string): Owner | null {
  if (key.startsWith('person:')) return { kind: 'person', id: Number(key.slice('person:'.length)) };
  if (key.startsWith('role:')) return { kind: 'role', role: key.slice('role:'.length) };
  return null;
}
