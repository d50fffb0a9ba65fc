// Keeping the user's work safe in a real browser (issue 3): autosave and reload, several plans,
// and each storage fault (a corrupt save, a full store, no store at all, two tabs, a save from a
// newer version, an old save), backups in and out, and the single file's "save a copy".
// Every test starts from an empty store (a fresh browser context) and checks what the user sees.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CURRENT_SCHEMA_VERSION, axeViolations, fixturesDir, goTo, launchBrowser, singleFileUrl, startServer, typeInto, until, waitForPlanner } from './harness.mjs';
import * as shared from './storage-helpers.mjs';
import {
  EXAMPLE_TITLE, PREFIX, headerTitle, listedTitles, planName, saveStatus, storageOf, waitForSaved, widgetOf,
} from './storage-helpers.mjs';

const PLANS = join(fixturesDir, 'plans');
const DOWNLOAD_NAME = /^race-equity-plan-.*\d{4}-\d{2}-\d{2}\.(json|html|txt)$/;
const SAVED = /Saved in this browser at \d\d:\d\d/;

let browser;
let server;
let scratch;
before(async () => {
  browser = await launchBrowser();
  server = await startServer();
  scratch = await mkdtemp(join(tmpdir(), 'rep-storage-e2e-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

// ---- Helpers -----------------------------------------------------------------------------------

const demoUrl = () => `${server.origin}/index.html`;

/** Opens a page in `context` at `url` (the demo page unless given) and waits for the planner. */
const openPlanner = (context, url = demoUrl()) => shared.openPlanner(context, url);

/** Puts `entries` into the origin's localStorage before the planner ever runs there. */
const seedStorage = (context, entries) => shared.seedStorage(context, server.origin, entries);

/** A plan's stored text, exactly as stored. */
const storedPlan = shared.storedText;

/** Clicks `button` and returns the download it starts, with its text. */
const downloadFrom = (page, button) => shared.downloadFrom(page, button, scratch);

function rowOf(widget, title) {
  return widget.locator('.rep-table tbody tr').filter({
    has: widget.page().locator('td:first-child', { hasText: new RegExp(`^\\s*${escapeRegExp(title)}(\\s*Open now)?\\s*$`) }),
  });
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


// ---- 1. Autosave and reload ----------------------------------------------------------------------

test('an edit is autosaved, survives a reload, and is listed in the recent changes', async () => {
  const context = await browser.newContext();
  const { page, widget, seen } = await openPlanner(context);
  await waitForSaved(widget);
  await typeInto(page, planName(widget), 'Northfield plan, saved then reloaded');
  await waitForSaved(widget);
  await page.reload();
  await waitForPlanner(page);
  assert.equal(await planName(widget).inputValue(), 'Northfield plan, saved then reloaded');
  assert.equal(await headerTitle(widget), 'Northfield plan, saved then reloaded');
  const changes = await widget.locator('.rep-changes li').allTextContents();
  assert.ok(
    changes.some((c) => c.includes(`Title changed from ‘${EXAMPLE_TITLE}’ to ‘Northfield plan, saved then reloaded’`)),
    `recent changes: ${changes.join(' | ')}`,
  );

  // Reload at once, before the 400 ms autosave: leaving the page must save it.
  await typeInto(page, widget.getByLabel('Team or service', { exact: true }), 'Reloaded at once');
  await page.reload();
  await waitForPlanner(page);
  assert.equal(await widget.getByLabel('Team or service', { exact: true }).inputValue(), 'Reloaded at once');
  assert.match(JSON.parse(await storedPlan(page, 'example')).team, /^Reloaded at once$/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

// ---- 2. Several plans ---------------------------------------------------------------------------

test('plans can be created, renamed, duplicated, deleted and brought back; the last one opened opens again', async () => {
  const context = await browser.newContext();
  const { page, widget, seen } = await openPlanner(context);
  await goTo(widget, 'Your plans');
  assert.deepEqual(await listedTitles(widget), [EXAMPLE_TITLE]);

  // Create: the new plan opens.
  await widget.getByLabel('Name of the new plan', { exact: true }).fill('Westfield IPS plan 2025');
  await widget.getByRole('button', { name: 'Create plan', exact: true }).click();
  await until(async () => (await headerTitle(widget)) === 'Westfield IPS plan 2025', 'the new plan to open');
  await rowOf(widget, 'Westfield IPS plan 2025').getByText('Open now', { exact: true }).waitFor();
  assert.equal(await rowOf(widget, EXAMPLE_TITLE).getByText('Open now').count(), 0);
  assert.deepEqual((await listedTitles(widget)).sort(), [EXAMPLE_TITLE, 'Westfield IPS plan 2025'].sort());

  // Rename the plan that is not open.
  await widget.getByRole('button', { name: `Rename ${EXAMPLE_TITLE}`, exact: true }).click();
  const newName = widget.getByLabel(`New name for “${EXAMPLE_TITLE}”`, { exact: true });
  await newName.fill('Northfield plan (renamed)');
  await widget.getByRole('button', { name: 'Save name', exact: true }).click();
  await rowOf(widget, 'Northfield plan (renamed)').waitFor();
  assert.deepEqual((await listedTitles(widget)).sort(), ['Northfield plan (renamed)', 'Westfield IPS plan 2025']);
  assert.equal(JSON.parse(await storedPlan(page, 'example')).title, 'Northfield plan (renamed)');

  // Duplicate it: the copy opens.
  await widget.getByRole('button', { name: 'Duplicate Northfield plan (renamed)', exact: true }).click();
  await rowOf(widget, 'Copy of Northfield plan (renamed)').getByText('Open now').waitFor();
  assert.equal(await headerTitle(widget), 'Copy of Northfield plan (renamed)');
  assert.equal((await listedTitles(widget)).length, 3);

  // Delete asks first; Cancel keeps it.
  await widget.getByRole('button', { name: 'Delete Westfield IPS plan 2025', exact: true }).click();
  const confirm = widget.getByRole('group', { name: 'Confirm delete' });
  assert.match(await confirm.innerText(), /Delete “Westfield IPS plan 2025” from this browser\?/);
  await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
  assert.equal((await listedTitles(widget)).length, 3);
  await widget.getByRole('button', { name: 'Delete Westfield IPS plan 2025', exact: true }).click();
  await widget.getByRole('button', { name: 'Yes, delete it', exact: true }).click();
  await until(async () => (await listedTitles(widget)).length === 2, 'the deleted plan to leave the list');
  assert.ok(!(await listedTitles(widget)).includes('Westfield IPS plan 2025'));
  const afterDelete = await storageOf(page);
  assert.ok(!Object.keys(afterDelete).some((k) => k.startsWith(`${PREFIX}plan/`) && afterDelete[k].includes('Westfield IPS plan 2025')));

  // Undo brings it back, exactly.
  await widget.getByRole('button', { name: 'Undo: bring back “Westfield IPS plan 2025”', exact: true }).click();
  await rowOf(widget, 'Westfield IPS plan 2025').waitFor();
  assert.equal((await listedTitles(widget)).length, 3);
  assert.equal(await widget.getByRole('button', { name: /^Undo: bring back/ }).count(), 0);

  // Open the renamed plan; a reload opens it again.
  await widget.getByRole('button', { name: 'Open Northfield plan (renamed)', exact: true }).click();
  await until(async () => (await headerTitle(widget)) === 'Northfield plan (renamed)', 'the plan to open');
  await page.reload();
  await waitForPlanner(page);
  assert.equal(await headerTitle(widget), 'Northfield plan (renamed)');
  await goTo(widget, 'Your plans');
  assert.deepEqual(
    (await listedTitles(widget)).sort(),
    ['Copy of Northfield plan (renamed)', 'Northfield plan (renamed)', 'Westfield IPS plan 2025'],
  );
  await rowOf(widget, 'Northfield plan (renamed)').getByText('Open now').waitFor();
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('deleting another plan while an edit waits for its autosave does not drop the edit', async () => {
  const context = await browser.newContext();
  // A slow machine: every timer of a tenth of a second to two seconds (the autosave's among them,
  // whatever its delay) runs ten times later, so the user can act before the autosave runs. The
  // "Saving…" checks below fail if the autosave ran first, so the race is really tested.
  await context.addInitScript(() => {
    const setTimeoutBefore = window.setTimeout;
    window.setTimeout = function setTimeout(callback, delay, ...rest) {
      const slow = delay >= 100 && delay <= 2000 ? delay * 10 : delay;
      return setTimeoutBefore.call(this, callback, slow, ...rest);
    };
  });
  const { page, widget } = await openPlanner(context);
  await goTo(widget, 'Your plans');
  await widget.getByLabel('Name of the new plan', { exact: true }).fill('A plan to delete');
  await widget.getByRole('button', { name: 'Create plan', exact: true }).click();
  await widget.getByRole('button', { name: `Open ${EXAMPLE_TITLE}`, exact: true }).click();
  await until(async () => (await headerTitle(widget)) === EXAMPLE_TITLE, 'the example plan to open');
  await goTo(widget, 'Home');
  await typeInto(page, planName(widget), 'Edited just before a delete');
  assert.match(await saveStatus(widget).innerText(), /Saving…/);
  await goTo(widget, 'Your plans');
  await widget.getByRole('button', { name: 'Delete A plan to delete', exact: true }).click();
  assert.match(await saveStatus(widget).innerText(), /Saving…/, 'the edit still waits for its autosave');
  await widget.getByRole('button', { name: 'Yes, delete it', exact: true }).click();
  await until(async () => !(await listedTitles(widget)).includes('A plan to delete'), 'the plan to be deleted');
  // The open plan's edit is still saved...
  await saveStatus(widget).filter({ hasText: SAVED }).waitFor({ timeout: 8000 }).catch(() => {});
  assert.match(await saveStatus(widget).innerText(), SAVED, 'the open plan’s edit was never saved');
  // ...and survives a reload.
  await page.reload();
  await waitForPlanner(page);
  assert.equal(await headerTitle(widget), 'Edited just before a delete');
  await context.close();
});

// ---- 3. A corrupt save -------------------------------------------------------------------------

const HALF_A_PLAN = '{"title": "Half a plan';

test('a corrupt save: the app starts, the raw text is kept aside once and never overwritten, and can be downloaded', async () => {
  const context = await browser.newContext();
  await seedStorage(context, { [`${PREFIX}plan/broken`]: HALF_A_PLAN });
  const { page, widget, seen } = await openPlanner(context);

  const banner = widget.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'A saved plan could not be read' }) });
  await banner.waitFor();
  const text = await banner.innerText();
  assert.match(text, /incomplete or damaged/);
  assert.match(text, /Nothing has been lost: the save has been kept, exactly as it was, in this browser/);
  // The app works: it opened the example plan.
  assert.equal(await headerTitle(widget), EXAMPLE_TITLE);

  const kept = async () => {
    const all = await storageOf(page);
    return {
      unreadable: Object.keys(all).filter((k) => k.startsWith(`${PREFIX}unreadable/`)),
      raw: all[`${PREFIX}unreadable/1`],
      stillAtPlanKey: `${PREFIX}plan/broken` in all,
    };
  };
  assert.deepEqual(await kept(), { unreadable: [`${PREFIX}unreadable/1`], raw: HALF_A_PLAN, stillAtPlanKey: false });

  // A reload scans again: still one copy, byte for byte, and the banner is still there.
  await page.reload();
  await waitForPlanner(page);
  await banner.waitFor();
  assert.deepEqual(await kept(), { unreadable: [`${PREFIX}unreadable/1`], raw: HALF_A_PLAN, stillAtPlanKey: false });
  assert.equal(await widget.getByRole('heading', { name: 'A saved plan could not be read' }).count(), 1);

  // A second corrupt save gets a key of its own; the first is not overwritten.
  await page.evaluate((key) => localStorage.setItem(key, '<html>not a plan'), `${PREFIX}plan/broken-too`);
  await page.reload();
  await waitForPlanner(page);
  const all = await storageOf(page);
  assert.equal(all[`${PREFIX}unreadable/1`], HALF_A_PLAN);
  assert.equal(all[`${PREFIX}unreadable/2`], '<html>not a plan');
  assert.equal(await widget.getByRole('heading', { name: 'A saved plan could not be read' }).count(), 2);

  // Download each: the file holds exactly that save's raw text.
  const buttons = widget.getByRole('button', { name: 'Download the unreadable save', exact: true });
  assert.equal(await buttons.count(), 2);
  const texts = [];
  for (const index of [0, 1]) {
    const file = await downloadFrom(page, buttons.nth(index));
    assert.match(file.name, DOWNLOAD_NAME);
    assert.match(file.name, /^race-equity-plan-unreadable-save-\d{4}-\d{2}-\d{2}\.txt$/);
    texts.push(file.text);
  }
  assert.deepEqual(texts.sort(), ['<html>not a plan', HALF_A_PLAN].sort());
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the corrupt-save banner explains in words that fit a save in this browser, not a file the user chose', async () => {
  const context = await browser.newContext();
  await seedStorage(context, { [`${PREFIX}plan/broken`]: HALF_A_PLAN });
  const { page, widget } = await openPlanner(context);
  const banner = widget.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'A saved plan could not be read' }) });
  await banner.waitFor();
  const text = await banner.innerText();
  // The user chose no file: the save was made by the planner and later damaged.
  assert.doesNotMatch(text, /Check you chose the right file/, text);
  assert.doesNotMatch(text, /This file is not a plan saved by the Race Equity Planner/, text);
  await context.close();
});

// ---- 4. Storage full ---------------------------------------------------------------------------

/** Makes every localStorage write throw QuotaExceededError while window.__repFull is true. */
function fillStorageSwitch() {
  const real = Storage.prototype.setItem;
  Storage.prototype.setItem = function setItem(key, value) {
    if (window.__repFull) throw new DOMException('full', 'QuotaExceededError');
    return real.call(this, key, value);
  };
}

test('storage full: a clear message, the edit stays on screen and downloads, the last save stays whole', async () => {
  const context = await browser.newContext();
  await context.addInitScript(fillStorageSwitch);
  const { page, widget } = await openPlanner(context);
  await waitForSaved(widget);
  const before = await storedPlan(page, 'example');
  assert.equal(JSON.parse(before).title, EXAMPLE_TITLE);

  await page.evaluate(() => { window.__repFull = true; });
  await typeInto(page, planName(widget), 'Edited while storage is full');
  const banner = widget.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Your latest change is not saved: storage is full' }) });
  await banner.waitFor();
  assert.match(await banner.innerText(), /Your change is still here on screen, and your last saved version is safe/);
  assert.equal(await planName(widget).inputValue(), 'Edited while storage is full');
  assert.equal(await headerTitle(widget), 'Edited while storage is full');
  assert.match(await saveStatus(widget).innerText(), /Not saved: this browser's storage is full/);

  // No partial write: the stored plan is the last complete save.
  const during = await storedPlan(page, 'example');
  assert.equal(during, before);
  assert.doesNotThrow(() => JSON.parse(during));

  // The way out: a download of the plan with the change.
  const file = await downloadFrom(page, banner.getByRole('button', { name: 'Download this plan', exact: true }));
  assert.match(file.name, DOWNLOAD_NAME);
  assert.match(file.name, /\.json$/);
  const downloaded = JSON.parse(file.text);
  assert.equal(downloaded.title, 'Edited while storage is full');
  assert.equal(downloaded.id, 'example');

  // Room again: "Try saving again" saves it.
  await page.evaluate(() => { window.__repFull = false; });
  await banner.getByRole('button', { name: 'Try saving again', exact: true }).click();
  await waitForSaved(widget);
  await banner.waitFor({ state: 'detached' });
  assert.equal(JSON.parse(await storedPlan(page, 'example')).title, 'Edited while storage is full');
  await page.reload();
  await waitForPlanner(page);
  assert.equal(await planName(widget).inputValue(), 'Edited while storage is full');
  await context.close();
});

// ---- 5. Storage unavailable ---------------------------------------------------------------------

test('storage unavailable: the app works in memory, says nothing will be kept, and offers a download', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  const { page, widget, seen } = await openPlanner(context);
  const banner = widget.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Nothing will be kept after you close this page' }) });
  await banner.waitFor();
  assert.match(await banner.innerText(), /download your plan before you close the page/);
  assert.equal(await headerTitle(widget), EXAMPLE_TITLE);
  assert.match(await saveStatus(widget).innerText(), /Not saved: this browser is not keeping anything/);

  await typeInto(page, planName(widget), 'Kept in memory only');
  assert.equal(await headerTitle(widget), 'Kept in memory only');
  // Plans work in memory too.
  await goTo(widget, 'Your plans');
  await widget.getByLabel('Name of the new plan', { exact: true }).fill('Second plan in memory');
  await widget.getByRole('button', { name: 'Create plan', exact: true }).click();
  await until(async () => (await headerTitle(widget)) === 'Second plan in memory', 'the new plan to open');
  assert.deepEqual((await listedTitles(widget)).sort(), ['Kept in memory only', 'Second plan in memory']);
  await widget.getByRole('button', { name: 'Open Kept in memory only', exact: true }).click();
  await until(async () => (await headerTitle(widget)) === 'Kept in memory only', 'the first plan to open again');

  const file = await downloadFrom(page, banner.getByRole('button', { name: 'Download this plan', exact: true }));
  assert.match(file.name, DOWNLOAD_NAME);
  assert.equal(JSON.parse(file.text).title, 'Kept in memory only');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

// ---- 6. Two tabs -------------------------------------------------------------------------------

test('two tabs: an edit in one appears in the other; when both change the plan neither change is lost', async () => {
  const context = await browser.newContext();
  const a = await openPlanner(context);
  await waitForSaved(a.widget);
  const b = await openPlanner(context);
  await waitForSaved(b.widget);

  // A edits; B, idle, follows.
  await typeInto(a.page, planName(a.widget), 'Changed in tab A');
  await waitForSaved(a.widget);
  await until(async () => (await headerTitle(b.widget)) === 'Changed in tab A', 'tab B to show tab A’s change');
  assert.equal(await planName(b.widget).inputValue(), 'Changed in tab A');
  await b.widget.getByText('This plan was changed in another tab or window. You are now seeing the latest version.').waitFor();

  // Both change it: B has an unsaved edit when A saves (A renames from its list, which saves at once).
  // (A comes to the front so that its clicks are not slowed by background-tab throttling.)
  await a.page.bringToFront();
  await goTo(a.widget, 'Your plans');
  await a.widget.getByRole('button', { name: 'Rename Changed in tab A', exact: true }).click();
  await a.widget.getByLabel('New name for “Changed in tab A”', { exact: true }).fill('Tab A’s version');
  // B starts typing (so it has an edit waiting for its autosave) and keeps typing, a key every
  // 80 ms, which keeps its autosave waiting; meanwhile A saves.
  await typeInto(b.page, planName(b.widget), 'T');
  const typingInB = b.page.keyboard.type('ab B’s version, typed slowly', { delay: 80 });
  await a.widget.getByRole('button', { name: 'Save name', exact: true }).click();
  await typingInB;
  await b.page.bringToFront();

  const conflict = b.widget.getByRole('alert').filter({ has: b.page.getByRole('heading', { name: 'This plan was also changed in another tab' }) });
  await conflict.waitFor();
  assert.match(await saveStatus(b.widget).innerText(), /Not saved: this plan was changed in another tab/);
  assert.equal(await planName(b.widget).inputValue(), 'Tab B’s version, typed slowly');
  assert.deepEqual(await axeViolations(b.page), [], 'the conflict banner');
  // B keeps its hands off A's save, even after its autosave would have run, and after more typing.
  await b.page.keyboard.type(' (more)');
  await b.page.waitForTimeout(1200);
  assert.equal(JSON.parse(await storedPlan(a.page, 'example')).title, 'Tab A’s version');
  assert.equal(await headerTitle(a.widget), 'Tab A’s version');

  // Keep both.
  await conflict.getByRole('button', { name: 'Keep both: save this tab\'s version as a separate plan', exact: true }).click();
  await conflict.waitFor({ state: 'detached' });
  await waitForSaved(b.widget);
  await goTo(b.widget, 'Your plans');
  const titles = await listedTitles(b.widget);
  assert.ok(titles.includes('Tab A’s version'), `plans in tab B: ${titles.join(' | ')}`);
  assert.ok(titles.some((t) => t.includes('Tab B’s version, typed slowly (more)')), `plans in tab B: ${titles.join(' | ')}`);
  assert.equal(titles.length, 2);
  assert.equal(JSON.parse(await storedPlan(a.page, 'example')).title, 'Tab A’s version');
  // Tab A sees the new plan too.
  await until(async () => (await listedTitles(a.widget)).some((t) => t.includes('Tab B’s version, typed slowly (more)')), 'tab A to list tab B’s plan');
  await context.close();
});

// ---- 7. A save from a newer version ---------------------------------------------------------------

test('a plan saved by a newer version opens read-only and is never written over', async () => {
  const context = await browser.newContext();
  const future = await readFile(join(PLANS, 'newer-version-plan.json'), 'utf8');
  await seedStorage(context, { [`${PREFIX}plan/future`]: future, [`${PREFIX}last-opened`]: 'future' });
  const { page, widget, seen } = await openPlanner(context);

  assert.equal(await headerTitle(widget), 'Plan saved by a future version (fictional)');
  const banner = widget.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Read-only: saved by a newer version' }) });
  await banner.waitFor();
  assert.match(await banner.innerText(), /saved by a newer version of the Race Equity Planner \(plan format 99/);
  assert.match(await saveStatus(widget).innerText(), /Read-only: changes are not saved/);
  for (const label of ['Plan name', 'Organisation', 'Team or service', 'Reporting period', 'Your words for the group that experiences racism']) {
    assert.equal(await widget.getByLabel(label, { exact: true }).getAttribute('readonly'), '', `${label} should be read-only`);
  }

  // Trying to type changes nothing, on screen or in storage.
  await planName(widget).focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' edited');
  assert.equal(await planName(widget).inputValue(), 'Plan saved by a future version (fictional)');
  // Nor does renaming it from the list.
  await goTo(widget, 'Your plans');
  await widget.getByRole('button', { name: 'Rename Plan saved by a future version (fictional)', exact: true }).click();
  await widget.getByLabel('New name for “Plan saved by a future version (fictional)”').fill('Renamed here');
  await widget.getByRole('button', { name: 'Save name', exact: true }).click();
  await page.waitForTimeout(600);
  assert.equal(await storedPlan(page, 'future'), future);
  await page.reload();
  await waitForPlanner(page);
  await banner.waitFor();
  assert.equal(await storedPlan(page, 'future'), future, 'the newer save must stay byte for byte as it was');

  // Download gives the user a copy.
  const file = await downloadFrom(page, banner.getByRole('button', { name: 'Download this plan', exact: true }));
  assert.match(file.name, DOWNLOAD_NAME);
  assert.equal(JSON.parse(file.text).title, 'Plan saved by a future version (fictional)');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

/** Opens the planner on the newer-version fixture, as the only plan, and returns its stored text. */
async function openFuturePlan() {
  const context = await browser.newContext();
  const future = await readFile(join(PLANS, 'newer-version-plan.json'), 'utf8');
  await seedStorage(context, { [`${PREFIX}plan/future`]: future, [`${PREFIX}last-opened`]: 'future' });
  const opened = await openPlanner(context);
  await opened.widget.getByRole('heading', { name: 'Read-only: saved by a newer version' }).waitFor();
  return { context, future, ...opened };
}

/** What this version could not read must still be there, unchanged, for the newer version. */
function assertWholeFuturePlan(actual, original) {
  assert.equal(actual.schema_version, 99);
  assert.equal(actual.title, original.title);
  assert.deepEqual(actual.a_part_added_later, original.a_part_added_later, 'a part this version does not know was dropped');
  assert.equal(actual.settings?.ratio_convention, original.settings.ratio_convention, 'a setting this version could not read was replaced by its default');
}

test('a plan from a newer version downloads exactly as it was saved, with the parts this version cannot read', async () => {
  const { context, future, page, widget } = await openFuturePlan();
  const banner = widget.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Read-only: saved by a newer version' }) });
  // The banner suggests downloading a copy to open in the newer version: that copy must be whole.
  const file = await downloadFrom(page, banner.getByRole('button', { name: 'Download this plan', exact: true }));
  assert.match(file.name, DOWNLOAD_NAME);
  assertWholeFuturePlan(JSON.parse(file.text), JSON.parse(future));
  await context.close();
});

test('a plan from a newer version survives delete and undo byte for byte', async () => {
  const { context, future, page, widget } = await openFuturePlan();
  await goTo(widget, 'Your plans');
  const title = 'Plan saved by a future version (fictional)';
  await widget.getByRole('button', { name: `Delete ${title}`, exact: true }).click();
  await widget.getByRole('button', { name: 'Yes, delete it', exact: true }).click();
  await widget.getByRole('button', { name: `Undo: bring back “${title}”`, exact: true }).click();
  await rowOf(widget, title).waitFor();
  assert.equal(await storedPlan(page, 'future'), future, 'undo must bring back the save as it was, not this version’s reading of it');
  await context.close();
});

test('a backup keeps a plan from a newer version whole', async () => {
  const { context, future, page, widget } = await openFuturePlan();
  await goTo(widget, 'Your plans');
  const backup = await downloadFrom(page, widget.getByRole('button', { name: 'Download all plans (backup)', exact: true }));
  const plans = JSON.parse(backup.text).plans;
  const kept = plans.find((p) => p.id === 'future');
  assert.ok(kept, 'the newer plan is in the backup');
  assertWholeFuturePlan(kept, JSON.parse(future));
  await context.close();
});

// ---- Storage already full when the planner starts ---------------------------------------------------

test('storage already full when the planner starts: the saved plans still open, and the message is about a full store', async () => {
  const context = await browser.newContext();
  await context.addInitScript(fillStorageSwitch);
  // Full from the very start on the planner's page (the seeding page can still write).
  await context.addInitScript(() => {
    if (location.pathname.endsWith('/index.html')) window.__repFull = true;
  });
  await seedStorage(context, {
    [`${PREFIX}plan/mine`]: JSON.stringify({ schema_version: 2, id: 'mine', title: 'My saved plan' }),
    [`${PREFIX}last-opened`]: 'mine',
  });
  const { page, widget } = await openPlanner(context);
  assert.equal(await page.evaluate(() => window.__repFull), true);
  // The user's own plan, not the example, and not "nothing is kept".
  assert.equal(await headerTitle(widget), 'My saved plan');
  assert.equal(await widget.getByRole('heading', { name: 'Nothing will be kept after you close this page' }).count(), 0);
  await goTo(widget, 'Your plans');
  assert.deepEqual(await listedTitles(widget), ['My saved plan']);
  await context.close();
});

// ---- 8. An old save ----------------------------------------------------------------------------

test('a plan saved by version 1 opens, brought up to date, and is saved in the new shape on the next edit', async () => {
  const context = await browser.newContext();
  const v1 = await readFile(join(PLANS, 'v1-plan.json'), 'utf8');
  const id = JSON.parse(v1).id;
  await seedStorage(context, { [`${PREFIX}plan/${id}`]: v1, [`${PREFIX}last-opened`]: id });
  const { page, widget, seen } = await openPlanner(context);

  assert.equal(await headerTitle(widget), 'Riverside IPS race equity plan (fictional, saved by version 1)');
  assert.equal(await widget.getByLabel('Reporting period', { exact: true }).inputValue(), '2023-24');
  assert.equal(
    await widget.getByLabel('Your words for the group that experiences racism', { exact: true }).inputValue(),
    'Black and minoritised colleagues',
  );
  await widget.getByText(/saved by an earlier version of the planner \(plan format 1\) and has been brought up to date/).waitFor();
  assert.equal(await widget.getByRole('alert').count(), 0, 'no error banner for an old save');
  // Untouched until the user edits it...
  assert.equal(await storedPlan(page, id), v1);
  // ...then saved in the current shape, keeping what was there.
  await typeInto(page, widget.getByLabel('Team or service', { exact: true }), 'Riverside IPS team (2024)');
  await waitForSaved(widget);
  const saved = JSON.parse(await storedPlan(page, id));
  assert.equal(saved.schema_version, CURRENT_SCHEMA_VERSION);
  assert.equal(saved.title, 'Riverside IPS race equity plan (fictional, saved by version 1)');
  assert.equal(saved.reporting_period, '2023-24');
  assert.equal(saved.reap.anchors['1.1'].status, 'met');
  assert.equal(saved.action_plan.objectives[0].actions[0].text, 'Add ethnicity to the referral form');
  assert.equal(saved.team, 'Riverside IPS team (2024)');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

// ---- 9. Import and export ----------------------------------------------------------------------

test('export and import: a preview before any change, Cancel and Skip change nothing, bad files change nothing', async () => {
  const context = await browser.newContext();
  const { page, widget, seen } = await openPlanner(context);
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await waitForSaved(widget);
  await goTo(widget, 'Your plans');
  const chooser = widget.getByLabel('Choose a plan or backup file (.json)', { exact: true });
  const preview = widget.getByRole('region', { name: 'What the import will do' });
  const problem = widget.locator('.rep-error-summary');

  // Export this plan.
  const exported = await downloadFrom(page, widget.getByRole('button', { name: 'Download this plan', exact: true }));
  assert.match(exported.name, DOWNLOAD_NAME);
  assert.equal(exported.name.replace(/\d{4}-\d{2}-\d{2}/, 'DATE'), 'race-equity-plan-example-northfield-ips-team-fictional-DATE.json');
  assert.equal(JSON.parse(exported.text).title, EXAMPLE_TITLE);

  // Import it back: it is already here, so the preview asks.
  const untouched = await storageOf(page);
  await chooser.setInputFiles(exported.path);
  await preview.waitFor();
  assert.match(await preview.innerText(), new RegExp(`This file holds 1 plan\\. It would replace your plan ‘${escapeRegExp(EXAMPLE_TITLE)}’`));
  assert.match(await preview.innerText(), /Already here/);
  const keepBoth = preview.getByRole('radio', { name: 'Keep both: import it as a separate copy' });
  const replace = preview.getByRole('radio', { name: 'Replace the plan in this browser with the imported one' });
  const skip = preview.getByRole('radio', { name: 'Skip it' });
  assert.equal(await keepBoth.isChecked(), true, 'keeping both is the default: nothing is replaced without asking');
  assert.equal(await replace.isChecked(), false);
  assert.equal(await skip.isChecked(), false);
  await preview.getByRole('button', { name: 'Cancel: change nothing', exact: true }).click();
  await preview.waitFor({ state: 'detached' });
  assert.deepEqual(await listedTitles(widget), [EXAMPLE_TITLE]);
  assert.deepEqual(await storageOf(page), untouched);

  // Skip, then Import: nothing changes either.
  await chooser.setInputFiles(exported.path);
  await preview.waitFor();
  await skip.check();
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await widget.getByText('Imported 0 plans.').waitFor();
  assert.deepEqual(await listedTitles(widget), [EXAMPLE_TITLE]);
  assert.deepEqual(await storageOf(page), untouched);

  // Keep both: a separate copy.
  await chooser.setInputFiles(exported.path);
  await preview.waitFor();
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await widget.getByText('Imported 1 plan.').waitFor();
  assert.deepEqual((await listedTitles(widget)).sort(), [`Copy of ${EXAMPLE_TITLE}`, EXAMPLE_TITLE]);
  assert.equal(JSON.parse(await storedPlan(page, 'example')).title, EXAMPLE_TITLE);

  // Bad and hostile files: a specific message, and nothing changes.
  const before = await storageOf(page);
  const titlesBefore = await listedTitles(widget);
  const bad = [
    { file: 'not-json.json', message: /“not-json\.json” was not imported, and nothing has changed\. .*it is not valid JSON \(line 1, column 2\)/ },
    { file: 'a-list.json', message: /it holds a list, not a plan/ },
    { file: 'bad-schema-version.json', message: /the value at ‘schema_version’ is not what the planner expects \(expected a whole number from 1 up\)/ },
    { file: 'hostile-bad-backup.json', message: /Plan 2 in this backup \(‘<\/script><img src=x onerror=alert\(1\)>’\) could not be read, so nothing has been imported\. .*‘reap › anchors › 1\.1 › status’/ },
    { file: 'newer-version-plan.json', message: /saved by a newer version of the Race Equity Planner \(plan format 99/ },
  ];
  for (const { file, message } of bad) {
    await chooser.setInputFiles(join(PLANS, file));
    await problem.waitFor();
    await until(async () => (await problem.innerText()).includes(file), `the problem with ${file}`);
    const text = await problem.innerText();
    assert.match(text, /There is a problem/);
    assert.match(text, message, `${file}: ${text}`);
    assert.equal(await preview.count(), 0, `${file} must not offer an import`);
    assert.deepEqual(await storageOf(page), before, `${file} changed storage`);
    assert.deepEqual(await listedTitles(widget), titlesBefore);
  }
  // Deeply nested and over-large files are refused too, without hanging the page.
  for (const [name, body, message] of [
    ['deep.json', '['.repeat(100000), /not valid JSON/],
    ['huge.json', `{"title": "${'x'.repeat(21 * 1024 * 1024)}"}`, /it is 2[12] MB, and a plan is never more than 20 MB/],
  ]) {
    await chooser.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
    await until(async () => (await problem.innerText()).includes(name), `the problem with ${name}`, 20000);
    assert.match(await problem.innerText(), message);
    assert.deepEqual(await storageOf(page), before, `${name} changed storage`);
  }

  // A hostile title is only ever text.
  await chooser.setInputFiles(join(PLANS, 'hostile-title.json'));
  await preview.waitFor();
  assert.match(await preview.innerText(), /New <\/script><img src=x onerror=alert\(1\)> will be added\./);
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await rowOf(widget, '</script><img src=x onerror=alert(1)>').waitFor();
  await widget.getByRole('button', { name: 'Open </script><img src=x onerror=alert(1)>', exact: true }).click();
  await until(async () => (await headerTitle(widget)) === '</script><img src=x onerror=alert(1)>', 'the hostile plan to open');
  await goTo(widget, 'Home');
  assert.equal(await widget.getByLabel('Organisation', { exact: true }).inputValue(), '<b onmouseover=alert(2)>Hostile Ltd</b>');
  assert.equal(await page.evaluate(() => {
    const root = document.querySelector('[data-race-equity-planner]').shadowRoot;
    return root.querySelectorAll('img, b').length + document.querySelectorAll('img, b').length;
  }), 0, 'no element was made from the hostile text');
  assert.deepEqual(dialogs, []);

  // A backup with a new plan adds it after Import.
  await goTo(widget, 'Your plans');
  await chooser.setInputFiles(join(PLANS, 'backup-with-new-plan.json'));
  await preview.waitFor();
  assert.match(await preview.innerText(), /This file holds 1 plan\. It will be added as a new plan\./);
  assert.match(await preview.innerText(), /New Hillside social care plan \(fictional, from a backup\) will be added\./);
  assert.ok(!(await listedTitles(widget)).includes('Hillside social care plan (fictional, from a backup)'), 'nothing is added before Import');
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await widget.getByText('Imported 1 plan.').waitFor();
  await rowOf(widget, 'Hillside social care plan (fictional, from a backup)').waitFor();
  assert.equal(JSON.parse(await storedPlan(page, 'plan-20250301110000')).organisation, 'Example Hillside Council (fictional)');

  // Download everything as a backup; it imports back as "already here" for every plan.
  const backup = await downloadFrom(page, widget.getByRole('button', { name: 'Download all plans (backup)', exact: true }));
  assert.match(backup.name, DOWNLOAD_NAME);
  assert.match(backup.name, /^race-equity-plan-all-plans-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const parsed = JSON.parse(backup.text);
  assert.equal(parsed.format, 'race-equity-planner-backup');
  assert.equal(parsed.schema_version, CURRENT_SCHEMA_VERSION);
  assert.deepEqual(parsed.plans.map((p) => p.title).sort(), (await listedTitles(widget)).sort());
  await chooser.setInputFiles(backup.path);
  await preview.waitFor();
  assert.match(await preview.innerText(), /This file holds 4 plans: 4 would replace plans you already have\./);
  await preview.getByRole('button', { name: 'Cancel: change nothing', exact: true }).click();
  assert.deepEqual(seen.errors, []);
  await context.close();
});

// ---- 10. The single file's "Save a copy as one HTML file" -----------------------------------------

test('single file: a saved HTML copy opens from disk with the plan inside, in its own storage', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const original = await openPlanner(context, singleFileUrl);
  const unique = `Copy test ${Date.now()}`;
  await waitForSaved(original.widget);
  await typeInto(original.page, planName(original.widget), unique);
  await waitForSaved(original.widget);
  await goTo(original.widget, 'Your plans');
  await original.widget.getByLabel('Name of the new plan', { exact: true }).fill('A second plan in the original');
  await original.widget.getByRole('button', { name: 'Create plan', exact: true }).click();
  await original.widget.getByRole('button', { name: `Open ${unique}`, exact: true }).click();
  await until(async () => (await headerTitle(original.widget)) === unique, 'the renamed plan to open again');
  const originalStore = await storageOf(original.page);
  const originalTitles = (await listedTitles(original.widget)).sort();
  assert.deepEqual(originalTitles, ['A second plan in the original', unique].sort());

  const copy = await downloadFrom(original.page, original.widget.getByRole('button', { name: 'Save a copy as one HTML file', exact: true }));
  assert.match(copy.name, DOWNLOAD_NAME);
  assert.match(copy.name, /\.html$/);
  // The copy is the single file with the plan in its plan block, and its policy is intact.
  const built = await readFile(new URL(singleFileUrl), 'utf8');
  const csp = (html) => html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
  assert.ok(csp(copy.text), 'the copy keeps its Content-Security-Policy');
  assert.equal(csp(copy.text), csp(built));
  const copyId = copy.text.match(/<script type="application\/json" id="rep-embedded-plan" data-copy="(c[0-9a-z]+-[0-9a-z]+)">\{.*"id":"example".*\}<\/script>/s)?.[1];
  assert.ok(copyId, 'the copy carries the plan and an id of its own');

  // Opened in a fresh browser: it shows the plan, and keeps it under its own namespace.
  const fresh = await browser.newContext();
  const opened = await openPlanner(fresh, pathToFileURL(copy.path).href);
  assert.equal(await headerTitle(opened.widget), unique);
  assert.equal(await planName(opened.widget).inputValue(), unique);
  assert.equal(await opened.widget.locator('.rep-app').getAttribute('data-storage-key'), 'single-file');
  await waitForSaved(opened.widget);
  const copyPrefix = `race-equity-planner/single-file%2Fcopy%2Fexample%2F${copyId}/`;
  const copyKeys = Object.keys(await storageOf(opened.page));
  assert.ok(copyKeys.includes(`${copyPrefix}plan/example`), `keys: ${copyKeys.join(', ')}`);
  assert.ok(copyKeys.every((k) => k.startsWith(copyPrefix)), `the copy wrote outside its namespace: ${copyKeys.join(', ')}`);
  await goTo(opened.widget, 'Your plans');
  assert.deepEqual(await listedTitles(opened.widget), [unique]);
  assert.deepEqual(opened.seen.errors, []);
  await fresh.close();

  // Opened beside the original (file:// pages share one store): the original's plans are untouched,
  // even after the copy is edited.
  const beside = await openPlanner(context, pathToFileURL(copy.path).href);
  assert.equal(await headerTitle(beside.widget), unique);
  await typeInto(beside.page, planName(beside.widget), 'Edited in the copy');
  await waitForSaved(beside.widget);
  await beside.page.close();
  const afterCopy = await storageOf(original.page);
  for (const [key, value] of Object.entries(originalStore)) {
    assert.equal(afterCopy[key], value, `the copy changed the original's ${key}`);
  }
  await original.page.reload();
  await waitForPlanner(original.page);
  assert.equal(await headerTitle(original.widget), unique);
  await goTo(original.widget, 'Your plans');
  assert.deepEqual((await listedTitles(original.widget)).sort(), originalTitles);
  assert.deepEqual(original.seen.errors, []);
  await context.close();
});

test('single file: a copy opened again after its plan was changed here still offers the file’s own version', async () => {
  const context = await browser.newContext();
  const original = await openPlanner(context, singleFileUrl);
  await waitForSaved(original.widget);
  await typeInto(original.page, planName(original.widget), 'The version in the file');
  await waitForSaved(original.widget);
  await goTo(original.widget, 'Your plans');
  const copy = await downloadFrom(original.page, original.widget.getByRole('button', { name: 'Save a copy as one HTML file', exact: true }));
  await context.close();

  const recipient = await browser.newContext();
  const first = await openPlanner(recipient, pathToFileURL(copy.path).href);
  await waitForSaved(first.widget);
  await typeInto(first.page, planName(first.widget), 'Changed by the recipient');
  await waitForSaved(first.widget);
  await first.page.reload();
  await waitForPlanner(first.page);
  // The browser's version opens, and the user is told the file has its own...
  assert.equal(await headerTitle(first.widget), 'Changed by the recipient');
  const notice = first.widget.getByText(/This file carries its own copy of/);
  await notice.waitFor();
  // ...which the notice says can be added as a separate plan from the list of plans: it must be there.
  await goTo(first.widget, 'Your plans');
  const offer = first.widget.locator('.rep-main button').filter({ hasText: /file/i }).filter({ hasNotText: /HTML file|backup/i });
  assert.ok(
    (await offer.count()) > 0,
    `"Your plans" has no way to add the file's version; its buttons: ${(await first.widget.locator('.rep-main button').allInnerTexts()).join(' | ')}`,
  );
  await offer.first().click();
  await until(async () => (await listedTitles(first.widget)).some((t) => t.includes('The version in the file')), 'the file’s version to be listed');
  await recipient.close();
});

test('single file: an edit survives an immediate reload from disk', async () => {
  const context = await browser.newContext();
  const { page, widget, seen } = await openPlanner(context, singleFileUrl);
  await waitForSaved(widget);
  await typeInto(page, planName(widget), 'Single file, reloaded at once');
  await page.reload();
  await waitForPlanner(page);
  assert.equal(await headerTitle(widget), 'Single file, reloaded at once');
  assert.equal(JSON.parse(await storedPlan(page, 'example', 'race-equity-planner/single-file/')).title, 'Single file, reloaded at once');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

// ---- 11. Accessibility of the storage screens ----------------------------------------------------

test('axe-core finds no violations with a storage banner showing and an import preview open', async () => {
  const context = await browser.newContext();
  await seedStorage(context, { [`${PREFIX}plan/broken`]: HALF_A_PLAN });
  const { page, widget } = await openPlanner(context);
  await widget.getByRole('heading', { name: 'A saved plan could not be read' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'home page with the corrupt-save banner');

  await goTo(widget, 'Your plans');
  const exported = await downloadFrom(page, widget.getByRole('button', { name: 'Download this plan', exact: true }));
  const chooser = widget.getByLabel('Choose a plan or backup file (.json)', { exact: true });
  await chooser.setInputFiles(exported.path);
  await widget.getByRole('region', { name: 'What the import will do' }).waitFor();
  await widget.getByRole('button', { name: `Delete ${EXAMPLE_TITLE}`, exact: true }).click();
  assert.deepEqual(await axeViolations(page), [], 'your plans with an import preview and a delete confirmation');

  await widget.getByRole('button', { name: 'Cancel: change nothing', exact: true }).click();
  await chooser.setInputFiles(join(PLANS, 'a-list.json'));
  await widget.locator('.rep-error-summary').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'your plans with an import error');
  await context.close();
});

test('axe-core finds no violations with the read-only and storage-full banners', async () => {
  const context = await browser.newContext();
  await context.addInitScript(fillStorageSwitch);
  const future = await readFile(join(PLANS, 'newer-version-plan.json'), 'utf8');
  await seedStorage(context, { [`${PREFIX}plan/future`]: future });
  const { page, widget } = await openPlanner(context);
  // The newer plan is the only one, so it opens.
  await widget.getByRole('heading', { name: 'Read-only: saved by a newer version' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'read-only banner');

  await goTo(widget, 'Your plans');
  await widget.getByLabel('Name of the new plan', { exact: true }).fill('Plan for the full store');
  await widget.getByRole('button', { name: 'Create plan', exact: true }).click();
  await waitForSaved(widget);
  await goTo(widget, 'Home');
  await page.evaluate(() => { window.__repFull = true; });
  await typeInto(page, planName(widget), 'Not saved');
  await widget.getByRole('heading', { name: 'Your latest change is not saved: storage is full' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'storage-full banner');
  await context.close();
});

// ---- Nearly full storage ------------------------------------------------------------------------

test('the user is warned when the origin’s storage passes 80% of what the browser allows', async () => {
  const context = await browser.newContext();
  // Another app on the same origin uses 4.2 million characters.
  await seedStorage(context, { 'someone-else/big': 'x'.repeat(4_200_000) });
  const { widget } = await openPlanner(context);
  const warning = widget.getByText(/This browser's storage for the planner is \d+% full\. Download a backup of your plans now/);
  await warning.waitFor();
  assert.match(await warning.innerText(), /is 8\d% full/);
  await context.close();
});

test('storage full: another plan does not open over an unsaved change until the user has downloaded it', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(fillStorageSwitch);
  const { page, widget } = await openPlanner(context);
  await waitForSaved(widget);
  await goTo(widget, 'Your plans');
  await widget.getByLabel('Name of the new plan').fill('Second plan');
  await widget.getByRole('button', { name: 'Create plan', exact: true }).click();
  await until(async () => (await headerTitle(widget)) === 'Second plan', 'the new plan to open');
  await waitForSaved(widget);

  await page.evaluate(() => { window.__repFull = true; });
  await goTo(widget, 'Home');
  await typeInto(page, planName(widget), 'Second plan, changed while full');
  await saveStatus(widget).filter({ hasText: /storage is full/ }).waitFor();

  // Opening the other plan now would drop the change: the planner refuses and says why.
  await goTo(widget, 'Your plans');
  await rowOf(widget, EXAMPLE_TITLE).getByRole('button', { name: /^Open/ }).click();
  await widget.getByText(/another plan was not opened\. Download this plan first/).waitFor();
  assert.equal(await headerTitle(widget), 'Second plan, changed while full');

  // Once downloaded, the change is safe in the file, and the other plan opens.
  const file = await downloadFrom(page, widget.getByRole('button', { name: 'Download this plan', exact: true }).first());
  assert.equal(JSON.parse(file.text).title, 'Second plan, changed while full');
  await rowOf(widget, EXAMPLE_TITLE).getByRole('button', { name: /^Open/ }).click();
  await until(async () => (await headerTitle(widget)) === EXAMPLE_TITLE, 'the example plan to open');
  await context.close();
});

/** Makes a conflict: an unsaved edit here, while "another tab" (a direct write) saves the plan. */
async function conflictWithAnotherTab(page, widget) {
  await waitForSaved(widget);
  const stored = JSON.parse(await storedPlan(page, 'example'));
  await typeInto(page, planName(widget), 'This tab’s title');
  // Before this tab's 400 ms autosave, another tab saves its own change.
  await page.evaluate((json) => localStorage.setItem('race-equity-planner/demo/plan/example', json),
    JSON.stringify({ ...stored, title: 'Other tab’s title' }));
  const banner = widget.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'This plan was also changed in another tab' }) });
  await banner.waitFor();
  assert.equal(JSON.parse(await storedPlan(page, 'example')).title, 'Other tab’s title', 'nothing overwritten yet');
  return banner;
}

test('two tabs, both changed: "Use the other tab’s version" opens it and writes nothing', async () => {
  const context = await browser.newContext();
  const { page, widget } = await openPlanner(context);
  const banner = await conflictWithAnotherTab(page, widget);
  await banner.getByRole('button', { name: /Use the other tab.s version/ }).click();
  await until(async () => (await headerTitle(widget)) === 'Other tab’s title', 'the other version to open');
  await banner.waitFor({ state: 'detached' });
  assert.equal(JSON.parse(await storedPlan(page, 'example')).title, 'Other tab’s title');
  await context.close();
});

test('two tabs, both changed: "Replace it with this tab’s version" saves this tab’s change over the other', async () => {
  const context = await browser.newContext();
  const { page, widget } = await openPlanner(context);
  const banner = await conflictWithAnotherTab(page, widget);
  await banner.getByRole('button', { name: /Replace it with this tab.s version/ }).click();
  await waitForSaved(widget);
  assert.equal(JSON.parse(await storedPlan(page, 'example')).title, 'This tab’s title');
  await page.reload();
  await waitForPlanner(page);
  assert.equal(await headerTitle(widgetOf(page)), 'This tab’s title');
  await context.close();
});

// ---- Issue: trying the planner as a new user ------------------------------------------------------

test('Enter in the new plan’s name creates it and says so; a blank name is refused with an error, never an “Untitled plan”', async () => {
  const context = await browser.newContext();
  const { page, widget, seen } = await openPlanner(context);
  await goTo(widget, 'Your plans');
  const name = widget.getByLabel('Name of the new plan', { exact: true });

  await name.fill('Eastfield IPS plan 2026');
  await name.press('Enter');
  await until(async () => (await headerTitle(widget)) === 'Eastfield IPS plan 2026', 'Enter to create and open the plan');
  const status = widget.locator('#rep-new-plan-status');
  assert.equal(await status.getAttribute('role'), 'status');
  await status.getByText('Created “Eastfield IPS plan 2026”. It is open now', { exact: false }).waitFor();
  assert.equal(await name.inputValue(), '', 'the field is emptied for the next plan');
  assert.deepEqual((await listedTitles(widget)).sort(), [EXAMPLE_TITLE, 'Eastfield IPS plan 2026'].sort());

  // A second Enter, with the field now empty, makes no plan: it asks for a name.
  await name.press('Enter');
  const summary = widget.locator('.rep-error-summary').filter({ hasText: 'There is a problem' });
  await summary.waitFor();
  assert.equal(await summary.getAttribute('role'), 'alert');
  const link = summary.getByRole('link', { name: 'Enter a name for the new plan', exact: true });
  await link.waitFor();
  const message = widget.locator('#rep-new-title-error');
  assert.match(await message.innerText(), /Error:\s*Enter a name for the new plan/);
  assert.equal(await name.getAttribute('aria-invalid'), 'true');
  assert.match(await name.getAttribute('aria-describedby'), /\brep-new-title-error\b/);
  assert.equal(await status.innerText(), '', 'the earlier “Created” message goes');
  assert.equal((await listedTitles(widget)).length, 2);
  assert.ok(!(await listedTitles(widget)).includes('Untitled plan'));

  // Only spaces is no name either; the summary's link takes the user to the field.
  await name.fill('   ');
  await widget.getByRole('button', { name: 'Create plan', exact: true }).click();
  await summary.waitFor();
  await page.keyboard.press('Tab'); // away from the field, so the link's move is seen
  await link.click();
  assert.equal(await page.evaluate(() => document.querySelector('[data-race-equity-planner]').shadowRoot.activeElement?.id), 'rep-new-title');
  assert.equal((await listedTitles(widget)).length, 2);

  // A real name clears the error.
  await name.fill('Southfield plan');
  await name.press('Enter');
  await until(async () => (await headerTitle(widget)) === 'Southfield plan', 'the second plan to open');
  assert.equal(await summary.count(), 0);
  assert.equal(await message.count(), 0);
  assert.equal(await name.getAttribute('aria-invalid'), null);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the first edit of the example plan warns that it is the example and offers a copy as the user’s own plan, keeping the edit', async () => {
  const context = await browser.newContext();
  const { page, widget, seen } = await openPlanner(context);
  const warning = widget.locator('#rep-banner-example');
  assert.equal(await warning.count(), 0, 'no warning before any change');

  await typeInto(page, widget.getByLabel('Team or service', { exact: true }), 'Our real team');
  await warning.getByRole('heading', { name: 'You are changing the example plan' }).waitFor();
  assert.equal(await warning.getAttribute('role'), 'status');
  assert.equal(await widget.getByLabel('Team or service', { exact: true }).inputValue(), 'Our real team');
  await waitForSaved(widget);

  await warning.getByRole('button', { name: 'Make a copy as my own plan', exact: true }).click();
  await until(async () => (await headerTitle(widget)) === `Copy of ${EXAMPLE_TITLE}`, 'the copy to open');
  assert.equal(await warning.count(), 0, 'the copy is the user’s own: no warning');
  const made = widget.locator('#rep-banner-own-copy');
  await made.getByText('is your own plan now, with your change in it', { exact: false }).waitFor();
  assert.equal(await widget.getByLabel('Team or service', { exact: true }).inputValue(), 'Our real team', 'the copy has the edit');
  // The example keeps the edit too: nothing the user typed is lost.
  await until(async () => JSON.parse(await storedPlan(page, 'example')).team === 'Our real team', 'the example to keep the edit');
  await waitForSaved(widget);
  const all = await storageOf(page);
  const copies = Object.entries(all).filter(([k, v]) => k.startsWith(`${PREFIX}plan/`) && !k.endsWith('/example') && JSON.parse(v).team === 'Our real team');
  assert.equal(copies.length, 1, 'the copy is saved with the edit');
  await context.close();

  // "Keep exploring" puts the warning away; the edit stays in the example.
  const second = await browser.newContext();
  const again = await openPlanner(second);
  await typeInto(again.page, again.widget.getByLabel('Organisation', { exact: true }), 'Our council');
  const warned = again.widget.locator('#rep-banner-example');
  await warned.waitFor();
  await warned.getByRole('button', { name: 'Keep exploring the example', exact: true }).click();
  await until(async () => (await warned.count()) === 0, 'the warning to go');
  assert.equal(await again.widget.getByLabel('Organisation', { exact: true }).inputValue(), 'Our council');
  await typeInto(again.page, again.widget.getByLabel('Organisation', { exact: true }), 'Our council, again');
  assert.equal(await warned.count(), 0, 'not asked again while the planner is open');
  assert.deepEqual([...seen.errors, ...again.seen.errors], []);
  await second.close();
});
