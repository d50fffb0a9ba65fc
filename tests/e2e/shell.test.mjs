// The app shell, in each way we ship it: renders, works by keyboard alone, passes axe, and makes
// no network request beyond loading its own files.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  axeViolations, deepFocus, field, foreignRequests, goTo, launchBrowser, singleFileUrl, startServer, tabThrough,
  typeInto, until, waitForPlanner, waitForSaved, watch, widgetControls,
} from './harness.mjs';

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

const ways = [
  { name: 'single file from disk', url: () => singleFileUrl, allowed: () => [singleFileUrl] },
  { name: 'script embed', url: () => `${server.origin}/index.html`, allowed: () => [server.origin + '/'] },
  { name: 'iframe page', url: () => `${server.origin}/embed.html?storage-key=team-a`, allowed: () => [server.origin + '/'] },
];

async function open(way) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(way.url());
  await waitForPlanner(page);
  return { context, page, seen };
}

for (const way of ways) {
  test(`${way.name}: shows the app shell on the example plan`, async () => {
    const { context, page, seen } = await open(way);
    const widget = page.locator('[data-race-equity-planner]').first();
    await assert.doesNotReject(widget.getByText('Race Equity Planner', { exact: true }).waitFor());
    assert.match(await widget.locator('.rep-header__plan').innerText(), /Example: Northfield IPS team \(fictional\)/);
    const nav = widget.getByRole('navigation', { name: 'Planner parts' });
    const labels = await nav.getByRole('button').allInnerTexts();
    assert.deepEqual(labels, ['Home', 'REAP checklist', 'Journey self-assessment', 'Data', 'Action plan', 'Your plans']);
    assert.equal(await widget.getByRole('heading', { level: 1 }).innerText(), 'Home');
    assert.deepEqual(seen.errors, []);
    await context.close();
  });

  test(`${way.name}: every control is reachable by keyboard and the parts open with Enter`, async () => {
    const { context, page } = await open(way);
    const controls = await widgetControls(page);
    assert.ok(controls.length >= 9, `expected the nav and home page buttons, found ${controls.length}`);
    const reached = (await tabThrough(page)).filter((f) => f.inWidget);
    for (const control of controls) {
      assert.ok(
        reached.some((r) => r.tag === control.tag && r.label === control.label),
        `Tab never reached "${control.label}" (${control.tag}); reached: ${reached.map((r) => r.label).join(' | ')}`,
      );
    }
    // Open the Action plan part from the keyboard; focus lands on its heading, the nav says where we are.
    const widget = page.locator('[data-race-equity-planner]').first();
    await widget.getByRole('button', { name: 'Action plan', exact: true }).focus();
    await page.keyboard.press('Enter');
    await assert.doesNotReject(widget.getByRole('heading', { level: 1, name: 'Action plan' }).waitFor());
    assert.equal(await widget.getByRole('button', { name: 'Action plan', exact: true }).getAttribute('aria-current'), 'page');
    assert.deepEqual(await deepFocus(page), { tag: 'h1', label: 'Action plan', inWidget: true });
    assert.match(await widget.locator('.rep-main').innerText(), /Where the actions stand/);
    await context.close();
  });

  test(`${way.name}: axe-core finds no accessibility violations`, async () => {
    const { context, page } = await open(way);
    assert.deepEqual(await axeViolations(page), [], 'home page');
    await page.locator('[data-race-equity-planner]').first().getByRole('button', { name: 'REAP checklist', exact: true }).click();
    assert.deepEqual(await axeViolations(page), [], 'a part page');
    await context.close();
  });

  test(`${way.name}: makes no network request beyond its own files`, async () => {
    const { context, page, seen } = await open(way);
    const widget = page.locator('[data-race-equity-planner]').first();
    for (const name of ['REAP checklist', 'Journey self-assessment', 'Data', 'Action plan', 'Home']) {
      await widget.getByRole('navigation').getByRole('button', { name, exact: true }).click();
    }
    await page.waitForTimeout(200);
    assert.deepEqual(foreignRequests(seen.requests, way.allowed()), []);
    if (way.name === 'single file from disk') assert.deepEqual(seen.requests, [singleFileUrl]);
    await context.close();
  });
}

test('single file: works from disk with the network switched off: an edit is saved and is there after a reload', async () => {
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const { requests, errors } = watch(page);
  await page.goto(singleFileUrl);
  await waitForPlanner(page);
  assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser is offline');
  const widget = page.locator('[data-race-equity-planner]');
  assert.match(await widget.locator('.rep-header__plan').innerText(), /Example/);
  await goTo(widget, 'REAP checklist');
  const evidence = field(widget, 'rep-a-1-1-evidence');
  await typeInto(page, evidence, 'Written with no network');
  await waitForSaved(widget);
  await page.reload();
  await waitForPlanner(page);
  await goTo(widget, 'REAP checklist');
  assert.equal(await field(widget, 'rep-a-1-1-evidence').inputValue(), 'Written with no network');
  assert.deepEqual(foreignRequests(requests, [singleFileUrl]), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('single file: its Content-Security-Policy blocks a deliberate fetch', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(singleFileUrl);
  await waitForPlanner(page);
  const outcome = await page.evaluate(async (url) => {
    try {
      await fetch(url);
      return 'fetched';
    } catch (error) {
      return 'blocked';
    }
  }, `${server.origin}/index.html`);
  assert.equal(outcome, 'blocked');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /connect-src 'none'/);
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
  await context.close();
});

// Back and Forward where the planner is the whole page; a host page's history is left alone.
for (const way of ways) {
  const owns = way.name !== 'script embed';
  test(`${way.name}: the browser's Back button ${owns ? 'returns to the previous screen' : 'is left to the host page'}`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(way.url());
    await waitForPlanner(page);
    const widget = page.locator('[data-race-equity-planner]');
    const heading = () => widget.getByRole('heading', { level: 1 }).innerText();
    const entries = await page.evaluate(() => history.length);
    await goTo(widget, 'REAP checklist');
    await goTo(widget, 'Data');
    if (!owns) {
      assert.equal(await page.evaluate(() => history.length), entries, 'the host page’s history is unchanged');
      await context.close();
      return;
    }
    assert.equal(await page.evaluate(() => history.length), entries + 2);
    await page.evaluate(() => history.back());
    await until(async () => (await heading()) === 'REAP checklist', 'Back to the REAP checklist');
    await page.evaluate(() => history.back());
    await until(async () => (await heading()) === 'Home', 'Back to Home');
    await page.evaluate(() => history.forward());
    await until(async () => (await heading()) === 'REAP checklist', 'Forward to the REAP checklist');
    // Moving on from there replaces what was ahead, as on any site.
    await goTo(widget, 'Your plans');
    await page.evaluate(() => history.back());
    await until(async () => (await heading()) === 'REAP checklist', 'Back from Your plans');
    await context.close();
  });
}

test('single file: a browser without DecompressionStream gets a plain message saying what to use', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => { delete window.DecompressionStream; });
  const page = await context.newPage();
  await page.goto(singleFileUrl);
  const alert = page.locator('[data-race-equity-planner] [role="alert"]');
  await alert.waitFor({ timeout: 20000 });
  assert.match(await alert.innerText(), /could not start/);
  assert.match(await page.locator('[data-race-equity-planner]').innerText(), /DecompressionStream\). Use a current Microsoft Edge/);
  await context.close();
});

// The example's latest changes were made at 14:30 UTC on 15 September 2026: already the 16th in
// Kiritimati (UTC+14), still the 15th in Los Angeles. The home page dates them where the user is.
for (const [timezoneId, day, notDay] of [
  ['Pacific/Kiritimati', '16 September 2026', '15 September 2026'],
  ['America/Los_Angeles', '15 September 2026', '16 September 2026'],
]) {
  test(`the home page dates recent changes in the user’s time zone (${timezoneId})`, async () => {
    const context = await browser.newContext({ timezoneId });
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${server.origin}/index.html`);
    await waitForPlanner(page);
    const widget = page.locator('[data-race-equity-planner]').first();
    const dates = await widget.locator('.rep-changes .rep-changes__when').allTextContents();
    assert.ok(dates.length > 0, 'the example lists its recent changes');
    assert.ok(dates.every((d) => d.trim() === day), `dated ${day}: ${dates.join(' | ')}`);
    assert.ok(!(await widget.locator('.rep-changes').innerText()).includes(notDay));
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
}
