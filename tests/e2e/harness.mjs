// Shared by every end-to-end test: a static server for dist/ and the fixtures, Debian's Chromium
// driven by playwright-core (never a downloaded browser), a request recorder and axe-core.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
export const repoRoot = resolve(here, '..', '..');
// REP_DIST lets a developer test a copy of dist/ while rebuilding the real one.
export const distDir = process.env.REP_DIST || join(repoRoot, 'dist');
export const fixturesDir = join(repoRoot, 'tests', 'fixtures');
export const singleFileUrl = pathToFileURL(join(distDir, 'race-equity-planner.html')).href;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
};

/** Serves dist/ (or another build's `dist`) at / and tests/fixtures/ at /fixtures/ on 127.0.0.1, on a free port. */
export async function startServer(dist = distDir) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const [base, rest] = path.startsWith('/fixtures/')
      ? [fixturesDir, path.slice('/fixtures/'.length)]
      : [dist, path.slice(1) || 'index.html'];
    const file = normalize(join(base, rest));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404).end('Not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) };
}

/** Debian's Chromium, headless, with the flags that keep it off the network. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // Playwright gives every launch a fresh temporary profile of its own.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Records every request a page makes, and every error it logs. */
export function watch(page) {
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { requests, errors };
}

/** Waits until the planner has rendered its app shell inside the host's shadow root. */
export async function waitForPlanner(page, host = '[data-race-equity-planner]') {
  await page.locator(`${host} .rep-app`).first().waitFor({ state: 'visible', timeout: 20000 });
}

const axeSource = readFileSync(join(repoRoot, 'tests', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe-core for WCAG 2.2 A and AA (and best practice) and returns the violations. */
export async function axeViolations(page) {
  // evaluate() runs through the DevTools protocol, so the page's own CSP does not block axe.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
}

/** The element that has focus, looking through shadow roots. */
export async function deepFocus(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) {
      active = active.shadowRoot.activeElement;
    }
    if (!active || active === document.body) return null;
    const label = (active.getAttribute('aria-label') || active.textContent || active.id || active.tagName).trim().replace(/\s+/g, ' ');
    return { tag: active.tagName.toLowerCase(), label, inWidget: active.getRootNode() !== document };
  });
}

/** Every control inside the widget that a keyboard user must be able to reach. */
export async function widgetControls(page) {
  return page.evaluate(() => {
    const found = [];
    for (const host of document.querySelectorAll('[data-race-equity-planner]')) {
      const root = host.shadowRoot;
      if (!root) continue;
      for (const el of root.querySelectorAll('button, a[href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')) {
        if (el.disabled || el.closest('[hidden]')) continue;
        const label = (el.getAttribute('aria-label') || el.textContent || el.id || el.tagName).trim().replace(/\s+/g, ' ');
        found.push({ tag: el.tagName.toLowerCase(), label });
      }
    }
    return found;
  });
}

/** Presses Tab until focus comes back round, returning what was focused in order. */
export async function tabThrough(page, limit = 200) {
  const seen = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const focus = await deepFocus(page);
    if (focus && seen.length > 0 && focus.label === seen[0].label && focus.tag === seen[0].tag) break;
    if (focus) seen.push(focus);
  }
  return seen;
}

/** Requests that did not go to the page's own origin (for file://, anything but the file itself). */
export function foreignRequests(requests, allowed) {
  return requests.filter((url) => !allowed.some((prefix) => url.startsWith(prefix)));
}

/** Polls `check` (an async function returning truthy when done) until it passes. */
export async function until(check, what, timeout = 10000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) assert.fail(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Presses a print button and waits until the widget's print frame holds the new page and has
 * loaded it; returns the frame's locator and its `Frame`. */
export async function printFrom(widget, button) {
  const frameElement = widget.locator('iframe.rep-print-frame');
  const srcdoc = async () => ((await frameElement.count()) > 0 ? frameElement.getAttribute('srcdoc') : null);
  const before = await srcdoc();
  await button.click();
  await until(async () => {
    const now = await srcdoc();
    return now !== null && now !== before;
  }, 'the print page');
  const frame = await (await frameElement.elementHandle()).contentFrame();
  await frame.waitForLoadState('load');
  return { frameElement, frame };
}

/** Types into a field with the keyboard, as a person does, replacing what is there. */
export async function typeInto(page, field, text) {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Goes to a screen by its navigation button and waits for its heading. */
export async function goTo(widget, name) {
  await widget.getByRole('navigation', { name: 'Planner parts' }).getByRole('button', { name, exact: true }).click();
  await widget.getByRole('heading', { level: 1, name }).waitFor();
  await screenDrawn(widget);
}

/** Waits until the open screen has drawn all of itself (the REAP checklist draws its later themes
 * a task at a time, `aria-busy` until the last is in). */
export async function screenDrawn(widget) {
  await widget.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
}

/** Where the demo page's planner keeps its plans in localStorage. */
export const DEMO_PREFIX = 'race-equity-planner/demo/';

/** A fresh browser context on the demo page whose store holds `plans`, the first of them open. */
export async function openWithPlans(browser, server, plans) {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(
    ([prefix, all]) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      for (const plan of all) localStorage.setItem(`${prefix}plan/${plan.id}`, JSON.stringify(plan));
      localStorage.setItem(`${prefix}last-opened`, all[0].id);
    },
    [DEMO_PREFIX, plans],
  );
  const page = await context.newPage();
  await page.goto(`${server.origin}/index.html`);
  await waitForPlanner(page);
  const widget = page.locator('[data-race-equity-planner]').first();
  return { context, page, widget };
}

/** The id of the focused element inside the widget's shadow root. */
export function focusedId(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    return active ? active.id : '';
  });
}

/** Presses Tab (Shift+Tab with `back`) until the element with `id` has focus. */
export async function tabTo(page, id, { back = false, limit = 400 } = {}) {
  for (let i = 0; i < limit; i += 1) {
    if ((await focusedId(page)) === id) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`Tab never reached #${id}`);
}

/** The widget's element with this id (ids may contain dots). */
export const field = (widget, id) => widget.locator(`[id="${id}"]`);

/** Waits until the header says the plan is saved. */
export async function waitForSaved(widget) {
  await widget.locator('.rep-header .rep-save-status').filter({ hasText: /Saved in this browser at \d\d:\d\d/ }).waitFor({ timeout: 10000 });
}

/** The plan as saved in the demo page's store. */
export function storedPlan(page, id) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key)), `${DEMO_PREFIX}plan/${id}`);
}

/** The schema version this build writes: the newest saved-plan fixture (`plan/mod.rs` asks for one
 * `vN.json` per version), so tests need no change when the version is bumped. */
export const CURRENT_SCHEMA_VERSION = Math.max(
  ...readdirSync(join(repoRoot, 'crates', 'domain', 'tests', 'fixtures', 'plan'))
    .map((name) => /^v(\d+)\.json$/.exec(name)?.[1])
    .filter(Boolean)
    .map(Number),
);

/** One browser and one demo server for a test file: started before its tests, closed after.
 * Use `env.browser` and `env.server` inside the tests. */
export function sharedBrowser() {
  const env = {};
  before(async () => {
    env.browser = await launchBrowser();
    env.server = await startServer();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A plan in the current shape with nothing recorded yet (what "Start a new plan" makes), with
 * `sections` (such as `{ journey: {...} }`) as given. */
export function blankPlan(id, title, sections = {}) {
  return {
    schema_version: CURRENT_SCHEMA_VERSION,
    id,
    title,
    created: '2026-11-01T09:00:00Z',
    modified: '2026-11-01T09:00:00Z',
    ...sections,
  };
}

/** Records any dialog, and any script that sets `window.__pwned` in a page or any of its frames
 * (every payload in tests/fixtures/security/payloads.mjs does, when it runs), in `context`.
 * Returns the list of what ran, which a test expects to stay empty. */
export async function armTrap(context) {
  const ran = [];
  await context.exposeBinding('__repTrapReport', ({ frame }, what) => {
    ran.push(`${what} (in ${frame.url()})`);
  });
  await context.addInitScript(() => {
    let value;
    Object.defineProperty(window, '__pwned', {
      configurable: false,
      get: () => value,
      set: (v) => {
        value = v;
        // Where the binding cannot be called, the test still reads __pwned from the page.
        try { window.__repTrapReport(`window.__pwned = ${String(v)}`); } catch { /* read later */ }
      },
    });
  });
  context.on('page', (page) => page.on('dialog', (dialog) => {
    ran.push(`a ${dialog.type()} dialog: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  }));
  return ran;
}
