// The Policies screen against a mocked backend: the pack listed, a policy in full, a section
// edited (saved, refused with the backend's message, too long, discarded only after asking),
// the template-changed choice, owner and status changes, exports, parameters, and the links
// between policies and questions.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import Policies from './Policies.svelte';
import { app } from '../lib/app.svelte';
import type { PolicyView } from '../lib/api';
import { assessmentDetail, assessmentSummary, at, bankCatalog, person } from '../test/fixtures';
import { contradiction, parameter, plannedMfa, policyView, sectionView } from '../test/policies';
import { argsOf, count, failure, lastCall, mockBackend, unexpected, type Call, type Reply } from '../test/ipc';
import { polyfillDialog } from '../test/workspace';
import { axeViolations } from '../test/a11y';
import { todayIso } from '../lib/format';
import { policyStatusLabel, sectionChars } from '../components/policies/labels';

polyfillDialog();

const dana = person();
const sam = person({ id: 2, name: 'Sam Okafor', role: 'CEO' });

function pack(): PolicyView[] {
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
function backend(policies: PolicyView[] = pack(), handler: Reply = unexpected): Call[] {
  return mockBackend((cmd, args) => {
    if (cmd === 'list_policies') return policies;
    if (cmd === 'list_people') return [dana, sam];
    return handler(cmd, args);
  });
}

function text(element: HTMLElement): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function section(id: string): HTMLElement {
  const found = screen.getAllByTestId('policy-section').find((s) => s.dataset.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

function item(id: string): HTMLElement {
  const found = screen.getAllByTestId('policy-item').find((s) => s.dataset.id === id);
  if (!found) throw new Error(`no policy ${id}`);
  return found;
}

/** Opens `id`'s editor and types `value` in it. */
async function typeIn(id: string, value: string): Promise<HTMLTextAreaElement> {
  await fireEvent.click(within(section(id)).getByTestId('section-edit'));
  const area = within(section(id)).getByTestId<HTMLTextAreaElement>('section-text');
  await fireEvent.input(area, { target: { value } });
  return area;
}

beforeEach(async () => {
  app.current = assessmentDetail({ summary: assessmentSummary({ updated_at: at(-1) }) });
  app.catalog = bankCatalog();
  app.screen = 'policies';
  app.leaving = null;
  app.policyTarget = null;
  app.questionTarget = null;
  backend();
  await app.clientPeople.track(3);
});

describe('the pack', () => {
  it('lists each policy with its status, version, owner, review, planned clauses and contradictions', async () => {
    const calls = backend();
    const { container } = render(Policies);
    await screen.findAllByTestId('policy-item');
    expect(lastCall(calls, 'list_policies')?.args).toEqual({ assessmentId: 7 });
    const access = text(item('access'));
    expect(access).toContain('Access control policy');
    expect(access).toContain(`${policyStatusLabel.draft} v1 Security lead (not yet named)`);
    expect(access).toContain('Review when approved');
    expect(access).toContain('1 planned');
    expect(access).toContain('1 contradiction');
    const incident = text(item('incident'));
    expect(incident).toContain(`${policyStatusLabel.approved} v2 Dana Reyes`);
    expect(incident).toContain('Review 1 Oct 2027');
    expect(incident).not.toContain('contradiction');
    // The first policy is shown in full.
    expect(item('access').getAttribute('aria-current')).toBe('true');
    expect(screen.getByTestId('policy-detail').dataset.id).toBe('access');
    expect(text(screen.getByTestId('policies-summary'))).toBe(
      'Acme · Q3 readiness — 2 policies, 1 planned clause, 1 contradiction.',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('renders sections from light markup as text, never as HTML', async () => {
    backend([
      policyView('access', {
        sections: [sectionView('s', { text: '**Rule.** <img src=x onerror=alert(1)>\n\n- *one*\n- two' })],
      }),
    ]);
    render(Policies);
    const body = await screen.findByTestId('policy-section');
    expect(body.querySelector('img')).toBeNull();
    expect(within(body).getByText('Rule.').tagName).toBe('STRONG');
    expect(within(body).getByText('one').tagName).toBe('EM');
    expect(body.querySelectorAll('li')).toHaveLength(2);
    expect(text(body)).toContain('Rule. <img src=x onerror=alert(1)>');
  });

  it('moves through the list with the arrow keys', async () => {
    render(Policies);
    await screen.findAllByTestId('policy-item');
    await fireEvent.keyDown(item('access'), { key: 'ArrowDown' });
    expect(screen.getByTestId('policy-detail').dataset.id).toBe('incident');
    expect(document.activeElement).toBe(item('incident'));
    await fireEvent.keyDown(item('incident'), { key: 'ArrowUp' });
    expect(screen.getByTestId('policy-detail').dataset.id).toBe('access');
  });

  it('says why the pack could not be read, and reads it again on request', async () => {
    let fail = true;
    mockBackend((cmd) => {
      if (cmd === 'list_people') return [];
      if (cmd === 'list_policies') return fail ? failure('internal', 'The policy library is damaged.') : pack();
      return unexpected(cmd);
    });
    render(Policies);
    expect(text(await screen.findByRole('alert'))).toContain('The policy library is damaged.');
    fail = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('policy-item')).toHaveLength(2);
  });

  it('opens on the policy a link asked for', async () => {
    app.policyTarget = 'incident';
    render(Policies);
    await waitFor(() => expect(screen.getByTestId('policy-detail').dataset.id).toBe('incident'));
    expect(app.policyTarget).toBeNull();
  });
});

describe('a policy in full', () => {
  it('shows the frozen banner and the change since approval', async () => {
    app.policyTarget = 'incident';
    render(Policies);
    expect(text(await screen.findByTestId('policy-frozen'))).toContain('Version 2 is approved and frozen');
    expect(text(screen.getByTestId('policy-frozen'))).toContain('Editing a section starts version 3');
    expect(screen.getByTestId('policy-changed-since-approval')).toBeTruthy();
    expect(text(screen.getByTestId('policy-approved-date'))).toBe('1 Oct 2026');
  });

  it('lists contradictions and planned clauses with links to their questions and the plan', async () => {
    render(Policies);
    const contra = await screen.findByTestId('policy-contradictions');
    expect(text(contra)).toContain('In “Authentication”: Multi-factor authentication is enforced on every system.');
    const planned = screen.getByTestId('policy-planned');
    expect(text(planned)).toContain('Plan: Enforce MFA');
    expect(text(planned)).toContain('due 4 Dec 2026');
    await fireEvent.click(within(contra).getByRole('button', { name: 'SEC-001' }));
    expect(app.screen).toBe('questionnaire');
    expect(app.questionTarget).toBe('SEC-001');
  });

  it('says when a planned clause has no plan action yet', async () => {
    backend([policyView('access', { planned: [{ ...plannedMfa, action_key: null, action_title: null, due: null }] })]);
    render(Policies);
    expect(text(await screen.findByTestId('policy-planned'))).toContain('Not yet in the plan');
  });

  it('saves the owner chosen among the client’s people, and shows a refusal', async () => {
    const calls = backend(pack(), (cmd) =>
      cmd === 'set_policy_people' ? policyView('access', { owner: sam.id, owner_name: sam.name }) : unexpected(cmd),
    );
    render(Policies);
    const owner = await screen.findByTestId<HTMLSelectElement>('policy-owner');
    expect(owner.selectedOptions[0]?.textContent).toBe('Security lead (not yet named)');
    await fireEvent.change(owner, { target: { value: String(sam.id) } });
    await waitFor(() => expect(text(item('access'))).toContain('Sam Okafor'));
    expect(argsOf(calls, 'set_policy_people')).toEqual([
      { assessmentId: 7, policyId: 'access', owner: sam.id, approver: null },
    ]);

    backend(pack(), () => failure('not_found', 'That person is no longer one of the client’s people.'));
    const approver = screen.getByTestId<HTMLSelectElement>('policy-approver');
    await fireEvent.change(approver, { target: { value: String(dana.id) } });
    expect(text(await screen.findByRole('alert'))).toContain('no longer one of the client’s people');
    expect(approver.value).toBe('');
  });

  it('approves with the approver and today’s date, then shows the frozen version', async () => {
    const withApprover = pack().map((p) =>
      p.id === 'access' ? { ...p, approver: sam.id, approver_name: sam.name } : p,
    );
    const approved = policyView('access', {
      status: 'approved',
      approver: sam.id,
      approver_name: sam.name,
      approved_on: todayIso(),
      frozen: true,
    });
    const calls = backend(withApprover, (cmd) => (cmd === 'set_policy_status' ? approved : unexpected(cmd)));
    render(Policies);
    await fireEvent.click(await screen.findByTestId('policy-status-approved'));
    const dialog = screen.getByTestId('policy-status-dialog');
    expect(text(dialog)).toContain('Approver: Sam Okafor');
    await fireEvent.input(within(dialog).getByTestId('policy-status-note'), { target: { value: ' Board sign-off ' } });
    await fireEvent.click(within(dialog).getByTestId('policy-status-confirm'));
    expect(await screen.findByTestId('policy-frozen')).toBeTruthy();
    expect(argsOf(calls, 'set_policy_status')).toEqual([
      { assessmentId: 7, policyId: 'access', status: 'approved', approvedOn: todayIso(), note: 'Board sign-off' },
    ]);
  });

  it('does not offer to approve before an approver is chosen, and shows a refused change in the dialog', async () => {
    backend(pack(), () => failure('validation', 'A policy can go back to draft only from review.'));
    render(Policies);
    await fireEvent.click(await screen.findByTestId('policy-status-approved'));
    expect(screen.getByTestId('policy-needs-approver')).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('policy-status-confirm').disabled).toBe(true);
    await fireEvent.click(within(screen.getByTestId('policy-status-dialog')).getByRole('button', { name: 'Cancel' }));

    await fireEvent.click(screen.getByTestId('policy-status-in_review'));
    await fireEvent.click(screen.getByTestId('policy-status-confirm'));
    expect(text(await screen.findByTestId('policy-status-error'))).toBe(
      'A policy can go back to draft only from review.',
    );
  });
});

describe('editing a section', () => {
  it('saves the text and shows the policy the backend answers', async () => {
    const edited = policyView('access', {
      sections: [sectionView('access-a', { text: 'New **rule**.', edited: true }), sectionView('access-b')],
    });
    const calls = backend(pack(), (cmd) => (cmd === 'edit_policy_section' ? edited : unexpected(cmd)));
    render(Policies);
    await screen.findAllByTestId('policy-section');
    const area = await typeIn('access-a', 'New **rule**.');
    await fireEvent.keyDown(area, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(within(section('access-a')).queryByTestId('section-text')).toBeNull());
    expect(argsOf(calls, 'edit_policy_section')).toEqual([
      { assessmentId: 7, policyId: 'access', sectionId: 'access-a', text: 'New **rule**.' },
    ]);
    expect(within(section('access-a')).getByText('rule').tagName).toBe('STRONG');
    expect(within(section('access-a')).getByTestId('section-edited')).toBeTruthy();
  });

  it('keeps the text and shows the backend’s message when the save is refused', async () => {
    backend(pack(), () => failure('validation', 'A section has at most 20,000 characters.'));
    render(Policies);
    await screen.findAllByTestId('policy-section');
    await typeIn('access-a', 'Mine');
    await fireEvent.click(within(section('access-a')).getByTestId('section-save'));
    expect(text(await within(section('access-a')).findByTestId('section-error'))).toBe(
      'A section has at most 20,000 characters.',
    );
    expect(within(section('access-a')).getByTestId<HTMLTextAreaElement>('section-text').value).toBe('Mine');
  });

  it('refuses an empty or too long text before sending it', async () => {
    const calls = backend();
    render(Policies);
    await screen.findAllByTestId('policy-section');
    await typeIn('access-a', '   ');
    const save = within(section('access-a')).getByTestId<HTMLButtonElement>('section-save');
    expect(save.disabled).toBe(true);
    await fireEvent.input(within(section('access-a')).getByTestId('section-text'), {
      target: { value: 'x'.repeat(sectionChars + 1) },
    });
    expect(save.disabled).toBe(true);
    expect(text(within(section('access-a')).getByTestId('text-limit'))).toContain('1 too many');
    expect(count(calls, 'edit_policy_section')).toBe(0);
  });

  it('asks before dropping unsaved changes, for another policy or another screen', async () => {
    render(Policies);
    await screen.findAllByTestId('policy-section');
    await typeIn('access-a', 'Unsaved');

    await fireEvent.click(item('incident'));
    const dialog = screen.getByTestId('policy-discard-dialog');
    expect(text(dialog)).toContain('Your changes to “Section access-a” are not saved');
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByTestId('policy-detail').dataset.id).toBe('access');
    expect(within(section('access-a')).getByTestId<HTMLTextAreaElement>('section-text').value).toBe('Unsaved');

    app.go('plan');
    expect(app.screen).toBe('policies');
    await fireEvent.click(await screen.findByTestId('policy-discard'));
    expect(app.screen).toBe('plan');
  });

  it('drops an unchanged editor without asking, and Esc asks when there are changes', async () => {
    render(Policies);
    await screen.findAllByTestId('policy-section');
    await fireEvent.click(within(section('access-a')).getByTestId('section-edit'));
    await fireEvent.click(item('incident'));
    expect(screen.getByTestId('policy-detail').dataset.id).toBe('incident');
    expect(screen.queryByTestId('policy-discard-dialog')?.hasAttribute('open') ?? false).toBe(false);

    const area = await typeIn('incident-a', 'Changed');
    expect(text(section('incident-a'))).toContain('Saving starts version 3 as a draft');
    await fireEvent.keyDown(area, { key: 'Escape' });
    await fireEvent.click(screen.getByTestId('policy-discard'));
    await waitFor(() => expect(within(section('incident-a')).queryByTestId('section-text')).toBeNull());
  });

  it('shows what changed under an edited section, and keeps the user’s text or the generated one', async () => {
    const changed = sectionView('access-a', {
      text: 'My text',
      edited: true,
      template_changed: true,
      diff: [
        { kind: 'same', text: 'Kept line' },
        { kind: 'removed', text: 'Old rule' },
        { kind: 'added', text: 'New rule' },
      ],
    });
    const view = policyView('access', { sections: [changed] });
    const calls = backend([view], (cmd) =>
      cmd === 'accept_policy_template' || cmd === 'revert_policy_section' ? policyView('access') : unexpected(cmd),
    );
    render(Policies);
    const box = await screen.findByTestId('section-template-changed');
    const lines = within(box).getByTestId('section-diff').querySelectorAll('li');
    expect([...lines].map((l) => [l.dataset.kind, text(l)])).toEqual([
      ['same', 'Kept line'],
      ['removed', '− Removed: Old rule'],
      ['added', '+ Added: New rule'],
    ]);
    await fireEvent.click(within(box).getByTestId('section-keep'));
    await waitFor(() => expect(screen.queryByTestId('section-template-changed')).toBeNull());
    expect(argsOf(calls, 'accept_policy_template')).toEqual([
      { assessmentId: 7, policyId: 'access', sectionId: 'access-a' },
    ]);
  });

  it('puts the generated text back from the editor', async () => {
    const view = policyView('access', { sections: [sectionView('access-a', { text: 'Mine', edited: true })] });
    const calls = backend([view], (cmd) => (cmd === 'revert_policy_section' ? policyView('access') : unexpected(cmd)));
    render(Policies);
    await fireEvent.click(await screen.findByTestId('section-edit'));
    await fireEvent.click(screen.getByTestId('section-revert'));
    await waitFor(() => expect(screen.queryByTestId('section-text')).toBeNull());
    expect(count(calls, 'revert_policy_section')).toBe(1);
  });
});

describe('exports and parameters', () => {
  it('exports one policy and the pack in each format, saying where or that it was cancelled', async () => {
    const calls = backend(pack(), (cmd, args) => {
      if (cmd === 'export_policy') return args.format === 'md' ? null : '/tmp/out/01-access.pdf';
      if (cmd === 'export_policy_pack') return '/tmp/out/policies';
      return unexpected(cmd);
    });
    render(Policies);
    await fireEvent.click(await screen.findByTestId('export-policy-pdf'));
    expect(text(await screen.findByText(/Saved to/))).toContain('/tmp/out/01-access.pdf');
    await fireEvent.click(screen.getByTestId('export-policy-md'));
    expect(await screen.findByText('Export cancelled.')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('export-pack-docx'));
    await waitFor(() => expect(text(screen.getByTestId('export-pack-status'))).toContain('/tmp/out/policies'));
    expect(argsOf(calls, 'export_policy')).toEqual([
      { assessmentId: 7, policyId: 'access', format: 'pdf' },
      { assessmentId: 7, policyId: 'access', format: 'md' },
    ]);
    expect(argsOf(calls, 'export_policy_pack')).toEqual([{ assessmentId: 7, format: 'docx' }]);
  });

  it('shows a refused export with the backend’s message', async () => {
    backend(pack(), () => failure('io', 'The folder is read-only.'));
    render(Policies);
    await fireEvent.click(await screen.findByTestId('export-pack-pdf'));
    expect(text(await screen.findByRole('alert'))).toBe('The folder is read-only.');
  });

  it('shows each parameter’s value, suggestion or default, and saves a change for every policy', async () => {
    let params = [
      parameter('cloud', { suggested: 'AWS', suggested_from: 'the company profile' }),
      parameter('retention', { value: '7 years' }),
    ];
    const calls = backend(pack(), (cmd, args) => {
      if (cmd === 'list_policy_parameters') return params;
      if (cmd === 'set_policy_parameter') {
        params = params.map((p) => (p.id === args.parameterId ? { ...p, value: args.value as string | null } : p));
        return null;
      }
      return unexpected(cmd);
    });
    render(Policies);
    await fireEvent.click(await screen.findByTestId('policies-tab-parameters'));
    const rows = await screen.findAllByTestId('policy-parameter');
    const cloud = within(rows[0] as HTMLElement).getByTestId<HTMLInputElement>('policy-parameter-value');
    expect(cloud.placeholder).toBe('AWS');
    expect(text(rows[0] as HTMLElement)).toContain('Suggested: “AWS” (from the company profile).');
    expect(within(rows[1] as HTMLElement).getByTestId<HTMLInputElement>('policy-parameter-value').value).toBe(
      '7 years',
    );
    const before = count(calls, 'list_policies');
    await fireEvent.input(cloud, { target: { value: ' Hetzner ' } });
    await fireEvent.keyDown(cloud, { key: 'Enter' });
    await waitFor(() => expect(text(rows[0] as HTMLElement)).toContain('Set for this assessment.'));
    expect(argsOf(calls, 'set_policy_parameter')).toEqual([
      { assessmentId: 7, parameterId: 'cloud', value: 'Hetzner' },
    ]);
    expect(count(calls, 'list_policies')).toBe(before + 1);

    // Emptied, the value is cleared (null), and the suggestion applies again.
    await fireEvent.input(cloud, { target: { value: '' } });
    await fireEvent.blur(cloud);
    await waitFor(() =>
      expect(argsOf(calls, 'set_policy_parameter').at(-1)).toEqual({
        assessmentId: 7,
        parameterId: 'cloud',
        value: null,
      }),
    );
  });
});
