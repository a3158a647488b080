// ImportPreview, the file import the roster and the auditor's request list share, on a made-up
// kind of file: nothing shown until a file is chosen, every column's field sent again on a
// remap, the rows that stop the import listed and the import held until they are gone (or until
// the caller lets it go), a failure said without losing the preview, and the import of all rows.
import { describe, expect, it, vi } from 'vitest';
import { createRawSnippet } from 'svelte';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import ImportPreview from './ImportPreview.svelte';
import type { ImportSource } from './importSource';
import { BackendError } from '../lib/api';
import { axeViolations } from '../test/a11y';

type Field = 'name' | 'email' | 'ignore';

interface Checked {
  columns: { header: string; field: Field; guessed: boolean }[];
  rows: string[];
  problems: { row: number; problems: string[] }[];
}

const fieldLabel: Record<Field, string> = { name: 'Name', email: 'Email', ignore: 'Not imported' };

const text = (el: HTMLElement): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

function checked(over: Partial<Checked> = {}): Checked {
  return {
    columns: [
      { header: 'Who', field: 'name', guessed: true },
      { header: 'Mail', field: 'ignore', guessed: false },
    ],
    rows: ['Ana', 'Lee'],
    problems: [],
    ...over,
  };
}

function setup(first: Checked | null, options: { held?: (p: Checked) => boolean } = {}) {
  const source = {
    choose: vi.fn<ImportSource<Checked, Field>['choose']>(() => Promise.resolve(first)),
    remap: vi.fn<ImportSource<Checked, Field>['remap']>(() => Promise.resolve(checked())),
    apply: vi.fn<ImportSource<Checked, Field>['apply']>(() => Promise.resolve(2)),
    columns: (p: Checked) => p.columns,
    count: (p: Checked) => p.rows.length,
  };
  const onimported = vi.fn<(count: number) => void>();
  const onpreview = vi.fn<(preview: Checked) => void>();
  const rows = createRawSnippet((preview: () => Checked) => ({
    render: () => `<p data-testid="thing-rows">${preview().rows.length} ready</p>`,
  }));
  const result = render(ImportPreview<Checked, Field>, {
    source,
    fields: ['name', 'email', 'ignore'],
    fieldLabel,
    testid: 'thing',
    chooseTestid: 'thing-choose',
    chooseLabel: 'Import things…',
    label: 'The things to import',
    refused: (stops: string) => `${stops} the import.`,
    importLabel: (p: Checked) => `Import ${p.rows.length}`,
    held: options.held,
    onpreview,
    onimported,
    rows,
  });
  return { ...result, source, onimported, onpreview };
}

const importButton = (): HTMLButtonElement => screen.getByTestId<HTMLButtonElement>('thing-import-all');

describe('ImportPreview', () => {
  it('shows nothing more when no file is chosen', async () => {
    const { source, onpreview } = setup(null);
    await fireEvent.click(screen.getByRole('button', { name: 'Import things…' }));
    await waitFor(() => expect(source.choose).toHaveBeenCalledOnce());
    expect(screen.queryByTestId('thing-preview')).toBeNull();
    expect(onpreview).not.toHaveBeenCalled();
  });

  it("lists the rows that stop the import in the caller's words and holds the import until a remap clears them", async () => {
    const bad = checked({
      problems: [
        { row: 3, problems: ['The name is missing.'] },
        { row: 4, problems: ['Not an email.', 'Used twice.'] },
      ],
    });
    const { source, onpreview, container } = setup(bad);
    await fireEvent.click(screen.getByTestId('thing-choose'));
    const preview = await screen.findByRole('region', { name: 'The things to import' });
    expect(onpreview).toHaveBeenCalledWith(bad);
    expect(screen.getByLabelText('Who (guessed)')).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Mail').value).toBe('ignore');
    expect(text(screen.getByTestId('thing-refused'))).toBe('2 rows stop the import.');
    expect([...screen.getByTestId('thing-problems').querySelectorAll('li')].map(text)).toEqual([
      'Row 3: The name is missing.',
      'Row 4: Not an email. Used twice.',
    ]);
    expect(text(screen.getByTestId('thing-rows'))).toBe('2 ready');
    expect(importButton().disabled).toBe(true);
    expect(await axeViolations(container)).toEqual([]);

    await fireEvent.change(screen.getByLabelText('Mail'), { target: { value: 'email' } });
    await waitFor(() => expect(screen.queryByTestId('thing-problems')).toBeNull());
    expect(source.remap).toHaveBeenCalledExactlyOnceWith([
      ['Who', 'name'],
      ['Mail', 'email'],
    ]);
    expect(onpreview).toHaveBeenCalledTimes(2);
    expect(importButton().disabled).toBe(false);
    expect(preview.isConnected).toBe(true);
  });

  it('says why a remap failed and keeps the preview it had', async () => {
    const { source } = setup(checked());
    source.remap.mockRejectedValueOnce(new BackendError({ code: 'io', message: 'The file went away.' }));
    await fireEvent.click(screen.getByTestId('thing-choose'));
    await screen.findByTestId('thing-preview');
    await fireEvent.change(screen.getByLabelText('Mail'), { target: { value: 'email' } });
    expect(text(await screen.findByRole('alert'))).toBe('The file went away.');
    expect(screen.getByTestId('thing-preview')).toBeTruthy();
    expect(importButton().disabled).toBe(false);
  });

  it('imports every row at once with the columns as mapped, then closes', async () => {
    const { source, onimported } = setup(checked());
    await fireEvent.click(screen.getByTestId('thing-choose'));
    await screen.findByTestId('thing-preview');
    expect(text(importButton())).toBe('Import 2');
    await fireEvent.click(importButton());
    await waitFor(() => expect(onimported).toHaveBeenCalledExactlyOnceWith(2));
    expect(source.apply).toHaveBeenCalledExactlyOnceWith([
      ['Who', 'name'],
      ['Mail', 'ignore'],
    ]);
    expect(screen.queryByTestId('thing-preview')).toBeNull();
  });

  it('waits while the caller holds the import, and Cancel imports nothing', async () => {
    const { source } = setup(checked(), { held: (p) => p.rows.length > 0 });
    await fireEvent.click(screen.getByTestId('thing-choose'));
    await screen.findByTestId('thing-preview');
    expect(importButton().disabled).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('thing-preview')).toBeNull();
    expect(source.apply).not.toHaveBeenCalled();
  });

  it('has nothing to import from a file without rows', async () => {
    setup(checked({ rows: [] }));
    await fireEvent.click(screen.getByTestId('thing-choose'));
    await screen.findByTestId('thing-preview');
    expect(importButton().disabled).toBe(true);
  });
});
