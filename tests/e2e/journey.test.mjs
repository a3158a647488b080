// End-to-end journey through the real desktop app, driven over WebDriver by tauri-driver, at two
// window sizes (1024×640, the smallest the app supports, and 1280×800): Workspace → new client
// and assessment → Questionnaire (mouse and keyboard) → Results → Plan → Reports (PDF export) →
// Workspace list → Workshop mode → re-assessment and the trash → the plan against an audit date
// → snapshots → scoping → the keyboard help → an owner chosen on a question. Every screen is
// checked for its layout: the window never scrolls, nothing scrolls sideways, every primary
// control is in view (journey/layout.mjs).
//
// Run (see README.md): TRUSTGAP_E2E_APP=/abs/path/to/trustgap \
//   dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" node --test tests/e2e/
import { after, before, describe } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, STARTUP_TIMEOUT_MS } from './harness.mjs';
import { journeyContext } from './journey/context.mjs';
import { firstSteps } from './journey/first.mjs';
import { secondSteps } from './journey/second.mjs';
import { peopleSteps } from './journey/people.mjs';
import { ownerSteps } from './journey/owners.mjs';

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');

export const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 },
];

before(() => {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
});

for (const size of SIZES) {
  const j = journeyContext(size, ARTIFACTS);
  let app = null;

  describe(`the journey at ${j.label}`, () => {
    before(
      async () => {
        j.dataDir = mkdtempSync(join(tmpdir(), 'trustgap-e2e-data-'));
        j.saveDir = mkdtempSync(join(tmpdir(), 'trustgap-e2e-exports-'));
        app = await launch({
          dataDir: j.dataDir,
          saveDir: j.saveDir,
          log: join(ARTIFACTS, `tauri-driver-${j.label}.log`),
        });
        j.session = app.session;
        await j.session.command('POST', '/window/rect', { x: 0, y: 0, ...size }, 'set the window size');
        // The page sees the size asked for (no window manager adds borders under Xvfb).
        await j.session.waitFor(
          async (s) => {
            const [w, h] = await s.execute('return [innerWidth, innerHeight];');
            return w === size.width && h === size.height;
          },
          { message: `the page to be ${j.label}` },
        );
      },
      { timeout: STARTUP_TIMEOUT_MS * 2 },
    );

    after(
      async () => {
        try {
          await app?.stop();
        } finally {
          j.session = null;
          for (const dir of [j.dataDir, j.saveDir]) if (dir) rmSync(dir, { recursive: true, force: true });
        }
      },
      { timeout: 30_000 },
    );

    firstSteps(j);
    secondSteps(j);
    peopleSteps(j);
    ownerSteps(j);
  });
}
