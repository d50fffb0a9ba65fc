// Issue 16, "work lost without a word": each way a change or a save was lost silently, as a
// user meets it. Each test failed on the code before the fix (see the commit that added it).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixturesDir, goTo, launchBrowser, singleFileUrl, startServer, typeInto, until, waitForPlanner } from './harness.mjs';
import {
  EXAMPLE_TITLE, PREFIX, downloadFrom, headerTitle, openPlanner, planName, saveStatus, seedStorage, storageOf, storedText, waitForSaved,
} from './storage-helpers.mjs';

let browser;
let server;
let scratch;
before(async () => {
  browser = await launchBrowser();
  server = await startServer();
  scratch = await mkdtemp(join(tmpdir(), 'rep-storage-safety-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const demoUrl = () => `${server.origin}/index.html`;
const evidence = (widget, anchor) => widget.locator(`#rep-a-${anchor.replace('.', '-')}-evidence`);
const storedEvidence = async (page, anchor, id = 'example', prefix = PREFIX) => JSON.parse(await storedText(page, id, prefix)).reap.anchors[anchor]?.evidence;

test('two tabs: a field left focused in one tab follows the other tab’s save, and the next keystroke keeps that text', async () => {
  const context = await browser.newContext();
  const a = await openPlanner(context, demoUrl());
  await waitForSaved(a.widget);
  const b = await openPlanner(context, demoUrl());
  await waitForSaved(b.widget);
  await goTo(a.widget, 'REAP checklist');
  await goTo(b.widget, 'REAP checklist');
  const before = await evidence(b.widget, '2.2').inputValue();

  // In B the cursor stays in anchor 2.2's evidence, at the end of its text.
  await b.page.bringToFront();
  await evidence(b.widget, '2.2').click();
  await b.page.keyboard.press('ControlOrMeta+End');
  // A types and saves.
  await a.page.bringToFront();
  await typeInto(a.page, evidence(a.widget, '2.2'), 'Written in tab A');
  await waitForSaved(a.widget);
  assert.equal(await storedEvidence(a.page, '2.2'), 'Written in tab A');

  await b.page.bringToFront();
  await b.widget.getByText('This plan was changed in another tab or window. You are now seeing the latest version.').waitFor();
  await until(async () => (await evidence(b.widget, '2.2').inputValue()) === 'Written in tab A', 'the focused box in tab B to show tab A’s text');
  assert.equal(await b.page.evaluate(() => document.querySelector('[data-race-equity-planner]').shadowRoot.activeElement?.id), 'rep-a-2-2-evidence', 'focus stays in the box');
  assert.notEqual(before, 'Written in tab A');

  // B's next keystrokes build on A's text; A's words are never written over.
  await b.page.keyboard.type(', and B adds this');
  await waitForSaved(b.widget);
  assert.equal(await storedEvidence(b.page, '2.2'), 'Written in tab A, and B adds this');
  await context.close();
});

test('a damaged save that cannot be copied aside (no room for a second copy) stays where it is, is never written over, and the banner says so', async () => {
  const context = await browser.newContext();
  // About 3 million characters: Chromium allows an origin about 5.2 million, so a copy of it
  // cannot be made beside it, while the example plan (about 20 thousand) still fits.
  const damaged = `{"schema_version": 6, "id": "example", "title": "Damaged ${'x'.repeat(3_000_000)}`;
  await seedStorage(context, server.origin, { [`${PREFIX}plan/example`]: damaged });
  const { page, widget, seen } = await openPlanner(context, demoUrl());
  const banner = widget.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'A saved plan could not be read' }) });
  await banner.waitFor();
  assert.equal(await headerTitle(widget), EXAMPLE_TITLE);
  await page.waitForTimeout(800);
  const stored = await storageOf(page);
  assert.ok(stored[`${PREFIX}plan/example`] === damaged, 'the damaged save must stay byte for byte');
  const examples = Object.entries(stored).filter(([k, v]) => k.startsWith(`${PREFIX}plan/`) && v.includes(EXAMPLE_TITLE));
  assert.equal(examples.length, 1, 'the example plan is saved under a key of its own');
  assert.match(await banner.innerText(), /no room in this browser's storage to copy it aside, so it has been left where it was, untouched/);

  // After a reload, both the banner and the save are still there.
  await page.reload();
  await waitForPlanner(page);
  await banner.waitFor();
  assert.equal(await storedText(page, 'example'), damaged);
  // Editing the plan that is open never touches it either.
  await typeInto(page, planName(widget), 'Edited after the damage');
  await waitForSaved(widget);
  assert.equal(await storedText(page, 'example'), damaged);
  assert.deepEqual(seen.errors.filter((e) => !/QuotaExceeded/.test(e)), []);
  await context.close();
});

test('storage emptied in another tab: the open plan notices, says so and saves itself again', async () => {
  const context = await browser.newContext();
  const { page, widget } = await openPlanner(context, demoUrl());
  await waitForSaved(widget);
  await typeInto(page, planName(widget), 'Kept through a clear');
  await waitForSaved(widget);
  const other = await context.newPage();
  await other.goto(`${server.origin}/host-page.css`);
  await other.evaluate(() => localStorage.clear());
  await widget.getByText(/The planner's storage in this browser was emptied/).waitFor();
  await until(async () => (await storedText(page, 'example')) !== null, 'the plan to be saved again');
  assert.equal(JSON.parse(await storedText(page, 'example')).title, 'Kept through a clear');
  await waitForSaved(widget);
  // And when storage is emptied with no event here (site data cleared while the tab was hidden),
  // coming back to the tab notices it.
  await page.evaluate(() => {
    // Chromium sends no storage event to the tab that cleared; this stands in for data cleared
    // by the browser itself while the tab was in the background.
    localStorage.clear();
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
  await until(async () => (await storedText(page, 'example')) !== null, 'the plan to be saved again after the tab came back');
  await context.close();
});

test('a text box whose text begins with a line break keeps it through redraws and further typing', async () => {
  const context = await browser.newContext();
  const { page, widget } = await openPlanner(context, demoUrl());
  await waitForSaved(widget);
  await goTo(widget, 'REAP checklist');
  const box = evidence(widget, '1.1');
  await typeInto(page, box, 'x');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second line');
  assert.equal(await box.inputValue(), '\nSecond line');
  // Another field of the same anchor redraws it while the box is not focused.
  await typeInto(page, widget.locator('#rep-a-1-1-who'), 'A.K.');
  await waitForSaved(widget);
  assert.equal(await box.inputValue(), '\nSecond line');
  await box.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('!');
  await waitForSaved(widget);
  assert.equal(await storedEvidence(page, '1.1'), '\nSecond line!');
  await context.close();
});

test('single file: two people’s copies of the same plan open as their own, not as each other’s', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const maker = await openPlanner(context, singleFileUrl);
  await waitForSaved(maker.widget);
  const copyAs = async (title) => {
    await goTo(maker.widget, 'Home');
    await typeInto(maker.page, planName(maker.widget), title);
    await waitForSaved(maker.widget);
    await goTo(maker.widget, 'Your plans');
    return downloadFrom(maker.page, maker.widget.getByRole('button', { name: 'Save a copy as one HTML file', exact: true }), scratch);
  };
  const alice = await copyAs('Alice’s version');
  const bob = await copyAs('Bob’s version');
  await context.close();

  // A third person opens Alice's file, then Bob's, in one browser (file:// pages share a store).
  const reader = await browser.newContext();
  const first = await openPlanner(reader, pathToFileURL(alice.path).href);
  assert.equal(await headerTitle(first.widget), 'Alice’s version');
  await waitForSaved(first.widget);
  const second = await openPlanner(reader, pathToFileURL(bob.path).href);
  assert.equal(await headerTitle(second.widget), 'Bob’s version');
  assert.equal(await second.widget.getByText(/This file carries its own copy of/).count(), 0);
  // Opening Alice's file again finds Alice's plan, as changed here.
  await typeInto(first.page, planName(first.widget), 'Alice’s version, read and noted');
  await waitForSaved(first.widget);
  await first.page.reload();
  await waitForPlanner(first.page);
  assert.equal(await headerTitle(first.widget), 'Alice’s version, read and noted');
  await reader.close();
});

test('single file: a copy of a plan from a newer version carries it exactly as saved, with the parts this version cannot read', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const future = await readFile(join(fixturesDir, 'plans', 'newer-version-plan.json'), 'utf8');
  const { page, widget } = await openPlanner(context, singleFileUrl);
  await waitForSaved(widget);
  await page.evaluate((text) => {
    localStorage.setItem('race-equity-planner/single-file/plan/future', text);
    localStorage.setItem('race-equity-planner/single-file/last-opened', 'future');
  }, future);
  await page.reload();
  await waitForPlanner(page);
  await widget.getByRole('heading', { name: 'Read-only: saved by a newer version' }).waitFor();
  await goTo(widget, 'Your plans');
  const copy = await downloadFrom(page, widget.getByRole('button', { name: 'Save a copy as one HTML file', exact: true }), scratch);
  const block = copy.text.match(/<script type="application\/json" id="rep-embedded-plan"[^>]*>(.*?)<\/script>/s)?.[1];
  assert.ok(block, 'the copy has a plan block');
  assert.deepEqual(JSON.parse(block), JSON.parse(future), 'the copy must carry the stored plan whole');
  await context.close();
});

test('two tabs, both changed: closing the tab whose change is held back asks “Leave site?” first', async () => {
  const context = await browser.newContext();
  const a = await openPlanner(context, demoUrl());
  await waitForSaved(a.widget);
  const b = await openPlanner(context, demoUrl());
  await waitForSaved(b.widget);
  await b.page.bringToFront();
  // B starts typing (its autosave waits 400 ms after each key) while another tab saves the plan.
  await typeInto(b.page, planName(b.widget), 'B');
  const typing = b.page.keyboard.type(' is typing slowly', { delay: 90 });
  await a.page.evaluate((key) => {
    const plan = JSON.parse(localStorage.getItem(key));
    plan.title = 'Saved by the other tab';
    localStorage.setItem(key, JSON.stringify(plan));
  }, `${PREFIX}plan/example`);
  await typing;
  await b.widget.getByRole('heading', { name: 'This plan was also changed in another tab' }).waitFor();
  assert.match(await saveStatus(b.widget).innerText(), /Not saved: this plan was changed in another tab/);

  const asked = new Promise((done) => b.page.once('dialog', async (dialog) => {
    const type = dialog.type();
    await dialog.dismiss();
    done(type);
  }));
  await b.page.close({ runBeforeUnload: true });
  const type = await Promise.race([asked, new Promise((done) => setTimeout(() => done('no dialog'), 3000))]);
  assert.equal(type, 'beforeunload', 'the browser must ask before the held-back change is lost');
  // The user chose to stay: the page and its change are still there.
  assert.equal(await planName(b.widget).inputValue(), 'B is typing slowly');
  await context.close();
});
