// Security (issue 9): what a user types, or a file brings in, is only ever text. Script-injection
// strings go into every text field of every screen, through autosave, a reload, every screen and
// the printable pages; a hostile backup is imported; a single-file copy carries a hostile plan;
// the REAP CSV defuses spreadsheet formulas; the single file's Content-Security-Policy stops
// every way of sending data and any inline handler. A trap set before the planner starts reports
// any script that runs, in the page or any frame, even one removed since.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CURRENT_SCHEMA_VERSION, armTrap, blankPlan, field, fixturesDir, goTo, openWithPlans, printFrom, sharedBrowser, singleFileUrl,
  until, waitForPlanner, waitForSaved,
} from './harness.mjs';
import { HOSTILE_TITLE, PAYLOADS } from '../fixtures/security/payloads.mjs';

const env = sharedBrowser();

const HOSTILE_BACKUP = join(fixturesDir, 'security', 'hostile-backup.json');

const SCREENS = ['Home', 'REAP checklist', 'Journey self-assessment', 'Data', 'Action plan', 'Your plans'];
const widgetOf = (page) => page.locator('[data-race-equity-planner]').first();

// ---- The trap ----------------------------------------------------------------------------------


/**
 * What a payload would leave behind in the page, every shadow root and every frame: `__pwned`
 * set, an element with an inline event handler, or a script, iframe, img or b element inside the
 * widget that the planner never draws itself.
 */
async function injected(page) {
  const found = [];
  for (const frame of page.frames()) {
    const result = await frame.evaluate(() => {
      const out = [];
      const attr = (el, name) => (el.getAttribute(name) || '').trim().toLowerCase();
      if (window.__pwned !== undefined) out.push(`window.__pwned is ${String(window.__pwned)}`);
      const roots = [document];
      for (let i = 0; i < roots.length; i += 1) {
        for (const el of roots[i].querySelectorAll('*')) {
          if (el.shadowRoot) roots.push(el.shadowRoot);
          for (const name of el.getAttributeNames()) {
            if (/^on/i.test(name)) out.push(`<${el.localName} ${name}="${el.getAttribute(name)}">`);
          }
          if (attr(el, 'href').startsWith('javascript:') || attr(el, 'src').startsWith('javascript:')) out.push(`<${el.localName}> with a javascript: URL`);
          if (roots[i] !== document || location.href === 'about:srcdoc') {
            if (el.localName === 'script' || el.localName === 'img' || el.localName === 'b') out.push(`a <${el.localName}> element`);
            if (el.localName === 'iframe' && !el.classList.contains('rep-print-frame')) out.push('an <iframe> that is not the print frame');
          }
        }
      }
      return out;
    }).catch((error) => [`could not inspect ${frame.url()}: ${error.message}`]);
    found.push(...result.map((r) => `${r} (in ${frame.url()})`));
  }
  return found;
}

async function assertNothingRan(page, ran, when) {
  assert.deepEqual(ran, [], `script ran or a dialog opened ${when}`);
  assert.deepEqual(await injected(page), [], `markup was made from text ${when}`);
}

// ---- Fields ------------------------------------------------------------------------------------

/** The ids of the text fields a user can type in on the screen now showing. */
function textFieldIds(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-race-equity-planner]').shadowRoot;
    const selector = 'input:not([type]), input[type="text"], input[type="search"], input[type="email"], input[type="url"], input[type="tel"], textarea';
    return [...root.querySelectorAll(selector)]
      .filter((el) => !el.readOnly && !el.disabled && !el.closest('[hidden]'))
      .map((el) => el.id);
  });
}

/** The value of every text field on the screen now showing, by id. */
function textFieldValues(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-race-equity-planner]').shadowRoot;
    return Object.fromEntries([...root.querySelectorAll('input, textarea')].filter((el) => el.id).map((el) => [el.id, el.value]));
  });
}

/**
 * Puts a payload into every text field of the screen now showing (found afresh after each round,
 * so fields that appear as others are filled are filled too), cycling through the payloads, and
 * records in `typed` what went where. The first field of each screen is typed with the keyboard;
 * the rest get the value and the `input` and `change` events typing gives, all at once: some 350
 * fields typed one by one would take a minute of the suite's time for no more coverage (the
 * planner reads every field through the same listener).
 */
async function fillEveryField(page, screen, typed, counter) {
  const widget = widgetOf(page);
  for (let round = 0; round < 5; round += 1) {
    const ids = (await textFieldIds(page)).filter((id) => id && !typed.has(`${screen}|${id}`));
    if (ids.length === 0) return;
    const batch = ids.map((id) => {
      const payload = PAYLOADS[counter.n % PAYLOADS.length];
      counter.n += 1;
      typed.set(`${screen}|${id}`, payload);
      return [id, payload];
    });
    if (round === 0) {
      const [id, payload] = batch.shift();
      await field(widget, id).focus();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(payload);
    }
    await page.evaluate((entries) => {
      const root = document.querySelector('[data-race-equity-planner]').shadowRoot;
      for (const [id, payload] of entries) {
        const el = root.getElementById(id);
        el.focus();
        el.value = payload;
        el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: payload }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }, batch);
  }
  assert.fail(`${screen}: fields kept appearing as others were filled`);
}

/** The text of the page printed from `button`, read from the print frame once it has loaded. */
async function printedPage(page, button) {
  const { frameElement, frame } = await printFrom(widgetOf(page), button);
  const srcdoc = await frameElement.getAttribute('srcdoc');
  const text = await frame.evaluate(() => document.documentElement.textContent);
  return { srcdoc, text, frame };
}

/** Opens each print page the planner offers and checks what it shows; returns their texts. */
async function everyPrintPage(page, ran) {
  const widget = widgetOf(page);
  const pages = {};
  await goTo(widget, 'REAP checklist');
  pages.checklist = await printedPage(page, widget.getByRole('button', { name: 'Print the checklist', exact: true }));
  await assertNothingRan(page, ran, 'after printing the checklist');
  await goTo(widget, 'Journey self-assessment');
  pages.pack = await printedPage(page, widget.getByRole('button', { name: 'Print the workshop pack', exact: true }));
  await assertNothingRan(page, ran, 'after printing the workshop pack');
  pages.results = await printedPage(page, widget.getByRole('button', { name: 'Print the results', exact: true }));
  await assertNothingRan(page, ran, 'after printing the journey results');
  for (const [name, printed] of Object.entries(pages)) {
    // What was typed is escaped, so no payload's tag is in the page's markup.
    const tags = printed.srcdoc.match(/<(script|img|svg|iframe|b|textarea)[\s>\/]/gi);
    assert.equal(tags, null, `the ${name} print page has markup made from text: ${tags}`);
  }
  return pages;
}

// ---- 1. Every text field ---------------------------------------------------------------------------

test('script-injection strings typed into every text field of every screen stay text: saved, reloaded, on every screen and every print page', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const ran = await armTrap(context);
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/index.html`);
  await waitForPlanner(page);
  const widget = widgetOf(page);
  await waitForSaved(widget);

  // A review started first, so the checklist later lists what changed since, in the payloads' words.
  await goTo(widget, 'REAP checklist');
  await widget.getByRole('button', { name: 'Start a review today', exact: true }).click();

  const typed = new Map();
  const counter = { n: 0 };
  const perScreen = (screen) => [...typed].filter(([key]) => key.startsWith(`${screen}|`)).map(([key, payload]) => [key.split('|')[1], payload]);
  /** The fields of `expected` ([id, value] pairs) that the screen now showing does not show as given. */
  const notShown = async (expected) => {
    const values = await textFieldValues(page);
    return expected
      .filter(([id, value]) => values[id] !== value)
      .map(([id, value]) => `#${id}: ${JSON.stringify(values[id])}, expected ${JSON.stringify(value)}`);
  };
  for (const screen of ['Home', 'REAP checklist', 'Journey self-assessment', 'Data']) {
    await goTo(widget, screen);
    await fillEveryField(page, screen, typed, counter);
    assert.deepEqual(await notShown(perScreen(screen)), [], `${screen}: fields not shown as typed`);
    await assertNothingRan(page, ran, `after typing into every field on ${screen}`);
  }
  assert.ok(perScreen('Home').length >= 5, `Home: only ${perScreen('Home').length} text fields`);
  assert.ok(perScreen('REAP checklist').length >= 50, `REAP checklist: only ${perScreen('REAP checklist').length} text fields`);
  assert.ok(perScreen('Journey self-assessment').length >= 30, 'Journey: too few text fields');
  assert.ok(perScreen('Data').length >= 100, 'Data: too few text fields');
  // The journey's timeline records the hostile names and departments too.
  await goTo(widget, 'Journey self-assessment');
  await widget.getByRole('button', { name: 'Add this assessment to the timeline', exact: true }).click();

  // "Your plans": a new plan named with a payload and renamed to another; then the example again.
  await goTo(widget, 'Your plans');
  // Payloads the example plan's title (the first field typed in) does not have.
  const newName = PAYLOADS[6];
  await field(widget, 'rep-new-title').fill(newName);
  await widget.getByRole('button', { name: 'Create plan', exact: true }).click();
  await until(async () => (await widget.locator('.rep-header__plan').innerText()).includes(newName), 'the new plan to open');
  await widget.getByRole('button', { name: `Rename ${newName}`, exact: true }).click();
  const renameField = widget.locator('input[id^="rep-rename-"]');
  await renameField.fill(PAYLOADS[7]);
  await widget.getByRole('button', { name: 'Save name', exact: true }).click();
  await until(async () => (await widget.locator('.rep-header__plan').innerText()).includes(PAYLOADS[7]), 'the renamed plan');
  const exampleTitle = typed.get('Home|rep-plan-title');
  await widget.getByRole('button', { name: `Open ${exampleTitle}`, exact: true }).click();
  await until(async () => (await widget.locator('.rep-header__plan').innerText()).includes(exampleTitle), 'the example plan to open again');
  await assertNothingRan(page, ran, 'after creating and renaming plans');
  await waitForSaved(widget);
  // What each screen shows now (a field that two screens share, like the words for the group,
  // shows what was typed last), each value a payload exactly: the reload must bring back this.
  const shown = {};
  for (const screen of SCREENS) {
    await goTo(widget, screen);
    const values = await textFieldValues(page);
    shown[screen] = perScreen(screen).map(([id]) => [id, values[id]]);
    const mangled = shown[screen].filter(([, value]) => !PAYLOADS.includes(value));
    assert.deepEqual(mangled, [], `${screen}: fields whose text changed`);
  }

  // Reload: everything comes back exactly as typed, on every screen.
  await page.reload();
  await waitForPlanner(page);
  for (const screen of SCREENS) {
    await goTo(widget, screen);
    assert.deepEqual(await notShown(shown[screen]), [], `${screen}: fields not shown back as typed after a reload`);
    await assertNothingRan(page, ran, `on ${screen} after a reload`);
  }
  // Shown as text where it is not in a field too: the header, the list of plans, the changes.
  assert.equal((await widget.locator('.rep-header__plan').textContent()).replace(/^\s*Plan:\s*/, '').trim(), exampleTitle);
  const listed = await widget.locator('.rep-table tbody tr td:first-child').allTextContents();
  for (const title of [exampleTitle, PAYLOADS[7]]) {
    assert.ok(listed.some((t) => t.includes(title)), `"Your plans" does not list ${JSON.stringify(title)} as text: ${JSON.stringify(listed)}`);
  }
  await goTo(widget, 'Home');
  const changes = (await widget.locator('.rep-changes').allTextContents()).join('\n');
  assert.ok(PAYLOADS.some((payload) => changes.includes(payload)), `the recent changes do not quote what was typed as text: ${changes.slice(0, 400)}`);
  await goTo(widget, 'Journey self-assessment');
  const journeyText = await widget.locator('.rep-main').textContent();
  const participant = typed.get('Journey self-assessment|rep-j-p-p1-name');
  assert.ok(journeyText.includes(participant), 'the workshop summary does not show the participant’s name as text');

  // The printable pages show the text, and nothing in them runs.
  const printed = await everyPrintPage(page, ran);
  const reapTyped = new Set(perScreen('REAP checklist').filter(([id]) => /-(evidence|who)$/.test(id)).map(([, p]) => p));
  for (const payload of [exampleTitle, ...reapTyped]) {
    assert.ok(printed.checklist.text.includes(payload), `the printed checklist does not show ${JSON.stringify(payload)} as text`);
  }
  for (const id of ['rep-j-p-p1-name', 'rep-j-p-p1-evidence', 'rep-j-strengths', 'rep-j-develop']) {
    const payload = typed.get(`Journey self-assessment|${id}`);
    assert.ok(printed.results.text.includes(payload), `the printed results do not show #${id} (${JSON.stringify(payload)}) as text`);
  }
  await assertNothingRan(page, ran, 'at the end');
  await context.close();
});

// ---- 2. A hostile backup -------------------------------------------------------------------------

test('a hostile backup imported from "Your plans" is previewed, imported and shown only as text', async () => {
  const context = await env.browser.newContext();
  const ran = await armTrap(context);
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/index.html`);
  await waitForPlanner(page);
  const widget = widgetOf(page);
  const backup = JSON.parse(await readFile(HOSTILE_BACKUP, 'utf8'));
  assert.equal(
    backup.schema_version,
    CURRENT_SCHEMA_VERSION,
    'tests/fixtures/security/hostile-backup.json is not in the current plan format: remake it with make-hostile-backup.mjs (see the README beside it), so that new fields are attacked too',
  );

  await goTo(widget, 'Your plans');
  await widget.getByLabel('Choose a plan or backup file (.json)', { exact: true }).setInputFiles(HOSTILE_BACKUP);
  const preview = widget.getByRole('region', { name: 'What the import will do' });
  await preview.waitFor();
  assert.ok((await preview.innerText()).includes(HOSTILE_TITLE), `the preview does not name the plan as text: ${await preview.innerText()}`);
  await assertNothingRan(page, ran, 'with the import preview open');
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await widget.getByText('Imported 1 plan.').waitFor();
  await widget.getByRole('button', { name: `Open ${HOSTILE_TITLE}`, exact: true }).click();
  await until(async () => (await widget.locator('.rep-header__plan').innerText()).includes(HOSTILE_TITLE), 'the hostile plan to open');

  await visitEveryScreenOfTheHostilePlan(page, ran, backup.plans[0]);
  await page.reload();
  await waitForPlanner(page);
  await assertNothingRan(page, ran, 'after a reload with the hostile plan open');
  await everyPrintPage(page, ran);
  await context.close();
});

/**
 * Visits every screen with the hostile fixture plan open and checks that a sample of its fields,
 * one from each part, show the text exactly as it is in the file, and that nothing ran.
 */
async function visitEveryScreenOfTheHostilePlan(page, ran, plan) {
  const widget = widgetOf(page);
  const p1 = plan.journey.participants[0];
  const expected = {
    Home: { 'rep-plan-title': plan.title, 'rep-plan-organisation': plan.organisation, 'rep-plan-term': plan.settings.comparison_group_term },
    'REAP checklist': {
      'rep-a-1-1-evidence': plan.reap.anchors['1.1'].evidence,
      'rep-a-1-1-who': plan.reap.anchors['1.1'].who,
      // Not a date, so shown as typed in a text field.
      'rep-a-1-1-review': plan.reap.anchors['1.1'].review_date,
      [`rep-s-${plan.reap.specialists[0].id}-name`]: plan.reap.specialists[0].name,
    },
    'Journey self-assessment': {
      [`rep-j-p-${p1.id}-name`]: p1.name,
      [`rep-j-p-${p1.id}-department`]: p1.department,
      [`rep-j-p-${p1.id}-evidence`]: p1.evidence,
      'rep-j-strengths': plan.journey.strengths,
    },
    Data: {
      'rep-d-term': plan.settings.comparison_group_term,
      'rep-s-source': plan.data.service.population_source,
      [`rep-d-${plan.data.periods[0].id}-label`]: plan.data.periods[0].label,
    },
  };
  for (const screen of SCREENS) {
    await goTo(widget, screen);
    const values = await textFieldValues(page);
    for (const [id, value] of Object.entries(expected[screen] || {})) {
      assert.equal(values[id], value, `${screen}: #${id} is not shown exactly as in the file`);
    }
    await assertNothingRan(page, ran, `on ${screen} with the hostile plan open`);
  }
}

// ---- 3. A single-file copy with a hostile plan inside -------------------------------------------------

test('a single-file copy carrying a hostile plan opens from disk with nothing run and the text intact', async () => {
  const scratch = await mkdtemp(join(tmpdir(), 'rep-security-'));
  try {
    // Make the copy as a user would: import the hostile plan into the single file, open it, save a copy.
    const maker = await env.browser.newContext({ acceptDownloads: true });
    const makerRan = await armTrap(maker);
    const page = await maker.newPage();
    await page.goto(singleFileUrl);
    await waitForPlanner(page);
    const widget = widgetOf(page);
    await goTo(widget, 'Your plans');
    await widget.getByLabel('Choose a plan or backup file (.json)', { exact: true }).setInputFiles(HOSTILE_BACKUP);
    await widget.getByRole('region', { name: 'What the import will do' }).getByRole('button', { name: 'Import', exact: true }).click();
    await widget.getByRole('button', { name: `Open ${HOSTILE_TITLE}`, exact: true }).click();
    await until(async () => (await widget.locator('.rep-header__plan').innerText()).includes(HOSTILE_TITLE), 'the hostile plan to open');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      widget.getByRole('button', { name: 'Save a copy as one HTML file', exact: true }).click(),
    ]);
    // The file's name comes from the hostile title: only letters, digits and dashes are kept.
    assert.match(download.suggestedFilename(), /^race-equity-plan-[a-z0-9-]+\.html$/);
    const copyPath = join(scratch, download.suggestedFilename());
    await download.saveAs(copyPath);
    await assertNothingRan(page, makerRan, 'in the single file with the hostile plan');
    await maker.close();

    // The file itself: the plan stays inside its block, nothing in it ends the script element,
    // and the page's policy is the one the single file ships with.
    const html = await readFile(copyPath, 'utf8');
    const built = await readFile(new URL(singleFileUrl), 'utf8');
    const policy = (text) => text.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
    assert.equal(policy(html), policy(built), 'the copy’s Content-Security-Policy differs from the single file’s');
    // The block's only attributes are its type, its id and the copy's plain id.
    const block = html.match(/<script type="application\/json" id="rep-embedded-plan" data-copy="[0-9a-z-]+">([\s\S]*?)<\/script>/);
    assert.ok(block, 'the copy has no plan block');
    assert.doesNotMatch(block[1], /[<>]/, 'the plan block has a raw < or > in it');
    assert.equal(JSON.parse(block[1]).title, HOSTILE_TITLE);
    assert.equal((html.match(/<script/gi) || []).length, (built.match(/<script/gi) || []).length, 'the copy has more script elements than the single file');

    // Opened from disk in a fresh browser.
    const reader = await env.browser.newContext();
    const ran = await armTrap(reader);
    const opened = await reader.newPage();
    await opened.goto(pathToFileURL(copyPath).href);
    await waitForPlanner(opened);
    assert.equal(
      await opened.evaluate(() => document.querySelectorAll('script').length),
      (built.match(/<script/gi) || []).length,
      'the copy’s page has more script elements than the single file',
    );
    const backup = JSON.parse(await readFile(HOSTILE_BACKUP, 'utf8'));
    await visitEveryScreenOfTheHostilePlan(opened, ran, backup.plans[0]);
    await everyPrintPage(opened, ran);
    await reader.close();
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
});

// ---- 4. What the address and the file system bring in ----------------------------------------------

test('a hostile storage key in the iframe page’s address, and hostile file names on import, are only ever text', async () => {
  const context = await env.browser.newContext();
  const ran = await armTrap(context);
  const page = await context.newPage();
  // Anyone can send a link to the iframe page with its own ?storage-key=.
  const key = PAYLOADS[1];
  await page.goto(`${env.server.origin}/embed.html?storage-key=${encodeURIComponent(key)}`);
  await waitForPlanner(page);
  const widget = widgetOf(page);
  assert.equal(await widget.locator('.rep-app').getAttribute('data-storage-key'), key);
  await waitForSaved(widget);
  for (const screen of SCREENS) {
    await goTo(widget, screen);
    await assertNothingRan(page, ran, `on ${screen} with a hostile storage key`);
  }
  // The key is escaped in the names of what is stored: it cannot reach another namespace.
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.length > 0);
  for (const stored of keys) assert.match(stored, /^race-equity-planner\/[A-Za-z0-9._%-]+\/(plan\/|last-opened$)/);

  // A file's name is the user's, but it may have come from anyone: shown as text when the file is
  // refused, and when it is previewed.
  const chooser = widget.getByLabel('Choose a plan or backup file (.json)', { exact: true });
  const badName = `${PAYLOADS[0]}.json`;
  await chooser.setInputFiles({ name: badName, mimeType: 'application/json', buffer: Buffer.from('not json') });
  const problem = widget.locator('.rep-error-summary');
  await until(async () => (await problem.textContent()).includes(badName), 'the problem, naming the file as text');
  await assertNothingRan(page, ran, 'after refusing a file with a hostile name');
  const goodName = `${PAYLOADS[5]}.json`;
  const backup = await readFile(join(fixturesDir, 'plans', 'backup-with-new-plan.json'));
  await chooser.setInputFiles({ name: goodName, mimeType: 'application/json', buffer: backup });
  await widget.getByRole('region', { name: 'What the import will do' }).waitFor();
  await assertNothingRan(page, ran, 'with a file with a hostile name previewed');
  await context.close();
});

// ---- 5. The REAP CSV ---------------------------------------------------------------------------------

/** Reads CSV as a spreadsheet does: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 1; } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test('the REAP checklist CSV writes every cell that starts like a formula with an apostrophe', async () => {
  // A carriage return cannot be typed into a field (the browser turns it into a line feed), so a
  // plan that came from a file brings it; the rest are typed.
  const plan = blankPlan('csv', 'Formula team', { reap: { anchors: {
    '3.1': { status: 'met', evidence: '\r=1+1', review_date: '@SUM(A1)' },
    '3.2': { status: 'in_progress', review_date: '=HYPERLINK("http://evil.example","x")' },
  } } });
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [plan]);
  await goTo(widget, 'REAP checklist');
  const typedFormulas = {
    'rep-a-1-1-evidence': '=HYPERLINK("http://evil.example","x")',
    'rep-a-1-1-who': '+1',
    'rep-a-1-2-evidence': '-1',
    'rep-a-1-2-who': '@SUM(A1)',
    'rep-a-1-3-evidence': '\tTab first',
    'rep-a-1-3-who': "=cmd|' /C calc'!A0",
    'rep-a-2-1-evidence': '+cmd|\' /C notepad\'!A0',
  };
  for (const [id, formula] of Object.entries(typedFormulas)) await field(widget, id).fill(formula);
  // An action linked to an anchor lands in the Actions column.
  await widget.getByRole('button', { name: 'Add an action for 2.2', exact: true }).click();
  const actionText = widget.locator('[id^="rep-x-"][id$="-text"]').first();
  await actionText.waitFor();
  await actionText.fill('=2+5');
  await waitForSaved(widget);
  for (const [id, formula] of Object.entries(typedFormulas)) {
    assert.equal(await field(widget, id).inputValue(), formula, `#${id} did not keep what was typed`);
  }

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    widget.getByRole('button', { name: 'Download the checklist (CSV)', exact: true }).click(),
  ]);
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const rows = parseCsv(csv);
  const cells = rows.flat();
  const expected = [...Object.values(typedFormulas), '\r=1+1', '@SUM(A1)', '=HYPERLINK("http://evil.example","x")', '=2+5'];
  for (const formula of expected) {
    assert.ok(cells.includes(`'${formula}`), `${JSON.stringify(formula)} is not written as '${JSON.stringify(formula)}; cells: ${JSON.stringify(cells.filter((c) => c.includes(formula.trim().slice(1, 4))))}`);
  }
  // And no cell at all starts like a formula.
  const dangerous = cells.filter((c) => /^[=+\-@\t\r]/.test(c));
  assert.deepEqual(dangerous, [], 'cells a spreadsheet would run as formulas');
  // Every row has the header's number of cells: no quote or line break broke the layout.
  assert.deepEqual([...new Set(rows.filter((r) => r.length > 1).map((r) => r.length))], [rows[0].length]);
  await context.close();
});

// ---- 6. The single file's Content-Security-Policy ---------------------------------------------

/** A listener on another port that counts every request and WebSocket upgrade that reaches it. */
async function startListener() {
  const hits = [];
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' }).end('reached');
  });
  server.on('upgrade', (request, socket) => {
    hits.push(`UPGRADE ${request.url}`);
    socket.destroy();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const close = () => new Promise((done) => {
    server.close(done);
    server.closeAllConnections();
  });
  return { origin: `http://127.0.0.1:${server.address().port}`, hits, close };
}

test('single file: its Content-Security-Policy stops XMLHttpRequest, WebSocket, images, beacons, inline handlers and eval, and nothing leaves', async () => {
  const listener = await startListener();
  const context = await env.browser.newContext();
  try {
    await tryToSendFromTheSingleFile(context, listener);
  } finally {
    await context.close();
    await listener.close();
  }
});

async function tryToSendFromTheSingleFile(context, listener) {
  const ran = await armTrap(context);
  const page = await context.newPage();
  // Chromium reports a request the policy stops as one that failed with "csp": what matters
  // is how each attempt ended.
  const attempts = new Map();
  context.on('request', (request) => attempts.set(request.url(), 'sent, no answer yet'));
  context.on('requestfailed', (request) => attempts.set(request.url(), `failed: ${request.failure()?.errorText}`));
  context.on('requestfinished', (request) => attempts.set(request.url(), 'answered'));
  await page.goto(singleFileUrl);
  await waitForPlanner(page);
  await page.evaluate(() => {
    window.__repViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__repViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const outcome = await page.evaluate(async (origin) => {
    const result = {};
    const attempt = async (name, run) => {
      try {
        result[name] = await run();
      } catch (error) {
        result[name] = `blocked (${error.name})`;
      }
    };
    await attempt('fetch', async () => { await fetch(`${origin}/fetch`); return 'sent'; });
    await attempt('XMLHttpRequest', () => new Promise((done) => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', `${origin}/xhr`);
      xhr.onload = () => done('sent');
      xhr.onerror = () => done('blocked (error event)');
      xhr.send();
    }));
    await attempt('WebSocket', () => new Promise((done) => {
      const socket = new WebSocket(`${origin.replace('http', 'ws')}/ws`);
      socket.onopen = () => done('sent');
      socket.onerror = () => done('blocked (error event)');
    }));
    await attempt('Image', () => new Promise((done) => {
      const image = new Image();
      image.onload = () => done('sent');
      image.onerror = () => done('blocked (error event)');
      image.src = `${origin}/image.png`;
    }));
    await attempt('sendBeacon', () => (navigator.sendBeacon(`${origin}/beacon`, 'data') ? 'queued' : 'blocked (refused)'));
    await attempt('eval', () => { eval('1 + 1'); return 'ran'; });
    await attempt('Function', () => { new Function('return 1')(); return 'ran'; });
    // Inline event handlers and inline script added to the page.
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="data:," onload="window.__pwned = \'inline onload\'" onerror="window.__pwned = \'inline onerror\'">';
    document.body.append(holder);
    const clickable = document.createElement('button');
    clickable.setAttribute('onclick', "window.__pwned = 'inline onclick'");
    document.body.append(clickable);
    clickable.click();
    const script = document.createElement('script');
    script.textContent = "window.__pwned = 'inline script'";
    document.body.append(script);
    const link = document.createElement('a');
    link.href = "javascript:window.__pwned = 'javascript: URL'";
    document.body.append(link);
    link.click();
    await new Promise((done) => setTimeout(done, 500));
    holder.remove();
    clickable.remove();
    script.remove();
    link.remove();
    return result;
  }, listener.origin);

  // Each attempt throws or fails, except that Chromium accepts a beacon into its queue and then
  // drops it for the policy: for that one, what counts is that nothing arrives (below).
  const { sendBeacon, ...rest } = outcome;
  for (const [name, result] of Object.entries(rest)) assert.match(result, /^blocked/, `${name} was not blocked: ${result}`);
  assert.match(sendBeacon, /^(blocked|queued)/);
  assert.deepEqual(Object.keys(outcome).sort(), ['Function', 'Image', 'WebSocket', 'XMLHttpRequest', 'eval', 'fetch', 'sendBeacon']);
  await page.waitForTimeout(500);
  assert.deepEqual(listener.hits, [], 'requests reached the listener');
  const left = [...attempts].filter(([url, how]) => url.startsWith(listener.origin) && !/^failed: (csp|net::ERR_BLOCKED_BY_CSP)$/.test(how));
  assert.deepEqual(left, [], 'requests to the listener that the policy did not stop');
  assert.deepEqual(ran, [], 'an inline handler, script or javascript: URL ran');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const violations = await page.evaluate(() => window.__repViolations);
  for (const directive of ['connect-src', 'img-src', 'script-src-attr', 'script-src-elem']) {
    assert.ok(violations.some((v) => v.startsWith(directive)), `no ${directive} violation was reported: ${violations.join(' | ')}`);
  }
}
