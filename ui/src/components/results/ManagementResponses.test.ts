// Management responses against a mocked backend: a reason is required before anything is sent,
// a saved response shows beside its finding, and it can be removed.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import ManagementResponses from './ManagementResponses.svelte';
import type { Gap, ManagementResponse } from '../../lib/api';
import { axeViolations } from '../../test/a11y';
import { argsOf, count, mockBackend, unexpected } from '../../test/ipc';

const gap = {
  question_id: 'SEC-001',
  severity: 'high',
  question: 'Multi-factor authentication is not enforced',
  criteria: ['CC6.1'],
} as unknown as Gap;

describe('ManagementResponses', () => {
  it('requires a reason to accept a risk, then saves and shows it', async () => {
    let saved: ManagementResponse[] = [];
    const calls = mockBackend((cmd, args) => {
      if (cmd === 'list_management_responses') return saved;
      if (cmd === 'save_management_response') {
        saved = [args.response as ManagementResponse];
        return args.response;
      }
      if (cmd === 'delete_management_response') {
        saved = [];
        return null;
      }
      return unexpected(cmd);
    });
    const { container } = render(ManagementResponses, { id: 7, gaps: [gap] });
    await waitFor(() => expect(count(calls, 'list_management_responses')).toBe(1));
    await fireEvent.click(screen.getByTestId('mr-edit'));
    await fireEvent.change(screen.getByTestId('mr-kind'), { target: { value: 'accepted_risk' } });
    await fireEvent.click(screen.getByTestId('mr-save'));
    expect(screen.getByTestId('mr-error').textContent).toContain('A reason is required');
    expect(screen.getByTestId('mr-text').getAttribute('aria-invalid')).toBe('true');
    expect(count(calls, 'save_management_response')).toBe(0);
    expect(await axeViolations(container)).toEqual([]);

    await fireEvent.input(screen.getByTestId('mr-text'), { target: { value: 'Hardware keys arrive in May.' } });
    await fireEvent.click(screen.getByTestId('mr-save'));
    await waitFor(() => expect(screen.getByTestId('mr-current').textContent).toContain('Risk accepted: Hardware keys'));
    expect(argsOf(calls, 'save_management_response')).toEqual([
      { id: 7, response: { question_id: 'SEC-001', kind: 'accepted_risk', text: 'Hardware keys arrive in May.' } },
    ]);

    await fireEvent.click(screen.getByTestId('mr-edit'));
    await fireEvent.click(screen.getByTestId('mr-remove'));
    await waitFor(() => expect(screen.queryByTestId('mr-current')).toBeNull());
    expect(argsOf(calls, 'delete_management_response')).toEqual([{ id: 7, questionId: 'SEC-001' }]);
  });
});
