// End-to-end: launching Trustgap again on a workspace that is already open brings the running
// window to the front (Unix: over the workspace's socket) instead of refusing; the first window
// stays up and keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appBinary, launch, STARTUP_TIMEOUT_MS } from './harness.mjs';

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const ALREADY_OPEN = 'Trustgap is already open on this workspace; its window was brought to the front.';

function tempDir(what) {
  return mkdtempSync(join(tmpdir(), `trustgap-e2e-${what}-`));
}

test(
  'a second launch on the open workspace brings its window forward and exits 0',
  { timeout: STARTUP_TIMEOUT_MS * 2, skip: process.platform === 'win32' && 'Unix only (README)' },
  async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const dataDir = tempDir('second-launch');
    const saveDir = tempDir('exports');
    const app = await launch({ dataDir, saveDir, log: join(ARTIFACTS, 'second-launch-tauri-driver.log') });
    try {
      const s = app.session;
      await s.find('[data-testid=new-assessment]', { visible: true });
      assert.ok(existsSync(join(dataDir, 'workspace.sock')), 'the running app listens on workspace.sock');

      const second = spawnSync(appBinary(), ['--data-dir', dataDir], { encoding: 'utf8', timeout: 20_000 });
      assert.equal(second.status, 0, `second launch: status ${second.status}, stderr: ${second.stderr}`);
      assert.equal(second.stdout.trim(), ALREADY_OPEN);

      // The first window is still there and answers.
      await s.click('[data-testid=new-assessment]');
      await s.find('input, select, textarea', { visible: true });
    } catch (e) {
      await app.session.screenshot(join(ARTIFACTS, 'second-launch.png')).catch(() => {});
      throw e;
    } finally {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(saveDir, { recursive: true, force: true });
    }
  },
);
