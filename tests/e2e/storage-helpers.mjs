// What the storage suites share: opening the demo host, seeding and reading localStorage from
// outside the planner, downloads, and the header's plan name and save state.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_PREFIX, until, waitForPlanner, watch } from './harness.mjs';

export { waitForSaved } from './harness.mjs';

export const PREFIX = DEMO_PREFIX;
export const EXAMPLE_TITLE = 'Example: Northfield IPS team (fictional)';

export const widgetOf = (page) => page.locator('[data-race-equity-planner]').first();
export const planName = (widget) => widget.getByLabel('Plan name', { exact: true });
export const saveStatus = (widget) => widget.locator('.rep-header .rep-save-status');

/** Opens a page in `context` at `url` and waits for the planner. */
export async function openPlanner(context, url) {
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(url);
  await waitForPlanner(page);
  return { page, widget: widgetOf(page), seen };
}

/** Puts `entries` into the origin's localStorage before the planner ever runs there. `origin`
 * is the test server's; a page of it that does not start the planner does the writing. */
export async function seedStorage(context, origin, entries) {
  const page = await context.newPage();
  await page.goto(`${origin}/host-page.css`);
  await page.evaluate((all) => {
    for (const [key, value] of Object.entries(all)) localStorage.setItem(key, value);
  }, entries);
  // Chromium hands localStorage writes to the browser process asynchronously: wait until a new
  // page of the origin sees them (the writing page stays open until then).
  const check = await context.newPage();
  await check.goto(`${origin}/host-page.css`);
  await until(
    () => check.evaluate((keys) => keys.every((k) => localStorage.getItem(k) !== null), Object.keys(entries)),
    'the seeded storage to reach new pages',
  );
  await check.close();
  await page.close();
}

/** Every key and value in the page's localStorage. */
export function storageOf(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
}

/** A plan's stored text, exactly as stored (null when there is none). */
export function storedText(page, id, prefix = PREFIX) {
  return page.evaluate((key) => localStorage.getItem(key), `${prefix}plan/${id}`);
}

/** The plan's name in the header. */
export async function headerTitle(widget) {
  return (await widget.locator('.rep-header__plan').textContent()).replace(/^\s*Plan:\s*/, '').trim();
}

/** Clicks `button` and returns the download it starts, saved under `folder`, with its text. */
export async function downloadFrom(page, button, folder) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const name = download.suggestedFilename();
  const target = join(folder, `${Date.now()}-${Math.random().toString(36).slice(2)}-${name}`);
  await download.saveAs(target);
  return { name, path: target, text: await readFile(target, 'utf8') };
}

/** The titles in the "Plans in this browser" table, in order. */
export async function listedTitles(widget) {
  const cells = widget.locator('.rep-table tbody tr td:first-child');
  return (await cells.allTextContents()).map((t) => t.replace(/\s*Open now\s*$/, '').trim());
}
