// Launching the real app for end-to-end tests: tauri-driver (which starts WebKitWebDriver, which
// starts the app) on free ports, in its own process group so that stopping it ends them all.
import { spawn } from 'node:child_process';
import { accessSync, constants, createWriteStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { deleteSession, isReady, newSession, waitFor } from './webdriver.mjs';

/** Starting tauri-driver and the app under Xvfb can be slow on a cold machine. */
export const STARTUP_TIMEOUT_MS = 60_000;

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The app binary from TRUSTGAP_E2E_APP, as an absolute path; throws a clear message otherwise. */
export function appBinary() {
  const raw = process.env.TRUSTGAP_E2E_APP;
  if (!raw) {
    throw new Error(
      'TRUSTGAP_E2E_APP is not set: point it at the built app binary, ' +
        'e.g. TRUSTGAP_E2E_APP=$PWD/target/debug/trustgap (build with `cd ui && npx vite build && cd .. && cargo build`).',
    );
  }
  const file = resolve(raw);
  if (!existsSync(file)) throw new Error(`TRUSTGAP_E2E_APP=${raw}: no such file (${file}); build the app first.`);
  if (!statSync(file).isFile()) throw new Error(`TRUSTGAP_E2E_APP=${raw}: ${file} is not a file.`);
  if (!isExecutable(file)) throw new Error(`TRUSTGAP_E2E_APP=${raw}: ${file} is not executable.`);
  return file;
}

/** tauri-driver from PATH, else ~/.cargo/bin. */
function tauriDriverBinary() {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  dirs.push(join(homedir(), '.cargo', 'bin'));
  for (const dir of dirs) {
    const file = join(dir, 'tauri-driver');
    if (isExecutable(file)) return file;
  }
  throw new Error('tauri-driver was not found on PATH or in ~/.cargo/bin: install it with `cargo install tauri-driver --locked`.');
}

/** A TCP port that was free a moment ago. */
function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** Ends tauri-driver and everything it started (its own process group). */
async function stopDriver(driver, driverExit) {
  if (!driver || driver.exitCode !== null || driver.signalCode !== null) return;
  const group = -driver.pid;
  try {
    process.kill(group, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const exited = await Promise.race([driverExit.then(() => true), sleep(5_000).then(() => false)]);
  if (!exited) {
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  // The app and WebKitWebDriver share the group; give them a moment to go too.
  await sleep(200);
  try {
    process.kill(group, 'SIGKILL');
  } catch {
    // the whole group is gone
  }
}


/**
 * Starts the app on the workspace in `dataDir` (exports go to `saveDir`, the documented test
 * setting that replaces the native save dialog; with `openFile`, every "open" dialog picks that
 * file instead of showing) and opens a WebDriver session on it.
 * Returns { session, stop }.
 */
export async function launch({ dataDir, saveDir, openFile, log }) {
  const application = appBinary();
  const tauriDriver = tauriDriverBinary();
  // The app inherits tauri-driver's environment: set its variables before spawning it.
  const env = { ...process.env, TRUSTGAP_DATA_DIR: dataDir, TRUSTGAP_E2E_SAVE_DIR: saveDir };
  if (openFile) env.TRUSTGAP_E2E_OPEN_FILE = openFile;
  else delete env.TRUSTGAP_E2E_OPEN_FILE;
  const port = await freePort();
  let nativePort = await freePort();
  while (nativePort === port) nativePort = await freePort();

  const driver = spawn(tauriDriver, ['--port', String(port), '--native-port', String(nativePort)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() can end it and its children together
  });
  if (log) {
    const out = createWriteStream(log, { flags: 'a' });
    driver.stdout.pipe(out);
    driver.stderr.pipe(out);
  } else {
    driver.stdout.resume();
    driver.stderr.resume();
  }
  const exit = new Promise((ok) => driver.once('exit', ok));
  const spawnError = new Promise((_, fail) => driver.once('error', fail));
  const base = `http://127.0.0.1:${port}`;
  const stop = async (session) => {
    try {
      if (session) await deleteSession(session);
    } catch (e) {
      console.error(`could not delete the WebDriver session: ${e.message}`);
    }
    await stopDriver(driver, exit);
  };
  try {
    await Promise.race([
      spawnError,
      waitFor(
        async () => {
          if (driver.exitCode !== null) throw new Error(`tauri-driver exited with code ${driver.exitCode}`);
          return isReady(base);
        },
        { timeout: STARTUP_TIMEOUT_MS, message: `tauri-driver at ${base}/status to be ready${log ? ` (log: ${log})` : ''}` },
      ),
    ]);
    const session = await newSession(base, { capabilities: { alwaysMatch: { 'tauri:options': { application } } } });
    return { session, stop: () => stop(session) };
  } catch (e) {
    await stop(null);
    throw e;
  }
}
