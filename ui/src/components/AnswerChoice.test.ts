// AnswerChoice: the five answers as one labelled radio group.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import AnswerChoice from './AnswerChoice.svelte';
import type { Answer } from '../lib/api';
import { axeViolations } from '../test/a11y';

const labels: [Answer, string][] = [
  ['implemented', 'Implemented'],
  ['partial', 'Partially'],
  ['not_implemented', 'Not implemented'],
  ['not_applicable', 'Not applicable'],
  ['unknown', "Don't know"],
];

function setup(props: { value?: Answer | null; disabled?: boolean } = {}) {
  const onchange = vi.fn<(answer: Answer) => void>();
  const result = render(AnswerChoice, {
    name: 'q-SEC-001',
    label: 'Is MFA enforced for all staff?',
    value: props.value ?? null,
    disabled: props.disabled ?? false,
    onchange,
  });
  return { ...result, onchange };
}

function radios(): HTMLInputElement[] {
  return screen.getAllByRole<HTMLInputElement>('radio');
}

describe('AnswerChoice', () => {
  it('shows all five answers, in order, with their labels as accessible names', () => {
    setup();
    const all = radios();
    expect(all).toHaveLength(5);
    expect(all.map((r) => r.value)).toEqual(labels.map(([value]) => value));
    for (const [value, label] of labels) {
      // Exact name: the keyboard hint is aria-hidden and must not leak into the name.
      const radio = screen.getByRole<HTMLInputElement>('radio', { name: label });
      expect(radio.value).toBe(value);
    }
  });

  it('groups the radios under the question label and one name', () => {
    setup();
    const group = screen.getByRole('group', { name: 'Is MFA enforced for all staff?' });
    expect(group.querySelectorAll('input[type="radio"]')).toHaveLength(5);
    expect(new Set(radios().map((r) => r.name))).toEqual(new Set(['q-SEC-001']));
  });

  it('gives every radio a non-empty accessible name', () => {
    setup();
    // Role queries filter by the computed accessible name (labels, aria-*, aria-hidden).
    expect(screen.getAllByRole('radio', { name: /\S/ })).toHaveLength(5);
    expect(screen.queryAllByRole('radio', { name: '' })).toEqual([]);
  });

  it('checks only the current value', () => {
    setup({ value: 'not_implemented' });
    const checked = radios().filter((r) => r.checked);
    expect(checked.map((r) => r.value)).toEqual(['not_implemented']);
    expect(screen.getByRole('radio', { name: 'Not implemented' }).closest('label')?.classList).toContain('selected');
  });

  it('checks nothing when there is no answer yet', () => {
    setup({ value: null });
    expect(radios().filter((r) => r.checked)).toEqual([]);
  });

  it('follows a new value from its parent', async () => {
    const { rerender } = setup({ value: 'implemented' });
    await rerender({ value: 'unknown' });
    expect(
      radios()
        .filter((r) => r.checked)
        .map((r) => r.value),
    ).toEqual(['unknown']);
  });

  it('calls onchange with the value of the answer clicked', async () => {
    const { onchange } = setup({ value: 'implemented' });
    await fireEvent.click(screen.getByRole('radio', { name: 'Partially' }));
    expect(onchange).toHaveBeenCalledTimes(1);
    expect(onchange).toHaveBeenCalledWith('partial');

    await fireEvent.click(screen.getByRole('radio', { name: "Don't know" }));
    expect(onchange).toHaveBeenCalledTimes(2);
    expect(onchange).toHaveBeenLastCalledWith('unknown');
  });

  it('disables every radio when disabled', async () => {
    const { onchange } = setup({ value: 'implemented', disabled: true });
    const group = screen.getByRole('group');
    expect((group as HTMLFieldSetElement).disabled).toBe(true);
    for (const radio of radios()) {
      expect(radio.matches(':disabled')).toBe(true);
    }
    // HTMLElement.click() follows the spec and does nothing on a disabled control, like a real
    // click; fireEvent.click dispatches a synthetic event that jsdom activates regardless.
    screen.getByRole('radio', { name: 'Partially' }).click();
    await tick();
    expect(onchange).not.toHaveBeenCalled();
    expect(
      radios()
        .filter((r) => r.checked)
        .map((r) => r.value),
    ).toEqual(['implemented']);
  });

  it('enables every radio when not disabled', async () => {
    const { onchange } = setup({ value: 'implemented' });
    for (const radio of radios()) {
      expect(radio.matches(':disabled')).toBe(false);
    }
    // The same kind of click that the disabled test expects to be ignored.
    screen.getByRole('radio', { name: 'Partially' }).click();
    await tick();
    expect(onchange).toHaveBeenCalledWith('partial');
  });

  it('has no axe violations', async () => {
    const { container } = setup({ value: 'partial' });
    expect(await axeViolations(container)).toEqual([]);
  });

  it('has no axe violations when disabled', async () => {
    const { container } = setup({ value: null, disabled: true });
    expect(await axeViolations(container)).toEqual([]);
  });
});
