// Light markup, as the backend reads it (domain `policy/markup.rs`, same rules): paragraphs
// separated by blank lines, a block whose lines all start with "- " is a bullet list, `**bold**`
// and `*emphasis*`. Nothing else means anything, so the result is rendered as text, never HTML.

/** A run of text with its emphasis. */
export interface Inline {
  text: string;
  bold: boolean;
  emphasis: boolean;
}

export type MarkupBlock = { kind: 'paragraph'; content: Inline[] } | { kind: 'bullets'; content: Inline[][] };

/**
 * Rust's `str::trim`: Unicode White_Space, which differs from JavaScript's `trim` (that one also
 * strips U+FEFF and keeps U+0085), so both sides split the same text the same way.
 */
const EDGE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

function trim(s: string): string {
  return s.replace(EDGE, '');
}

/** Rust's `str::lines`, trimmed, blank lines dropped. */
function lines(chunk: string): string[] {
  return chunk
    .split('\n')
    .map(trim)
    .filter((l) => l !== '');
}

/** Blocks are separated by blank lines; a block whose lines all start with "- " is a list. */
export function parse(text: string): MarkupBlock[] {
  const blocks: MarkupBlock[] = [];
  for (const chunk of text.replaceAll('\r\n', '\n').split('\n\n')) {
    const ls = lines(chunk);
    if (ls.length === 0) continue;
    if (ls.every((l) => l.startsWith('- '))) {
      blocks.push({ kind: 'bullets', content: ls.map((l) => inline(trim(l.slice(2)))) });
    } else {
      blocks.push({ kind: 'paragraph', content: inline(ls.join(' ')) });
    }
  }
  return blocks;
}

/**
 * Splits a line at `**` (bold) and lone `*` (emphasis) markers. An unclosed marker holds to the
 * end of the line, so a stray asterisk never loses text; it only changes the emphasis.
 */
export function inline(line: string): Inline[] {
  const out: Inline[] = [];
  let bold = false;
  let emphasis = false;
  let current = '';
  const push = (): void => {
    if (current !== '') out.push({ text: current, bold, emphasis });
    current = '';
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c !== '*') {
      current += c;
      continue;
    }
    push();
    if (line[i + 1] === '*') {
      i++;
      bold = !bold;
    } else {
      emphasis = !emphasis;
    }
  }
  push();
  return out;
}

/** The text without markers (search, plain-text comparisons). */
export function plain(text: string): string {
  const flat = (runs: Inline[]): string => runs.map((r) => r.text).join('');
  return parse(text)
    .map((b) => (b.kind === 'paragraph' ? flat(b.content) : b.content.map((i) => `- ${flat(i)}`).join('\n')))
    .join('\n\n');
}
