// The Policies screen's tests share these: the pack of two policies, a mocked backend with the
// client's people, and finders for a policy in the list and a section in the detail.
import { fireEvent, screen, within } from '@testing-library/svelte';
import type { PolicyView } from '../lib/api';
import { app } from '../lib/app.svelte';
import { assessmentDetail, assessmentSummary, at, bankCatalog, person } from './fixtures';
import { contradiction, plannedMfa, policyView } from './policies';
import { mockBackend, unexpected, type Call, type Reply } from './ipc';

export const dana = person();
export const sam = person({ id: 2, name: 'Sam Okafor', role: 'CEO' });

export function pack(): PolicyView[] {
  return [
    policyView('access', {
      title: 'Access control policy',
      planned: [plannedMfa],
      contradictions: [contradiction()],
    }),
    policyView('incident', {
      title: 'Incident response policy',
      status: 'approved',
      version: 2,
      version_in_force: 2,
      owner: dana.id,
      owner_name: dana.name,
      approved_on: '2026-10-01',
      next_review: '2027-10-01',
      frozen: true,
      changed_since_approval: true,
    }),
  ];
}

/** list_policies answers `policies`, list_people Dana and Sam; other commands go to `handler`. */
export function backend(policies: PolicyView[] = pack(), handler: Reply = unexpected): Call[] {
  return mockBackend((cmd, args) => {
    if (cmd === 'list_policies') return policies;
    if (cmd === 'list_people') return [dana, sam];
    return handler(cmd, args);
  });
}

export function text(element: HTMLElement): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function section(id: string): HTMLElement {
  const found = screen.getAllByTestId('policy-section').find((s) => s.dataset.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

export function item(id: string): HTMLElement {
  const found = screen.getAllByTestId('policy-item').find((s) => s.dataset.id === id);
  if (!found) throw new Error(`no policy ${id}`);
  return found;
}

/** Opens `id`'s editor and types `value` in it. */
export async function typeIn(id: string, value: string): Promise<HTMLTextAreaElement> {
  await fireEvent.click(within(section(id)).getByTestId('section-edit'));
  const area = within(section(id)).getByTestId<HTMLTextAreaElement>('section-text');
  await fireEvent.input(area, { target: { value } });
  return area;
}

/** Acme's assessment open on the Policies screen, the pack from `backend()`, the people read. */
export async function openPolicies(): Promise<void> {
  app.current = assessmentDetail({ summary: assessmentSummary({ updated_at: at(-1) }) });
  app.catalog = bankCatalog();
  app.screen = 'policies';
  app.leaving = null;
  app.policyTarget = null;
  app.questionTarget = null;
  backend();
  await app.clientPeople.track(3);
}
