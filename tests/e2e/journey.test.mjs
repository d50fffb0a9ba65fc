// The journey to race equality self-assessment (issue 5) as a facilitator runs it in a meeting room:
// everyone's view, the spread and where views differ, the outcome-clarity cap explained, the agreed
// stages, six-month actions that land in the action plan, a reload that keeps it all, the timeline,
// and the printable pack and results.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  axeViolations, blankPlan, field, focusedId, goTo, openWithPlans, sharedBrowser, storedPlan, typeInto, until, waitForPlanner,
  waitForSaved,
} from './harness.mjs';

const JOURNEY = 'Journey self-assessment';

const env = sharedBrowser();

const headline = (widget) => widget.locator('.rep-summary__headline').innerText();

/** Adds a participant from the "Add a participant" button and fills in their view. */
async function addParticipant(page, widget, { name, department, stage, evidence }) {
  await widget.getByRole('button', { name: 'Add a participant' }).click();
  // Focus moves to the new participant's first field, so typing can start at once.
  const id = await until(async () => {
    const focused = await focusedId(page);
    return /^rep-j-p-p\d+-name$/.test(focused) && focused;
  }, 'focus on the new participant');
  const p = id.replace(/-name$/, '');
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(page), `${p}-department`);
  await page.keyboard.type(department);
  await field(widget, `${p}-stage`).selectOption(stage);
  await typeInto(page, field(widget, `${p}-evidence`), evidence);
  return p;
}

test('a facilitator records four views, sees the spread and where views differ, agrees a stage that the cap lowers, adds actions, and a reload keeps it all', async () => {
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [blankPlan('ws', 'Workshop team')]);
  await goTo(widget, JOURNEY);
  assert.equal(await headline(widget), 'No stage agreed yet');
  assert.match(await widget.locator('section[aria-labelledby="rep-j-workshop"]').innerText(), /Nobody has chosen a stage yet/);

  const people = [
    { name: 'Service manager', department: 'Community', stage: 'starting', evidence: 'We have a steering group.' },
    { name: 'Peer worker', department: 'Community', stage: 'developing', evidence: 'Targets are in the service plan.' },
    { name: 'Ward manager', department: 'Inpatient', stage: 'intending', evidence: 'Little has changed on the wards.' },
    { name: 'Psychologist', department: 'Inpatient', stage: 'developing', evidence: 'Outcomes are tracked by ethnicity.' },
  ];
  const ids = [];
  for (const person of people) ids.push(await addParticipant(page, widget, person));

  // The spread: how many chose each stage, for everyone and per department.
  const spread = widget.locator('table.rep-table--spread');
  await until(async () => /Psychologist/.test(await widget.locator('#rep-j-medians').innerText().catch(() => '')) || (await spread.count()) > 0, 'the spread');
  const headers = await spread.locator('thead th').allInnerTexts();
  assert.deepEqual(headers, ['Stage', 'Everyone', 'Community', 'Inpatient']);
  const row = async (stage) => (await spread.locator('tbody tr').filter({ hasText: stage }).locator('td').allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(await row('Developing'), ['2', '1', '1']);
  assert.deepEqual(await row('Intending'), ['1', '0', '1']);
  assert.deepEqual(await row('Achieving'), ['0', '0', '0']);
  // The median (none from fewer than 5 views: METRICS.md) and the disagreement flag, in words,
  // naming who holds each end.
  const medians = await widget.locator('#rep-j-medians').innerText();
  assert.match(medians, /Everyone: Median view: too few to tell \(4 views; a median needs at least 5\)/);
  assert.match(medians, /Inpatient: Median view: too few to tell \(2 views; a median needs at least 5\) Views differ Views are 2 stages apart: Ward manager sees Intending; Psychologist sees Developing\. Start the discussion here\./);
  assert.match(medians, /Everyone: .*Ward manager sees Intending; Peer worker and Psychologist see Developing/);
  assert.doesNotMatch(medians, /Community: [^\n]*Views differ/);

  // Outcome clarity: a "no" to question 2.
  await field(widget, 'rep-j-q-shared_view-answer').selectOption('no');
  await typeInto(page, field(widget, 'rep-j-q-shared_view-note'), 'We have not asked staff networks yet.');
  await field(widget, 'rep-j-q-know_inequalities-answer').selectOption('yes');
  // The consensus: Developing overall, and a stage per department.
  await field(widget, 'rep-j-agreed').selectOption('developing');
  await until(async () => (await headline(widget)) === 'Agreed stage: Starting (the group chose Developing)', 'the capped headline');
  const cap = await widget.locator('#rep-j-cap').innerText();
  assert.match(cap, /Shown as Starting, not Developing, because the answer to outcome question 2 is "no"/);
  assert.match(cap, /What would lift the cap:\s*Ask staff at every level/);
  await field(widget, 'rep-j-dept-0').selectOption('developing');
  await field(widget, 'rep-j-dept-1').selectOption('intending');
  assert.match(await widget.locator('.rep-summary').innerText(), /Community: Developing\s+Inpatient: Intending/);

  // At the stage shown (Starting): its barriers and breakthrough points, and two actions.
  const atStage = widget.locator('section[aria-labelledby="rep-j-at-stage"]');
  assert.match(await atStage.innerText(), /Barriers to watch out for/);
  assert.match(await atStage.innerText(), /Community engagement:/);
  await typeInto(page, field(widget, 'rep-j-strengths'), 'A committed steering group.');
  const actions = [
    { text: 'Run listening events with staff networks', who: 'EDI lead', by: '2027-05-31', breakthrough: 'starting.community_engagement' },
    { text: 'Name a race equity champion on each ward', who: 'Ward managers', by: '2027-03-31', breakthrough: 'starting.leadership' },
  ];
  for (const action of actions) {
    await widget.getByRole('button', { name: 'Add an action' }).click();
    const id = await until(async () => {
      const focused = await focusedId(page);
      return /^rep-j-x-a\d+-text$/.test(focused) && focused;
    }, 'focus on the new action');
    const x = id.replace(/-text$/, '');
    await page.keyboard.type(action.text);
    await page.keyboard.press('Tab');
    await page.keyboard.type(action.who);
    await field(widget, `${x}-by_when`).fill(action.by);
    await field(widget, `${x}-breakthrough`).selectOption(action.breakthrough);
  }
  await waitForSaved(widget);
  assert.deepEqual(await axeViolations(page), []);

  await page.reload();
  await waitForPlanner(page);
  await goTo(widget, JOURNEY);
  assert.equal(await headline(widget), 'Agreed stage: Starting (the group chose Developing)');
  for (const [i, person] of people.entries()) {
    assert.equal(await field(widget, `${ids[i]}-name`).inputValue(), person.name);
    assert.equal(await field(widget, `${ids[i]}-department`).inputValue(), person.department);
    assert.equal(await field(widget, `${ids[i]}-stage`).inputValue(), person.stage);
    assert.equal(await field(widget, `${ids[i]}-evidence`).inputValue(), person.evidence);
  }
  assert.equal(await field(widget, 'rep-j-q-shared_view-answer').inputValue(), 'no');
  assert.equal(await field(widget, 'rep-j-q-shared_view-note').inputValue(), 'We have not asked staff networks yet.');
  assert.equal(await field(widget, 'rep-j-agreed').inputValue(), 'developing');
  assert.equal(await field(widget, 'rep-j-dept-1').inputValue(), 'intending');
  assert.equal(await field(widget, 'rep-j-strengths').inputValue(), 'A committed steering group.');
  const texts = await widget.locator('section[aria-labelledby="rep-j-at-stage"] input[id$="-text"]').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(texts, actions.map((a) => a.text));

  // The actions are in the action plan, linked to the stage and the breakthrough point.
  const stored = await storedPlan(page, 'ws');
  const objective = stored.action_plan.objectives.find((o) => o.title === 'Journey: Starting');
  assert.ok(objective, 'an objective for the journey stage');
  assert.deepEqual(objective.actions.map((a) => [a.text, a.who, a.by_when, a.stages, a.breakthroughs]), actions.map((a) => [a.text, a.who, a.by, ['starting'], [a.breakthrough]]));
  assert.equal(stored.journey.agreed_stage, 'developing');
  assert.deepEqual(stored.journey.department_stages, [{ department: 'Community', stage: 'developing' }, { department: 'Inpatient', stage: 'intending' }]);
  assert.equal(stored.journey.participants.length, 4);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('the timeline keeps each assessment; an overdue re-assessment is flagged; the pack and the results print', async () => {
  const plan = blankPlan('tl', 'Timeline team', { journey: {
    participants: [
      { id: 'p1', name: 'Chair', department: 'Housing', stage: 'intending', evidence: '' },
      { id: 'p2', name: 'Lead', department: 'Housing', stage: 'starting', evidence: '' },
    ],
    agreed_stage: 'starting',
    department_stages: [{ department: 'Housing', stage: 'starting' }],
    reassessment_date: '2020-06-30',
    past: [{ date: '2020-01-15', stage: 'intending', capped: false, departments: [{ department: 'housing', stage: 'intending' }], participants: [] }],
  } });
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [plan]);
  await goTo(widget, JOURNEY);
  const section = widget.locator('section[aria-labelledby="rep-j-timeline"]');
  assert.match(await section.innerText(), /Re-assessment was due on 30 June 2020/);
  const rows = async () => section.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(await rows(), [['15 January 2020', 'Intending', 'Intending'], ['Now', 'Starting', 'Starting']]);

  await widget.getByRole('button', { name: 'Add this assessment to the timeline' }).click();
  await until(async () => (await rows()).length === 3, 'a third row');
  assert.equal(await focusedId(page), 'rep-j-timeline');
  assert.match(await section.innerText(), /2 assessments recorded; the last on/);
  await waitForSaved(widget);
  const stored = await storedPlan(page, 'tl');
  assert.equal(stored.journey.past.length, 2);
  assert.deepEqual(stored.journey.past[1].participants.map((p) => p.stage), ['intending', 'starting']);

  await widget.getByRole('button', { name: 'Print the workshop pack' }).click();
  const frame = widget.locator('iframe.rep-print-frame');
  await frame.waitFor({ state: 'attached' });
  const pack = await frame.getAttribute('srcdoc');
  for (const stage of ['Resisting', 'Intending', 'Starting', 'Developing', 'Achieving']) assert.match(pack, new RegExp(stage));
  assert.match(pack, /Have we defined race equality for our organisation as concrete outcomes\?/);
  assert.doesNotMatch(pack, /<script/i);

  // To share outside the team (the default): no one is named beside a stage.
  await widget.getByRole('button', { name: 'Print the results' }).click();
  await until(async () => /left out of a copy to share outside the team/.test((await frame.getAttribute('srcdoc')) || ''), 'the shared results page');
  const shared = await frame.getAttribute('srcdoc');
  assert.match(shared, /Starting/);
  assert.doesNotMatch(shared, /Chair/);
  // For the team: each person's view, by name.
  await widget.getByLabel('For my team', { exact: true }).check();
  await widget.getByRole('button', { name: 'Print the results' }).click();
  await until(async () => /Chair/.test((await frame.getAttribute('srcdoc')) || ''), 'the team results page');
  const results = await frame.getAttribute('srcdoc');
  assert.match(results, /Starting/);
  assert.doesNotMatch(results, /<script/i);
  await context.close();
});

test('what participants type is shown as text, never run as markup; a newer plan is read-only', async () => {
  const hostile = '<img src=x onerror="window.__hostile = 1">"><b>bold</b>';
  const plan = blankPlan('xss', 'Hostile', { journey: {
    participants: [
      { id: 'p1', name: hostile, department: hostile, stage: 'resisting', evidence: hostile },
      { id: 'p2', name: 'Other', department: hostile, stage: 'developing', evidence: '' },
    ],
    clarity: [{ question: 'know_inequalities', answer: 'no', note: hostile }],
    outcomes: [{ area: 'employment', objectives: hostile }],
    agreed_stage: 'starting',
  } });
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [plan]);
  await goTo(widget, JOURNEY);
  assert.equal(await field(widget, 'rep-j-p-p1-name').inputValue(), hostile);
  assert.equal(await field(widget, 'rep-j-q-know_inequalities-note').inputValue(), hostile);
  assert.match(await widget.locator('#rep-j-medians').innerText(), /<img src=x onerror/);
  const injected = await page.evaluate(() => {
    const root = document.querySelector('[data-race-equity-planner]').shadowRoot;
    return { ran: window.__hostile === 1, images: root.querySelectorAll('img').length, bold: root.querySelectorAll('b').length };
  });
  assert.deepEqual(injected, { ran: false, images: 0, bold: 0 });
  await context.close();

  const newer = await openWithPlans(env.browser, env.server, [{ ...blankPlan('new', 'Newer', { journey: { participants: [{ id: 'p1', name: 'A' }] } }), schema_version: 99 }]);
  await goTo(newer.widget, JOURNEY);
  assert.equal(await field(newer.widget, 'rep-j-p-p1-name').getAttribute('readonly'), '');
  assert.equal(await field(newer.widget, 'rep-j-agreed').isDisabled(), true);
  assert.equal(await newer.widget.getByRole('button', { name: 'Add a participant' }).isDisabled(), true);
  assert.equal(await newer.widget.getByRole('button', { name: 'Print the workshop pack' }).isDisabled(), false);
  await newer.context.close();
});
