// Editing a policy on the Policies screen against a mocked backend: a section saved, refused
// with the backend's message, too long or empty, discarded only after asking (another policy,
// another screen, Esc), the template-changed choice, the exports and the parameters.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import Policies from './Policies.svelte';
import { app } from '../lib/app.svelte';
import { parameter, policyView, sectionView } from '../test/policies';
import { backend, item, openPolicies, pack, section, text, typeIn } from '../test/policyScreen';
import { argsOf, count, failure, unexpected } from '../test/ipc';
import { polyfillDialog } from '../test/workspace';
import { sectionChars } from '../components/policies/labels';

polyfillDialog();

beforeEach(openPolicies);

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

  it('offers Open and Show in folder for the latest export only', async () => {
    const calls = backend(pack(), (cmd) => {
      if (cmd === 'export_policy') return '/tmp/out/access.pdf';
      if (cmd === 'export_policy_pack') return '/tmp/out/policies';
      if (cmd === 'open_last_export') return null;
      return unexpected(cmd);
    });
    render(Policies);
    await fireEvent.click(await screen.findByTestId('export-policy-pdf'));
    expect(await screen.findByTestId('export-policy-open')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('export-pack-md'));
    await screen.findByTestId('export-pack-open');
    // The backend opens its last export: the pack's now, so the policy's button goes.
    expect(screen.queryByTestId('export-policy-open')).toBeNull();
    await fireEvent.click(screen.getByTestId('export-pack-open'));
    expect(count(calls, 'open_last_export')).toBe(1);
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
