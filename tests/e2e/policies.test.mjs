// End-to-end: the policy pack of the sample through the real app. In a 1024×640 window (the
// smallest the app supports): the Policies screen lists the pack, a section is edited and saved,
// the policy gets an approver and is approved (frozen), and an answer changed in the
// Questionnaire makes the approved policy contradict it, on both sides. At 1280×800 the screen
// and its Parameters tab are checked again; last, one policy and the whole pack are exported
// (files in the export folder). Every view goes through the layout check (journey/layout.mjs)
// and is saved under artifacts/screens/<size>/policies-*.png.
//
// Run (see README.md): TRUSTGAP_E2E_APP=/abs/path/to/trustgap \
//   dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" node --test tests/e2e/policies.test.mjs
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { launch, STARTUP_TIMEOUT_MS } from './harness.mjs';
import { journeyContext, KEY } from './journey/context.mjs';

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const POLICY = 'access-control';
/** Single sign-on: implemented in the sample, so the approved policy states it as practice. */
const QUESTION = 'ACC-001';

/** The Policies screen's primary controls. */
const PRIMARY = [
  '[data-testid=policy-item]',
  '[data-testid=export-pack-pdf]',
  '[data-testid=export-pack-md]',
  '[data-testid=export-policy-docx]',
  '[data-testid=policy-owner]',
  '[data-testid=policy-approver]',
  '[data-testid=section-edit]',
];

const item = (id) => `[data-testid=policy-item][data-id="${id}"]`;
const section = (id) => `[data-testid=policy-section][data-id="${id}"]`;

/** A screenshot for review; the window snapshot can lag a frame behind a change (see screenshots.mjs). */
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

describe('the policy pack of the sample', () => {
  const first = journeyContext({ width: 1024, height: 640 }, ARTIFACTS);
  const j = first;
  let app = null;

  before(
    async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      j.dataDir = mkdtempSync(join(tmpdir(), 'trustgap-e2e-policies-'));
      j.saveDir = mkdtempSync(join(tmpdir(), 'trustgap-e2e-policies-exports-'));
      app = await launch({ dataDir: j.dataDir, saveDir: j.saveDir, log: join(ARTIFACTS, 'tauri-driver-policies.log') });
      j.session = app.session;
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
        for (const dir of [j.dataDir, j.saveDir]) if (dir) rmSync(dir, { recursive: true, force: true });
      }
    },
    { timeout: 30_000 },
  );

  j.step('the Policies screen lists the pack, after Plan in the sidebar', async () => {
    const order = await j.session.execute(
      "return [...document.querySelectorAll('[data-testid^=nav-]')].map((b) => b.dataset.testid);",
    );
    assert.deepEqual(order.slice(4, 9), [
      'nav-plan',
      'nav-policies',
      'nav-people',
      'nav-evidence',
      'nav-reports',
    ]);
    await j.go('policies');
    const items = await j.session.findAll('[data-testid=policy-item]', { min: 10 });
    assert.ok(items.length >= 15, `the sample's pack has most policies, found ${items.length}`);
    await j.session.click(item(POLICY));
    await j.waitForAttribute(item(POLICY), 'aria-current', 'true');
    const title = await j.session.text('#policy-title');
    assert.match(title, /Access Control Policy/);
    assert.match(await j.session.text('[data-testid=policy-detail]'), /Brightwave|Northwind|single sign-on/i);
    await j.checkLayout('Policies', PRIMARY);
    await snap(j, 'policies');
  });

  j.step('a section is edited and saved', async () => {
    const sec = await j.session.find(section('purpose-and-scope'));
    await (await sec.find('[data-testid=section-edit]')).click();
    const area = await sec.find('[data-testid=section-text]', { visible: true });
    // A blank line: a paragraph of its own.
    await area.sendKeys(`${KEY.Enter}${KEY.Enter}Contractors are bound by this policy **from their first day**.`);
    await j.checkLayout('Policies, editing', ['[data-testid=section-save]', '[data-testid=section-cancel]']);
    await snap(j, 'policies-editing');
    await (await sec.find('[data-testid=section-save]')).click();
    await sec.find('[data-testid=section-edited]', { visible: true, timeout: 20_000 });
    const shown = await sec.text();
    assert.match(shown, /Contractors are bound by this policy from their first day\./);
    const paragraphs = await j.session.execute(
      "return [...arguments[0].querySelectorAll('.markup > p')].map((p) => p.textContent);",
      [sec],
    );
    assert.equal(paragraphs.at(-1), 'Contractors are bound by this policy from their first day.');
    assert.doesNotMatch(shown, /\*\*/, 'the markup is rendered, not shown');
  });

  j.step('the policy gets an approver and is approved, which freezes it', async () => {
    const chosen = await j.session.execute(
      `const select = document.querySelector('[data-testid=policy-approver]');
       const option = [...select.options].find((o) => o.textContent.includes('Maya Chen'));
       select.value = option.value;
       select.dispatchEvent(new Event('change', { bubbles: true }));
       return option.textContent;`,
    );
    assert.match(chosen, /Maya Chen/);
    await j.session.waitFor(
      async (s) =>
        (await s.execute("return document.querySelector('[data-testid=policy-approver]').disabled;")) === false,
      { message: 'the approver to be saved' },
    );
    await j.session.click('[data-testid=policy-status-approved]');
    const dialog = await j.session.find('[data-testid=policy-status-dialog]', { visible: true });
    assert.match(await dialog.text(), /Approver: Maya Chen/);
    await j.session.type('[data-testid=policy-status-note]', 'Approved in the readiness workshop');
    await snap(j, 'policies-approve');
    await j.session.click('[data-testid=policy-status-confirm]');
    await j.session.find('[data-testid=policy-frozen]', { visible: true, timeout: 20_000 });
    assert.match(await j.session.text(item(POLICY)), /Approved/);
    assert.match(await j.session.text('[data-testid=policy-history]'), /Approved in the readiness workshop/);
    assert.doesNotMatch(await j.session.text('[data-testid=policy-approved-date]'), /Not yet approved/);
    await j.checkLayout('Policies, approved', PRIMARY);
    await snap(j, 'policies-approved');
  });

  j.step('an answer that denies an approved statement shows on the question and on the policy', async () => {
    await j.go('questionnaire');
    await j.session.type('#jump-to', QUESTION);
    await j.session.keys(KEY.Enter);
    const card = await j.session.find(`[data-testid=question][data-question="${QUESTION}"]`, { visible: true });
    assert.equal((await j.session.findNow('[data-testid=policy-contradiction]', card)).length, 0);
    await j.session.execute(
      "arguments[0].querySelector('label[data-answer=not_implemented] input[type=radio]').click();",
      [card],
    );
    await j.waitForAnswer(card, 'not_implemented');
    const notice = await card.find('[data-testid=policy-contradiction]', { visible: true, timeout: 20_000 });
    assert.match(await notice.text(), /Access Control Policy/);
    await snap(j, 'questionnaire-contradiction');

    await (await notice.find('button')).click();
    await j.waitForAttribute('[data-testid=nav-policies]', 'aria-current', 'page');
    await j.waitForAttribute(item(POLICY), 'aria-current', 'true');
    const listed = await j.session.find('[data-testid=policy-contradictions]', { visible: true });
    assert.match(await listed.text(), new RegExp(QUESTION));
    assert.match(await j.session.text(item(POLICY)), /contradiction/);
    await j.checkLayout('Policies, contradicted', PRIMARY);
    await snap(j, 'policies-contradiction');
  });

  j.step('at 1280x800 the screen and its parameters fit', async () => {
    await resize(j, { width: 1280, height: 800 });
    const wide = journeyContext({ width: 1280, height: 800 }, ARTIFACTS);
    wide.session = j.session;
    await wide.checkLayout('Policies', PRIMARY);
    await snap(wide, 'policies');
    await j.session.click('[data-testid=policies-tab-parameters]');
    await j.session.findAll('[data-testid=policy-parameter]', { min: 3 });
    await wide.checkLayout('Policies, parameters', ['[data-testid=policy-parameter-value]']);
    await snap(wide, 'policies-parameters');
    await resize(j, first.size);
    await j.checkLayout('Policies, parameters', ['[data-testid=policy-parameter-value]']);
    await snap(j, 'policies-parameters');
  });
  j.step('one policy and the whole pack are exported', async () => {
    await j.session.click('[data-testid=policies-tab-policies]');
    await j.session.click('[data-testid=export-policy-pdf]');
    const status = await j.waitForText(
      '[data-testid=export-policy-status]',
      (t) => t.includes('Saved to'),
      'to say "Saved to"',
    );
    const path = status.replace(/^.*Saved to\s*/s, '').trim();
    assert.ok(existsSync(path), `the policy file exists: ${path}`);
    assert.equal(dirname(path), j.saveDir, 'the policy went to the export folder');
    assert.equal(readFileSync(path).subarray(0, 5).toString('latin1'), '%PDF-');

    await j.session.click('[data-testid=export-pack-md]');
    await j.waitForText('[data-testid=export-pack-status]', (t) => t.includes('Saved to'), 'to say "Saved to"');
    const folder = join(j.saveDir, 'policies');
    const files = readdirSync(folder);
    assert.ok(
      files.some((f) => /^00-index\.md$/.test(f)),
      `the pack has its index: ${files.join(', ')}`,
    );
    const access = files.find((f) => f.endsWith(`-${POLICY}.md`));
    assert.ok(access, `the pack has the access control policy: ${files.join(', ')}`);
    assert.ok(files.length >= 16, `one file per policy and the index, found ${files.length}`);
    assert.match(readFileSync(join(folder, access), 'utf8'), /Contractors are bound by this policy/);
    await snap(j, 'policies-exported');
  });
});
