// End-to-end checks that need their own app launches: the window comes back where it was left,
// and a damaged workspace is recovered from its latest backup with the damaged file kept aside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from './webdriver.mjs';
import { appBinary, launch, STARTUP_TIMEOUT_MS } from './harness.mjs';

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const TIMEOUT = STARTUP_TIMEOUT_MS * 3;

function tempDir(what) {
  return mkdtempSync(join(tmpdir(), `trustgap-e2e-${what}-`));
}

/** Runs the app's CLI on `dataDir`; fails the test with its output when it fails. */
function cli(dataDir, ...args) {
  const out = spawnSync(appBinary(), ['--data-dir', dataDir, ...args], { encoding: 'utf8' });
  assert.equal(out.status, 0, `trustgap ${args.join(' ')} failed: ${out.stderr}`);
  return out.stdout;
}

/** The stored window geometry, read with Python's sqlite3 (no SQLite CLI is needed). */
function storedGeometry(dataDir) {
  const script =
    'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); ' +
    'r=c.execute("select value from settings where key=\'window.geometry\'").fetchone(); print(r[0] if r else "")';
  const out = spawnSync('python3', ['-c', script, join(dataDir, 'workspace.sqlite3')], { encoding: 'utf8' });
  return out.stdout.trim() ? JSON.parse(out.stdout) : null;
}

async function withApp(dataDir, name, fn) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const saveDir = tempDir('exports');
  const app = await launch({ dataDir, saveDir, log: join(ARTIFACTS, `${name}-tauri-driver.log`) });
  try {
    await fn(app.session);
  } catch (e) {
    await app.session.screenshot(join(ARTIFACTS, `${name}.png`)).catch(() => {});
    throw e;
  } finally {
    await app.stop();
    rmSync(saveDir, { recursive: true, force: true });
  }
}

test('the window opens with the size and place it was left at', { timeout: TIMEOUT }, async () => {
  const dataDir = tempDir('window');
  try {
    const wanted = { x: 60, y: 40, width: 1100, height: 720 };
    await withApp(dataDir, 'window-first', async (s) => {
      await s.find('[data-testid=new-assessment]', { visible: true });
      await s.command('POST', '/window/rect', wanted, 'set the window rect');
      // The app writes the placement shortly after the last move; wait for it to be stored.
      await waitFor(() => storedGeometry(dataDir)?.width === wanted.width, {
        timeout: 10_000,
        message: 'the window geometry to be saved',
      });
    });
    await withApp(dataDir, 'window-second', async (s) => {
      await s.find('[data-testid=new-assessment]', { visible: true });
      const rect = await s.command('GET', '/window/rect', undefined, 'get the window rect');
      assert.equal(rect.width, wanted.width);
      assert.equal(rect.height, wanted.height);
      assert.ok(Math.abs(rect.x - wanted.x) <= 40 && Math.abs(rect.y - wanted.y) <= 60, `placed at ${JSON.stringify(rect)}`);
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a damaged workspace is recovered from the latest backup, the damaged file kept aside', { timeout: TIMEOUT }, async () => {
  const dataDir = tempDir('damaged');
  try {
    cli(dataDir, 'demo');
    mkdirSync(join(dataDir, 'backups'));
    cli(dataDir, 'backup', '--out', join(dataDir, 'backups', 'workspace-20261101-090000.sqlite3'));
    // Clobber the database header: SQLite no longer recognises the file.
    const fd = openSync(join(dataDir, 'workspace.sqlite3'), 'r+');
    writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0);
    closeSync(fd);

    await withApp(dataDir, 'damaged', async (s) => {
      await s.find('[data-testid=fatal]', { visible: true });
      await s.click('[data-testid=recover-backup]');
      await s.find('[data-testid=assessment-row]', { visible: true, timeout: 20_000 });
      const row = await s.text('[data-testid=assessment-row]');
      assert.match(row, /Brightwave Analytics \(sample\)/);
    });
    const kept = readdirSync(dataDir).filter((f) => f.startsWith('workspace.damaged-'));
    assert.equal(kept.length, 1, `the damaged file is kept aside: ${readdirSync(dataDir).join(', ')}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
