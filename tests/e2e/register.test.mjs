// End-to-end: the people register and the workshop sign-in of the sample, through the real app,
// in a 1024×640 window (the smallest the app supports). Three people are added on the People
// screen (after Policies in the sidebar), a roster is imported (a file with a bad row refused with
// the row listed, then a good one; the "open" dialog is replaced by the TRUSTGAP_E2E_OPEN_FILE
// test setting), a policy is approved on the Policies screen so there is a version to
// acknowledge, the sign-in (kiosk) takes the three in turn — each picks their name, reads,
// confirms, and the view goes back to the names — and the Acknowledgements tab then shows all
// three current. Then Results and Plan show the register in counts (no name) and the
// Questionnaire suggests an answer to the acknowledgement question from it, taken with one
// click. Last, the sign-sheet is printed, a signed one entered for the two imported people, and
// the workbook and the attestation saved. The tabs and the kiosk are checked at 1280×800 too;
// every view goes through the layout check and is saved under artifacts/screens/<size>/ (the
// saved PDFs are copied to artifacts/).
//
// Run (see README.md): TRUSTGAP_E2E_APP=/abs/path/to/trustgap \
//   dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" node --test tests/e2e/register.test.mjs
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { launch, STARTUP_TIMEOUT_MS } from './harness.mjs';
import { journeyContext, KEY } from './journey/context.mjs';

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const POLICY = 'access-control';
const ATTENDEES = [
  { name: 'Ines Moreau', email: 'ines@example.test' },
  { name: 'Kofi Mensah', email: 'kofi@example.test' },
  { name: 'Hana Sato', email: 'hana@example.test' },
];
const IMPORTED = [
  { name: 'Oda Berg', email: 'oda@example.test' },
  { name: 'Pia Lund', email: 'pia@example.test' },
];
const roster = (pia) =>
  `Name,Email,Team,Start date\r\n${IMPORTED[0].name},${IMPORTED[0].email},Support,2024-02-01\r\n` +
  `${IMPORTED[1].name},${IMPORTED[1].email},Support,${pia}\r\n`;
const ACKS = ['[data-testid=kiosk-start]', '[data-testid=ack-save]'];
const PRIMARY = ['[data-testid=person-add]', '[data-testid=roster-choose]', '[data-testid=kiosk-start]'];

async function snap(j, name) {
  await sleep(400);
  await j.snap(name);
}

async function resize(j, size) {
  await j.session.command('POST', '/window/rect', { x: 0, y: 0, ...size }, 'set the window size');
  await j.session.waitFor(
    async (s) => {
      const [w, h] = await s.execute('return [innerWidth, innerHeight];');
      return w === size.width && h === size.height;
    },
    { message: `the page to be ${size.width}x${size.height}` },
  );
}

/** The path a "Saved to <path>" status names, checked to be in the export folder. */
function savedPath(status) {
  const path = status
    .replace(/^.*Saved to\s*/s, '')
    .replace(/\s*Open\s*Show in folder\s*$/s, '')
    .trim();
  assert.ok(existsSync(path), `the file exists: ${path}`);
  return path;
}

const pdfText = (path) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

const ackCell = (name) => `[data-testid=ack-row][data-person="${name}"] [data-testid=ack-cell][data-policy="${POLICY}"]`;

describe('the people register and the workshop sign-in of the sample', () => {
  const j = journeyContext({ width: 1024, height: 640 }, ARTIFACTS);
  const wide = journeyContext({ width: 1280, height: 800 }, ARTIFACTS);
  let app = null;

  before(
    async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      j.dataDir = mkdtempSync(join(tmpdir(), 'trustgap-e2e-register-'));
      j.saveDir = mkdtempSync(join(tmpdir(), 'trustgap-e2e-register-exports-'));
      j.openDir = mkdtempSync(join(tmpdir(), 'trustgap-e2e-register-open-'));
      j.roster = join(j.openDir, 'roster.csv');
      app = await launch({
        dataDir: j.dataDir,
        saveDir: j.saveDir,
        openFile: j.roster,
        log: join(ARTIFACTS, 'tauri-driver-register.log'),
      });
      j.session = app.session;
      wide.session = app.session;
      await resize(j, j.size);
      await j.session.click('[data-testid=open-sample]');
      await j.session.find('[data-testid=overall-score]', { visible: true });
    },
    { timeout: STARTUP_TIMEOUT_MS * 2 },
  );

  after(
    async () => {
      try {
        await app?.stop();
      } finally {
        for (const dir of [j.dataDir, j.saveDir, j.openDir]) if (dir) rmSync(dir, { recursive: true, force: true });
      }
    },
    { timeout: 30_000 },
  );

  j.step('People follows Policies in the sidebar and three people are added', async () => {
    const order = await j.session.execute(
      "return [...document.querySelectorAll('[data-testid^=nav-]')].map((b) => b.dataset.testid);",
    );
    assert.deepEqual(order.slice(5, 7), ['nav-policies', 'nav-people']);
    await j.go('people');
    await j.session.find('[data-testid=people-summary]', { visible: true });
    for (const { name, email } of ATTENDEES) {
      await j.session.click('[data-testid=person-add]');
      await j.session.type('[data-testid=register-name]', name, { visible: true });
      await j.session.type('[data-testid=register-email]', email);
      await j.session.click('[data-testid=register-save]');
      await j.waitForText('[data-testid=roster-notice]', (t) => t === `${name} added.`, `to say ${name} was added`);
    }
    const roster = await j.session.text('[data-testid=roster]');
    for (const { name, email } of ATTENDEES) {
      assert.match(roster, new RegExp(name));
      assert.match(roster, new RegExp(email));
    }
    await j.checkLayout('People', PRIMARY);
    await snap(j, 'people-roster');
  });

  j.step('a roster with a bad row is refused with the row listed, then a good one is imported', async () => {
    // The open dialog returns this file (TRUSTGAP_E2E_OPEN_FILE); the test rewrites it in between.
    writeFileSync(j.roster, roster('next week'));
    await j.session.click('[data-testid=roster-choose]');
    const problems = await j.waitForText('[data-testid=roster-problems]', (t) => t.includes('Row 3:'), 'row 3 listed');
    assert.match(problems, /Row 3:.*not a date/);
    assert.doesNotMatch(problems, /Row 2:/, 'the good row is not listed');
    assert.match(await j.session.text('[data-testid=roster-refused]'), /1 row stops the import/);
    assert.equal(
      await j.session.execute("return document.querySelector('[data-testid=roster-import-all]').disabled;"),
      true,
      'nothing can be imported while a row is wrong',
    );
    await snap(j, 'people-roster-refused');
    writeFileSync(j.roster, roster('2024-03-04'));
    await j.session.click('[data-testid=roster-choose]');
    await j.waitForText('[data-testid=roster-ready]', (t) => t.includes('2 people ready'), 'the roster to be ready');
    await j.session.click('[data-testid=roster-import-all]');
    await j.waitForText('[data-testid=roster-notice]', (t) => t === '2 people imported.', 'to say 2 were imported');
    const table = await j.session.text('[data-testid=roster]');
    for (const { name, email } of [...ATTENDEES, ...IMPORTED]) {
      assert.match(table, new RegExp(name));
      assert.match(table, new RegExp(email));
    }
  });

  j.step('a policy is approved so there is a version to acknowledge', async () => {
    await j.go('policies');
    await j.session.click(`[data-testid=policy-item][data-id="${POLICY}"]`);
    await j.waitForAttribute(`[data-testid=policy-item][data-id="${POLICY}"]`, 'aria-current', 'true');
    await j.session.execute(
      `const select = document.querySelector('[data-testid=policy-approver]');
       const option = [...select.options].find((o) => o.textContent.includes('Maya Chen'));
       select.value = option.value;
       select.dispatchEvent(new Event('change', { bubbles: true }));`,
    );
    await j.session.waitFor(
      async (s) =>
        (await s.execute("return document.querySelector('[data-testid=policy-approver]').disabled;")) === false,
      { message: 'the approver to be saved' },
    );
    await j.session.click('[data-testid=policy-status-approved]');
    await j.session.find('[data-testid=policy-status-dialog]', { visible: true });
    await j.session.click('[data-testid=policy-status-confirm]');
    await j.session.find('[data-testid=policy-frozen]', { visible: true, timeout: 20_000 });
  });

  j.step('the acknowledgements start missing, and the other tabs show', async () => {
    await j.go('people');
    await j.session.click('[data-testid=people-tab-acks]');
    for (const { name } of ATTENDEES) {
      await j.waitForAttribute(ackCell(name), 'data-state', 'missing');
    }
    await snap(j, 'people-acks-before');
    await j.session.click('[data-testid=people-tab-training]');
    await j.session.find('[data-testid=course-add]', { visible: true });
    await snap(j, 'people-training');
    await j.session.click('[data-testid=people-tab-gaps]');
    await j.session.find('[data-testid=gaps], [data-testid=gaps-none]', { visible: true });
    await snap(j, 'people-gaps');
  });

  j.step('the sign-in takes three attendees in turn', async () => {
    await j.session.click('[data-testid=kiosk-start]');
    await j.session.find('[data-testid=kiosk-setup]', { visible: true });
    await j.session.click('[data-testid=kiosk-setup-start]');
    await j.session.find('[data-testid=kiosk]', { visible: true });
    await snap(j, 'people-kiosk-names');
    for (const [i, { name }] of ATTENDEES.entries()) {
      await j.session.type('[data-testid=kiosk-filter]', name, { visible: true });
      await j.session.waitFor(
        async (s) => (await s.execute("return document.querySelectorAll('[data-testid=kiosk-name]').length;")) === 1,
        { message: `the names to narrow to ${name}` },
      );
      // The first attendee uses the keyboard (Enter picks the one name left), the others the mouse.
      if (i === 0) await j.session.keys(KEY.Enter);
      else await j.session.click('[data-testid=kiosk-name]');
      await j.session.find('[data-testid=kiosk-confirm]', { visible: true });
      const shown = await j.session.text('[data-testid=kiosk]');
      assert.match(shown, new RegExp(`${name}, please read`));
      for (const other of ATTENDEES.filter((a) => a.name !== name)) {
        assert.doesNotMatch(shown, new RegExp(other.name), 'nobody else is on the screen');
      }
      if (i === 0) {
        await j.checkLayout('Sign-in, reading', ['[data-testid=kiosk-confirm]']);
        await snap(j, 'people-kiosk-read');
      }
      await j.session.click('[data-testid=kiosk-confirm]');
      await j.session.find('[data-testid=kiosk-done]', { visible: true });
      await j.session.click('[data-testid=kiosk-next]');
      await j.session.find('[data-testid=kiosk-filter]', { visible: true });
    }
    assert.match(await j.session.text('[data-testid=kiosk]'), /3 signed/);
    await resize(j, wide.size);
    await snap(wide, 'people-kiosk-names');
    await resize(j, j.size);
    await j.session.keys(KEY.Escape);
    await j.session.click('[data-testid=kiosk-leave-confirm]', { visible: true });
    await j.session.waitFor(async (s) => (await s.findNow('[data-testid=kiosk]')).length === 0, {
      message: 'the sign-in to close',
    });
  });

  j.step('the Acknowledgements tab shows all three current', async () => {
    await j.session.click('[data-testid=people-tab-acks]');
    for (const { name } of ATTENDEES) {
      await j.waitForAttribute(ackCell(name), 'data-state', 'current');
    }
    await j.checkLayout('People, acknowledgements', ACKS);
    await snap(j, 'people-acks');
    await resize(j, wide.size);
    await wide.checkLayout('People, acknowledgements', ACKS);
    await snap(wide, 'people-acks');
    await j.session.click('[data-testid=people-tab-roster]');
    await wide.checkLayout('People', PRIMARY);
    await snap(wide, 'people-roster');
    await j.session.click('[data-testid=people-tab-training]');
    await snap(wide, 'people-training');
  });
  j.step('Results and Plan show the register in counts; the Questionnaire suggests an answer from it', async () => {
    await resize(j, j.size);
    // The sample's people never acknowledged the policy, the three attendees did.
    for (const screen of ['results', 'plan']) {
      await j.go(screen);
      const panel = await j.session.find('[data-testid=register-panel]', { visible: true, timeout: 20_000 });
      await j.session.execute("arguments[0].scrollIntoView({ block: 'center' });", [panel]);
      const text = await j.session.text('[data-testid=register-panel]');
      assert.match(text, /Acknowledgement missing\s*[1-9]/);
      for (const { name } of ATTENDEES) assert.doesNotMatch(text, new RegExp(name), 'counts only, no names');
      await snap(j, `${screen}-register`);
    }

    await j.go('questionnaire');
    await j.session.type('#jump-to', 'COM-010');
    await j.session.keys(KEY.Enter);
    const card = '[data-testid=question][data-question="COM-010"]';
    const note = `${card} [data-testid=register-suggestion]`;
    await j.session.find(note, { visible: true, timeout: 20_000 });
    assert.match(
      await j.session.text(note),
      /The people register suggests: Partially implemented\. 3 of \d+ people on staff acknowledged the version in force/,
    );
    // The sample already answers it partially: the suggestion agrees and offers nothing to do.
    await j.session.find(`${card} [data-testid=suggestion-matches]`, { visible: true });
    const el = await j.session.find(card, { visible: true });
    await j.session.execute(
      "arguments[0].querySelector('label[data-answer=implemented] input[type=radio]').click();",
      [el],
    );
    await j.waitForAnswer(el, 'implemented');
    await j.session.find(`${card} [data-testid=use-suggestion]`, { visible: true });
    await j.session.execute("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });", [note]);
    await snap(j, 'questionnaire-register-suggestion');
    // Taken: an ordinary save, so the answer, the save status and the history follow.
    await j.session.click(`${card} [data-testid=use-suggestion]`);
    await j.waitForAnswer(el, 'partial');
    await j.waitForAttribute('[data-testid=save-status]', 'data-state', 'saved');
    await j.session.find(`${card} [data-testid=suggestion-matches]`, { visible: true });
  });

  j.step('the sign-sheet is printed and a signed one entered; the workbook and attestation are saved', async () => {
    await resize(j, j.size);
    await j.go('people');
    await j.session.click('[data-testid=people-tab-acks]');
    await j.session.click('[data-testid=sign-sheet-pdf]');
    const sheet = savedPath(
      await j.waitForText('[data-testid=sign-sheet-status]', (t) => t.includes('Saved to'), 'the sheet saved'),
    );
    assert.match(sheet, /sign-sheet .*\.pdf$/);
    const sheetText = pdfText(sheet);
    for (const { name } of [...ATTENDEES, ...IMPORTED]) assert.match(sheetText, new RegExp(name));
    copyFileSync(sheet, join(ARTIFACTS, 'register-sign-sheet.pdf'));
    await j.checkLayout('People, sign-sheet saved', ACKS);
    await snap(j, 'people-acks-docs');

    await j.session.click('[data-testid=sign-sheet-enter]');
    await j.session.find('[data-testid=sign-sheet-dialog]', { visible: true });
    for (const { name } of IMPORTED) await j.session.click(`[data-testid=sign-sheet-person][data-person="${name}"]`);
    await snap(j, 'people-sign-sheet-dialog');
    await j.session.click('[data-testid=sign-sheet-record]');
    await j.waitForText(
      '[data-testid=sign-sheet-notice]',
      (t) => t.startsWith('Sheet recorded: 2 people, 1 policy, 2 new acknowledgements'),
      'the sheet to be recorded',
    );
    for (const { name } of [...ATTENDEES, ...IMPORTED]) await j.waitForAttribute(ackCell(name), 'data-state', 'current');

    await j.session.click('[data-testid=people-tab-training]');
    await j.session.click('[data-testid=register-workbook]');
    const workbook = savedPath(
      await j.waitForText('[data-testid=training-docs-status]', (t) => t.includes('.xlsx'), 'the workbook saved'),
    );
    assert.equal(readFileSync(workbook).subarray(0, 2).toString('latin1'), 'PK', 'an Excel file is a zip');
    await j.session.click('[data-testid=attestation-open]');
    await j.session.find('[data-testid=attestation-dialog]', { visible: true });
    await snap(j, 'people-attestation-dialog');
    await j.session.click('[data-testid=attestation-save]');
    const attestation = savedPath(
      await j.waitForText('[data-testid=training-docs-status]', (t) => /attestation .*\.pdf/.test(t), 'saved'),
    );
    assert.match(pdfText(attestation), /Oda Berg/);
    copyFileSync(attestation, join(ARTIFACTS, 'register-attestation.pdf'));
    await j.checkLayout('People, training documents', ['[data-testid=register-workbook]', '[data-testid=attestation-open]']);
    await snap(j, 'people-training-docs');
  });
});
