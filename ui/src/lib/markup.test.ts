// The light markup reads as the backend reads it: the cases of domain `policy/markup.rs`, and
// hostile text that must come out as text.
import { describe, expect, it } from 'vitest';
import { inline, parse, plain, type Inline } from './markup';

const run = (text: string, bold = false, emphasis = false): Inline => ({ text, bold, emphasis });

describe('parse', () => {
  it('reads paragraphs, lists and emphasis', () => {
    expect(parse('One\nline.\n\n- **Least privilege.** Only what\n- *Planned:* MFA\n')).toEqual([
      { kind: 'paragraph', content: [run('One line.')] },
      {
        kind: 'bullets',
        content: [
          [run('Least privilege.', true), run(' Only what')],
          [run('Planned:', false, true), run(' MFA')],
        ],
      },
    ]);
  });

  it('makes a list mixed with prose a paragraph, and nothing else markup', () => {
    const blocks = parse('Intro\n- not a list\n\n# <b>[x](y)</b>\n\n<script>alert(1)</script>');
    expect(blocks).toEqual([
      { kind: 'paragraph', content: [run('Intro - not a list')] },
      { kind: 'paragraph', content: [run('# <b>[x](y)</b>')] },
      { kind: 'paragraph', content: [run('<script>alert(1)</script>')] },
    ]);
  });

  it('splits on blank lines only, after Windows line ends, and drops empty blocks', () => {
    expect(parse('\r\n\r\n- x\r\n\r\n\r\ny')).toEqual([
      { kind: 'bullets', content: [[run('x')]] },
      { kind: 'paragraph', content: [run('y')] },
    ]);
    expect(parse('')).toEqual([]);
    expect(parse(' \n \n\t')).toEqual([]);
  });

  it('needs "- " with the space for a list item, and trims the item', () => {
    expect(parse('-x\n-y')).toEqual([{ kind: 'paragraph', content: [run('-x -y')] }]);
    expect(parse('  -   spaced  \n- b')).toEqual([{ kind: 'bullets', content: [[run('spaced')], [run('b')]] }]);
  });

  it('trims what Rust trims: a no-break space goes, a byte order mark stays', () => {
    expect(parse('\u00a0a\u3000')).toEqual([{ kind: 'paragraph', content: [run('a')] }]);
    expect(parse('\ufeffa')).toEqual([{ kind: 'paragraph', content: [run('\ufeffa')] }]);
  });
});

describe('inline', () => {
  it('keeps every character of an unclosed marker', () => {
    const runs = inline('a **b * c');
    expect(runs.map((r) => r.text).join('')).toBe('a b  c');
    expect(runs).toEqual([run('a '), run('b ', true), run(' c', true, true)]);
  });

  it('reads *** as bold then emphasis, and keeps characters beyond the basic plane whole', () => {
    expect(inline('***both***')).toEqual([run('both', true, true)]);
    expect(inline('*𝄞 数据*')).toEqual([run('𝄞 数据', false, true)]);
  });

  it('gives nothing for markers alone', () => {
    expect(inline('**')).toEqual([]);
    expect(inline('')).toEqual([]);
  });
});

describe('plain', () => {
  it('drops the markers and keeps the blocks', () => {
    expect(plain('**Bold** and *this*\n\n- one\n- *two*')).toBe('Bold and this\n\n- one\n- two');
    expect(plain('\r\n\r\n- x\r\n\r\n\r\ny')).toBe('- x\n\ny');
  });
});
