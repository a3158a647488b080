// The cost assumptions editor against a mocked backend: loads what is saved, refuses bad input
// before calling the backend (negative, upside-down, huge, missing currency), sends what the
// user typed, shows the backend's refusal, caps the number of lines, and is accessible.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import CostPanel from './CostPanel.svelte';
import type { CostAssumptions } from '../../lib/api';
import { axeViolations } from '../../test/a11y';
import { failure, lastCall, mockBackend, unexpected, type Call } from '../../test/ipc';

const saved: CostAssumptions = {
  currency: 'EUR',
  day_rate: 900,
  lines: [{ label: 'Penetration test', low: 8000, high: 12000 }],
};

function backend(onSave: (costs: CostAssumptions) => unknown = (c) => c): Call[] {
  return mockBackend((cmd, args) => {
    if (cmd === 'get_cost_assumptions') return saved;
    if (cmd === 'save_cost_assumptions') return onSave(args.costs as CostAssumptions);
    return unexpected(cmd);
  });
}

async function loaded(): Promise<void> {
  await screen.findByLabelText('Currency');
}

describe('CostPanel', () => {
  it('shows the saved assumptions and saves what the user changed', async () => {
    const calls = backend();
    render(CostPanel, { assessmentId: 7 });
    await loaded();
    expect(screen.getByLabelText<HTMLInputElement>('Day rate (optional)').value).toBe('900');
    expect(screen.getByLabelText<HTMLInputElement>('Description of line 1').value).toBe('Penetration test');
    await fireEvent.click(screen.getByTestId('cost-add'));
    await fireEvent.input(screen.getByLabelText('Description of line 2'), { target: { value: ' Audit fee ' } });
    await fireEvent.input(screen.getByLabelText('Low estimate of line 2'), { target: { value: '25000' } });
    await fireEvent.click(screen.getByTestId('cost-save'));
    await waitFor(() =>
      expect(lastCall(calls, 'save_cost_assumptions')?.args).toEqual({
        id: 7,
        costs: {
          currency: 'EUR',
          day_rate: 900,
          lines: [
            { label: 'Penetration test', low: 8000, high: 12000 },
            { label: 'Audit fee', low: 25000, high: 25000 },
          ],
        },
      }),
    );
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('refuses bad input without calling the backend', async () => {
    const calls = backend();
    render(CostPanel, { assessmentId: 7 });
    await loaded();
    const cases: [string, string, RegExp][] = [
      ['Low estimate of line 1', '-5', /whole number of 0 or more/],
      ['Low estimate of line 1', '20000', /low estimate above its high one/],
      ['Low estimate of line 1', '999999999999', /check the amount/],
      ['Day rate (optional)', '0', /at least 1/],
      ['Day rate (optional)', '12.5', /whole number/],
    ];
    for (const [label, value, message] of cases) {
      await fireEvent.input(screen.getByLabelText(label), { target: { value } });
      await fireEvent.click(screen.getByTestId('cost-save'));
      expect((await screen.findByRole('alert')).textContent).toMatch(message);
      await fireEvent.input(screen.getByLabelText(label), {
        target: { value: label.startsWith('Day') ? '900' : '8000' },
      });
    }
    await fireEvent.input(screen.getByLabelText('Currency'), { target: { value: '' } });
    await fireEvent.click(screen.getByTestId('cost-save'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Give a currency/);
    expect(calls.some((c) => c.cmd === 'save_cost_assumptions')).toBe(false);
  });

  it("shows the backend's refusal and caps the lines at twenty", async () => {
    backend(() => failure('validation', 'At most 20 external cost lines: combine some of them.'));
    render(CostPanel, { assessmentId: 7 });
    await loaded();
    for (let i = 0; i < 19; i++) await fireEvent.click(screen.getByTestId('cost-add'));
    expect(screen.getByTestId<HTMLButtonElement>('cost-add').disabled).toBe(true);
    for (let i = 2; i <= 20; i++) {
      await fireEvent.input(screen.getByLabelText(`Description of line ${i}`), { target: { value: `Tool ${i}` } });
      await fireEvent.input(screen.getByLabelText(`Low estimate of line ${i}`), { target: { value: '10' } });
    }
    await fireEvent.click(screen.getByTestId('cost-save'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/combine some of them/);
    expect(screen.queryByText('Saved.')).toBeNull();
  });

  it('has no accessibility violations and is reachable by keyboard', async () => {
    backend();
    const { container } = render(CostPanel, { assessmentId: 7 });
    await loaded();
    expect(await axeViolations(container)).toEqual([]);
    const save = screen.getByTestId('cost-save');
    save.focus();
    expect(document.activeElement).toBe(save);
  });
});
