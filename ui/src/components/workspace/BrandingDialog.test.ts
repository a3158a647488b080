// The branding dialog against a mocked backend: the workspace's fields and logo preview, field
// errors shown at the field before anything is sent, a backend refusal shown in the dialog, a
// client's override that shows what it inherits and resets to the workspace's.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import BrandingDialog from './BrandingDialog.svelte';
import type { BrandingFieldsView, BrandingView } from '../../lib/api';
import { axeViolations } from '../../test/a11y';
import { argsOf, count, failure, mockBackend, unexpected } from '../../test/ipc';
import { polyfillDialog } from '../../test/workspace';

polyfillDialog();

const empty: BrandingFieldsView = { firm: null, accent: null, footer: null, disclaimer: null, logo: null };
const logo = {
  format: 'png' as const,
  width: 240,
  height: 80,
  bytes: 1234,
  data_url: 'data:image/png;base64,iVBORw0KGgo=',
};

function view(over: Partial<BrandingView> = {}): BrandingView {
  return { client_id: null, own: empty, effective: empty, accent_note: null, ...over };
}

async function type(testid: string, value: string): Promise<void> {
  await fireEvent.input(screen.getByTestId(testid), { target: { value } });
}

describe('BrandingDialog', () => {
  it('shows the workspace branding with the logo and saves each field', async () => {
    const own = { ...empty, firm: 'Meridian Assurance', logo };
    const calls = mockBackend((cmd, args) => {
      if (cmd === 'get_branding') return view({ own, effective: own });
      if (cmd === 'set_branding') return view({ own: { ...own, accent: '#0B6E4F' }, effective: own });
      if (cmd === 'choose_logo') return null;
      return unexpected(`${cmd} ${JSON.stringify(args)}`);
    });
    const { container } = render(BrandingDialog, { open: true, clientId: null });
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('branding-firm').value).toBe('Meridian Assurance'));
    expect(screen.getByTestId('branding-logo-preview').getAttribute('alt')).toBe('Logo preview, 240 by 80 pixels');
    await type('branding-accent', '#0b6e4f');
    await fireEvent.click(screen.getByTestId('branding-save'));
    await waitFor(() => expect(count(calls, 'set_branding')).toBe(1));
    expect(argsOf(calls, 'set_branding')[0]).toEqual({
      clientId: null,
      input: {
        firm: { op: 'set', value: 'Meridian Assurance' },
        accent: { op: 'set', value: '#0b6e4f' },
        footer: { op: 'clear' },
        disclaimer: { op: 'clear' },
        clear_logo: false,
      },
    });
    await fireEvent.click(screen.getByTestId('branding-choose-logo'));
    await waitFor(() => expect(count(calls, 'choose_logo')).toBe(1));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows a bad colour and an over-long footer at their fields and sends nothing', async () => {
    const calls = mockBackend((cmd) => (cmd === 'get_branding' ? view() : unexpected(cmd)));
    const { container } = render(BrandingDialog, { open: true, clientId: null });
    await waitFor(() => expect(container.ownerDocument.querySelector('form[data-loaded=true]')).toBeTruthy());
    expect(count(calls, 'get_branding')).toBe(1);
    await type('branding-accent', 'navy');
    expect(screen.getByTestId('branding-accent').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('branding-accent-hint').textContent).toContain('#RRGGBB');
    await type('branding-footer', 'x'.repeat(161));
    expect(screen.getByText('The footer is limited to 160 characters.')).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('branding-save').disabled).toBe(true);
    expect(count(calls, 'set_branding')).toBe(0);
  });

  it('says when a light accent is darkened, and shows a refusal from the backend', async () => {
    mockBackend((cmd) => {
      if (cmd === 'get_branding')
        return view({
          own: { ...empty, accent: '#FFE066' },
          effective: { ...empty, accent: '#FFE066' },
          accent_note: '#FFE066 is too light to read as text on white, so headings use #7A6400.',
        });
      if (cmd === 'choose_logo') return failure('validation', 'The logo must be a PNG or JPEG image.');
      return unexpected(cmd);
    });
    render(BrandingDialog, { open: true, clientId: null });
    await waitFor(() => expect(screen.getByTestId('branding-accent-hint').textContent).toContain('too light'));
    await fireEvent.click(screen.getByTestId('branding-choose-logo'));
    await waitFor(() =>
      expect(screen.getByTestId('branding-error').textContent).toContain('The logo must be a PNG or JPEG image.'),
    );
  });

  it("a client's override shows what it inherits and resets to the workspace branding", async () => {
    const workspace = { ...empty, firm: 'Meridian Assurance', footer: 'Meridian LLP', logo };
    const calls = mockBackend((cmd) => {
      if (cmd === 'get_branding')
        return view({ client_id: 3, own: { ...empty, firm: 'Meridian Japan' }, effective: workspace });
      if (cmd === 'clear_branding') return view({ client_id: 3, own: empty, effective: workspace });
      return unexpected(cmd);
    });
    render(BrandingDialog, { open: true, clientId: 3, clientName: 'Acme' });
    expect(screen.getByRole('heading', { name: 'Branding for Acme' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('branding-firm').value).toBe('Meridian Japan'));
    expect(screen.getByTestId('branding-footer').getAttribute('placeholder')).toBe('Meridian LLP');
    expect(screen.getByText(/from the workspace/)).toBeTruthy();
    await fireEvent.click(screen.getByTestId('branding-clear'));
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('branding-firm').value).toBe(''));
    expect(argsOf(calls, 'clear_branding')).toEqual([{ clientId: 3 }]);
  });
});
