// DateField: a date typed and shown day-month-year, its value as YYYY-MM-DD, a text that is no
// date said so (and unsaid once fixed), and onchange told once per new date, when it is taken.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import DateField from './DateField.svelte';
import { axeViolations } from '../test/a11y';

function setup(value = '') {
  const onchange = vi.fn<(value: string) => void>();
  const result = render(DateField, { value, label: 'Due date', onchange });
  const input = screen.getByLabelText<HTMLInputElement>('Due date');
  return { ...result, input, onchange };
}

describe('DateField', () => {
  it('shows its date day-month-year, as the rest of the app', () => {
    const { input } = setup('2027-09-30');
    expect(input.value).toBe('30 Sep 2027');
    expect(input.type).toBe('text');
  });

  it('takes a date typed in the forms people use, tidies it, and says so once', async () => {
    const { input, onchange } = setup('2027-09-30');
    await fireEvent.input(input, { target: { value: '1/10/2027' } });
    expect(onchange).not.toHaveBeenCalled();
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(input.value).toBe('1 Oct 2027');
    expect(onchange).toHaveBeenCalledExactlyOnceWith('2027-10-01');
    await fireEvent.blur(input);
    expect(onchange).toHaveBeenCalledOnce();
  });

  it('says a text is not a date, and stops saying so once it is fixed', async () => {
    const { input, onchange, container } = setup();
    await fireEvent.input(input, { target: { value: '31 Feb 2027' } });
    await fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toContain('Not a date');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(container)).toEqual([]);
    await fireEvent.input(input, { target: { value: '28 Feb 2027' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBe('false');
    await fireEvent.blur(input);
    expect(onchange).toHaveBeenCalledExactlyOnceWith('2027-02-28');
  });

  it('clears the date when the text is emptied, and puts it back on Esc', async () => {
    const { input, onchange } = setup('2027-09-30');
    await fireEvent.input(input, { target: { value: '3 Oc' } });
    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('30 Sep 2027');
    await fireEvent.input(input, { target: { value: '' } });
    await fireEvent.blur(input);
    expect(onchange).toHaveBeenCalledExactlyOnceWith('');
  });
});
