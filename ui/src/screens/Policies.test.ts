// The Policies screen against a mocked backend: the pack listed, read again after a failure, a
// policy in full (frozen, changed since approval, contradictions and planned clauses with their
// links), owner and approver chosen, and status changes with the backend's refusals.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import Policies from './Policies.svelte';
import { app } from '../lib/app.svelte';
import { plannedMfa, policyView, sectionView } from '../test/policies';
import { backend, dana, item, openPolicies, pack, sam, text } from '../test/policyScreen';
import { argsOf, failure, lastCall, mockBackend, unexpected } from '../test/ipc';
import { polyfillDialog } from '../test/workspace';
import { axeViolations } from '../test/a11y';
import { todayIso } from '../lib/format';
import { policyStatusLabel } from '../components/policies/labels';

polyfillDialog();

beforeEach(openPolicies);

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
