// The accessibility check of the front-end tests: axe-core over a rendered container.
import axe from 'axe-core';

/** axe's violations in `container`, one line each (empty when there is none). */
export async function axeViolations(container: HTMLElement): Promise<string[]> {
  const results = await axe.run(container, {
    // jsdom does no layout or style computation, so axe cannot judge colour contrast here.
    rules: { 'color-contrast': { enabled: false } },
  });
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
}
