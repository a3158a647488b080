// Workshop mode's fields beside the answer, against a mocked Tauri IPC: the owner picked from
// the client's people, a running control's start date and cadence, the evidence check, the
// report's finding and the counsel note; the answer keys still work after a field is left.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import Workshop from './Workshop.svelte';
import { app } from '../lib/app.svelte';
import { workshopMemory } from '../components/workshop/memory';
import type { AnswerSaved, Response, SaveAnswerInput } from '../lib/api';
import { assessmentDetail, bankCatalog, bankQuestion, person, response } from '../test/fixtures';
import { axeViolations } from '../test/a11y';
import { mockBackend, unexpected, type Call } from '../test/ipc';

const catalog = bankCatalog({
  roles: ['HR lead'],
  categories: [{ id: 'security', name: 'Security', optional: false, summary: '' }],
  criteria: [{ id: 'CC6.1', category: 'security', group: 'CC6 Logical access', topic: 'Access', requests: [] }],
  questions: [
    bankQuestion('ACC-002', 'CC6.1', {
      runs: 'quarterly',
      finding: 'Access is not reviewed',
      counsel: 'Whether former staff data must be kept.',
    }),
  ],
});

function backend(responses: Response[]): Call[] {
  return mockBackend((cmd, args) => {
    if (cmd === 'open_assessment') return assessmentDetail({ responses });
    if (cmd === 'list_people') return [person({ id: 5, name: 'Ana Lima', role: 'HR' })];
    if (cmd !== 'save_answer') return unexpected(cmd);
    const i = (args as { input: SaveAnswerInput }).input;
    const saved: AnswerSaved = {
      response: response(i.question_id, {
        answer: i.answer,
        note: i.note,
        flagged: i.flagged ?? false,
        owner: i.owner ?? null,
        evidence: i.evidence ?? [],
        since: i.since ?? null,
        cadence: i.cadence ?? null,
        verified: i.verified ?? false,
      }),
      summary: assessmentDetail().summary,
      scorecard: assessmentDetail().scorecard,
    };
    return saved;
  });
}

function saves(calls: Call[]): SaveAnswerInput[] {
  return calls.filter((c) => c.cmd === 'save_answer').map((c) => (c.args as { input: SaveAnswerInput }).input);
}

beforeEach(() => {
  workshopMemory.reset();
  app.catalog = catalog;
  app.close();
  app.screen = 'workshop';
});

describe('Workshop mode: owner, running control and evidence check', () => {
  it('saves the owner, the start date, the cadence and the evidence check with the answer kept', async () => {
    const calls = backend([response('ACC-002', { answer: 'partial', note: 'Twice a year' })]);
    await app.open(7, 'workshop');
    const { container } = render(Workshop);
    await waitFor(() => expect(app.people).toHaveLength(1));
    const stage = screen.getByTestId('workshop-question');
    expect(within(stage).getByTestId('finding').textContent).toContain('“Access is not reviewed”');
    expect(within(stage).getByTestId('counsel').textContent).toBe(
      'Ask your counsel: Whether former staff data must be kept.',
    );

    await fireEvent.change(within(stage).getByLabelText('Owner'), { target: { value: 'person:5' } });
    await waitFor(() => expect(saves(calls)).toHaveLength(1));
    expect(saves(calls)[0]).toMatchObject({
      question_id: 'ACC-002',
      answer: 'partial',
      note: 'Twice a year',
      owner: { kind: 'person', id: 5 },
    });

    expect(within(stage).getByText('typical: quarterly — your policy sets it')).toBeTruthy();
    const since = within(stage).getByLabelText<HTMLInputElement>('Running since');
    await fireEvent.input(since, { target: { value: '1 Mar 2026' } });
    await fireEvent.keyDown(since, { key: 'Enter' });
    await waitFor(() => expect(saves(calls)).toHaveLength(2));
    expect(saves(calls)[1]).toMatchObject({ since: '2026-03-01', owner: { kind: 'person', id: 5 } });

    await fireEvent.change(within(stage).getByLabelText('How often'), { target: { value: 'semiannual' } });
    await waitFor(() => expect(saves(calls)).toHaveLength(3));
    expect(saves(calls)[2]).toMatchObject({ since: '2026-03-01', cadence: 'semiannual' });

    await fireEvent.click(within(stage).getByLabelText('Checked against evidence'));
    await waitFor(() => expect(saves(calls)).toHaveLength(4));
    expect(saves(calls)[3]).toMatchObject({ cadence: 'semiannual', verified: true, answer: 'partial' });
    expect(await axeViolations(container)).toEqual([]);

    // A key pressed in the owner field is the field's; the answer keys work from the stage.
    await fireEvent.keyDown(within(stage).getByLabelText('Owner'), { key: '1' });
    await tick();
    expect(saves(calls)).toHaveLength(4);
    await fireEvent.keyDown(document.body, { key: '1' });
    await waitFor(() => expect(saves(calls)).toHaveLength(5));
    expect(saves(calls)[4]).toMatchObject({ answer: 'implemented', cadence: 'semiannual', verified: true });
  });

  it('asks no start date or cadence for a control that is not in place', async () => {
    backend([response('ACC-002', { answer: 'not_implemented' })]);
    await app.open(7, 'workshop');
    render(Workshop);
    const stage = screen.getByTestId('workshop-question');
    expect(within(stage).queryByLabelText('Running since')).toBeNull();
    expect(within(stage).queryByLabelText('How often')).toBeNull();
    expect(within(stage).getByLabelText('Checked against evidence')).toBeTruthy();
  });
});
