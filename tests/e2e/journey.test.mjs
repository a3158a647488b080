// End-to-end journey through the real desktop app, driven over WebDriver by tauri-driver:
// Workspace → new client and assessment → Questionnaire (mouse and keyboard) → Results → Plan →
// Reports (PDF export) → back to the Workspace list → Workshop mode (keyboard only).
//
// Run (see README.md): TRUSTGAP_E2E_APP=/abs/path/to/trustgap \
//   dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" node --test tests/e2e/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from './webdriver.mjs';
import { launch, STARTUP_TIMEOUT_MS } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = join(HERE, 'artifacts');
const SCREENS = join(ARTIFACTS, 'screens');

const CLIENT = 'Northwind Analytics';
const ASSESSMENT = 'SOC 2 Type I readiness, 2027';

const TEST_TIMEOUT_MS = 90_000;

let dataDir;
let saveDir;
let app;
let session;
/** Set once a step fails: later steps depend on it and are skipped instead of failing noisily. */
let brokenBy = null;

// ---------------------------------------------------------------------------------------------
// Artifacts and steps

function fileSafe(name) {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'test';
}

/** Screenshot of the current screen on success, for reviewing the UI. */
async function snap(name) {
  await session.screenshot(join(SCREENS, `${fileSafe(name)}.png`));
}

/** Saves a screenshot and the page source for a failed test; never throws. */
async function saveFailureArtifacts(name) {
  if (!session) return;
  const base = join(ARTIFACTS, fileSafe(name));
  for (const [what, save] of [
    ['screenshot', () => session.screenshot(`${base}.png`)],
    ['page source', () => session.saveSource(`${base}.html`)],
  ]) {
    try {
      await save();
    } catch (e) {
      console.error(`could not save the ${what} for "${name}": ${e.message}`);
    }
  }
}

/**
 * A step of the journey. Steps run in order and share one app session; a failing step saves
 * artifacts and rethrows, and the steps after it are skipped.
 */
function step(name, fn) {
  test(name, { timeout: TEST_TIMEOUT_MS }, async (t) => {
    if (brokenBy) {
      t.skip(`an earlier step failed: ${brokenBy}`);
      return;
    }
    try {
      await fn(t);
    } catch (e) {
      brokenBy = name;
      await saveFailureArtifacts(name);
      throw e;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// UI helpers

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "37%" → 37; throws for anything else (e.g. "—"). */
function percentOf(text) {
  const m = /^(\d{1,3})%$/.exec(text.trim());
  if (!m) throw new Error(`expected a percentage like "37%", got ${JSON.stringify(text)}`);
  return Number(m[1]);
}

/** Clicks a main navigation button and waits until that screen is the current one. */
async function go(screen) {
  const css = `[data-testid=nav-${screen}]`;
  await session.click(css);
  await session.waitFor(async (s) => (await s.attribute(css, 'aria-current')) === 'page', {
    message: `${css} to become the current page`,
  });
}

async function waitForText(css, predicate, message) {
  return session.waitFor(
    async (s) => {
      const text = await s.text(css);
      return predicate(text) ? text : null;
    },
    { message: `${css} ${message}` },
  );
}

async function waitForAttribute(css, name, expected) {
  await session.waitFor(async (s) => (await s.attribute(css, name)) === expected, {
    message: `${css} to have ${name}="${expected}"`,
  });
}

/** The n-th (0-based) question card on the page. */
async function question(n) {
  const cards = await session.findAll('[data-testid=question]', { min: n + 1 });
  return cards[n];
}

/** Waits until `card`'s choice for `answer` is the selected one (radio checked, label marked). */
async function waitForAnswer(card, answer) {
  const label = await card.find(`label[data-answer=${answer}]`);
  const radio = await card.find(`label[data-answer=${answer}] input[type=radio]`);
  await waitFor(
    async () =>
      (await radio.property('checked')) === true && /\bselected\b/.test((await label.attribute('class')) ?? ''),
    { message: `answer "${answer}" to be selected in question ${await card.attribute('data-question')}` },
  );
}

// ---------------------------------------------------------------------------------------------
// Setup and teardown

before(
  async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(SCREENS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'trustgap-e2e-data-'));
    saveDir = mkdtempSync(join(tmpdir(), 'trustgap-e2e-exports-'));
    app = await launch({ dataDir, saveDir, log: join(ARTIFACTS, 'tauri-driver.log') });
    session = app.session;
  },
  { timeout: STARTUP_TIMEOUT_MS * 2 },
);

after(
  async () => {
    try {
      await app?.stop();
    } finally {
      session = null;
      for (const dir of [dataDir, saveDir]) {
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    }
  },
  { timeout: 30_000 },
);

// ---------------------------------------------------------------------------------------------
// The journey

/** Readiness shown on the Questionnaire when it was left, compared on Results and the Workspace. */
let readiness = null;

step('opens on the Workspace', async () => {
  await waitForAttribute('[data-testid=nav-workspace]', 'aria-current', 'page');
  // The workspace is open (not "Opening the workspace…" nor an error) once its actions show.
  await session.find('[data-testid=new-assessment]', { visible: true });
  assert.equal((await session.findNow('[data-testid=fatal]')).length, 0, 'the workspace opened without an error');
  assert.equal((await session.findNow('[data-testid=assessment-row]')).length, 0, 'a new workspace has no assessments');
  assert.equal(await session.title(), 'Trustgap');
  await snap('workspace-empty');
});

step('creates a client and an assessment', async () => {
  // A first assessment is started from the Workspace's button, its client created with it.
  await session.click('[data-testid=new-assessment]');
  await waitForAttribute('[data-testid=nav-workspace]', 'aria-current', 'page');
  await session.type('[data-testid=new-client-name]', CLIENT);
  await session.type('[data-testid=assessment-name]', ASSESSMENT);
  const privacy = await session.click('[data-testid=scope-privacy]');
  await waitFor(async () => (await privacy.property('checked')) === true, { message: 'Privacy to be ticked' });
  await snap('workspace-new-assessment');
  await session.click('[data-testid=create-assessment]');

  await waitForAttribute('[data-testid=nav-questionnaire]', 'aria-current', 'page');
  const context = await session.text('[data-testid=current-assessment]');
  assert.match(context, new RegExp(escapeRegExp(CLIENT)));
  assert.match(context, new RegExp(escapeRegExp(ASSESSMENT)));
});

step('answers a question with the mouse', async () => {
  assert.equal(percentOf(await session.text('[data-testid=readiness]')), 0, 'a new assessment starts at 0%');
  assert.equal(await session.attribute('[data-testid=save-status]', 'data-state'), 'idle');
  await snap('questionnaire-new');

  const first = await question(0);
  await (await first.find('label[data-answer=implemented]')).click();

  await waitForAttribute('[data-testid=save-status]', 'data-state', 'saved');
  await waitForAnswer(first, 'implemented');
  const text = await waitForText('[data-testid=readiness]', (t) => /^\d+%$/.test(t) && percentOf(t) > 0, 'to rise above 0%');
  assert.ok(percentOf(text) > 0 && percentOf(text) <= 100, `readiness ${text}`);
  assert.match(await session.text('[data-testid=save-status]'), /saved/i);
});

step('answers a question with the keyboard', async () => {
  const first = await question(0);
  const second = await question(1);
  const secondId = await second.attribute('data-question');

  // J moves to the next question, 2 answers it "Partially" (the active card is the one answered).
  await session.keys('j');
  await session.waitFor(async () => /\bactive\b/.test((await second.attribute('class')) ?? ''), {
    message: `question ${secondId} to become the active card after pressing J`,
  });
  await session.keys('2');

  await waitForAnswer(second, 'partial');
  await waitForAttribute('[data-testid=save-status]', 'data-state', 'saved');
  // The first answer is untouched.
  await waitForAnswer(first, 'implemented');

  readiness = await session.text('[data-testid=readiness]');
  assert.ok(percentOf(readiness) > 0, `readiness ${readiness}`);
  assert.match(await session.text('[data-testid=current-assessment]'), new RegExp(`Readiness ${readiness}`));
  await snap('questionnaire-answered');
});

step('Results show the same readiness', async () => {
  await go('results');
  const overall = await waitForText('[data-testid=overall-score]', (t) => t.length > 0, 'to show a score');
  assert.equal(overall, readiness, 'Results and the Questionnaire agree');
  assert.ok((await session.text('[data-testid=band]')).length > 0, 'a verdict is shown');
  await snap('results');
});

step('Plan counts the gap', async () => {
  await go('plan');
  const body = await waitForText('main', (t) => /has 1 gap\b/.test(t), 'to mention "has 1 gap" (the partial answer)');
  assert.match(body, /Remediation plan/);
  await snap('plan');
});

step('Reports export the readiness summary PDF', async () => {
  await go('reports');
  await snap('reports');
  await session.click('[data-testid=export-summary]');

  const status = await waitForText('[data-testid=export-status]', (t) => t.includes('Saved to'), 'to say "Saved to"');
  const shown = status.replace(/^.*Saved to\s*/s, '').trim();

  const files = readdirSync(saveDir).filter((f) => f.toLowerCase().endsWith('.pdf'));
  assert.equal(files.length, 1, `one PDF in the export folder, found: ${readdirSync(saveDir).join(', ') || 'nothing'}`);
  const pdf = join(saveDir, files[0]);
  assert.equal(shown, pdf, 'the status shows where the file went');

  const bytes = readFileSync(pdf);
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-', 'the file is a PDF');

  const result = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  if (result.error) throw new Error(`pdftotext could not run (install poppler-utils): ${result.error.message}`);
  assert.equal(result.status, 0, `pdftotext failed: ${result.stderr}`);
  assert.match(result.stdout, /Northwind Analytics/);
  assert.match(result.stdout, /Readiness by category/);
  await snap('reports-exported');
});

step('the Workspace lists the assessment', async () => {
  await go('workspace');
  const rows = await session.findAll('[data-testid=assessment-row]');
  assert.equal(rows.length, 1, 'exactly one assessment');
  const cells = await Promise.all((await rows[0].findAll('td', { min: 5 })).map((c) => c.text()));
  assert.equal(cells[0], CLIENT);
  assert.equal(cells[1], ASSESSMENT);
  assert.match(cells[2], /Security/);
  assert.match(cells[2], /Privacy/);
  await snap('workspace-list');
});

// The overview is reloaded when the Workspace comes back into view (it once went stale).
test(
  'the Workspace row shows the answers just given',
  async (t) => {
    if (brokenBy) {
      t.skip(`an earlier step failed: ${brokenBy}`);
      return;
    }
    const row = await session.find('[data-testid=assessment-row]');
    const cells = await Promise.all((await row.findAll('td', { min: 5 })).map((c) => c.text()));
    assert.match(cells[3], /^2 \/ \d+$/, 'two questions answered');
    assert.ok(cells[4].startsWith(readiness), `readiness ${readiness} in ${JSON.stringify(cells[4])}`);
  },
);

/** WebDriver key codes for the keys that are not characters. */
const KEY = { ArrowRight: '\uE014', Escape: '\uE00C' };

step('Workshop mode answers and moves with the keyboard', async () => {
  // Full screen for a projector: the sidebar (and its nav) is hidden while it is on.
  await session.click('[data-testid=nav-workshop]');
  const card = '[data-testid=workshop-question]';
  const progress = '[data-testid=workshop-progress]';
  await session.find(card, { visible: true });
  assert.equal((await session.findNow('[data-testid=nav-questionnaire]')).length, 0, 'the sidebar is hidden');

  // It starts at the first unanswered question: the first two were answered above.
  const total = Number(await session.attribute(progress, 'data-total'));
  assert.ok(total > 3, `questions in scope: ${total}`);
  assert.equal(await session.attribute(progress, 'data-position'), '3');
  assert.equal(await session.attribute(progress, 'data-answered'), '2');
  assert.match(await session.text(progress), new RegExp(`Question 3 of ${total}\\b`));
  const answeredId = await session.attribute(card, 'data-question');
  assert.match(await session.text('[data-testid=workshop-guidance]'), /Why an auditor cares/i, 'guidance is shown');

  // 1 answers "Implemented" and stays on the question; the count moves once the backend saved it.
  await session.keys('1');
  await waitForAttribute(progress, 'data-answered', '3');
  await waitForAttribute(`${card} button[data-answer=implemented]`, 'aria-pressed', 'true');
  await waitForAttribute('[data-testid=save-status]', 'data-state', 'saved');
  assert.match(await session.text('[data-testid=save-status]'), /saved/i);
  assert.equal(await session.attribute(card, 'data-question'), answeredId, 'answering does not move on');
  assert.match(await session.text(progress), /\b3 answered\b/);
  await snap('workshop');

  // → shows the next question.
  await session.keys(KEY.ArrowRight);
  await waitForAttribute(progress, 'data-position', '4');
  await waitForText(progress, (t) => new RegExp(`Question 4 of ${total}\\b`).test(t), `to say "Question 4 of ${total}"`);
  assert.notEqual(await session.attribute(card, 'data-question'), answeredId);
  assert.equal((await session.findNow(`${card} button[aria-pressed=true]`)).length, 0, 'the next one is unanswered');

  // Esc (outside the note) goes back to the Questionnaire, sidebar and all.
  await session.keys(KEY.Escape);
  await waitForAttribute('[data-testid=nav-questionnaire]', 'aria-current', 'page');
  assert.equal((await session.findNow(card)).length, 0, 'workshop mode is closed');
});

/** The Workspace row whose assessment is called `name`, or null. */
async function rowNamed(name) {
  for (const row of await session.findNow('[data-testid=assessment-row]')) {
    const [cell] = await session.findNow('[data-testid=row-name]', row);
    if (cell && (await cell.text()) === name) return row;
  }
  return null;
}

step('re-assesses from the Workspace row, then deletes it with an Undo', async () => {
  const REASSESSMENT = `${ASSESSMENT} (re-assessment)`;
  await go('workspace');
  const original = await session.waitFor(() => rowNamed(ASSESSMENT), { message: `the row of "${ASSESSMENT}"` });

  // Re-assess from the row's menu: the suggested name is kept and the new assessment opens.
  await (await original.find('[data-testid=row-menu]')).click();
  await session.click('[data-testid=row-reassess]');
  const name = await session.find('[data-testid=reassess-name]', { visible: true });
  assert.equal(await name.property('value'), REASSESSMENT);
  await session.click('[data-testid=reassess-start]');
  await waitForAttribute('[data-testid=nav-questionnaire]', 'aria-current', 'page');
  assert.match(await session.text('[data-testid=current-assessment]'), /\(re-assessment\)/);

  await go('workspace');
  const copy = await session.waitFor(() => rowNamed(REASSESSMENT), { message: `the row of "${REASSESSMENT}"` });
  assert.equal(await (await copy.find('[data-testid=badge-reassessment]')).text(), 'Re-assessment');
  assert.equal((await session.findNow('[data-testid=assessment-row]')).length, 2);
  // Right after a screen change the window snapshot can still show the previous frame.
  await new Promise((done) => setTimeout(done, 300));
  await snap('workspace-reassessment');

  // Delete: a confirmation first, then the row goes and a toast offers Undo.
  await (await copy.find('[data-testid=row-menu]')).click();
  await session.click('[data-testid=row-delete]');
  await session.click('[data-testid=confirm-delete]', { visible: true });
  await waitForText('[data-testid=toast]', (t) => /Moved to the trash/.test(t), 'to say "Moved to the trash"');
  await session.waitFor(async () => (await rowNamed(REASSESSMENT)) === null, { message: 'the deleted row to go' });
  assert.equal((await session.findNow('[data-testid=assessment-row]')).length, 1);
  await snap('workspace-deleted-toast');

  await session.click('[data-testid=toast-undo]');
  await session.waitFor(() => rowNamed(REASSESSMENT), { message: 'Undo to bring the row back' });
  assert.equal((await session.findNow('[data-testid=assessment-row]')).length, 2);
  assert.equal((await session.findNow('[data-testid=trash-toggle]')).length, 0, 'the trash is empty again');
});

/** Sets a form control's value from the page and fires the events Svelte listens to. */
async function setValue(css, value) {
  await session.execute(
    `const el = document.querySelector(arguments[0]);
     el.value = arguments[1];
     el.dispatchEvent(new Event('input', { bubbles: true }));
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    [css, value],
  );
}

step('not applicable is refused until a justification is written', async () => {
  await go('workspace');
  const row = await session.waitFor(() => rowNamed(ASSESSMENT), { message: `the row of "${ASSESSMENT}"` });
  await (await row.find('[data-testid=open-assessment]')).click();
  await waitForAttribute('[data-testid=nav-questionnaire]', 'aria-current', 'page');
  await setValue('[data-testid=question-filter]', 'unanswered');
  const card = await question(0);
  const id = await card.attribute('data-question');
  await (await card.find('label[data-answer=not_applicable]')).click();
  await session.find('[data-testid=na-needs-justification]', { visible: true });
  assert.notEqual(await session.attribute('[data-testid=save-status]', 'data-state'), 'saving');

  // Writing why and leaving the note saves the answer (the filter then hides the question).
  await (await card.find('[data-testid=note]')).sendKeys('Fully remote team: no office to protect.');
  await (await card.find('h3')).click();
  await waitForAttribute('[data-testid=save-status]', 'data-state', 'saved');
  await setValue('[data-testid=question-filter]', 'all');
  await session.type('#jump-to', id);
  await session.keys('\uE007');
  const saved = await session.find(`[data-testid=question][data-question="${id}"]`, { visible: true });
  await waitForAnswer(saved, 'not_applicable');
  assert.equal(await (await saved.find('[data-testid=note]')).property('value'), 'Fully remote team: no office to protect.');
});

step('the plan is scheduled against the audit date and keeps an edit', async () => {
  await go('plan');
  await session.find('[data-testid=plan-fit]', { visible: true });
  await setValue('[data-testid=audit-date-input]', '2027-09-30');
  await session.click('[data-testid=audit-save]');
  await waitForAttribute('[data-testid=plan-fit]', 'data-kind', 'fits');
  assert.match(await session.text('[data-testid=plan-fit]'), /spare days/i);

  const rows = await session.findAll('[data-testid=plan-action-row]');
  const key = await rows[0].attribute('data-key');
  const select = `[data-testid=plan-action-row][data-key="${key}"] [data-testid=plan-status-select]`;
  await setValue(select, 'in_progress');
  await waitForAttribute(`[data-testid=plan-action-row][data-key="${key}"] [data-testid=plan-row-status]`, 'data-state', 'saved');
  await snap('plan');

  // Rebuilt from the store when the screen comes back: the edit is still there.
  await go('results');
  await go('plan');
  await session.waitFor(async (s) => (await (await s.find(select)).property('value')) === 'in_progress', {
    message: 'the edited status to survive a reload',
  });
});

step('a snapshot comparison shows the gap closed since', async () => {
  await go('results');
  await session.type('[data-testid=snapshot-label]', 'Baseline');
  await session.click('[data-testid=take-snapshot]');
  await session.find('[data-testid=compare-snapshot]', { visible: true });

  // Close a gap: the question answered "Partially" with the keyboard earlier becomes implemented.
  await go('questionnaire');
  await setValue('[data-testid=question-filter]', 'gaps');
  const gap = await (await question(0)).attribute('data-question');
  // Back to all questions first: under the "gaps" filter the card would vanish once answered.
  await setValue('[data-testid=question-filter]', 'all');
  await session.type('#jump-to', gap);
  await session.keys('\uE007');
  const card = await session.find(`[data-testid=question][data-question="${gap}"]`, { visible: true });
  await (await card.find('label[data-answer=implemented]')).click();
  await waitForAnswer(card, 'implemented');
  await waitForAttribute('[data-testid=save-status]', 'data-state', 'saved');

  await go('results');
  await session.click('[data-testid=compare-snapshot]');
  const comparison = await session.find('[data-testid=comparison]', { visible: true });
  const text = await comparison.text();
  assert.match(text, /Progress since “Baseline”/);
  assert.match(text, /Gaps closed \(1\)/);
  assert.match(text, /\+\d+(\.\d)? points/);
  await snap('results-comparison');
});

step('scoping questions recommend categories, with their reasons', async () => {
  await go('workspace');
  await session.click('[data-testid=new-assessment]');
  const availability = '[data-testid=scope-availability]';
  assert.equal(await (await session.find(availability)).property('checked'), false);
  await session.click('[data-testid=scoping-SCP-01]');
  await session.waitFor(async (s) => (await (await s.find(availability)).property('checked')) === true, {
    message: 'Availability to be recommended and ticked',
  });
  const category = await session.execute(
    `return document.querySelector(arguments[0]).closest('.category').textContent;`,
    [availability],
  );
  assert.match(category, /Recommended/);
  // The user's own choice wins over the recommendation.
  await session.click(availability);
  await session.waitFor(async (s) => (await (await s.find(availability)).property('checked')) === false, {
    message: 'the override to untick Availability',
  });
  await snap('workspace-scoping');
  // Leaving the form creates nothing.
  await session.click('[data-testid=cancel-new-assessment]');
  await session.find('[data-testid=assessment-row]', { visible: true });
});
