// Privacy (issue 9): the planner holds staff and client data by ethnicity, so it must never send
// anything anywhere. A whole session in each way it ships (the script embed, the iframe page framed
// by an intranet page, the single file from disk): every screen visited, values changed and
// autosaved, a plan and a backup downloaded, the backup imported back, the REAP CSV exported, each
// print page opened, a single-file copy saved and opened, the page reloaded and closed. Every
// request of every page and frame is recorded, and a route on the whole context catches (and
// stops) anything else: nothing may go anywhere but the page's own files, data: and blob: URLs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { field, goTo, printFrom, sharedBrowser, singleFileUrl, waitForSaved } from './harness.mjs';

const env = sharedBrowser();

const SCREENS = ['Home', 'REAP checklist', 'Journey self-assessment', 'Data', 'Action plan', 'Your plans'];

const WAYS = [
  {
    name: 'script embed',
    url: () => `${env.server.origin}/index.html`,
    ownFiles: () => [`${env.server.origin}/`],
    widget: (page) => page.locator('[data-race-equity-planner]').first(),
  },
  {
    name: 'iframe page, framed by an intranet page',
    url: () => `${env.server.origin}/fixtures/security/iframe-host.html`,
    ownFiles: () => [`${env.server.origin}/`],
    widget: (page) => page.frameLocator('#planner-frame').locator('[data-race-equity-planner]').first(),
  },
  {
    name: 'single file from disk',
    url: () => singleFileUrl,
    ownFiles: () => [singleFileUrl],
    widget: (page) => page.locator('[data-race-equity-planner]').first(),
  },
];

// ---- Recording ---------------------------------------------------------------------------------

/**
 * Records every request in `context`: each page's and frame's requests and WebSockets, service
 * workers, and, through a route on the whole context, anything else the browser would fetch for
 * it. `isOwn(url)` says which URLs are the page's own files; anything else is recorded and stopped.
 */
async function recordRequests(context, isOwn) {
  const seen = [];
  const watchPage = (page) => {
    page.on('request', (request) => {
      let frame = '';
      try { frame = request.frame().url(); } catch { /* a service worker's request has no frame */ }
      seen.push({ url: request.url(), how: `${request.resourceType()} request`, from: frame });
    });
    page.on('websocket', (socket) => seen.push({ url: socket.url(), how: 'WebSocket', from: page.url() }));
  };
  context.on('page', watchPage);
  context.on('serviceworker', (worker) => seen.push({ url: worker.url(), how: 'service worker', from: '' }));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    seen.push({ url, how: 'routed', from: '' });
    if (isOwn(url)) await route.continue();
    else await route.abort('blockedbyclient');
  });
  return seen;
}

/**
 * What a page's policy cannot stop, so the planner must never do it (README, "Open it"): open a
 * window, navigate the page, or start a WebRTC connection; nor may it use a beacon, a socket, an
 * event stream or a worker. Runs in every page and frame before its own scripts, and keeps a list
 * in `window.__repEscapes`.
 */
function recordEscapes() {
  const escapes = [];
  Object.defineProperty(window, '__repEscapes', { value: escapes });
  const wrap = (owner, name, what) => {
    const real = owner && owner[name];
    if (typeof real !== 'function') return;
    owner[name] = new Proxy(real, {
      apply(target, self, args) {
        escapes.push(`${what}(${String(args[0]).slice(0, 80)})`);
        return Reflect.apply(target, self, args);
      },
      construct(target, args) {
        escapes.push(`new ${what}(${String(args[0]).slice(0, 80)})`);
        return Reflect.construct(target, args);
      },
    });
  };
  wrap(window, 'open', 'window.open');
  wrap(navigator, 'sendBeacon', 'navigator.sendBeacon');
  for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection', 'WebSocket', 'EventSource', 'Worker', 'SharedWorker']) wrap(window, name, name);
  window.addEventListener('beforeunload', () => escapes.push('the page was left'), true);
}

/** Data and blob URLs never leave the browser; about:blank and about:srcdoc are not fetched. */
const IN_BROWSER = /^(data:|blob:|about:(blank|srcdoc)$)/;

/**
 * Every address an element in the page, its shadow roots or its frames refers to (src, href,
 * srcset, action, poster, CSS url(), resource hints) that is not one of `own` or in the browser.
 */
async function foreignReferences(page, own) {
  const found = [];
  for (const frame of page.frames()) {
    const urls = await frame.evaluate(() => {
      const out = [];
      const roots = [document];
      for (let i = 0; i < roots.length; i += 1) {
        for (const el of roots[i].querySelectorAll('*')) {
          if (el.shadowRoot) roots.push(el.shadowRoot);
          for (const name of ['src', 'href', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'ping', 'background']) {
            const value = el.getAttribute(name);
            if (value && !value.startsWith('#')) out.push(new URL(value, document.baseURI).href);
          }
          for (const part of (el.getAttribute('srcset') || '').split(',')) {
            if (part.trim()) out.push(new URL(part.trim().split(/\s+/)[0], document.baseURI).href);
          }
          const css = el.localName === 'style' ? el.textContent : el.getAttribute('style') || '';
          for (const match of css.matchAll(/url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)/g)) {
            out.push(new URL(match[1] || match[2], document.baseURI).href);
          }
        }
        for (const sheet of roots[i].adoptedStyleSheets || []) {
          for (const rule of sheet.cssRules) {
            for (const match of rule.cssText.matchAll(/url\(\s*['"]?([^'")]+)/g)) out.push(new URL(match[1], document.baseURI).href);
          }
        }
      }
      return out;
    }).catch(() => []);
    found.push(...urls.filter((url) => !IN_BROWSER.test(url) && !own.some((prefix) => url.startsWith(prefix))).map((url) => `${url} (in ${frame.url()})`));
  }
  return found;
}

// ---- The session ----------------------------------------------------------------------------------

/** Clicks `button` and saves the download it starts into `dir`; returns its path. */
async function download(page, button, dir) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = join(dir, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return path;
}


/** Visits every screen in turn. */
async function visitEveryScreen(widget) {
  for (const screen of SCREENS) await goTo(widget, screen);
}

/** A whole working session in the planner shown by `widget`, on `page`. Returns the saved copy's path. */
async function fullSession(page, widget, dir) {
  await widget.locator('.rep-app').waitFor({ timeout: 20000 });
  await waitForSaved(widget);
  await visitEveryScreen(widget);

  // Values changed on each screen, and autosaved.
  await goTo(widget, 'Home');
  await field(widget, 'rep-plan-organisation').fill('Privacy test organisation (fictional)');
  await goTo(widget, 'REAP checklist');
  await field(widget, 'rep-a-1-3-status').selectOption('in_progress');
  await field(widget, 'rep-a-1-3-evidence').fill('Caseload by ethnic group, shared with the team (fictional)');
  await goTo(widget, 'Journey self-assessment');
  await field(widget, 'rep-j-q-shared_view-note').fill('Asked the staff network in October (fictional)');
  await goTo(widget, 'Data');
  await field(widget, 'rep-d-term').fill('colleagues who experience racism');
  await waitForSaved(widget);

  // The exports and print pages.
  await goTo(widget, 'REAP checklist');
  await download(page, widget.getByRole('button', { name: 'Download the checklist (CSV)', exact: true }), dir);
  await printFrom(widget, widget.getByRole('button', { name: 'Print the checklist', exact: true }));
  await goTo(widget, 'Journey self-assessment');
  await printFrom(widget, widget.getByRole('button', { name: 'Print the workshop pack', exact: true }));
  await printFrom(widget, widget.getByRole('button', { name: 'Print the results', exact: true }));

  // A plan and a backup out; the backup in again.
  await goTo(widget, 'Your plans');
  await download(page, widget.getByRole('button', { name: 'Download this plan', exact: true }), dir);
  const backup = await download(page, widget.getByRole('button', { name: 'Download all plans (backup)', exact: true }), dir);
  await widget.getByLabel('Choose a plan or backup file (.json)', { exact: true }).setInputFiles(backup);
  const preview = widget.getByRole('region', { name: 'What the import will do' });
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await widget.getByText(/^Imported \d+ plans?\.$/).waitFor();

  // A single-file copy saved.
  const copy = await download(page, widget.getByRole('button', { name: 'Save a copy as one HTML file', exact: true }), dir);
  await waitForSaved(widget);
  return copy;
}

/** Opens the saved copy from disk in `context` and works in it a little. */
async function openTheCopy(context, copy) {
  const page = await context.newPage();
  await page.goto(pathToFileURL(copy).href);
  const widget = page.locator('[data-race-equity-planner]').first();
  await widget.locator('.rep-app').waitFor({ timeout: 20000 });
  assert.match(await widget.locator('.rep-header__plan').innerText(), /Northfield/);
  await visitEveryScreen(widget);
  await goTo(widget, 'Home');
  await field(widget, 'rep-plan-team').fill('Changed in the copy (fictional)');
  await waitForSaved(widget);
  return page;
}

for (const way of WAYS) {
  test(`${way.name}: a whole session sends nothing anywhere but the page's own files`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rep-privacy-'));
    const context = await env.browser.newContext({ acceptDownloads: true });
    try {
      const copies = [];
      const own = () => [...way.ownFiles(), ...copies];
      const isOwn = (url) => IN_BROWSER.test(url) || own().some((prefix) => url.startsWith(prefix));
      const seen = await recordRequests(context, isOwn);
      await context.addInitScript(recordEscapes);
      const page = await context.newPage();
      // Navigations of the page itself: only ever to its own address (the single file and the iframe
      // page add a history entry per screen, with the address unchanged), and only two loads: the
      // first and the reload below.
      const navigations = [];
      let loads = 0;
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) navigations.push(frame.url());
      });
      page.on('load', () => { loads += 1; });
      await page.goto(way.url());
      const widget = way.widget(page);
      const copy = await fullSession(page, widget, dir);
      copies.push(pathToFileURL(copy).href);
      const copyPage = await openTheCopy(context, copy);

      // A reload of the original keeps the change (autosave), and sends nothing either.
      await page.reload();
      await widget.locator('.rep-app').waitFor({ timeout: 20000 });
      assert.equal(await field(widget, 'rep-plan-organisation').inputValue(), 'Privacy test organisation (fictional)');

      const references = [...(await foreignReferences(page, own())), ...(await foreignReferences(copyPage, own()))];
      const escapes = [];
      for (const p of [page, copyPage]) {
        for (const frame of p.frames()) {
          escapes.push(...(await frame.evaluate(() => window.__repEscapes || []).catch(() => [])).map((e) => `${e} in ${frame.url()}`));
        }
      }
      assert.deepEqual(escapes, [], 'the planner opened a window, left the page or used a channel its policy cannot close');
      assert.deepEqual([...new Set(navigations)], [way.url()], 'the page navigated somewhere other than its own address');
      assert.equal(loads, 2, 'the page loaded other than at the start and the reload');
      // Closing runs the pages' unload handlers: the last chance for a beacon.
      await copyPage.close({ runBeforeUnload: true });
      await page.close({ runBeforeUnload: true });
      await new Promise((done) => setTimeout(done, 300));

      const elsewhere = seen.filter(({ url }) => !isOwn(url));
      assert.deepEqual(
        elsewhere.map(({ url, how, from }) => `${how} to ${url}${from ? ` from ${from}` : ''}`),
        [],
        `requests to somewhere other than the page's own files (${own().join(', ')})`,
      );
      assert.deepEqual(references, [], 'the page refers to addresses other than its own files');
      // The recording works: the page's own files were seen.
      assert.ok(seen.some(({ url }) => url.startsWith(way.ownFiles()[0])), `no request for the page's own files was recorded: ${seen.length} requests`);
      assert.ok(seen.some(({ url }) => url === copies[0]), 'the saved copy was not opened');
    } finally {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
}
