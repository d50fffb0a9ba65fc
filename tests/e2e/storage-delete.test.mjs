// Deleting plans (issue 16, items 3 and 4): a full store can still be cleared (asked once, in the
// row, whether to delete without undo), and the copy kept for undo does not outlive the planner:
// it goes when another plan is deleted, when undo is dismissed and when the page closes, and
// copies an earlier visit left behind are listed on "Your plans" to bring back or remove.
// Each test seeds its own store and checks what is really stored from outside the planner.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  DEMO_PREFIX,
  axeViolations,
  blankPlan,
  focusedId,
  goTo,
  sharedBrowser,
  typeInto,
  until,
  waitForPlanner,
  waitForSaved,
  watch,
} from './harness.mjs';

const env = sharedBrowser();
const PREFIX = DEMO_PREFIX;

const ALPHA = blankPlan('alpha', 'Alpha team plan');
const BRAVO = blankPlan('bravo', 'Bravo team plan');
const CHARLIE = blankPlan('charlie', 'Charlie team plan');

/** A fresh context on the demo page whose store holds `entries` before the planner first runs
 * (as left by an earlier visit); `alpha` is opened first. */
async function openWithStore(entries) {
  const context = await env.browser.newContext({ acceptDownloads: true });
  // Once per context, not per page (sessionStorage is per tab): a page opened later finds the
  // store as the earlier pages left it.
  await context.addInitScript((all) => {
    if (localStorage.getItem('test/seeded')) return;
    localStorage.setItem('test/seeded', '1');
    for (const [key, value] of Object.entries(all)) localStorage.setItem(key, value);
  }, entries);
  const opened = await openPage(context);
  return { context, ...opened };
}

async function openPage(context) {
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(`${env.server.origin}/index.html`);
  await waitForPlanner(page);
  return { page, widget: page.locator('[data-race-equity-planner]').first(), seen };
}

/** The store with three plans, Alpha open. */
function threePlans() {
  return {
    [`${PREFIX}plan/alpha`]: JSON.stringify(ALPHA),
    [`${PREFIX}plan/bravo`]: JSON.stringify(BRAVO),
    [`${PREFIX}plan/charlie`]: JSON.stringify(CHARLIE),
    [`${PREFIX}last-opened`]: 'alpha',
  };
}

/** The planner's own keys and values, read from the page's localStorage (fillers left out). */
function plannerStore(page) {
  return page.evaluate((prefix) => Object.fromEntries(
    Object.keys(localStorage).filter((k) => k.startsWith(prefix)).sort().map((k) => [k, localStorage.getItem(k)]),
  ), PREFIX);
}

const keysUnder = (store, part) => Object.keys(store).filter((k) => k.startsWith(`${PREFIX}${part}`)).sort();

/** Fills the origin's localStorage up to the browser's real quota with another app's keys, so
 * that not even one more character fits. Returns how many characters were added. */
function fillToQuota(page) {
  return page.evaluate(() => {
    let size = 4 * 1024 * 1024;
    let added = 0;
    let n = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`someone-else/filler-${n}`, 'x'.repeat(size));
        n += 1;
        added += size;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return added;
  });
}

async function listedTitles(widget) {
  const cells = widget.locator('.rep-table tbody tr td:first-child');
  return (await cells.allTextContents()).map((t) => t.replace(/\s*Open now\s*$/, '').trim()).sort();
}

async function headerTitle(widget) {
  return (await widget.locator('.rep-header__plan').textContent()).replace(/^\s*Plan:\s*/, '').trim();
}

async function askToDelete(widget, title) {
  await widget.getByRole('button', { name: `Delete ${title}`, exact: true }).click();
  await widget.getByRole('button', { name: 'Yes, delete it', exact: true }).click();
}

async function downloadFrom(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

// ---- 3. A full store can be cleared --------------------------------------------------------------

test('storage full: deleting a plan asks once to delete it without undo; Cancel keeps everything, confirming removes only its key', async () => {
  const { context, page, widget, seen } = await openWithStore(threePlans());
  await goTo(widget, 'Your plans');
  assert.ok((await fillToQuota(page)) > 1_000_000, 'the store was filled');
  const before = await plannerStore(page);
  assert.deepEqual(keysUnder(before, 'plan/'), [`${PREFIX}plan/alpha`, `${PREFIX}plan/bravo`, `${PREFIX}plan/charlie`]);

  // Asked in the row, with focus on the question, which says why and what to do.
  await askToDelete(widget, 'Bravo team plan');
  const question = widget.getByRole('group', { name: 'Confirm delete without undo' });
  await question.waitFor();
  assert.equal(
    (await question.locator('p').innerText()).trim(),
    'There is no room in this browser to keep a copy for undo. Delete “Bravo team plan” without undo? Download it first if you may want it back.',
  );
  await until(async () => (await focusedId(page)) === 'rep-no-undo-question', 'focus on the question');
  assert.deepEqual(await plannerStore(page), before, 'nothing changes before the user answers');
  assert.deepEqual(await axeViolations(page), [], 'the delete-without-undo question');

  // "Download" gives the plan as stored.
  const file = await downloadFrom(page, question.getByRole('button', { name: 'Download “Bravo team plan”', exact: true }));
  assert.match(file.name, /^race-equity-plan-bravo-team-plan-\d{4}-\d{2}-\d{2}\.json$/);
  assert.deepEqual(JSON.parse(file.text), BRAVO);

  // Cancel leaves everything.
  await question.getByRole('button', { name: 'Cancel', exact: true }).click();
  await question.waitFor({ state: 'detached' });
  await until(async () => (await focusedId(page)) === 'rep-row-bravo-delete', 'focus back on its Delete button');
  assert.deepEqual(await plannerStore(page), before);
  assert.deepEqual(await listedTitles(widget), ['Alpha team plan', 'Bravo team plan', 'Charlie team plan']);

  // Confirming removes its key: asked once, not twice.
  await askToDelete(widget, 'Bravo team plan');
  await question.getByRole('button', { name: 'Delete without undo', exact: true }).click();
  await widget.getByText('Deleted “Bravo team plan”. No copy was kept, so it cannot be brought back.').waitFor();
  assert.equal(await question.count(), 0);
  await until(async () => (await focusedId(page)) === 'rep-deleted-note', 'focus on what happened');
  const after = await plannerStore(page);
  assert.equal(after[`${PREFIX}plan/bravo`], undefined, 'its key is gone');
  assert.deepEqual(keysUnder(after, 'deleted/'), [], 'no copy was kept');
  assert.equal(after[`${PREFIX}plan/alpha`], before[`${PREFIX}plan/alpha`]);
  assert.equal(after[`${PREFIX}plan/charlie`], before[`${PREFIX}plan/charlie`]);
  assert.deepEqual(await listedTitles(widget), ['Alpha team plan', 'Charlie team plan']);
  assert.equal(await widget.getByRole('button', { name: /^Undo/ }).count(), 0, 'no undo is offered');

  // The open plan too: another one opens.
  await askToDelete(widget, 'Alpha team plan');
  await question.getByRole('button', { name: 'Delete without undo', exact: true }).click();
  await until(async () => (await headerTitle(widget)) === 'Charlie team plan', 'the other plan to open');
  const last = await plannerStore(page);
  assert.deepEqual(keysUnder(last, 'plan/'), [`${PREFIX}plan/charlie`]);
  assert.equal(last[`${PREFIX}plan/charlie`], before[`${PREFIX}plan/charlie`]);
  assert.deepEqual(keysUnder(last, 'deleted/'), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

// ---- 4. The copy for undo does not outlive the planner ------------------------------------------

test('storage full: a change that could not be saved is saved once deleting another plan makes room', async () => {
  // Bravo is large enough that deleting it makes room for Alpha's change and its log entry.
  const bravo = blankPlan('bravo', 'Bravo team plan', { organisation: 'Bravo '.repeat(5000) });
  const { context, page, widget, seen } = await openWithStore({ ...threePlans(), [`${PREFIX}plan/bravo`]: JSON.stringify(bravo) });
  await goTo(widget, 'Your plans');
  await fillToQuota(page);
  await goTo(widget, 'Home');
  await typeInto(page, widget.getByLabel('Plan name', { exact: true }), 'Alpha, changed when the store was full');
  await widget.getByRole('heading', { name: 'Your latest change is not saved: storage is full' }).waitFor();
  assert.equal(JSON.parse((await plannerStore(page))[`${PREFIX}plan/alpha`]).title, 'Alpha team plan');

  await goTo(widget, 'Your plans');
  await askToDelete(widget, 'Bravo team plan');
  const question = widget.getByRole('group', { name: 'Confirm delete without undo' });
  await question.getByRole('button', { name: 'Delete without undo', exact: true }).click();
  await waitForSaved(widget);
  assert.equal(JSON.parse((await plannerStore(page))[`${PREFIX}plan/alpha`]).title, 'Alpha, changed when the store was full');
  assert.deepEqual(seen.errors.filter((e) => !/QuotaExceeded/.test(e)), []);
  await context.close();
});

test('delete with room: undo works while the planner is open; a second delete, dismissing, and closing the page remove the copy', async () => {
  const { context, page, widget, seen } = await openWithStore(threePlans());
  await goTo(widget, 'Your plans');
  const bravoText = (await plannerStore(page))[`${PREFIX}plan/bravo`];

  await askToDelete(widget, 'Bravo team plan');
  const banner = widget.locator('#rep-undo-banner');
  await banner.waitFor();
  assert.match(await banner.innerText(), /Undo is available until you close the planner/);
  assert.deepEqual(keysUnder(await plannerStore(page), 'deleted/'), [`${PREFIX}deleted/bravo`]);
  assert.deepEqual(await axeViolations(page), [], 'the undo banner');

  // A tab switch is not a close: undo stays.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  assert.deepEqual(keysUnder(await plannerStore(page), 'deleted/'), [`${PREFIX}deleted/bravo`]);
  await widget.getByRole('button', { name: 'Undo: bring back “Bravo team plan”', exact: true }).click();
  await until(async () => (await listedTitles(widget)).includes('Bravo team plan'), 'Bravo to come back');
  const restored = await plannerStore(page);
  assert.equal(restored[`${PREFIX}plan/bravo`], bravoText);
  assert.deepEqual(keysUnder(restored, 'deleted/'), []);

  // A second delete replaces the first one's undo, and its copy goes.
  await askToDelete(widget, 'Bravo team plan');
  await widget.getByRole('button', { name: 'Undo: bring back “Bravo team plan”', exact: true }).waitFor();
  await askToDelete(widget, 'Charlie team plan');
  await widget.getByRole('button', { name: 'Undo: bring back “Charlie team plan”', exact: true }).waitFor();
  assert.deepEqual(keysUnder(await plannerStore(page), 'deleted/'), [`${PREFIX}deleted/charlie`]);

  // Dismissing undo removes the copy at once.
  await widget.getByRole('button', { name: 'Dismiss and remove the copy now', exact: true }).click();
  await banner.waitFor({ state: 'detached' });
  assert.deepEqual(keysUnder(await plannerStore(page), 'deleted/'), []);
  assert.deepEqual(await listedTitles(widget), ['Alpha team plan']);

  // Closing the page removes the copy of the last delete.
  await widget.getByLabel('Name of the new plan', { exact: true }).fill('Delta team plan');
  await widget.getByRole('button', { name: 'Create plan', exact: true }).click();
  await until(async () => (await listedTitles(widget)).includes('Delta team plan'), 'the new plan');
  await askToDelete(widget, 'Alpha team plan');
  await widget.getByRole('button', { name: 'Undo: bring back “Alpha team plan”', exact: true }).waitFor();
  assert.deepEqual(keysUnder(await plannerStore(page), 'deleted/'), [`${PREFIX}deleted/alpha`]);
  assert.deepEqual(seen.errors, []);
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  // Read from a page of the origin that does not start the planner.
  const outside = await context.newPage();
  await outside.goto(`${env.server.origin}/host-page.css`);
  await until(async () => keysUnder(await plannerStore(outside), 'deleted/').length === 0, 'the copy to be gone after the page closed');
  const store = await plannerStore(outside);
  await outside.close();
  const again = await openPage(context);
  assert.equal(store[`${PREFIX}plan/alpha`], undefined, 'the deleted plan stays deleted');
  await goTo(again.widget, 'Your plans');
  assert.deepEqual(await listedTitles(again.widget), ['Delta team plan']);
  assert.equal(await again.widget.locator('#rep-left-deleted').count(), 0, 'nothing is left from before');

  // A reload closes the planner too.
  await again.widget.getByLabel('Name of the new plan', { exact: true }).fill('Echo team plan');
  await again.widget.getByRole('button', { name: 'Create plan', exact: true }).click();
  await until(async () => (await listedTitles(again.widget)).includes('Echo team plan'), 'the new plan');
  await askToDelete(again.widget, 'Delta team plan');
  await again.widget.getByRole('button', { name: 'Undo: bring back “Delta team plan”', exact: true }).waitFor();
  await again.page.reload();
  await waitForPlanner(again.page);
  assert.deepEqual(keysUnder(await plannerStore(again.page), 'deleted/'), []);
  assert.deepEqual(again.seen.errors, []);
  await context.close();
});

test('copies of deleted plans left by an earlier visit are listed by title, can be brought back, and are removed when asked', async () => {
  const oldOne = blankPlan('old-one', 'Old plan one');
  const oldTwo = { ...blankPlan('charlie', 'Charlie plan, as it was when deleted'), team: 'Deleted version' };
  const oldThree = blankPlan('old-three', 'Old plan three');
  const entries = {
    ...threePlans(),
    [`${PREFIX}deleted/old-one`]: JSON.stringify(oldOne),
    // Its id is in use again: it must come back beside that plan, never over it.
    [`${PREFIX}deleted/charlie`]: JSON.stringify(oldTwo),
    [`${PREFIX}deleted/old-three`]: JSON.stringify(oldThree),
    [`${PREFIX}deleted/broken`]: '{"title": "Half a deleted',
  };
  const { context, page, widget, seen } = await openWithStore(entries);
  await goTo(widget, 'Your plans');
  const left = widget.getByRole('region', { name: 'Copies of deleted plans are still in this browser' });
  await left.waitFor();
  for (const title of ['Old plan one', 'Charlie plan, as it was when deleted', 'Old plan three']) {
    await left.getByRole('button', { name: `Bring back “${title}”`, exact: true }).waitFor();
  }
  assert.match(await left.innerText(), /A deleted plan whose copy could not be read/);
  assert.deepEqual(await axeViolations(page), [], 'the banner of copies left from before');

  // Bring back: stored as a plan again, exactly as it was, and listed.
  await left.getByRole('button', { name: 'Bring back “Old plan one”', exact: true }).click();
  await until(async () => (await listedTitles(widget)).includes('Old plan one'), 'the plan to come back');
  let store = await plannerStore(page);
  assert.equal(store[`${PREFIX}plan/old-one`], entries[`${PREFIX}deleted/old-one`]);
  assert.equal(store[`${PREFIX}deleted/old-one`], undefined);
  await until(async () => (await focusedId(page)) === 'rep-row-old-one-open', 'focus on the plan brought back');

  // Beside a plan with the same id, as a copy: the plan here is untouched.
  await left.getByRole('button', { name: 'Bring back “Charlie plan, as it was when deleted”', exact: true }).click();
  await until(async () => (await listedTitles(widget)).includes('Copy of Charlie plan, as it was when deleted'), 'the copy to be listed');
  store = await plannerStore(page);
  assert.equal(store[`${PREFIX}plan/charlie`], entries[`${PREFIX}plan/charlie`]);
  assert.equal(store[`${PREFIX}deleted/charlie`], undefined);

  // The unreadable one downloads exactly as kept.
  const file = await downloadFrom(page, left.getByRole('button', { name: /^Download it/ }));
  assert.equal(file.text, '{"title": "Half a deleted');

  // "Remove these copies" asks once; Cancel keeps them.
  await left.getByRole('button', { name: 'Remove these copies', exact: true }).click();
  const confirm = left.getByRole('group', { name: 'Confirm removing the copies' });
  assert.match(await confirm.innerText(), /Remove these 2 copies for good\? They cannot be brought back afterwards\./);
  await until(async () => (await focusedId(page)) === 'rep-confirm-remove-copies', 'focus on the question');
  assert.deepEqual(await axeViolations(page), [], 'removing the copies, asked');
  await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
  await until(async () => (await focusedId(page)) === 'rep-remove-copies', 'focus back on Remove these copies');
  assert.deepEqual(keysUnder(await plannerStore(page), 'deleted/'), [`${PREFIX}deleted/broken`, `${PREFIX}deleted/old-three`]);

  await left.getByRole('button', { name: 'Remove these copies', exact: true }).click();
  await confirm.getByRole('button', { name: 'Yes, remove them', exact: true }).click();
  await left.waitFor({ state: 'detached' });
  await widget.getByText('Removed 2 copies of deleted plans from this browser.').waitFor();
  store = await plannerStore(page);
  assert.deepEqual(keysUnder(store, 'deleted/'), [], 'the keys are really gone');
  assert.deepEqual(
    await listedTitles(widget),
    ['Alpha team plan', 'Bravo team plan', 'Charlie team plan', 'Copy of Charlie plan, as it was when deleted', 'Old plan one'],
  );

  // Nothing is listed after a reload.
  await page.reload();
  await waitForPlanner(page);
  await goTo(widget, 'Your plans');
  assert.equal(await widget.locator('#rep-left-deleted').count(), 0);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
