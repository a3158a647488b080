// Workspace data and a mocked backend for the front-end tests of the Workspace and the
// new-assessment screens: two clients, four assessments (one archived, one in the trash).
import { beforeAll } from 'vitest';
import { render } from '@testing-library/svelte';
import type { Component } from 'svelte';
import type { AssessmentSummary, Catalog, Client, Overview } from '../lib/api';
import { app } from '../lib/app.svelte';
import { assessmentSummary, at, blankCompany } from './fixtures';
import { mockBackend, type Call, type Reply } from './ipc';

/** Gives jsdom's <dialog> enough modal behaviour for the tests; call it at the top of a test file. */
export function polyfillDialog(): void {
  beforeAll(() => {
    const proto = HTMLDialogElement.prototype;
    proto.showModal = function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    proto.close = function (this: HTMLDialogElement) {
      if (!this.hasAttribute('open')) return;
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
    // Esc on a modal dialog fires `cancel`, then closes it.
    document.addEventListener('keydown', (event) => {
      const dialog = (event.target as Element | null)?.closest?.('dialog[open]') as HTMLDialogElement | null;
      if (event.key !== 'Escape' || !dialog) return;
      if (dialog.dispatchEvent(new Event('cancel', { cancelable: true }))) dialog.close();
    });
  });
}

const company = blankCompany;

export function summary(id: number, over: Partial<AssessmentSummary> = {}): AssessmentSummary {
  return assessmentSummary({
    id,
    client_id: 1,
    name: `Assessment ${id}`,
    created_at: at(-332),
    updated_at: at(-332),
    opened_at: at(-332),
    ...over,
  });
}

export function client(id: number, name: string): Client {
  return { id, name, created_at: at(-332), updated_at: at(-332) };
}

export const categories: Catalog['categories'] = [
  { id: 'security', name: 'Security', optional: false, summary: '' },
  { id: 'availability', name: 'Availability', optional: true, summary: '' },
  { id: 'processing_integrity', name: 'Processing Integrity', optional: true, summary: '' },
  { id: 'confidentiality', name: 'Confidentiality', optional: true, summary: '' },
  { id: 'privacy', name: 'Privacy', optional: true, summary: '' },
];

export const catalog: Catalog = {
  version: '2025.1',
  roles: [],
  categories,
  criteria: [],
  questions: [],
  remediations: [],
  coverage: [],
  changes: { from: '', previous_ids: [], changed: [], split: [], merged: [], retired: [] },
  scoping: [
    {
      id: 'uptime',
      text: 'Do customers rely on uptime commitments?',
      help: 'An SLA.',
      recommends: ['availability'],
      reason: 'SLA',
    },
  ],
};

/** Acme has two assessments (one a flagged re-assessment), Globex one archived; one in the trash. */
export function workspace(): Overview {
  return {
    clients: [client(1, 'Acme'), client(2, 'Globex')],
    assessments: [
      summary(1, {
        name: 'Q3 readiness',
        readiness: 40,
        answered: 5,
        company: { ...company, system_name: 'Brightwave platform' },
      }),
      summary(2, { name: 'Q4 follow-up', based_on: 1, needs_review: 3, flagged: 2, readiness: 80, answered: 9 }),
      summary(3, {
        client_id: 2,
        client_name: 'Globex',
        name: 'Old audit',
        archived_at: at(-301),
        readiness: 60,
      }),
    ],
    trash: [summary(4, { name: 'Scrapped draft', deleted_at: at(-273) })],
  };
}

/** Answers a command first; returning undefined leaves it to the workspace backend. */
export type Handler = Reply;

/** Mocks the backend over `state`; `handler` answers first when it returns something. */
export function backend(state: Overview, handler: Handler = () => undefined): Call[] {
  const find = (id: unknown) => [...state.assessments, ...state.trash].find((a) => a.id === id);
  return mockBackend((cmd, a) => {
    const answer = handler(cmd, a);
    if (answer !== undefined) return answer;
    switch (cmd) {
      case 'workspace_overview':
        return structuredClone(state);
      case 'get_catalog':
        return catalog;
      case 'set_trashed': {
        const found = find(a.id) as AssessmentSummary;
        state.assessments = state.assessments.filter((x) => x.id !== a.id);
        state.trash = state.trash.filter((x) => x.id !== a.id);
        const moved = { ...found, deleted_at: a.trashed ? at(0) : null };
        (a.trashed ? state.trash : state.assessments).push(moved);
        return moved;
      }
      case 'set_archived': {
        const found = find(a.id) as AssessmentSummary;
        found.archived_at = a.archived ? at(0) : null;
        return found;
      }
      case 'purge_assessment':
        state.trash = state.trash.filter((x) => x.id !== a.id);
        return null;
      case 'open_assessment':
        return { summary: find(a.id), responses: [], scorecard: null, retired: [] };
      default:
        return null;
    }
  });
}

/** Renders `screen` over a workspace in `state` (copied into the app), its backend mocked. */
export function renderScreen(
  screen: Component,
  state: Overview = workspace(),
  handler?: Handler,
): { calls: Call[]; state: Overview; container: HTMLElement } {
  app.overview = structuredClone(state);
  const calls = backend(state, handler);
  const { container } = render(screen);
  return { calls, state, container };
}
