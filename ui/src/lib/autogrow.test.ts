// autogrow: the textarea's height follows its text, from typing and from a new value.
import { describe, expect, it } from 'vitest';
import { autogrow } from './autogrow';

describe('autogrow', () => {
  it('sets the height to the height of the text, on input and on a new value', () => {
    const area = document.createElement('textarea');
    document.body.append(area);
    let content = 40;
    // jsdom does no layout: the text's height is given by hand.
    Object.defineProperty(area, 'scrollHeight', { get: () => content });
    const handle = autogrow(area, 'short');
    content = 120;
    area.dispatchEvent(new Event('input'));
    expect(area.style.height).toBe('120px');
    content = 60;
    handle?.update?.('shorter');
    expect(area.style.height).toBe('60px');
    handle?.destroy?.();
    content = 200;
    area.dispatchEvent(new Event('input'));
    expect(area.style.height).toBe('60px');
  });
});
