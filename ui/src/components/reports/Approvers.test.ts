// The approvers of the sign-off page against a mocked backend: a row without a name is shown at
// the field and nothing is sent; an empty date is sent as null (a line to date by hand).
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import Approvers from './Approvers.svelte';
import { argsOf, count, mockBackend, unexpected } from '../../test/ipc';

describe('Approvers', () => {
  it('checks names at the field and saves the list', async () => {
    const calls = mockBackend((cmd, args) => {
      if (cmd === 'list_approvers') return [];
      if (cmd === 'set_approvers') return args.approvers;
      return unexpected(cmd);
    });
    const { container } = render(Approvers, { id: 4 });
    await waitFor(() => expect(container.querySelector('[data-loaded=true]')).toBeTruthy());
    await fireEvent.click(screen.getByTestId('approver-add'));
    await fireEvent.click(screen.getByTestId('approvers-save'));
    await waitFor(() => expect(screen.getByText('Give the approver a name, or remove the row.')).toBeTruthy());
    expect(screen.getByTestId('approver-name').getAttribute('aria-invalid')).toBe('true');
    expect(count(calls, 'set_approvers')).toBe(0);

    await fireEvent.input(screen.getByTestId('approver-name'), { target: { value: 'Dana Whitfield' } });
    await fireEvent.input(screen.getByTestId('approver-role'), { target: { value: 'CEO' } });
    await fireEvent.click(screen.getByTestId('approvers-save'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Approvers saved.'));
    expect(argsOf(calls, 'set_approvers')).toEqual([
      { id: 4, approvers: [{ name: 'Dana Whitfield', role: 'CEO', signed_on: null }] },
    ]);
  });
});
