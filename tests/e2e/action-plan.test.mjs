// The action plan (issue 19) as a Team Leader meets it: actions added from a REAP anchor appear in
// the plan, unchanged, and say what they answer; objectives and actions added on the Action plan
// screen are numbered across the plan; a timeframe written as plans write it is read, and an
// action past it is flagged overdue until it is done; the header is kept over a reload; removing
// an objective asks first; axe finds nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  axeViolations, blankPlan, field, focusedId, goTo, openWithPlans, sharedBrowser, storedPlan, until, waitForPlanner, waitForSaved,
} from './harness.mjs';

const env = sharedBrowser();

const headline = (widget) => widget.locator('#rep-ap-headline').innerText();
const numbersShown = (widget) => widget.locator('.rep-action__number').allInnerTexts();

test('an action added under a REAP anchor is in the action plan, says what it answers, and numbering runs across objectives', async () => {
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [blankPlan('team', 'Our team')]);
  await goTo(widget, 'REAP checklist');
  await widget.getByRole('button', { name: 'Add an action for 1.2' }).click();
  await until(async () => /rep-x-.*-text/.test(await focusedId(page)), 'focus on the new action');
  await page.keyboard.type('Compare referrals with the local population every quarter');

  await goTo(widget, 'Action plan');
  assert.match(await headline(widget), /^1 action: 1 not started, 0 on track, 0 at risk, 0 done\. 0 overdue\.$/);
  const first = widget.locator('.rep-action--planned').first();
  assert.equal(await first.locator('textarea').first().inputValue(), 'Compare referrals with the local population every quarter');
  assert.match(await first.innerText(), /What it answers\s+REAP anchor 1\.2: /);
  assert.match(await widget.locator('.rep-objective').first().innerText(), /^Objective 1: REAP: Data/);

  // A second objective of our own, with an action: numbered 2, after the REAP one.
  await widget.getByRole('button', { name: 'Add an objective' }).click();
  await until(async () => (await focusedId(page)) === 'rep-ob-o2-title', 'focus on the new objective\'s words');
  await page.keyboard.type('Fair shortlisting');
  assert.equal(await widget.getByRole('heading', { level: 3, name: 'Objective 2: Fair shortlisting' }).count(), 1);
  await widget.getByRole('button', { name: 'Add an action to objective 2' }).click();
  await until(async () => /^rep-ap-a\d+-text$/.test(await focusedId(page)), 'focus on the new action');
  await page.keyboard.type('Publish shortlisting figures by ethnicity');
  assert.deepEqual(await numbersShown(widget), ['Action 1', 'Action 2']);
  await widget.getByLabel('Theme (objective 2)').selectOption('Recruitment and retention');
  await waitForSaved(widget);

  const saved = await storedPlan(page, 'team');
  const objectives = saved.action_plan.objectives;
  assert.deepEqual(objectives.map((o) => o.title), ['REAP: Data', 'Fair shortlisting']);
  assert.equal(objectives[1].theme, 'Recruitment and retention');
  assert.deepEqual(objectives[0].actions[0].anchors, ['1.2']);
  assert.equal(objectives[1].actions[0].text, 'Publish shortlisting figures by ethnicity');

  // Removing the REAP action renumbers the other, and the anchor shows no action any more.
  await widget.getByRole('button', { name: 'Remove action 1' }).click();
  await widget.getByRole('button', { name: 'Yes, remove: Remove action 1' }).click();
  await until(async () => JSON.stringify(await numbersShown(widget)) === '["Action 1"]', 'the actions to be renumbered');
  await goTo(widget, 'REAP checklist');
  assert.match(await widget.locator('#rep-anchor-1-2').innerText(), /No actions are linked to this anchor yet/);
  await context.close();
});

test('a timeframe written as plans write it is read; past it the action is overdue until it is done', async () => {
  const plan = blankPlan('team', 'Our team', {
    action_plan: {
      objectives: [{ id: 'o1', title: 'Fair recruitment', lead: 'HR', actions: [{ id: 'a1', text: 'Review interview panels', status: 'on_track' }] }],
    },
  });
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [plan]);
  await goTo(widget, 'Action plan');
  const timeframe = field(widget, 'rep-ap-a1-by_when');
  const reading = field(widget, 'rep-ap-a1-by_when-reading');
  const item = field(widget, 'rep-ap-a1');

  await timeframe.fill('Q3 2025');
  await until(async () => /due 30 September 2025/.test(await reading.innerText()), 'the quarter to be read');
  assert.match(await item.innerText(), /Overdue/);
  assert.match(await headline(widget), /1 overdue\./);

  await timeframe.fill('ongoing');
  await until(async () => /ongoing: no due date/.test(await reading.innerText()), '"ongoing" to be read');
  assert.doesNotMatch(await item.innerText(), /Overdue/);

  await timeframe.fill('Spring 2025');
  await until(async () => /not a date the planner can read/.test(await reading.innerText()), 'a season not to be guessed');
  assert.doesNotMatch(await item.innerText(), /Overdue/);
  assert.equal(await timeframe.inputValue(), 'Spring 2025', 'kept as typed');

  await timeframe.fill('31/01/2020');
  await until(async () => /Overdue/.test(await item.innerText()), 'a past date to be overdue');
  await field(widget, 'rep-ap-a1-status').selectOption('done');
  await until(async () => !/Overdue/.test(await item.innerText()), 'a done action not to be overdue');
  assert.match(await headline(widget), /1 done\. 0 overdue\./);
  await waitForSaved(widget);
  const saved = (await storedPlan(page, 'team')).action_plan.objectives[0].actions[0];
  assert.equal(saved.by_when, '31/01/2020');
  assert.equal(saved.status, 'done');
  await context.close();
});

test('the plan header is kept over a reload, and removing an objective asks first and takes its actions', async () => {
  const plan = blankPlan('team', 'Our team', {
    action_plan: {
      objectives: [
        { id: 'o1', title: 'Leadership', actions: [{ id: 'a1', text: 'Mentoring scheme' }, { id: 'a2', text: 'Board development session' }] },
        { id: 'o2', title: 'Staff voice', actions: [{ id: 'a3', text: 'Quarterly listening events' }] },
      ],
    },
  });
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [plan]);
  await goTo(widget, 'Action plan');
  await field(widget, 'rep-ap-header-senior_sponsors').fill('Director of Adult Social Care');
  await field(widget, 'rep-ap-header-employees').fill('about 1,150');
  await field(widget, 'rep-ap-header-how_agreed').fill('Agreed by the leadership team with the staff network.');
  assert.deepEqual(await numbersShown(widget), ['Action 1', 'Action 2', 'Action 3']);

  await widget.getByRole('button', { name: 'Remove objective 1' }).click();
  assert.equal(await focusedId(page), 'rep-confirm', 'the removal asks first');
  await widget.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await widget.locator('.rep-objective').count(), 2, 'Cancel keeps it');
  await widget.getByRole('button', { name: 'Remove objective 1' }).click();
  await widget.getByRole('button', { name: 'Yes, remove: Remove objective 1' }).click();
  await until(async () => (await widget.locator('.rep-objective').count()) === 1, 'the objective to go');
  assert.deepEqual(await numbersShown(widget), ['Action 1']);
  assert.match(await widget.locator('.rep-objective').innerText(), /^Objective 1: Staff voice/);
  assert.equal(await focusedId(page), 'rep-ap-add-objective', 'focus moves to "Add an objective"');
  await waitForSaved(widget);

  await page.reload();
  await waitForPlanner(page);
  await goTo(widget, 'Action plan');
  assert.equal(await field(widget, 'rep-ap-header-senior_sponsors').inputValue(), 'Director of Adult Social Care');
  assert.equal(await field(widget, 'rep-ap-header-employees').inputValue(), 'about 1,150');
  assert.equal(await field(widget, 'rep-ap-header-how_agreed').inputValue(), 'Agreed by the leadership team with the staff network.');
  assert.equal(await widget.locator('.rep-objective').count(), 1);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('what no action answers yet: unmet anchors, until an action links to them', async () => {
  const plan = blankPlan('team', 'Our team', { parts_in_use: { reap: true, journey: false, data: false, action_plan: true } });
  const { context, widget } = await openWithPlans(env.browser, env.server, [plan]);
  await goTo(widget, 'Action plan');
  const section = widget.locator('section[aria-labelledby="rep-ap-unanswered"]');
  assert.match(await section.innerText(), /REAP anchors not met[\s\S]*1\.2 /);
  await goTo(widget, 'REAP checklist');
  await widget.getByRole('button', { name: 'Add an action for 1.2' }).click();
  await goTo(widget, 'Action plan');
  assert.doesNotMatch(await section.innerText(), /\n1\.2 /);
  assert.match(await section.innerText(), /1\.1 /);
  await context.close();
});
