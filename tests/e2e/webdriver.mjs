// A small W3C WebDriver client over Node's built-in fetch: just what the end-to-end suite uses.
// Every wait polls with an explicit timeout and fails with a message naming what it waited for.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The W3C key for an element reference in responses and arguments. */
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const POLL_MS = 100;
/** A single HTTP request that takes longer than this is treated as hung. */
const REQUEST_TIMEOUT_MS = 60_000;

/** A failed WebDriver command, with the W3C error code when the remote end sent one. */
export class WebDriverError extends Error {
  constructor(message, { code = null, status = null } = {}) {
    super(message);
    this.name = 'WebDriverError';
    this.code = code;
    this.status = status;
  }
}

/** Sends one command; returns its `value` or throws a WebDriverError describing `what`. */
async function request(base, method, path, body, what) {
  const url = `${base}${path}`;
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (e) {
    throw new WebDriverError(`${what}: ${method} ${path} failed: ${e.cause?.message ?? e.message}`);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: reported below with the raw text.
  }
  const value = json?.value;
  if (!response.ok || (value && typeof value === 'object' && typeof value.error === 'string')) {
    const code = value?.error ?? null;
    const message = value?.message ?? text.slice(0, 500);
    throw new WebDriverError(`${what}: ${code ?? `HTTP ${response.status}`}: ${message}`, {
      code,
      status: response.status,
    });
  }
  return value;
}

/**
 * Polls `predicate` every POLL_MS until it returns a truthy value, which is returned.
 * Errors thrown by the predicate count as "not yet"; the last one is reported on timeout.
 */
export async function waitFor(predicate, { timeout = DEFAULT_TIMEOUT_MS, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let lastError = null;
  for (;;) {
    try {
      const result = await predicate();
      if (result) return result;
      lastError = null;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) {
      const why = lastError ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${message}${why}`);
    }
    await sleep(POLL_MS);
  }
}

/** Checks that the remote end at `base` answers /status with ready: true. */
export async function isReady(base) {
  try {
    const value = await request(base, 'GET', '/status', undefined, 'status');
    return value?.ready === true;
  } catch {
    return false;
  }
}

/** A reference to an element found in a session; `selector` is kept for error messages. */
export class Element {
  constructor(session, id, selector) {
    this.session = session;
    this.id = id;
    this.selector = selector;
  }

  /** As a script argument (or in any JSON body): the W3C element reference. */
  toJSON() {
    return { [ELEMENT_KEY]: this.id };
  }

  #cmd(method, suffix, body, what) {
    return this.session.command(method, `/element/${this.id}${suffix}`, body, `${what} [${this.selector}]`);
  }

  click() {
    return this.#cmd('POST', '/click', {}, 'click');
  }

  clear() {
    return this.#cmd('POST', '/clear', {}, 'clear');
  }

  /** Types `text` into this element (W3C Element Send Keys). */
  sendKeys(text) {
    return this.#cmd('POST', '/value', { text: String(text) }, `send keys ${JSON.stringify(text)}`);
  }

  /** The rendered text, whitespace trimmed. */
  async text() {
    return String(await this.#cmd('GET', '/text', undefined, 'text')).trim();
  }

  /** An HTML attribute, or null when absent. */
  attribute(name) {
    return this.#cmd('GET', `/attribute/${encodeURIComponent(name)}`, undefined, `attribute ${name}`);
  }

  /** A DOM property such as `checked` or `value`. */
  property(name) {
    return this.#cmd('GET', `/property/${encodeURIComponent(name)}`, undefined, `property ${name}`);
  }

  isDisplayed() {
    return this.#cmd('GET', '/displayed', undefined, 'displayed');
  }

  /** Finds the first descendant matching `css`, waiting for it. */
  find(css, options) {
    return this.session.find(css, { ...options, within: this });
  }

  findAll(css, options) {
    return this.session.findAll(css, { ...options, within: this });
  }
}

/** One WebDriver session. */
export class Session {
  constructor(base, id, capabilities) {
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
  }

  command(method, path, body, what) {
    return request(this.base, method, `/session/${this.id}${path}`, body, what);
  }

  async #findOnce(css, within, all) {
    const scope = within ? `/element/${within.id}` : '';
    const path = `${scope}/element${all ? 's' : ''}`;
    const where = within ? ` inside [${within.selector}]` : '';
    const label = `${css}${where}`;
    try {
      const value = await this.command('POST', path, { using: 'css selector', value: css }, `find [${label}]`);
      const list = all ? value : [value];
      return list.map((v) => new Element(this, v[ELEMENT_KEY], label));
    } catch (e) {
      if (e.code === 'no such element') return [];
      throw e;
    }
  }

  /**
   * Waits (polling) for the first element matching `css`. Options: timeout (ms), within (an
   * Element to search inside), visible (also wait until displayed).
   */
  async find(css, { timeout = DEFAULT_TIMEOUT_MS, within = null, visible = false } = {}) {
    const where = within ? ` inside [${within.selector}]` : '';
    return waitFor(
      async () => {
        const [first] = await this.#findOnce(css, within, false);
        if (!first) return null;
        if (visible && !(await first.isDisplayed())) return null;
        return first;
      },
      { timeout, message: `element [${css}]${where}${visible ? ' to be visible' : ''}` },
    );
  }

  /** Waits until at least `min` elements (default 1) match `css`; returns them all. */
  async findAll(css, { timeout = DEFAULT_TIMEOUT_MS, within = null, min = 1 } = {}) {
    const where = within ? ` inside [${within.selector}]` : '';
    return waitFor(
      async () => {
        const list = await this.#findOnce(css, within, true);
        return list.length >= min ? list : null;
      },
      { timeout, message: `at least ${min} element(s) [${css}]${where}` },
    );
  }

  /** Returns the elements matching `css` now, without waiting (may be empty). */
  findNow(css, within = null) {
    return this.#findOnce(css, within, true);
  }

  /** Waits for `css` and clicks it. */
  async click(css, options) {
    const element = await this.find(css, options);
    await element.click();
    return element;
  }

  /** Waits for `css`, clears it and types `text` into it. */
  async type(css, text, options) {
    const element = await this.find(css, options);
    await element.clear();
    await element.sendKeys(text);
    return element;
  }

  /** Waits for `css` and returns its trimmed text. */
  async text(css, options) {
    return (await this.find(css, options)).text();
  }

  /** Waits for `css` and returns one of its attributes. */
  async attribute(css, name, options) {
    return (await this.find(css, options)).attribute(name);
  }

  /** The element that has focus (document.activeElement). */
  async activeElement() {
    const value = await this.command('GET', '/element/active', undefined, 'active element');
    return new Element(this, value[ELEMENT_KEY], ':focus (active element)');
  }

  /**
   * Presses each character of `text` as a key, sent to whatever has focus, as a user would for a
   * keyboard shortcut. Uses the Actions API; falls back to Element Send Keys on the active
   * element when the remote end does not implement actions.
   */
  async keys(text) {
    const actions = [];
    for (const ch of String(text)) {
      actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
    }
    try {
      await this.command(
        'POST',
        '/actions',
        { actions: [{ type: 'key', id: 'keyboard', actions }] },
        `press keys ${JSON.stringify(text)}`,
      );
      await this.command('DELETE', '/actions', undefined, 'release keys').catch(() => {});
    } catch (e) {
      if (e.code !== 'unknown command' && e.code !== 'unsupported operation') throw e;
      await (await this.activeElement()).sendKeys(text);
    }
  }

  /** Runs `script` (a function body) in the page and returns its result. */
  execute(script, args = []) {
    return this.command('POST', '/execute/sync', { script, args }, 'execute script');
  }

  title() {
    return this.command('GET', '/title', undefined, 'title');
  }

  source() {
    return this.command('GET', '/source', undefined, 'page source');
  }

  /** Saves a PNG screenshot of the window to `file` (folders are created). */
  async screenshot(file) {
    const base64 = await this.command('GET', '/screenshot', undefined, 'screenshot');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from(base64, 'base64'));
    return file;
  }

  /** Saves the page source to `file`. */
  async saveSource(file) {
    const html = await this.source();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, String(html));
    return file;
  }

  /** Polls `predicate(session)`; see waitFor. */
  waitFor(predicate, options) {
    return waitFor(() => predicate(this), options);
  }

  async delete() {
    await request(this.base, 'DELETE', `/session/${this.id}`, undefined, 'delete session');
  }
}

/**
 * Creates a session on the remote end at `base` (e.g. http://127.0.0.1:4444). `capabilities`
 * is the whole request body, e.g. {capabilities: {alwaysMatch: {...}}}.
 */
export async function newSession(base, capabilities) {
  const value = await request(base, 'POST', '/session', capabilities, 'new session');
  if (!value?.sessionId) throw new WebDriverError(`new session: no sessionId in ${JSON.stringify(value)}`);
  return new Session(base, value.sessionId, value.capabilities);
}

/** Deletes a session; a session that is already gone is not an error. */
export async function deleteSession(session) {
  if (!session) return;
  try {
    await session.delete();
  } catch (e) {
    if (e.code !== 'invalid session id') throw e;
  }
}
