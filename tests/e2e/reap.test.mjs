// The REAP anchor checklist (issue 4) as a Team Leader meets it: keyboard only, the meeting rule's
// summary flipping at the right moment, everything kept over a reload, reviews and what changed,
// flags that never discard what was typed, actions linked to anchors, the Employment Specialists'
// caseloads under anchor 3.3, and the CSV and printable exports.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  axeViolations, blankPlan, deepFocus, field, focusedId, goTo, openWithPlans, sharedBrowser, storedPlan, tabTo, typeInto, until,
  waitForPlanner, waitForSaved,
} from './harness.mjs';


const env = sharedBrowser();

// ---- Helpers -----------------------------------------------------------------------------------

/** Chooses `status` in an anchor's status list from the keyboard (type-ahead on a closed list). */
async function chooseStatus(page, anchor, status) {
  await tabTo(page, `rep-a-${anchor.replace('.', '-')}-status`);
  await page.keyboard.type(status);
}

const headline = (widget) => widget.locator('.rep-summary__headline').innerText();
const summary = (widget) => widget.locator('.rep-summary').innerText();
// ---- Tests -------------------------------------------------------------------------------------

test('keyboard only: marking anchors flips the summary to "REAP met" at the right moment, and a reload keeps it all', async () => {
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [blankPlan('team', 'Keyboard team')]);
  // Reach the REAP checklist from the keyboard.
  for (let i = 0; i < 30 && (await deepFocus(page))?.label !== 'REAP checklist'; i += 1) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await widget.getByRole('heading', { level: 1, name: 'REAP checklist' }).waitFor();
  assert.equal(await headline(widget), 'REAP not yet met');
  assert.match(await summary(widget), /Data: 1\.1, 1\.2 and 1\.3 not yet met/);

  for (const anchor of ['1.1', '1.2', '1.3', '2.1', '3.4']) await chooseStatus(page, anchor, 'Met');
  // Every theme but Partnership is met: the rule is not, and the summary says what is missing.
  assert.equal(await headline(widget), 'REAP not yet met');
  assert.match(await summary(widget), /Partnership: meet at least one of 4\.1-4\.6/);
  assert.doesNotMatch(await summary(widget), /Data: .*not yet met/);
  // The tag beside an anchor says its status in words.
  assert.equal(await widget.locator('[id="rep-anchor-2-1"] .rep-anchor__tags .rep-tag').first().innerText(), 'Met');

  await chooseStatus(page, '4.5', 'Met');
  await until(async () => (await headline(widget)) === 'REAP met', 'the headline to say "REAP met"');

  // "In progress" does not count: the rule flips back, naming the anchor.
  await chooseStatus(page, '1.2', 'In');
  await until(async () => (await headline(widget)) === 'REAP not yet met', 'the headline to flip back');
  assert.match(await summary(widget), /Data: 1\.2 not yet met/);
  // Still on 1.2's list: the arrow key moves from "In progress" to the next status, "Met".
  assert.equal(await focusedId(page), 'rep-a-1-2-status');
  await page.keyboard.press('ArrowDown');
  await until(async () => (await headline(widget)) === 'REAP met', 'the headline to say "REAP met" again');

  // Evidence and who, typed as a person types; the screen redraws under the typing without
  // moving focus or losing a character.
  const evidence = 'Referrals by ethnic group compared with the census, team meeting 3 March: see https://intranet.example/reap';
  await tabTo(page, 'rep-a-1-1-evidence', { back: true });
  await page.keyboard.type(evidence);
  assert.equal(await focusedId(page), 'rep-a-1-1-evidence');
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(page), 'rep-a-1-1-who');
  await page.keyboard.type('Sam Patel');
  await waitForSaved(widget);
  // "Met" with no evidence is allowed but flagged, in words.
  assert.match(await widget.locator('[id="rep-anchor-1-3"] .rep-anchor__tags').innerText(), /Met, no evidence recorded/);
  assert.doesNotMatch(await widget.locator('[id="rep-anchor-1-1"] .rep-anchor__tags').innerText(), /no evidence/);

  await page.reload();
  await waitForPlanner(page);
  await goTo(widget, 'REAP checklist');
  assert.equal(await headline(widget), 'REAP met');
  for (const anchor of ['1-1', '1-2', '1-3', '2-1', '3-4', '4-5']) {
    assert.equal(await field(widget, `rep-a-${anchor}-status`).inputValue(), 'met', anchor);
  }
  assert.equal(await field(widget, 'rep-a-1-1-evidence').inputValue(), evidence);
  assert.equal(await field(widget, 'rep-a-1-1-who').inputValue(), 'Sam Patel');
  assert.equal(await field(widget, 'rep-a-2-2-status').inputValue(), 'not_started');
  const stored = await storedPlan(page, 'team');
  assert.equal(stored.reap.anchors['1.1'].evidence, evidence);
  assert.equal(stored.reap.anchors['4.5'].status, 'met');

  // The guidance is one keypress away, and the screen passes axe with it open.
  await widget.getByText('Guidance for 1.1', { exact: true }).focus();
  await page.keyboard.press('Enter');
  assert.match(await widget.locator('[id="rep-anchor-1-1"] details').innerText(), /Questions to ask/);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('reviews: a dated snapshot, then what changed since it; overdue and unreadable dates are flagged and kept', async () => {
  const plan = blankPlan('rev', 'Review team', { reap: {
    anchors: {
      '2.2': { status: 'in_progress', who: 'Jo', review_date: '2020-01-31' },
      '3.1': { status: 'met', evidence: 'Policy', review_date: 'after the summer' },
    },
  } });
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [plan]);
  await goTo(widget, 'REAP checklist');
  assert.match(await widget.locator('[id="rep-anchor-2-2"] .rep-anchor__tags').innerText(), /Review overdue \(due 31 January 2020\)/);
  assert.match(await widget.locator('[id="rep-anchor-3-1"] .rep-anchor__tags').innerText(), /Review date ‘after the summer’ is not a date/);
  // What was typed is shown as it was, not blanked by a date picker.
  assert.equal(await field(widget, 'rep-a-3-1-review').inputValue(), 'after the summer');

  assert.match(await widget.locator('#rep-reviews').locator('..').innerText(), /No review has been started yet/);
  await widget.getByRole('button', { name: 'Start a review today' }).click();
  await until(async () => /The last review started on/.test(await widget.locator('section[aria-labelledby="rep-reviews"]').innerText()), 'the review to show');
  assert.equal(await focusedId(page), 'rep-reviews');
  assert.match(await widget.locator('section[aria-labelledby="rep-reviews"]').innerText(), /Nothing has changed since the review/);

  await field(widget, 'rep-a-2-2-status').selectOption('met');
  await typeInto(page, field(widget, 'rep-a-2-2-evidence'), 'Training log for the whole team');
  const changes = widget.locator('#rep-changes-since');
  await changes.locator('summary').click();
  await until(async () => /\(2 changes\)/.test(await changes.locator('summary').innerText()), 'two changes');
  const text = await changes.innerText();
  assert.match(text, /2\.2: status changed from In progress to Met/);
  assert.match(text, /2\.2: evidence added/);
  // The open list stays open, and follows, while the checklist changes below it.
  await field(widget, 'rep-a-3-1-status').selectOption('not_met');
  await until(async () => /\(3 changes\)/.test(await changes.locator('summary').innerText()), 'three changes');
  assert.equal(await changes.evaluate((d) => d.open), true, 'the list of changes is still open');
  assert.match(await changes.innerText(), /3\.1: status changed from Met to Not met/);
  await field(widget, 'rep-a-3-1-status').selectOption('met');
  await until(async () => /\(2 changes\)/.test(await changes.locator('summary').innerText()), 'back to two changes');
  await waitForSaved(widget);
  const stored = await storedPlan(page, 'rev');
  assert.equal(stored.reap.reviews.length, 1);
  assert.equal(stored.reap.reviews[0].anchors['2.2'].status, 'in_progress');
  assert.equal(stored.reap.anchors['3.1'].review_date, 'after the summer');
  await context.close();
});

test('actions from an anchor: added, focused, linked in the saved plan, and removed only after a confirmation', async () => {
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [blankPlan('acts', 'Action team')]);
  await goTo(widget, 'REAP checklist');
  await widget.getByRole('button', { name: 'Add an action for 1.2' }).click();
  await until(async () => /^rep-x-.*-text$/.test(await focusedId(page)), 'focus on the new action');
  const id = (await focusedId(page)).replace(/^rep-x-/, '').replace(/-text$/, '');
  await page.keyboard.type('Compare the team with the local population each quarter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Team Leader');
  await waitForSaved(widget);
  let stored = await storedPlan(page, 'acts');
  const actions = stored.action_plan.objectives.flatMap((o) => o.actions);
  assert.deepEqual(
    actions.map((a) => ({ text: a.text, who: a.who, anchors: a.anchors })),
    [{ text: 'Compare the team with the local population each quarter', who: 'Team Leader', anchors: ['1.2'] }],
  );
  assert.equal(stored.action_plan.objectives[0].title, 'REAP: Data');

  // Remove asks first; Cancel keeps it and returns focus.
  await widget.getByRole('button', { name: 'Remove action 1 for 1.2' }).click();
  await until(async () => (await focusedId(page)) === 'rep-confirm', 'focus on the confirmation');
  await widget.getByRole('button', { name: 'Cancel' }).click();
  await until(async () => (await focusedId(page)) === `rep-ask-remove-action-${id}`, 'focus back on Remove');
  assert.equal(await field(widget, `rep-x-${id}-text`).inputValue(), 'Compare the team with the local population each quarter');
  await page.keyboard.press('Enter');
  await until(async () => (await focusedId(page)) === 'rep-confirm', 'focus on the confirmation');
  await page.keyboard.press('Enter');
  await until(async () => (await focusedId(page)) === 'rep-add-action-1-2', 'focus on "Add an action"');
  await waitForSaved(widget);
  stored = await storedPlan(page, 'acts');
  assert.deepEqual(stored.action_plan.objectives.flatMap((o) => o.actions), []);
  await context.close();
});

test('anchor 3.3: each Employment Specialist\'s caseload against the team\'s, bad counts kept and explained', async () => {
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [blankPlan('es', 'Caseload team')]);
  await goTo(widget, 'REAP checklist');
  const counts = { 'A.K.': { black: '2', white: '40', asian: '3' }, 'J.M.': { black: '14', white: '25', asian: '4' } };
  for (const [name, groups] of Object.entries(counts)) {
    await widget.getByRole('button', { name: 'Add an Employment Specialist' }).click();
    await until(async () => /^rep-s-.*-name$/.test(await focusedId(page)), 'focus on the new name');
    const es = (await focusedId(page)).replace(/-name$/, '');
    await page.keyboard.type(name);
    for (const [group, count] of Object.entries(groups)) await typeInto(page, field(widget, `${es}-${group}`), count);
  }
  const results = widget.locator('.rep-caseload-results');
  await until(async () => /A\.K\./.test(await results.innerText()), 'the comparison');
  // A.K. has 2 of 45 Black clients against the team's 16 of 88: flagged, in words.
  assert.match(await results.innerText(), /A\.K\./);

  // A count that is not a number is explained, kept as typed, and left out of the sums.
  const first = (await widget.locator('input[id$="-black"]').first().getAttribute('id'));
  await typeInto(page, field(widget, first), '2a');
  await until(async () => /‘2a’ is not a whole number/.test(await widget.locator('.rep-caseload-problems').innerText()), 'the problem');
  await page.keyboard.press('Tab');
  assert.equal(await field(widget, first).inputValue(), '2a');

  await widget.getByRole('button', { name: /Add this comparison to the evidence for 3\.3/ }).click();
  await until(async () => (await field(widget, 'rep-a-3-3-evidence').inputValue()).length > 20, 'the evidence');
  await waitForSaved(widget);
  await page.reload();
  await waitForPlanner(page);
  await goTo(widget, 'REAP checklist');
  assert.equal(await field(widget, first).inputValue(), '2a');
  const stored = await storedPlan(page, 'es');
  assert.deepEqual(stored.reap.specialists.map((s) => s.name), ['A.K.', 'J.M.']);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('exports: the checklist as CSV in the REAP tab\'s layout, and a printable page', async () => {
  const plan = blankPlan('exp', 'Export team', { reap: {
    anchors: { '1.1': { status: 'met', evidence: '=HYPERLINK("x")', who: 'Sam' } },
  } });
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [plan]);
  await goTo(widget, 'REAP checklist');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    widget.getByRole('button', { name: 'Download the checklist (CSV)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^race-equity-plan-export-team-reap-checklist-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  assert.match(lines[0], /^Theme,Anchor,Title,Status,Evidence,Who is responsible,Review date,Actions/);
  assert.equal(lines.filter((l) => /^(Data|Learning|Processes|Partnership),\d\.\d,/.test(l)).length, 17);
  // A formula typed as evidence is written as text, not run by Excel.
  assert.match(csv, /'=HYPERLINK/);

  await widget.getByRole('button', { name: 'Print the checklist' }).click();
  const frame = widget.locator('iframe.rep-print-frame');
  await frame.waitFor({ state: 'attached' });
  const srcdoc = await frame.getAttribute('srcdoc');
  assert.match(srcdoc, /REAP not yet met/);
  assert.match(srcdoc, /Export team/);
  assert.doesNotMatch(srcdoc, /<script/i);
  // Belt and braces: the frame runs no script, and the page's own policy allows only its styles.
  assert.equal(await frame.getAttribute('sandbox'), 'allow-same-origin allow-modals');
  assert.match(srcdoc, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
  await context.close();
});

test('a plan from a newer version shows the checklist read-only', async () => {
  const plan = { ...blankPlan('new', 'Newer team', { reap: { anchors: { '1.1': { status: 'met' } } } }), schema_version: 99 };
  const { context, widget } = await openWithPlans(env.browser, env.server, [plan]);
  await goTo(widget, 'REAP checklist');
  assert.equal(await field(widget, 'rep-a-1-1-status').isDisabled(), true);
  assert.equal(await field(widget, 'rep-a-1-1-evidence').getAttribute('readonly'), '');
  assert.equal(await widget.getByRole('button', { name: 'Add an action for 1.1' }).isDisabled(), true);
  assert.equal(await widget.getByRole('button', { name: 'Download the checklist (CSV)' }).isDisabled(), false);
  await context.close();
});

test('what was typed is shown as text, never run as markup, on the checklist and the home page', async () => {
  const hostile = '<img src=x onerror="window.__hostile = 1">"><b>bold</b>';
  const plan = blankPlan('xss', hostile, { reap: {
    anchors: { '1.1': { status: 'met', evidence: hostile, who: hostile, review_date: hostile } },
    specialists: [{ id: 'es1', name: hostile, caseload: { white: hostile } }],
  } });
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [plan]);
  await goTo(widget, 'REAP checklist');
  assert.equal(await field(widget, 'rep-a-1-1-evidence').inputValue(), hostile);
  assert.equal(await field(widget, 'rep-a-1-1-review').inputValue(), hostile);
  assert.equal(await field(widget, 'rep-s-es1-name').inputValue(), hostile);
  assert.match(await widget.locator('.rep-caseload-problems').innerText(), /is not a whole number/);
  await goTo(widget, 'Home');
  assert.equal(await field(widget, 'rep-plan-title').inputValue(), hostile);
  const injected = await page.evaluate(() => {
    const root = document.querySelector('[data-race-equity-planner]').shadowRoot;
    return { ran: window.__hostile === 1, images: root.querySelectorAll('img').length, bold: root.querySelectorAll('b').length };
  });
  assert.deepEqual(injected, { ran: false, images: 0, bold: 0 });
  await context.close();
});

test('the contents: any anchor is a few key presses from the top, wide or narrow', async () => {
  for (const width of [1280, 320]) {
    const { context, page, widget } = await openWithPlans(env.browser, env.server, [blankPlan('contents', 'Contents plan')]);
    await page.setViewportSize({ width, height: 800 });
    await goTo(widget, 'REAP checklist');
    // From the screen's heading (where focus lands on opening it) to anchor 4.6's heading.
    await widget.getByRole('heading', { level: 1, name: 'REAP checklist' }).focus();
    const target = width > 700 ? /^4\.6 The team's Employer Engagement strategy/ : /^4\. Partnership$/;
    let presses = 0;
    while (!target.test(await page.evaluate(() => {
      let a = document.activeElement;
      while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
      return a ? a.textContent.trim() : '';
    }))) {
      await page.keyboard.press('Tab');
      presses += 1;
      assert.ok(presses < 40, `the contents link was not reached in 40 presses at ${width} px`);
    }
    await page.keyboard.press('Enter');
    const heading = width > 700 ? 'rep-a-4-6-title' : 'rep-theme-4';
    await until(async () => (await focusedId(page)) === heading, `focus on ${heading}`);
    assert.ok(await field(widget, heading).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    }), 'the heading is scrolled into view');
    await context.close();
  }
});

test('the summary names the anchors counted as met with no evidence, until evidence is added', async () => {
  const { context, widget } = await openWithPlans(env.browser, env.server, [blankPlan('team', 'Evidence team')]);
  await goTo(widget, 'REAP checklist');
  const warning = widget.locator('#rep-reap-no-evidence');
  assert.equal(await warning.count(), 0);
  await field(widget, 'rep-a-2-1-status').selectOption('met');
  await field(widget, 'rep-a-4-2-status').selectOption('met');
  await until(async () => (await warning.count()) === 1, 'the warning');
  assert.equal(await warning.innerText(), 'No evidence Anchors 2.1 and 4.2 are counted as met with no evidence recorded. A reviewer will ask for it: add the evidence under each.');
  await field(widget, 'rep-a-2-1-evidence').fill('All staff on the anti-racism course');
  await until(async () => /^No evidence Anchor 4\.2 is counted/.test(await warning.innerText()), 'only 4.2 left');
  await field(widget, 'rep-a-4-2-evidence').fill('Partnership agreement signed');
  await until(async () => (await warning.count()) === 0, 'the warning to go');
  await context.close();
});

test('the service figures are added to the evidence for 1.1 and 1.2, or the user is told to type them first', async () => {
  const { context, widget } = await openWithPlans(env.browser, env.server, [blankPlan('team', 'No figures yet')]);
  await goTo(widget, 'REAP checklist');
  await widget.getByRole('button', { name: 'Add the service figures from the Data screen to the evidence for 1.2' }).click();
  const problem = field(widget, 'rep-a-1-2-service-problem');
  await problem.waitFor();
  assert.equal(await problem.innerText(), 'There are no service figures to add yet. Type the counts on the Data screen first.', 'said beside the button');
  assert.equal(await field(widget, 'rep-a-1-2-evidence').inputValue(), '');
  await context.close();

  // The example plan has figures: they go into 1.2's evidence after what is there, dated.
  const example = await env.browser.newContext();
  const page = await example.newPage();
  await page.goto(`${env.server.origin}/index.html`);
  await waitForPlanner(page);
  const planner = page.locator('[data-race-equity-planner]');
  await goTo(planner, 'REAP checklist');
  const evidence = field(planner, 'rep-a-1-2-evidence');
  const before = await evidence.inputValue();
  await planner.getByRole('button', { name: 'Add the service figures from the Data screen to the evidence for 1.2' }).click();
  await until(async () => (await evidence.inputValue()) !== before, 'the evidence to grow');
  const after = await evidence.inputValue();
  assert.ok(after.startsWith(before.trimEnd()), 'what was there is kept');
  assert.match(after, /From the service figures on the Data screen, \d{1,2} \w+ \d{4}:\n- IPS team against the local population:/);
  await example.close();
});
