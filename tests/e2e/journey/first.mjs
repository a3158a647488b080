// The journey's first half: a new workspace, a client and an assessment, answers with the mouse
// and the keyboard, Results, Plan, Reports (a PDF export checked with pdftotext), the Workspace
// list, and Workshop mode with the keyboard. Every screen passes the layout check.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '../webdriver.mjs';
import { ASSESSMENT, CLIENT, KEY, PLAN, QUESTIONNAIRE, escapeRegExp, percentOf } from './context.mjs';

/** Defines the steps on `j`, a journey context. */
export function firstSteps(j) {
  j.step('opens on the Workspace', async () => {
    await j.waitForAttribute('[data-testid=nav-workspace]', 'aria-current', 'page');
    // The workspace is open (not "Opening the workspace…" nor an error) once its actions show.
    await j.session.find('[data-testid=new-assessment]', { visible: true });
    assert.equal((await j.session.findNow('[data-testid=fatal]')).length, 0, 'the workspace opened without an error');
    assert.equal(
      (await j.session.findNow('[data-testid=assessment-row]')).length,
      0,
      'a new workspace has no assessments',
    );
    assert.equal(await j.session.title(), 'Trustgap');
    await j.checkLayout('the Workspace', [
      '[data-testid=new-assessment]',
      '[data-testid=open-sample]',
      '[data-testid=sidebar-toggle]',
    ]);
    await j.snap('workspace-empty');
  });

  j.step('creates a client and an assessment', async () => {
    // A first assessment is started from the Workspace's button, its client created with it.
    await j.session.click('[data-testid=new-assessment]');
    await j.waitForAttribute('[data-testid=nav-workspace]', 'aria-current', 'page');
    await j.session.type('[data-testid=new-client-name]', CLIENT);
    await j.session.type('[data-testid=assessment-name]', ASSESSMENT);
    const privacy = await j.session.click('[data-testid=scope-privacy]');
    await waitFor(async () => (await privacy.property('checked')) === true, {
      message: 'Privacy to be ticked',
    });
    await j.checkLayout('New assessment', [
      '[data-testid=create-assessment]',
      '[data-testid=cancel-new-assessment]',
      '[data-testid=target-date]',
      '[data-testid=scope-privacy]',
    ]);
    await j.snap('workspace-new-assessment');
    await j.session.click('[data-testid=create-assessment]');

    await j.waitForAttribute('[data-testid=nav-questionnaire]', 'aria-current', 'page');
    const context = await j.contextText();
    assert.match(context, new RegExp(escapeRegExp(CLIENT)));
    assert.match(context, new RegExp(escapeRegExp(ASSESSMENT)));
  });

  j.step('answers a question with the mouse', async () => {
    // No readiness before the first answer (not 0% in red).
    assert.equal(await j.session.text('[data-testid=readiness]'), '—', 'a new assessment has no readiness yet');
    await j.checkLayout('the Questionnaire', QUESTIONNAIRE);
    assert.equal(await j.session.attribute('[data-testid=save-status]', 'data-state'), 'idle');
    await j.snap('questionnaire-new');

    const first = await j.question(0);
    await (await first.find('label[data-answer=implemented]')).click();

    await j.waitForAttribute('[data-testid=save-status]', 'data-state', 'saved');
    await j.waitForAnswer(first, 'implemented');
    const text = await j.waitForText(
      '[data-testid=readiness]',
      (t) => /^(<1|\d+)%$/.test(t) && percentOf(t) > 0,
      'to rise above 0%',
    );
    assert.ok(percentOf(text) > 0 && percentOf(text) <= 100, `readiness ${text}`);
    assert.match(await j.session.text('[data-testid=save-status]'), /saved/i);
  });

  j.step('answers a question with the keyboard', async () => {
    const first = await j.question(0);
    const second = await j.question(1);
    const secondId = await second.attribute('data-question');

    // J moves to the next question, 2 answers it "Partially" (the active card is the one answered).
    await j.session.keys('j');
    await j.session.waitFor(async () => /\bactive\b/.test((await second.attribute('class')) ?? ''), {
      message: `question ${secondId} to become the active card after pressing J`,
    });
    await j.session.keys('2');

    await j.waitForAnswer(second, 'partial');
    await j.waitForAttribute('[data-testid=save-status]', 'data-state', 'saved');
    // The first answer is untouched.
    await j.waitForAnswer(first, 'implemented');

    j.shared.readiness = await j.session.text('[data-testid=readiness]');
    assert.ok(percentOf(j.shared.readiness) > 0, `readiness ${j.shared.readiness}`);
    assert.match(await j.contextText(), new RegExp(`Readiness ${j.shared.readiness}`));
    await j.snap('questionnaire-answered');
  });

  j.step('Results show the same readiness', async () => {
    await j.go('results');
    const overall = await j.waitForText('[data-testid=overall-score]', (t) => t.length > 0, 'to show a score');
    assert.equal(overall, j.shared.readiness, 'Results and the Questionnaire agree');
    assert.ok((await j.session.text('[data-testid=band]')).length > 0, 'a verdict is shown');
    await j.checkLayout('Results', [
      '[data-testid=take-snapshot]',
      '[data-testid=snapshot-label]',
      '[data-testid=overall-score]',
    ]);
    // "How the score is calculated" is as wide as the cards above it.
    const widths = await j.session.execute(
      `const w = (id) => document.getElementById(id).closest('section').getBoundingClientRect().width;
     return [w('heatmap-title'), w('method-title')];`,
    );
    assert.ok(
      Math.abs(widths[0] - widths[1]) <= 1,
      `method card ${widths[1]} px wide, the cards above ${widths[0]} px`,
    );
    await j.snap('results');
  });

  j.step('Plan counts the gap', async () => {
    await j.go('plan');
    const body = await j.waitForText(
      'main',
      (t) => /has 1 gap\b/.test(t),
      'to mention "has 1 gap" (the partial answer)',
    );
    assert.match(body, /Remediation plan/);
    await j.checkLayout('Plan', PLAN);
    await j.snap('plan');
  });

  j.step('Reports export the board brief PDF', async () => {
    await j.go('reports');
    await j.session.find('[data-testid=report-pages]', { visible: true });
    await j.checkLayout('Reports', [
      '[data-testid=export-report]',
      '[data-testid=export-summary]',
      '[data-testid=export-json]',
    ]);
    await j.snap('reports');
    await j.session.click('[data-testid=export-summary]');

    const status = await j.waitForText(
      '[data-testid=export-status]',
      (t) => t.includes('Saved to'),
      'to say "Saved to"',
    );
    const shown = status.replace(/^.*Saved to\s*/s, '').trim();

    const files = readdirSync(j.saveDir).filter((f) => f.toLowerCase().endsWith('.pdf'));
    assert.equal(
      files.length,
      1,
      `one PDF in the export folder, found: ${readdirSync(j.saveDir).join(', ') || 'nothing'}`,
    );
    const pdf = join(j.saveDir, files[0]);
    assert.equal(shown, pdf, 'the status shows where the file went');

    const bytes = readFileSync(pdf);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-', 'the file is a PDF');

    const result = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    if (result.error) throw new Error(`pdftotext could not run (install poppler-utils): ${result.error.message}`);
    assert.equal(result.status, 0, `pdftotext failed: ${result.stderr}`);
    assert.match(result.stdout, /Northwind Analytics/);
    assert.match(result.stdout, /Board brief/);
    assert.match(result.stdout, /Decisions needed from leadership/);
    await j.snap('reports-exported');
  });

  j.step('the Workspace lists the assessment', async () => {
    await j.go('workspace');
    const rows = await j.session.findAll('[data-testid=assessment-row]');
    assert.equal(rows.length, 1, 'exactly one assessment');
    const cells = await Promise.all((await rows[0].findAll('td', { min: 5 })).map((c) => c.text()));
    assert.equal(cells[0], CLIENT);
    assert.match(cells[1], new RegExp(`^${escapeRegExp(ASSESSMENT)}`));
    // The scope has a column of its own in a wide window, a line under the name in a narrow one.
    const row = await rows[0].text();
    assert.match(row, /Security/);
    assert.match(row, /Privacy/);
    await j.checkLayout('the Workspace list', [
      '[data-testid=open-assessment]',
      '[data-testid=row-menu]',
      '[data-testid=new-assessment]',
    ]);
    await j.snap('workspace-list');
  });

  // The overview is reloaded when the Workspace comes back into view (it once went stale).
  j.step('the Workspace row shows the answers just given', async () => {
    const row = await j.session.find('[data-testid=assessment-row]');
    const cells = await Promise.all((await row.findAll('td', { min: 5 })).map((c) => c.text()));
    assert.match(cells[3], /^2 \/ \d+$/, 'two questions answered');
    assert.ok(
      cells[4].startsWith(j.shared.readiness),
      `readiness ${j.shared.readiness} in ${JSON.stringify(cells[4])}`,
    );
  });

  j.step('Workshop mode answers and moves with the keyboard', async () => {
    // Full screen for a projector: the sidebar (and its nav) is hidden while it is on.
    await j.session.click('[data-testid=nav-workshop]');
    const card = '[data-testid=workshop-question]';
    const progress = '[data-testid=workshop-progress]';
    await j.session.find(card, { visible: true });
    assert.equal((await j.session.findNow('[data-testid=nav-questionnaire]')).length, 0, 'the sidebar is hidden');

    // It starts at the first unanswered question: the first two were answered above.
    const total = Number(await j.session.attribute(progress, 'data-total'));
    assert.ok(total > 3, `questions in scope: ${total}`);
    assert.equal(await j.session.attribute(progress, 'data-position'), '3');
    assert.equal(await j.session.attribute(progress, 'data-answered'), '2');
    assert.match(await j.session.text(progress), new RegExp(`Question 3 of ${total}\\b`));
    const answeredId = await j.session.attribute(card, 'data-question');
    assert.match(await j.session.text('[data-testid=workshop-guidance]'), /Why an auditor cares/i, 'guidance is shown');

    // 1 answers "Implemented" and stays on the question; the count moves once the backend saved it.
    await j.session.keys('1');
    await j.waitForAttribute(progress, 'data-answered', '3');
    await j.waitForAttribute(`${card} button[data-answer=implemented]`, 'aria-pressed', 'true');
    await j.waitForAttribute('[data-testid=save-status]', 'data-state', 'saved');
    assert.match(await j.session.text('[data-testid=save-status]'), /saved/i);
    assert.equal(await j.session.attribute(card, 'data-question'), answeredId, 'answering does not move on');
    assert.match(await j.session.text(progress), /\b3 answered\b/);
    await j.checkLayout('Workshop mode', [
      `${card} button[data-answer=unknown]`,
      `${card} button[data-answer=implemented]`,
    ]);
    // Every key cap sits at the same height in its button, whether the answer's name takes one
    // line or two.
    const offsets = await j.session.execute(
      `return [...document.querySelectorAll(arguments[0] + ' button[data-answer]')].map((b) =>
       Math.round(b.querySelector('kbd').getBoundingClientRect().top - b.getBoundingClientRect().top));`,
      [card],
    );
    assert.equal(new Set(offsets).size, 1, `key caps at ${offsets.join(', ')} px from their buttons' tops`);
    await j.snap('workshop');

    // → shows the next question.
    await j.session.keys(KEY.ArrowRight);
    await j.waitForAttribute(progress, 'data-position', '4');
    await j.waitForText(
      progress,
      (t) => new RegExp(`Question 4 of ${total}\\b`).test(t),
      `to say "Question 4 of ${total}"`,
    );
    assert.notEqual(await j.session.attribute(card, 'data-question'), answeredId);
    assert.equal(
      (await j.session.findNow(`${card} button[aria-pressed=true]`)).length,
      0,
      'the next one is unanswered',
    );

    // Esc (outside the note) goes back to the Questionnaire, sidebar and all.
    await j.session.keys(KEY.Escape);
    await j.waitForAttribute('[data-testid=nav-questionnaire]', 'aria-current', 'page');
    assert.equal((await j.session.findNow(card)).length, 0, 'workshop mode is closed');
  });
}
