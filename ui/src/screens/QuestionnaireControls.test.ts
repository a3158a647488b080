// The Questionnaire's fields beside the answer, against a mocked backend: the owner chosen from
// the client's people (read when the assessment opens) or an unnamed role, the start date and
// cadence of a running control, the evidence check, the report's finding and the counsel note,
// and the answers to retired questions.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import Questionnaire from './Questionnaire.svelte';
import { app } from '../lib/app.svelte';
import type { AnswerSaved, AssessmentDetail, Response, SaveAnswerInput } from '../lib/api';
import { assessmentDetail, bankCatalog, bankQuestion, person, response } from '../test/fixtures';
import { axeViolations } from '../test/a11y';
import { count, mockBackend, unexpected, type Call } from '../test/ipc';

const catalog = bankCatalog({
  roles: ['Security lead'],
  categories: [{ id: 'security', name: 'Security', optional: false, summary: '' }],
  criteria: [
    { id: 'CC6.1', category: 'security', group: 'CC6 Logical access', topic: 'Access', requests: [] },
    { id: 'CC8.1', category: 'security', group: 'CC6 Logical access', topic: 'Change', requests: [] },
  ],
  questions: [
    bankQuestion('ACC-001', 'CC6.1', { finding: 'No MFA on administrative consoles', runs: 'continuous' }),
    bankQuestion('CHG-001', 'CC8.1', { runs: 'quarterly', counsel: 'Whether the contracts require notice.' }),
  ],
});

const people = [person({ id: 1, name: 'Dana Reyes' }), person({ id: 2, name: 'Sam Okafor', role: 'Ops' })];

function detail(responses: Response[] = []): AssessmentDetail {
  return assessmentDetail({
    responses,
    retired: [
      {
        question_id: 'OLD-004',
        answer: 'partial',
        note: 'Paper sign-in sheet',
        reason: 'Visitor logs are covered by the office questions.',
        catalog_version: '2025.1',
      },
    ],
  });
}

/** The backend: the assessment opens with `responses`, the client has two people, saves echo. */
function backend(responses: Response[] = []): Call[] {
  return mockBackend((cmd, args) => {
    if (cmd === 'open_assessment') return detail(responses);
    if (cmd === 'list_people') return args.clientId === 3 ? people : [];
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
      summary: detail().summary,
      scorecard: detail().scorecard,
    };
    return saved;
  });
}

function saves(calls: Call[]): SaveAnswerInput[] {
  return calls.filter((c) => c.cmd === 'save_answer').map((c) => (c.args as { input: SaveAnswerInput }).input);
}

function card(id: string): HTMLElement {
  const found = screen.getAllByTestId('question').find((c) => c.dataset.question === id);
  if (!found) throw new Error(`no card for ${id}`);
  return found;
}

async function open(responses: Response[] = []): Promise<Call[]> {
  const calls = backend(responses);
  await app.open(7);
  render(Questionnaire);
  await waitFor(() => expect(app.people).toHaveLength(2));
  return calls;
}

beforeEach(() => {
  app.catalog = catalog;
  app.close();
  app.save = { kind: 'idle' };
});

describe('Questionnaire: owner, running control and evidence check', () => {
  it("reads the client's people once the assessment opens and saves the owner chosen", async () => {
    const calls = await open();
    expect(calls.filter((c) => c.cmd === 'list_people').map((c) => c.args)).toEqual([{ clientId: 3 }]);
    const picker = within(card('ACC-001')).getByLabelText<HTMLSelectElement>('Owner');
    const names = [...picker.options].map((o) => o.textContent?.trim());
    expect(names).toEqual(['No owner', 'Dana Reyes (CTO)', 'Sam Okafor (Ops)', 'Security lead — not yet named']);

    await fireEvent.change(picker, { target: { value: 'person:2' } });
    await waitFor(() => expect(saves(calls)).toHaveLength(1));
    expect(saves(calls)[0]).toMatchObject({ question_id: 'ACC-001', owner: { kind: 'person', id: 2 } });
    await waitFor(() => expect(picker.value).toBe('person:2'));

    await fireEvent.change(picker, { target: { value: 'role:Security lead' } });
    await waitFor(() => expect(saves(calls)).toHaveLength(2));
    expect(saves(calls)[1]).toMatchObject({ owner: { kind: 'role', role: 'Security lead' } });
  });

  it('asks since when and how often a running control runs, once it is in place, and saves both', async () => {
    const calls = await open([response('CHG-001', { answer: 'not_implemented' })]);
    const chg = card('CHG-001');
    expect(within(chg).queryByLabelText('Running since')).toBeNull();

    await fireEvent.click(within(chg).getByText('Implemented'));
    await waitFor(() => expect(within(chg).getByLabelText('Running since')).toBeTruthy());
    expect(within(chg).getByText('typical: quarterly — your policy sets it')).toBeTruthy();

    const since = within(chg).getByLabelText<HTMLInputElement>('Running since');
    await fireEvent.input(since, { target: { value: '5/1/2026' } });
    await fireEvent.blur(since);
    await waitFor(() => expect(saves(calls)).toHaveLength(2));
    expect(saves(calls)[1]).toMatchObject({ question_id: 'CHG-001', answer: 'implemented', since: '2026-01-05' });
    await waitFor(() => expect(since.value).toBe('5 Jan 2026'));

    const cadence = within(chg).getByLabelText<HTMLSelectElement>('How often');
    expect([...cadence.options].map((o) => o.textContent)).toEqual([
      'Not set',
      'Continuous',
      'Weekly',
      'Monthly',
      'Quarterly',
      'Every six months',
      'Yearly',
    ]);
    await fireEvent.change(cadence, { target: { value: 'monthly' } });
    await waitFor(() => expect(saves(calls)).toHaveLength(3));
    expect(saves(calls)[2]).toMatchObject({ since: '2026-01-05', cadence: 'monthly', verified: false });

    await fireEvent.click(within(chg).getByLabelText('Checked against evidence'));
    await waitFor(() => expect(saves(calls)).toHaveLength(4));
    expect(saves(calls)[3]).toMatchObject({ since: '2026-01-05', cadence: 'monthly', verified: true });
  });

  it("shows the report's finding once the answer is a gap, and what to ask counsel", async () => {
    await open([response('ACC-001', { answer: 'partial' }), response('CHG-001', { answer: 'implemented' })]);
    expect(within(card('ACC-001')).getByTestId('finding').textContent).toContain(
      'If this is a gap, the report says: “No MFA on administrative consoles”',
    );
    expect(within(card('CHG-001')).queryByTestId('finding')).toBeNull();
    expect(within(card('CHG-001')).getByTestId('counsel').textContent).toBe(
      'Ask your counsel: Whether the contracts require notice.',
    );
  });

  it('keeps the carried-over mark and lists the answers to retired questions, folded', async () => {
    const { container } = render(Questionnaire);
    backend([response('ACC-001', { answer: 'implemented', needs_review: true })]);
    await app.open(7);
    await waitFor(() => expect(within(card('ACC-001')).getByText('Carried over: review')).toBeTruthy());
    const retired = screen.getByTestId('retired-answers');
    expect(retired.hasAttribute('open')).toBe(false);
    expect(within(retired).getByText(/Answers to retired questions/).textContent).toContain('(1)');
    const row = within(retired).getByTestId('retired-answer');
    expect([...row.children].map((c) => c.textContent)).toEqual([
      'OLD-004',
      'Partially implemented',
      'Paper sign-in sheet',
      'Visitor logs are covered by the office questions.',
      '2025.1',
    ]);
    await waitFor(() => expect(app.people).toHaveLength(2));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows no retired answers when there are none, and forgets the people when the assessment closes', async () => {
    const calls = backend();
    await app.open(7);
    app.current = { ...detail(), retired: [] };
    render(Questionnaire);
    expect(screen.queryByTestId('retired-answers')).toBeNull();
    await waitFor(() => expect(count(calls, 'list_people')).toBe(1));
    app.close();
    expect(app.people).toEqual([]);
  });
});
