// Light markup drawn as elements: emphasis as <strong>/<em>, lists as <ul>, the text exactly as
// written (no space added between runs), and markup-looking text as text.
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import Markup from './Markup.svelte';

describe('Markup', () => {
  it('draws paragraphs, bullets and emphasis without adding or losing a character', () => {
    const { container } = render(Markup, { text: 'A **b**c *d*.\n\n- ***both*** x\n- y' });
    const [p, ul] = [...(container.firstElementChild?.children ?? [])];
    expect(p?.tagName).toBe('P');
    expect(p?.textContent).toBe('A bc d.');
    expect(p?.querySelector('strong')?.textContent).toBe('b');
    expect(p?.querySelector('em')?.textContent).toBe('d');
    expect(ul?.tagName).toBe('UL');
    expect([...(ul?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual(['both x', 'y']);
    expect(ul?.querySelector('strong > em')?.textContent).toBe('both');
  });

  it('shows HTML and other markup as text', () => {
    const { container } = render(Markup, { text: '<script>alert(1)</script> [a](javascript:x) # h' });
    expect(container.querySelector('script, a, h1')).toBeNull();
    expect(container.textContent?.trim()).toBe('<script>alert(1)</script> [a](javascript:x) # h');
  });
});
