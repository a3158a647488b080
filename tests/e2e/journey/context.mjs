// One run of the journey at one window size: its app session, its artifacts, its steps (in
// order, the rest skipped after a failure) and the helpers the steps share, among them the
// layout check every screen goes through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { waitFor } from '../webdriver.mjs';
import { layoutProblems } from './layout.mjs';

const TEST_TIMEOUT_MS = 90_000;

export const CLIENT = 'Northwind Analytics';
export const ASSESSMENT = 'SOC 2 Type I readiness, 2027';

/** The Questionnaire's primary controls: Undo and the save status, the answers, the jump box. */
export const QUESTIONNAIRE = [
  '[data-testid=undo]',
  '[data-testid=redo]',
  '[data-testid=save-status]',
  '[data-testid=question] label[data-answer=unknown]',
  '[data-testid=question] [data-testid=flag]',
  '#jump-to',
];

/** The Plan's: each action's owner, dates and status (the inline edits), and the audit's Save. */
export const PLAN = [
  '[data-testid=plan-action-row] [data-testid=owner-picker]',
  '[data-testid=plan-start-input]',
  '[data-testid=plan-due-input]',
  '[data-testid=plan-status-select]',
  '[data-testid=audit-date-input]',
  '[data-testid=audit-save]',
];

function fileSafe(name) {
  return (
    name
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 100) || 'test'
  );
}

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "37%" → 37, "<1%" → 0.5; throws for anything else (e.g. "—"). */
export function percentOf(text) {
  if (text.trim() === '<1%') return 0.5;
  const m = /^(\d{1,3})%$/.exec(text.trim());
  if (!m) throw new Error(`expected a percentage like "37%", got ${JSON.stringify(text)}`);
  return Number(m[1]);
}

/** WebDriver key codes for the keys that are not characters. */
export const KEY = {
  ArrowRight: '\uE014',
  Escape: '\uE00C',
  Enter: '\uE007',
  Control: '\uE009',
  Shift: '\uE008',
};

/** A journey at `size` ({ width, height }); `artifacts` is the folder for its screenshots. */
export function journeyContext(size, artifacts) {
  const label = `${size.width}x${size.height}`;
  const j = {
    size,
    label,
    /** Set by the suite's before() hook. */
    session: null,
    dataDir: null,
    saveDir: null,
    /** Set once a step fails: later steps depend on it and are skipped instead of failing noisily. */
    brokenBy: null,
    /** Values steps hand on to later ones. */
    shared: {},

    /** Screenshot of the current screen, for reviewing the UI. */
    async snap(name) {
      await j.session.screenshot(join(artifacts, 'screens', label, `${fileSafe(name)}.png`));
    },

    /** A step of the journey; a failing step saves a screenshot and the page source, and rethrows. */
    step(name, fn) {
      test(name, { timeout: TEST_TIMEOUT_MS }, async (t) => {
        if (j.brokenBy) {
          t.skip(`an earlier step failed: ${j.brokenBy}`);
          return;
        }
        try {
          await fn(t);
        } catch (e) {
          j.brokenBy = name;
          const base = join(artifacts, `${label}-${fileSafe(name)}`);
          await j.session?.screenshot(`${base}.png`).catch(() => {});
          await j.session?.saveSource(`${base}.html`).catch(() => {});
          throw e;
        }
      });
    },

    /** Clicks a main navigation button and waits until that screen is the current one. */
    async go(screen) {
      const css = `[data-testid=nav-${screen}]`;
      await j.session.click(css);
      await j.waitForAttribute(css, 'aria-current', 'page');
    },

    async waitForText(css, predicate, message) {
      return j.session.waitFor(
        async (s) => {
          const text = await s.text(css);
          return predicate(text) ? text : null;
        },
        { message: `${css} ${message}` },
      );
    },

    async waitForAttribute(css, name, expected) {
      await j.session.waitFor(async (s) => (await s.attribute(css, name)) === expected, {
        message: `${css} to have ${name}="${expected}"`,
      });
    },

    /** The n-th (0-based) question card on the page. */
    async question(n) {
      const cards = await j.session.findAll('[data-testid=question]', {
        min: n + 1,
      });
      return cards[n];
    },

    /** Waits until `card`'s choice for `answer` is the selected one (radio checked, label marked). */
    async waitForAnswer(card, answer) {
      const label = await card.find(`label[data-answer=${answer}]`);
      const radio = await card.find(`label[data-answer=${answer}] input[type=radio]`);
      await waitFor(
        async () =>
          (await radio.property('checked')) === true && /\bselected\b/.test((await label.attribute('class')) ?? ''),
        {
          message: `answer "${answer}" to be selected in question ${await card.attribute('data-question')}`,
        },
      );
    },

    /** Sets a form control's value from the page and fires the events Svelte listens to. */
    async setValue(css, value) {
      await j.session.execute(
        `const el = document.querySelector(arguments[0]);
         el.value = arguments[1];
         el.dispatchEvent(new Event('input', { bubbles: true }));
         el.dispatchEvent(new Event('change', { bubbles: true }));`,
        [css, value],
      );
    },

    /** The Workspace row whose assessment is called `name`, or null. */
    async rowNamed(name) {
      for (const row of await j.session.findNow('[data-testid=assessment-row]')) {
        const [cell] = await j.session.findNow('[data-testid=row-name]', row);
        if (cell && (await cell.text()) === name) return row;
      }
      return null;
    },

    /** What the sidebar says of the open assessment (folded, it is in a tooltip and for screen readers). */
    async contextText() {
      await j.session.find('[data-testid=current-assessment]');
      return j.session.execute(
        "return document.querySelector('[data-testid=current-assessment]').textContent.replace(/\\s+/g, ' ').trim();",
      );
    },

    /** Fails unless every element matching each selector is wholly inside the window. */
    async checkInView(selectors) {
      const out = await j.session.execute(
        `return arguments[0].flatMap((css) => {
           const found = [...document.querySelectorAll(css)];
           if (found.length === 0) return ['no ' + css];
           return found.flatMap((el) => {
             const r = el.getBoundingClientRect();
             return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth
               ? [] : [css + ' at ' + [r.left, r.top, r.right, r.bottom].map(Math.round).join(',')];
           });
         });`,
        [selectors],
      );
      assert.deepEqual(out, [], `out of view at ${label}: ${out.join('; ')}`);
    },

    /**
     * Fails when the window scrolls (sideways or at all: only the content may), or when one of
     * the screen's primary controls (`primary`: CSS selectors, each matching at least once) is
     * outside the window or hidden by a scroll box.
     */
    async checkLayout(screen, primary) {
      const problems = await layoutProblems(j.session, primary);
      assert.deepEqual(problems, [], `${screen} at ${label}: ${problems.join('; ')}`);
    },
  };
  return j;
}
