// The journey's second half: re-assessment and the trash with Undo, not applicable with its
// justification, the plan against an audit date, a snapshot comparison, scoping, the keyboard
// help and the Questionnaire's layout details. Every screen passes the layout check.
import assert from 'node:assert/strict';
import { ASSESSMENT, KEY, PLAN, QUESTIONNAIRE } from './context.mjs';

/** Defines the steps on `j`, a journey context. */
export function secondSteps(j) {
  j.step('re-assesses from the Workspace row, then deletes it with an Undo', async () => {
    const REASSESSMENT = `${ASSESSMENT} (re-assessment)`;
    await j.go('workspace');
    const original = await j.session.waitFor(() => j.rowNamed(ASSESSMENT), {
      message: `the row of "${ASSESSMENT}"`,
    });

    // Re-assess from the row's menu: the suggested name is kept and the new assessment opens.
    await (await original.find('[data-testid=row-menu]')).click();
    await j.session.click('[data-testid=row-reassess]');
    const name = await j.session.find('[data-testid=reassess-name]', {
      visible: true,
    });
    assert.equal(await name.property('value'), REASSESSMENT);
    await j.session.click('[data-testid=reassess-start]');
    await j.waitForAttribute('[data-testid=nav-questionnaire]', 'aria-current', 'page');
    assert.match(await j.contextText(), /\(re-assessment\)/);

    await j.go('workspace');
    const copy = await j.session.waitFor(() => j.rowNamed(REASSESSMENT), {
      message: `the row of "${REASSESSMENT}"`,
    });
    assert.equal(await (await copy.find('[data-testid=badge-reassessment]')).text(), 'Re-assessment');
    assert.equal((await j.session.findNow('[data-testid=assessment-row]')).length, 2);
    // Right after a screen change the window snapshot can still show the previous frame.
    await new Promise((done) => setTimeout(done, 300));
    await j.snap('workspace-reassessment');

    // Delete: a confirmation first, then the row goes and a toast offers Undo.
    await (await copy.find('[data-testid=row-menu]')).click();
    await j.session.click('[data-testid=row-delete]');
    await j.session.click('[data-testid=confirm-delete]', { visible: true });
    await j.waitForText('[data-testid=toast]', (t) => /Moved to the trash/.test(t), 'to say "Moved to the trash"');
    await j.session.waitFor(async () => (await j.rowNamed(REASSESSMENT)) === null, {
      message: 'the deleted row to go',
    });
    assert.equal((await j.session.findNow('[data-testid=assessment-row]')).length, 1);
    await j.snap('workspace-deleted-toast');

    await j.session.click('[data-testid=toast-undo]');
    await j.session.waitFor(() => j.rowNamed(REASSESSMENT), {
      message: 'Undo to bring the row back',
    });
    assert.equal((await j.session.findNow('[data-testid=assessment-row]')).length, 2);
    assert.equal((await j.session.findNow('[data-testid=trash-toggle]')).length, 0, 'the trash is empty again');
  });

  j.step('not applicable is refused until a justification is written', async () => {
    await j.go('workspace');
    const row = await j.session.waitFor(() => j.rowNamed(ASSESSMENT), {
      message: `the row of "${ASSESSMENT}"`,
    });
    await (await row.find('[data-testid=open-assessment]')).click();
    await j.waitForAttribute('[data-testid=nav-questionnaire]', 'aria-current', 'page');
    await j.setValue('[data-testid=question-filter]', 'unanswered');
    const card = await j.question(0);
    const id = await card.attribute('data-question');
    await (await card.find('label[data-answer=not_applicable]')).click();
    await j.session.find('[data-testid=na-needs-justification]', {
      visible: true,
    });
    assert.notEqual(await j.session.attribute('[data-testid=save-status]', 'data-state'), 'saving');

    // Writing why and leaving the note saves the answer (the filter then hides the question).
    await (await card.find('[data-testid=note]')).sendKeys('Fully remote team: no office to protect.');
    // Leaving the note (as Tab or a click elsewhere would) saves it.
    await j.session.execute('document.activeElement.blur();');
    await j.waitForAttribute('[data-testid=save-status]', 'data-state', 'saved');
    await j.setValue('[data-testid=question-filter]', 'all');
    await j.session.type('#jump-to', id);
    await j.session.keys('\uE007');
    const saved = await j.session.find(`[data-testid=question][data-question="${id}"]`, { visible: true });
    // The focus leaves the box for the question, and the status bar stays in view above it.
    await j.session.waitFor(async (s) => (await (await s.activeElement()).attribute('data-question')) === id, {
      message: `the focus to move to question ${id}`,
    });
    await j.checkInView([
      '[data-testid=undo]',
      '[data-testid=save-status]',
      `[data-testid=question][data-question="${id}"] h3`,
    ]);
    await j.checkLayout('the Questionnaire, scrolled', QUESTIONNAIRE);
    await j.waitForAnswer(saved, 'not_applicable');
    assert.equal(
      await (await saved.find('[data-testid=note]')).property('value'),
      'Fully remote team: no office to protect.',
    );
  });

  j.step('the plan is scheduled against the audit date and keeps an edit', async () => {
    await j.go('plan');
    await j.session.find('[data-testid=plan-fit]', { visible: true });
    // Typed day-month-year, as the app shows dates.
    await j.setValue('[data-testid=audit-date-input]', '30 Sep 2027');
    await j.session.click('[data-testid=audit-save]');
    await j.waitForAttribute('[data-testid=plan-fit]', 'data-kind', 'fits');
    assert.match(await j.session.text('[data-testid=plan-fit]'), /spare days/i);

    const rows = await j.session.findAll('[data-testid=plan-action-row]');
    const key = await rows[0].attribute('data-key');
    const select = `[data-testid=plan-action-row][data-key="${key}"] [data-testid=plan-status-select]`;
    await j.setValue(select, 'in_progress');
    await j.waitForAttribute(
      `[data-testid=plan-action-row][data-key="${key}"] [data-testid=plan-row-status]`,
      'data-state',
      'saved',
    );
    assert.equal(await (await j.session.find('[data-testid=audit-date-input]')).property('value'), '30 Sep 2027');
    await j.checkLayout('Plan', PLAN);
    await j.snap('plan');

    // Rebuilt from the store when the screen comes back: the edit is still there.
    await j.go('results');
    await j.go('plan');
    await j.session.waitFor(async (s) => (await (await s.find(select)).property('value')) === 'in_progress', {
      message: 'the edited status to survive a reload',
    });
  });

  j.step('a snapshot comparison shows the gap closed since', async () => {
    await j.go('results');
    await j.session.type('[data-testid=snapshot-label]', 'Baseline');
    await j.session.click('[data-testid=take-snapshot]');
    await j.session.find('[data-testid=compare-snapshot]', { visible: true });

    // Close a gap: the question answered "Partially" with the keyboard earlier becomes implemented.
    await j.go('questionnaire');
    await j.setValue('[data-testid=question-filter]', 'gaps');
    const gap = await (await j.question(0)).attribute('data-question');
    // Back to all questions first: under the "gaps" filter the card would vanish once answered.
    await j.setValue('[data-testid=question-filter]', 'all');
    await j.session.type('#jump-to', gap);
    await j.session.keys('\uE007');
    const card = await j.session.find(`[data-testid=question][data-question="${gap}"]`, { visible: true });
    await (await card.find('label[data-answer=implemented]')).click();
    await j.waitForAnswer(card, 'implemented');
    await j.waitForAttribute('[data-testid=save-status]', 'data-state', 'saved');

    await j.go('results');
    await j.session.click('[data-testid=compare-snapshot]');
    const comparison = await j.session.find('[data-testid=comparison]', {
      visible: true,
    });
    const text = await comparison.text();
    assert.match(text, /Progress since “Baseline”/);
    assert.match(text, /Gaps closed \(1\)/);
    assert.match(text, /\+\d+(\.\d)? points/);
    await j.snap('results-comparison');
  });

  j.step('scoping questions recommend categories, with their reasons', async () => {
    await j.go('workspace');
    await j.session.click('[data-testid=new-assessment]');
    const availability = '[data-testid=scope-availability]';
    assert.equal(await (await j.session.find(availability)).property('checked'), false);
    await j.session.click('[data-testid=scoping-SCP-01]');
    await j.session.waitFor(async (s) => (await (await s.find(availability)).property('checked')) === true, {
      message: 'Availability to be recommended and ticked',
    });
    const category = await j.session.execute(
      `return document.querySelector(arguments[0]).closest('.category').textContent;`,
      [availability],
    );
    assert.match(category, /Recommended/);
    // The user's own choice wins over the recommendation.
    await j.session.click(availability);
    await j.session.waitFor(async (s) => (await (await s.find(availability)).property('checked')) === false, {
      message: 'the override to untick Availability',
    });
    await j.snap('workspace-scoping');
    // Leaving the form creates nothing.
    await j.session.click('[data-testid=cancel-new-assessment]');
    await j.session.find('[data-testid=assessment-row]', { visible: true });
  });

  j.step('? lists the shortcuts of the screen, and Esc closes them', async () => {
    await j.go('questionnaire');
    await j.session.find('[data-testid=question]', { visible: true });
    await j.session.execute('document.activeElement?.blur();');
    await j.session.keys('?');
    const help = await j.session.find('[data-testid=keyboard-help]', {
      visible: true,
    });
    const text = await help.text();
    assert.match(text, /Keyboard shortcuts: Questionnaire/);
    assert.match(text, /Next question/);
    assert.match(text, /Undo the last change/);
    await j.checkLayout('the keyboard help', ['[data-testid=keyboard-help] button']);
    await j.snap('keyboard-help');
    await j.session.keys(KEY.Escape);
    await j.session.waitFor(async (s) => (await s.findNow('[data-testid=keyboard-help][open]')).length === 0, {
      message: 'the help to close',
    });
  });

  j.step('answers read on one line, the history opens below its buttons, notes grow', async () => {
    await j.go('questionnaire');
    const card = await j.question(0);
    const heights = await j.session.execute(
      `return [...arguments[0].querySelectorAll('label[data-answer]')].map((l) => Math.round(l.getBoundingClientRect().height));`,
      [card],
    );
    assert.equal(new Set(heights).size, 1, `answer choices ${heights.join(', ')} px high: one wraps`);

    await (await card.find('[data-testid=history-toggle]')).click();
    await card.find('[data-testid=history]');
    const tops = await j.session.execute(
      `const c = arguments[0];
     const top = (el) => Math.round(el.getBoundingClientRect().top);
     return [top(c.querySelector('.tools .link')), top(c.querySelector('[data-testid=history-toggle]'))];`,
      [card],
    );
    assert.equal(tops[0], tops[1], `Guidance at ${tops[0]} px, History at ${tops[1]} px`);
    await j.snap('questionnaire-history');

    const note = await card.find('[data-testid=note]');
    const before = await note.property('offsetHeight');
    await note.sendKeys(['First line of a longer note.', 'Second line.', 'Third line.', 'Fourth line.'].join(KEY.Enter));
    const after = await note.property('offsetHeight');
    assert.ok(after > before + 20, `the note grew from ${before} to ${after} px`);
  });
}
