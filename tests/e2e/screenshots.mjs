// Retakes the README's screenshots of the app (docs/screenshots/workspace.png, questionnaire.png,
// results.png) on the sample assessment, in a 1280×800 window, and the same views at 1024×640
// into tests/e2e/artifacts/readme-1024x640/ to look at. Not a test: run it by hand, like the suite:
//   TRUSTGAP_E2E_APP=$PWD/target/debug/trustgap dbus-run-session -- \
//     xvfb-run -a -s "-screen 0 1280x800x24" node tests/e2e/screenshots.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { launch } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SIZES = [
  { width: 1280, height: 800, out: join(ROOT, 'docs', 'screenshots') },
  { width: 1024, height: 640, out: join(ROOT, 'tests', 'e2e', 'artifacts', 'readme-1024x640') },
];

for (const size of SIZES) {
  const dataDir = mkdtempSync(join(tmpdir(), 'trustgap-shots-'));
  const app = await launch({ dataDir, saveDir: dataDir });
  const s = app.session;
  const shot = async (name) => {
    // The window snapshot can lag a frame behind a screen change.
    await sleep(400);
    await s.screenshot(join(size.out, `${name}.png`));
  };
  try {
    await s.command('POST', '/window/rect', { x: 0, y: 0, width: size.width, height: size.height }, 'window size');
    await s.click('[data-testid=open-sample]', { timeout: 20_000 });
    await s.find('[data-testid=overall-score]', { visible: true, timeout: 20_000 });
    await s.find('[data-testid=band]', { visible: true });
    await shot('results');
    await s.click('[data-testid=nav-questionnaire]');
    await s.find('[data-testid=question]', { visible: true });
    // The access controls, the group a first reader knows best, from its top.
    await s.execute(
      "[...document.querySelectorAll('nav[aria-label=\"Question groups\"] button')].find((b) => b.textContent.includes('CC6')).click();",
    );
    await sleep(300);
    await s.execute("document.querySelector('main').scrollTo({ top: 0 });");
    await shot('questionnaire');
    await s.click('[data-testid=nav-workspace]');
    await s.find('[data-testid=assessment-row]', { visible: true });
    await shot('workspace');
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
