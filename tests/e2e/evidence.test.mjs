// End-to-end: the evidence locker of the sample through the real app, at 1024×640 and
// 1280×800. A file is added (the test setting picks it instead of the native dialog) attached to
// a question, it shows in the list with its fingerprint, the request list and the calendar
// open, and the evidence pack is built into the export folder with the file inside. Every view
// goes through the layout check (journey/layout.mjs) and is saved under
// artifacts/screens/<size>/evidence-*.png.
//
// Run (see README.md): TRUSTGAP_E2E_APP=/abs/path/to/trustgap \
//   dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" node --test tests/e2e/evidence.test.mjs
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { launch, STARTUP_TIMEOUT_MS } from './harness.mjs';
import { journeyContext } from './journey/context.mjs';

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 },
];

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

for (const size of SIZES) {
  const j = journeyContext(size, ARTIFACTS);
  let app = null;
  let picked = '';

  describe(`the evidence locker at ${j.label}`, () => {
    before(
      async () => {
        mkdirSync(ARTIFACTS, { recursive: true });
        j.dataDir = mkdtempSync(join(tmpdir(), 'trustgap-e2e-evidence-'));
        j.saveDir = mkdtempSync(join(tmpdir(), 'trustgap-e2e-evidence-exports-'));
        picked = join(j.saveDir, 'Access review Q1.pdf');
        writeFileSync(picked, `%PDF-1.4 quarterly access review ${size.width}\n`);
        app = await launch({
          dataDir: j.dataDir,
          saveDir: j.saveDir,
          openFile: picked,
          log: join(ARTIFACTS, `tauri-driver-evidence-${j.label}.log`),
        });
        j.session = app.session;
        await resize(j, size);
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

    j.step('the Evidence screen starts empty, with the limits stated', async () => {
      await j.go('evidence');
      await j.session.find('[data-testid=evidence-empty]', { visible: true });
      assert.match(await j.session.text('[data-testid=evidence-usage]'), /200 MB/);
      await j.checkLayout('Evidence', ['[data-testid=evidence-add]']);
      await snap(j, 'evidence-empty');
    });

    j.step('a file is added, attached to a question, and listed with its fingerprint', async () => {
      await j.session.click('[data-testid=evidence-add]');
      const dialog = await j.session.find('[data-testid=add-evidence]', { visible: true });
      await (await dialog.find('[data-testid=attachment-match]')).click();
      await dialog.find('[data-testid=attachment-chosen]', { visible: true });
      await snap(j, 'evidence-add');
      await (await dialog.find('[data-testid=add-evidence-submit]')).click();
      await j.session.find('[data-testid=evidence-files]', { visible: true, timeout: 20_000 });
      const listed = await j.session.text('[data-testid=evidence-files]');
      assert.match(listed, /Access review Q1\.pdf/);
      const hash = createHash('sha256').update(readFileSync(picked)).digest('hex');
      assert.match(listed, new RegExp(hash.slice(0, 8)), 'the short SHA-256 is shown');
      await j.checkLayout('Evidence, one file', ['[data-testid=evidence-add]', '[data-testid=pack-build]']);
      await snap(j, 'evidence-files');
    });

    j.step('the request list and the calendar open', async () => {
      await j.session.click('#evidence-tab-requests');
      await j.session.waitFor(async (s) => /CC1\.1\/1/.test(await s.text('#evidence-panel-requests')), {
        message: 'the request list to show the bank items',
      });
      await j.checkLayout('Evidence, request list', []);
      await snap(j, 'evidence-requests');
      await j.session.click('#evidence-tab-calendar');
      await j.session.waitFor(async (s) => (await s.text('#evidence-panel-calendar')).trim().length > 0, {
        message: 'the calendar to show',
      });
      await j.checkLayout('Evidence, calendar', []);
      await snap(j, 'evidence-calendar');
      await j.session.click('#evidence-tab-files');
    });

    j.step('the evidence pack is built into the export folder', async () => {
      await j.session.click('[data-testid=pack-build]');
      await j.session.find('[data-testid=pack-open]', { visible: true, timeout: 30_000 });
      const zips = readdirSync(j.saveDir).filter((f) => f.endsWith('.zip'));
      assert.equal(zips.length, 1, `one pack in ${readdirSync(j.saveDir).join(', ')}`);
      const bytes = readFileSync(join(j.saveDir, zips[0]));
      assert.ok(bytes.includes(Buffer.from('Access review Q1.pdf')), 'the file is in the pack');
      assert.ok(bytes.includes(Buffer.from('manifest.csv')));
      await snap(j, 'evidence-pack');
    });
  });
}
