// The script embed in other people's pages: a hostile stylesheet does not break it, two planners
// with different storage keys live side by side, and a failed start says why in plain words.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, waitForPlanner, watch } from './harness.mjs';

let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  server = await startServer();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('a host page with hostile global CSS does not reach into the widget', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  await page.goto(`${server.origin}/fixtures/hostile-host.html`);
  await waitForPlanner(page);
  // The host's rules really apply on the host page itself...
  const hostButton = await page.locator('#host-button').evaluate((el) => getComputedStyle(el).borderTopStyle);
  assert.equal(hostButton, 'dotted');
  // ...but not inside the widget.
  const widget = page.locator('[data-race-equity-planner]');
  const heading = widget.getByRole('heading', { level: 1 });
  const style = await heading.evaluate((el) => {
    const s = getComputedStyle(el);
    return { font: s.fontFamily, size: s.fontSize, colour: s.color, transform: s.textTransform };
  });
  assert.match(style.font, /Arial/);
  assert.notEqual(style.colour, 'rgb(255, 0, 0)');
  assert.equal(style.size, '32px');
  assert.equal(style.transform, 'none');
  const nav = widget.getByRole('button', { name: 'Action plan', exact: true });
  const navStyle = await nav.evaluate((el) => getComputedStyle(el).borderTopStyle);
  assert.notEqual(navStyle, 'dotted');
  // And it still works.
  await nav.click();
  await assert.doesNotReject(widget.getByRole('heading', { level: 1, name: 'Action plan' }).waitFor());
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('two planners on one page keep their own storage keys and state', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/fixtures/two-planners.html`);
  await waitForPlanner(page, '#planner-a');
  await waitForPlanner(page, '#planner-b');
  const a = page.locator('#planner-a');
  const b = page.locator('#planner-b');
  assert.equal(await a.locator('.rep-app').getAttribute('data-storage-key'), 'team-a');
  assert.equal(await b.locator('.rep-app').getAttribute('data-storage-key'), 'team-b');
  await a.getByRole('button', { name: 'Data', exact: true }).click();
  await assert.doesNotReject(a.getByRole('heading', { level: 1, name: 'Data' }).waitFor());
  assert.equal(await b.getByRole('heading', { level: 1 }).innerText(), 'Home');
  await page.close();
});

test('mountPlanner() mounts into an element added later, and refuses to mount twice', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/fixtures/two-planners.html`);
  await waitForPlanner(page, '#planner-a');
  const result = await page.evaluate(async () => {
    const { mountPlanner } = await import('/race-equity-planner.js');
    const el = document.createElement('div');
    el.id = 'late';
    document.body.append(el);
    await mountPlanner(el, { storageKey: 'late' });
    const first = el.shadowRoot.querySelector('.rep-app');
    // The second call, with another key: the first planner stays, untouched, and is the only one.
    await mountPlanner(el, { storageKey: 'second' });
    return {
      key: el.shadowRoot.querySelector('.rep-app')?.getAttribute('data-storage-key'),
      apps: el.shadowRoot.querySelectorAll('.rep-app').length,
      same: el.shadowRoot.querySelector('.rep-app') === first,
      alerts: el.shadowRoot.querySelectorAll('[role="alert"]').length,
    };
  });
  assert.deepEqual(result, { key: 'late', apps: 1, same: true, alerts: 0 });
  await page.close();
});

test('when the wasm cannot load, the host shows a plain message instead of a blank space', async () => {
  const page = await browser.newPage();
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'missing' }));
  await page.goto(`${server.origin}/index.html`);
  const alert = page.locator('[data-race-equity-planner] [role="alert"]');
  await assert.doesNotReject(alert.waitFor({ timeout: 20000 }));
  assert.match(await alert.innerText(), /could not start/);
  assert.match(await alert.innerText(), /Enhanced security/);
  await page.close();
});

// The sizes a user reads: body text, the screen's heading, a card's heading, and the main column's
// padding (a spacing in the same unit as the rest).
async function plannerSizes(page) {
  const widget = page.locator('[data-race-equity-planner]');
  const size = (locator, property = 'fontSize') => locator.first().evaluate((el, p) => getComputedStyle(el)[p], property);
  return {
    body: await size(widget.locator('.rep-card p')),
    heading: await size(widget.getByRole('heading', { level: 1 })),
    cardHeading: await size(widget.locator('.rep-card .rep-heading-m')),
    mainPadding: await size(widget.locator('.rep-main'), 'paddingLeft'),
  };
}

test('a host page that sets its root font size to 62.5% does not shrink the planner', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/index.html`);
  await waitForPlanner(page);
  const demo = await plannerSizes(page);
  // Chromium's default font size, as an unchanged browser has it.
  assert.deepEqual(demo, { body: '16px', heading: '32px', cardHeading: '20px', mainPadding: '16px' });
  await page.goto(`${server.origin}/fixtures/host-rem.html`);
  await waitForPlanner(page);
  // The host's rule really applies on the host page itself...
  assert.equal(await page.locator('html').evaluate((el) => getComputedStyle(el).fontSize), '10px');
  // ...but the planner keeps the sizes it has on the demo page.
  assert.deepEqual(await plannerSizes(page), demo);
  await page.close();
});

// The plain message shown in place of the planner, checked as a user meets it: visible, in words,
// and no planner half-drawn beside it.
async function plainMessage(page) {
  const host = page.locator('[data-race-equity-planner]');
  const alert = host.locator('[role="alert"]');
  await alert.waitFor({ state: 'visible', timeout: 20000 });
  assert.equal(await host.locator('.rep-app').count(), 0, 'no planner beside the message');
  assert.ok((await host.boundingBox()).height > 0, 'the host is not 0 px tall');
  return alert.innerText();
}

test('a host page whose CSP blocks inline styles shows a plain message naming style-src', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/fixtures/host-strict-style-csp.html`);
  const text = await plainMessage(page);
  assert.match(text, /security policy blocks the planner's styles/);
  assert.match(text, /style-src needs 'unsafe-inline' for the planner/);
  await page.close();
});

test('a host page that enforces Trusted Types shows a plain message naming the setting', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/fixtures/host-trusted-types.html`);
  const text = await plainMessage(page);
  assert.match(text, /enforces Trusted Types, which the planner does not support yet/);
  assert.match(text, /require-trusted-types-for 'script'/);
  await page.close();
});
