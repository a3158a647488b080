// The details dialog's scoping answers: the notes stored with the "yes" answers (question,
// reason, advice) and a changed answer sent with the details.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import DetailsDialog from './DetailsDialog.svelte';
import { app } from '../../lib/app.svelte';
import type { ScopingNote, UpdateDetailsInput } from '../../lib/api';
import { assessmentSummary, bankCatalog } from '../../test/fixtures';
import { polyfillDialog } from '../../test/workspace';
import { axeViolations } from '../../test/a11y';
import { argsOf, mockBackend } from '../../test/ipc';

polyfillDialog();

const stored: ScopingNote[] = [
  {
    id: 'uptime',
    question: 'Do customers rely on uptime commitments?',
    recommends: ['availability'],
    reason: 'Customers hold you to an SLA.',
    advice: null,
  },
  {
    id: 'hipaa',
    question: 'Do you handle health records?',
    recommends: [],
    reason: 'Health data.',
    advice: 'Consider a HIPAA assessment beside SOC 2.',
  },
];

beforeEach(() => {
  app.catalog = bankCatalog({
    scoping: [
      {
        id: 'uptime',
        text: 'Do customers rely on uptime commitments?',
        help: '',
        recommends: ['availability'],
        reason: '',
      },
      { id: 'pii', text: 'Do you collect personal data?', help: '', recommends: ['privacy'], reason: '' },
    ],
  });
});

describe('DetailsDialog: scoping answers', () => {
  it('shows the stored notes and saves the answers as changed', async () => {
    const calls = mockBackend((cmd) => {
      if (cmd === 'update_assessment_details') return assessmentSummary();
      if (cmd === 'workspace_overview') return { clients: [], assessments: [], trash: [] };
      if (cmd === 'get_catalog') return app.catalog;
      return null;
    });
    const { container } = render(DetailsDialog, { open: true, assessment: assessmentSummary({ scoping: stored }) });
    const section = await screen.findByTestId('details-scoping');
    const box = (id: string) => within(section).getByTestId<HTMLInputElement>(`details-scoping-${id}`);
    expect(box('uptime').checked).toBe(true);
    expect(box('pii').checked).toBe(false);
    // A stored "yes" the bank no longer asks is still listed, as it read then.
    expect(box('hipaa').checked).toBe(true);
    expect(within(section).getByText('Do you handle health records?')).toBeTruthy();
    expect(within(section).getByTestId('scoping-note-uptime').textContent).toContain('Customers hold you to an SLA.');
    expect(within(section).getByTestId('scoping-note-hipaa').textContent).toContain(
      'Consider a HIPAA assessment beside SOC 2.',
    );
    expect(await axeViolations(container)).toEqual([]);

    await fireEvent.click(box('uptime'));
    expect(within(section).queryByTestId('scoping-note-uptime')).toBeNull();
    await fireEvent.click(box('pii'));
    await fireEvent.click(screen.getByTestId('details-save'));
    await waitFor(() => expect(argsOf(calls, 'update_assessment_details')).toHaveLength(1));
    const input = (argsOf(calls, 'update_assessment_details')[0] as { input: UpdateDetailsInput }).input;
    expect(input.scoping_yes).toEqual(['hipaa', 'pii']);
    expect(input.scope).toEqual(['security']);
  });
});
