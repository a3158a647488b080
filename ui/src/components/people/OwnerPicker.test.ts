// OwnerPicker: a labelled select of the client's people, the roles nobody is named for, and none.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import OwnerPicker from './OwnerPicker.svelte';
import type { Owner } from '../../lib/api';
import { person } from '../../test/fixtures';
import { axeViolations } from '../../test/a11y';

const people = [person({ id: 1, name: 'Dana Reyes' }), person({ id: 2, name: 'Sam Okafor', role: '' })];

function setup(value: Owner | null) {
  const onchange = vi.fn<(owner: Owner | null) => void>();
  const result = render(OwnerPicker, { people, roles: ['Security lead', 'CTO'], value, label: 'Owner', onchange });
  return { ...result, onchange, select: screen.getByLabelText<HTMLSelectElement>('Owner') };
}

describe('OwnerPicker', () => {
  it('groups people and unnamed roles under their headings, after "No owner"', async () => {
    const { select, container } = setup(null);
    expect(select.value).toBe('');
    expect(select.options[0]?.textContent).toBe('No owner');
    const groups = select.querySelectorAll('optgroup');
    expect([...groups].map((g) => g.label)).toEqual(['People', 'Roles not yet named']);
    expect(
      within(groups[0] as HTMLElement)
        .getAllByRole('option')
        .map((o) => o.textContent?.trim()),
    ).toEqual(['Dana Reyes (CTO)', 'Sam Okafor']);
    expect(
      within(groups[1] as HTMLElement)
        .getAllByRole('option')
        .map((o) => o.textContent?.trim()),
    ).toEqual(['Security lead — not yet named', 'CTO — not yet named']);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows the current owner and reports a person, a role or none', async () => {
    const { select, onchange } = setup({ kind: 'role', role: 'CTO' });
    expect(select.selectedOptions[0]?.textContent?.trim()).toBe('CTO — not yet named');
    await fireEvent.change(select, { target: { value: 'person:2' } });
    expect(onchange).toHaveBeenLastCalledWith({ kind: 'person', id: 2 });
    await fireEvent.change(select, { target: { value: 'role:Security lead' } });
    expect(onchange).toHaveBeenLastCalledWith({ kind: 'role', role: 'Security lead' });
    await fireEvent.change(select, { target: { value: '' } });
    expect(onchange).toHaveBeenLastCalledWith(null);
  });

  it('shows an owner no longer listed as it is', () => {
    const { select } = setup({ kind: 'person', id: 9 });
    expect(select.selectedOptions[0]?.textContent?.trim()).toBe('Unknown person');
  });
});
