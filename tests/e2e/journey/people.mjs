// The journey's people steps: a person added to the client through the Workspace's People
// dialog takes on their role's work, the plan shows each owner's load week by week, and a due
// date set alone before its action's start is refused at the row with the backend's message (the
// old date kept, never "Saved"). They run after the second half, on the assessment it left open.
import assert from 'node:assert/strict';
import { KEY, PLAN } from './context.mjs';

const PERSON = 'Priya Natarajan';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "30 Nov 2026" → the day before, written the same way. */
function dayBefore(shown) {
  const [d, m, y] = shown.split(' ');
  const date = new Date(Date.UTC(Number(y), MONTHS.indexOf(m), Number(d)) - 86_400_000);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** Defines the steps on `j`, a journey context. */
export function peopleSteps(j) {
  j.step('a person added to the client takes on the work of their role', async () => {
    // A gap of its own (the second half closed the one it had), so the plan has an action.
    await j.go('questionnaire');
    await j.setValue('[data-testid=question-filter]', 'unanswered');
    const id = await (await j.question(0)).attribute('data-question');
    await j.setValue('[data-testid=question-filter]', 'all');
    await j.session.type('#jump-to', id);
    await j.session.keys(KEY.Enter);
    const card = await j.session.find(`[data-testid=question][data-question="${id}"]`, { visible: true });
    await j.session.execute(
      "arguments[0].querySelector('label[data-answer=not_implemented] input[type=radio]').click();",
      [card],
    );
    await j.waitForAnswer(card, 'not_implemented');
    await j.waitForAttribute('[data-testid=save-status]', 'data-state', 'saved');

    // The role of the plan's first action, still "<role> — not yet named".
    await j.go('plan');
    const picker = '[data-testid=plan-action-row] [data-testid=owner-picker]';
    await j.session.find(picker, { visible: true });
    const owner = await j.session.execute(
      'return document.querySelector(arguments[0]).selectedOptions[0].textContent.trim();',
      [picker],
    );
    const m = /^(.+) — not yet named$/.exec(owner);
    assert.ok(m, `the first action is owned by an unnamed role, not "${owner}"`);
    const role = m[1];

    await j.go('workspace');
    await j.session.click('[data-testid=workspace-tab-clients]');
    await j.session.click('[data-testid=client-people]');
    await j.session.find('[data-testid=people-dialog] [data-testid=client-calendar]', { visible: true });
    await j.session.click('[data-testid=person-add]');
    await j.session.type('[data-testid=person-name]', PERSON);
    await j.session.type('[data-testid=person-role]', role);
    await j.session.type('[data-testid=person-share]', '50');
    await j.checkLayout('the people dialog', ['[data-testid=person-save]', '[data-testid=person-name]']);
    await j.snap('people-dialog-form');
    await j.session.click('[data-testid=person-save]');
    await j.waitForText('[data-testid=person-row]', (t) => t.includes(PERSON), `to list ${PERSON}`);
    assert.match(await j.session.text('[data-testid=person-row]'), /50% of their time/);
    await j.checkLayout('the people dialog', ['[data-testid=person-add]', '[data-testid=calendar-save]']);
    await j.snap('people-dialog');
    await j.session.click('[data-testid=people-dialog] button.close');
    await j.session.waitFor(async (s) => (await s.findNow('[data-testid=people-dialog][open]')).length === 0, {
      message: 'the people dialog to close',
    });
  });

  j.step("the plan shows each owner's load week by week", async () => {
    await j.go('plan');
    const load = await j.session.find('[data-testid=plan-load]', { visible: true });
    const row = await j.session.waitFor(
      async (s) => {
        for (const r of await s.findNow('[data-testid=plan-load-row]')) {
          if ((await r.attribute('data-owner'))?.startsWith('person:')) return r;
        }
        return null;
      },
      { message: `a load row for ${PERSON}` },
    );
    assert.match(await row.text(), new RegExp(PERSON));
    assert.match(await row.text(), /50%/);
    assert.ok((await j.session.findNow('[data-testid=plan-load-cell]')).length > 0, 'the grid has weeks');
    await j.checkLayout('Plan', PLAN);
    await j.session.execute('arguments[0].scrollIntoView({ block: "start" });', [load]);
    await new Promise((done) => setTimeout(done, 300));
    await j.snap('plan-load');
  });

  j.step('a due date alone before its start is refused at the row, the old date kept', async () => {
    await j.go('plan');
    const rows = await j.session.findAll('[data-testid=plan-action-row]');
    const key = await rows[0].attribute('data-key');
    const at = `[data-testid=plan-action-row][data-key="${key}"]`;
    const start = await (await j.session.find(`${at} [data-testid=plan-start-input]`)).property('value');
    const due = `${at} [data-testid=plan-due-input]`;
    const before = await (await j.session.find(due)).property('value');

    await j.setValue(due, dayBefore(start));
    await j.session.execute("document.querySelector(arguments[0]).dispatchEvent(new FocusEvent('blur'));", [due]);

    const error = await j.waitForText(`${at} + tr [data-testid=plan-row-error]`, (t) => /before/.test(t), 'to refuse');
    assert.match(error, /^Not saved: The due date .*before/);
    await j.waitForAttribute(`${at} [data-testid=plan-row-status]`, 'data-state', 'failed');
    assert.doesNotMatch(await j.session.text(`${at} [data-testid=plan-row-status]`), /Saved/);
    await j.session.waitFor(async (s) => (await (await s.find(due)).property('value')) === before, {
      message: `the due date to stay ${before}`,
    });
    await j.session.execute('document.querySelector(arguments[0]).scrollIntoView({ block: "center" });', [at]);
    await new Promise((done) => setTimeout(done, 300));
    await j.checkLayout('Plan', PLAN);
    await j.snap('plan-due-refused');
  });
}
