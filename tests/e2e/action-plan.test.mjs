// The action plan (issue 19) as a Team Leader meets it: actions added from a REAP anchor appear in
// the plan, unchanged, and say what they answer; objectives and actions added on the Action plan
// screen are numbered across the plan; a timeframe written as plans write it is read, and an
// action past it is flagged overdue until it is done; the header is kept over a reload; removing
// an objective asks first; axe finds nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import {
  axeViolations, blankPlan, field, focusedId, goTo, openWithPlans, printFrom, sharedBrowser, storedPlan, until, waitForPlanner,
  waitForSaved,
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
  await until(async () => (await focusedId(page)) === 'rep-ap-add-objective', 'focus to move to "Add an objective"');
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

// ---- The metric links, both ways, and the downloads ----------------------------------------------

/** A plan with workforce figures: 2025-26 has an adverse disciplinary figure and a leaving figure
 * on small numbers; one objective with one action. */
function planWithFigures() {
  const entry = (metric, [ce, ct, re, rt]) => ({
    metric, comparison_events: String(ce), comparison_total: String(ct), reference_events: String(re), reference_total: String(rt),
  });
  return blankPlan('team', 'Our team', {
    data: { periods: [{ id: 'd1', label: '2025-26', metrics: [entry('disciplinary', [40, 100, 10, 100]), entry('leaving', [2, 8, 10, 100])] }] },
    action_plan: {
      objectives: [{ id: 'o1', title: 'Fair processes', lead: 'Head of HR', actions: [{ id: 'a1', text: '=cmd|calc review every case', by_when: 'Q1 2027' }] }],
    },
  });
}

/** The cells of the first sheet of an .xlsx, read from its zip with Node's own inflate: rows of
 * text, as a spreadsheet would show them. */
async function readXlsx(path) {
  const zip = await readFile(path);
  const parts = {};
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50;) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extra;
    const raw = zip.subarray(start, start + size);
    parts[name] = (method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
    at = start + size;
  }
  const sheet = parts['xl/worksheets/sheet1.xml'];
  assert.ok(sheet, `a first sheet among ${Object.keys(parts).join(', ')}`);
  assert.doesNotMatch(sheet, /<f>/, 'no formulas');
  const unescape = (t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...sheet.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map(([, row]) => {
    const cells = [];
    for (const [, ref, body] of row.matchAll(/<c r="([A-Z]+)\d+"[^>]*>([\s\S]*?)<\/c>/g)) {
      const column = ref.charCodeAt(0) - 65;
      const text = /<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1] ?? /<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '';
      cells[column] = unescape(text);
    }
    return Array.from(cells, (c) => c ?? '');
  });
}

test('an action linked to a metric shows the figure, the metric lists the action on the Data screen, and the metric is answered', async () => {
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [planWithFigures()]);
  await goTo(widget, 'Action plan');
  const unanswered = widget.locator('section[aria-labelledby="rep-ap-unanswered"]');
  assert.match(await unanswered.innerText(), /Adverse metrics in 2025-26[\s\S]*Formal disciplinary process/);
  // Link the action to the disciplinary metric from the keyboard: open the list, tick the box.
  const item = field(widget, 'rep-ap-a1');
  await item.locator('summary').filter({ hasText: 'Social Care WRES metrics it answers' }).click();
  await field(widget, 'rep-ap-a1-metric-disciplinary').focus();
  await page.keyboard.press('Space');
  await until(async () => /Data from the metrics\s+Formal disciplinary process, 2025-26: 4\.00/.test(await item.innerText()), 'the figure to show');
  assert.match(await item.innerText(), /SC-WRES metric: Formal disciplinary process/);
  assert.match(await item.locator('summary').first().innerText(), /\(1 chosen\)/);
  assert.doesNotMatch(await unanswered.innerText(), /Formal disciplinary process/);

  // From the metric's side, on the Data screen: the action, by its number, and adding another.
  await goTo(widget, 'Data');
  const metrics = widget.locator('section[aria-labelledby="rep-d-metric-actions"]');
  assert.match(await metrics.innerText(), /Formal disciplinary process\s+Action 1: =cmd\|calc review every case/);
  await widget.getByRole('button', { name: 'Add an action for Leaving the organisation' }).click();
  await until(async () => /Leaving the organisation\s+Action 2: \(action not yet described\)/.test(await metrics.innerText()), 'the new action under its metric');
  await goTo(widget, 'Action plan');
  assert.match(await widget.locator('.rep-objective').nth(1).innerText(), /^Objective 2: SC-WRES: Recruitment and retention/);
  await waitForSaved(widget);
  const saved = (await storedPlan(page, 'team')).action_plan.objectives;
  assert.deepEqual(saved[0].actions[0].metrics, ['disciplinary']);
  assert.deepEqual(saved[1].actions[0].metrics, ['leaving']);
  await context.close();
});

test('the action plan downloads as Excel and CSV in the SC-WRES columns; shared outside the team, small numbers are withheld', async () => {
  const plan = planWithFigures();
  plan.action_plan.objectives[0].actions[0].metrics = ['disciplinary', 'leaving'];
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [plan]);
  await goTo(widget, 'Action plan');
  const save = async (button) => {
    const [download] = await Promise.all([page.waitForEvent('download'), widget.getByRole('button', { name: button }).click()]);
    return download;
  };
  // The default is a copy to share outside the team.
  const shared = await save('Download as Excel');
  assert.match(shared.suggestedFilename(), /^race-equity-plan-our-team-action-plan-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const rows = await readXlsx(await shared.path());
  assert.deepEqual(rows[0], ['No', 'Objective', 'Lead', 'Data from the metrics', 'Specific actions', 'Indicators of improvement', 'Timeframe', 'Progress', 'Status', 'What it answers']);
  assert.equal(rows[1][0], '1');
  assert.equal(rows[1][1], '1. Fair processes');
  assert.equal(rows[1][2], 'Head of HR');
  assert.match(rows[1][3], /^Formal disciplinary process, 2025-26: 4\.00/);
  assert.match(rows[1][3], /Leaving the organisation, 2025-26: too few to report outside the team/);
  assert.equal(rows[1][4], '=cmd|calc review every case', 'the text as typed, stored as text');
  assert.equal(rows[1][6], 'Q1 2027');

  await widget.getByLabel('For my team').check();
  const csvDownload = await save('Download as CSV');
  const csv = await readFile(await csvDownload.path(), 'utf8');
  assert.match(csv, /^\uFEFFNo,Objective,Lead,Data from the metrics,/);
  assert.match(csv, /'=cmd\|calc review every case/, 'a leading apostrophe keeps the formula from running');
  assert.doesNotMatch(csv, /too few to report outside the team/);
  assert.match(csv, /Leaving the organisation, 2025-26: 2\.50/);
  await context.close();
});

test('filters for a progress meeting: by lead, status, theme and overdue, saying how many show', async () => {
  const plan = blankPlan('team', 'Our team', {
    action_plan: {
      objectives: [
        { id: 'o1', title: 'Fair appointments', lead: 'Head of HR', theme: 'Recruitment and retention', actions: [
          { id: 'a1', text: 'Independent panel members', status: 'at_risk', by_when: '2020-06-30' },
          { id: 'a2', text: 'Exit conversations', who: 'Workforce lead', status: 'on_track', by_when: 'ongoing' },
        ] },
        { id: 'o2', title: 'Leaders who reflect the workforce', lead: 'Director', theme: 'Leadership', actions: [
          { id: 'a3', text: 'Reverse mentoring', status: 'done', by_when: '2020-01-31' },
        ] },
      ],
    },
  });
  const { context, widget } = await openWithPlans(env.browser, env.server, [plan]);
  await goTo(widget, 'Action plan');
  const visible = async () => (await widget.locator('.rep-action--planned:visible .rep-action__number').allInnerTexts());
  const count = () => field(widget, 'rep-ap-filter-count').innerText();
  assert.deepEqual(await visible(), ['Action 1', 'Action 2', 'Action 3']);

  await field(widget, 'rep-ap-filter-lead').selectOption('Workforce lead');
  assert.deepEqual(await visible(), ['Action 2']);
  assert.equal(await count(), 'Showing 1 of 3 actions');
  assert.equal(await widget.locator('.rep-objective:visible').count(), 1, 'an objective with nothing to show is hidden');

  await field(widget, 'rep-ap-filter-lead').selectOption('');
  await field(widget, 'rep-ap-filter-theme').selectOption('Leadership');
  assert.deepEqual(await visible(), ['Action 3']);

  await field(widget, 'rep-ap-filter-theme').selectOption('');
  await field(widget, 'rep-ap-filter-overdue').check();
  assert.deepEqual(await visible(), ['Action 1'], 'a3 is past its date but done');
  await field(widget, 'rep-ap-filter-status').selectOption('on_track');
  assert.deepEqual(await visible(), []);
  assert.equal(await count(), 'Showing 0 of 3 actions');

  await widget.getByRole('button', { name: 'Show every action' }).click();
  assert.deepEqual(await visible(), ['Action 1', 'Action 2', 'Action 3']);
  assert.equal(await field(widget, 'rep-ap-filter-overdue').isChecked(), false);
  await context.close();
});

test('the five planning steps and the staff-voice log are recorded and kept over a reload', async () => {
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [blankPlan('team', 'Our team')]);
  await goTo(widget, 'Action plan');
  assert.equal(await field(widget, 'rep-ap-steps-done').innerText(), '0 of 5 steps done.');
  assert.match(await widget.locator('.rep-step').nth(4).innerText(), /^Step 5: Evaluation\/continuous improvement/);
  await field(widget, 'rep-ap-step-prepare-done').check();
  await field(widget, 'rep-ap-step-prepare-notes').fill('Project group of eight, two seats for the staff network.');
  await until(async () => (await field(widget, 'rep-ap-steps-done').innerText()) === '1 of 5 steps done.', 'the count of steps done');

  await widget.getByRole('button', { name: 'Add a staff-voice entry' }).click();
  await until(async () => (await focusedId(page)) === 'rep-ap-voice-v1-date', 'focus on the new entry\'s date');
  await field(widget, 'rep-ap-voice-v1-how').selectOption('focus_group');
  await field(widget, 'rep-ap-voice-v1-who').fill('Staff network, 14 people');
  await field(widget, 'rep-ap-voice-v1-feedback').fill('Panels are rarely diverse.');
  await field(widget, 'rep-ap-voice-v1-changed').fill('Independent panel members from April.');
  await waitForSaved(widget);

  await page.reload();
  await waitForPlanner(page);
  await goTo(widget, 'Action plan');
  assert.equal(await field(widget, 'rep-ap-step-prepare-done').isChecked(), true);
  assert.equal(await field(widget, 'rep-ap-step-prepare-notes').inputValue(), 'Project group of eight, two seats for the staff network.');
  assert.equal(await field(widget, 'rep-ap-voice-v1-how').inputValue(), 'focus_group');
  assert.equal(await field(widget, 'rep-ap-voice-v1-changed').inputValue(), 'Independent panel members from April.');
  const saved = (await storedPlan(page, 'team')).action_plan;
  assert.deepEqual(saved.steps, [{ step: 'prepare', done: true, notes: 'Project group of eight, two seats for the staff network.' }]);
  assert.equal(saved.voice[0].who, 'Staff network, 14 people');

  await widget.getByRole('button', { name: 'Remove staff-voice entry 1' }).click();
  await widget.getByRole('button', { name: 'Yes, remove: Remove staff-voice entry 1' }).click();
  await until(async () => /Nothing recorded yet/.test(await widget.locator('section[aria-labelledby="rep-ap-voice"]').innerText()), 'the entry to go');
  await until(async () => (await focusedId(page)) === 'rep-ap-add-voice', 'focus to move to "Add a staff-voice entry"');
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('the whole-plan report and the board summary print, as PDF too; shared outside the team they withhold small numbers', async () => {
  const plan = planWithFigures();
  plan.parts_in_use = { reap: true, journey: true, data: true, action_plan: true };
  plan.action_plan.objectives[0].actions[0].metrics = ['disciplinary', 'leaving'];
  plan.action_plan.objectives[0].actions.push({ id: 'a2', text: 'Mentoring for aspiring managers', by_when: 'March 2026', status: 'on_track' });
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [plan]);
  await goTo(widget, 'Action plan');
  const text = (frame) => frame.evaluate(() => document.body.innerText);

  // The default copy is to share outside the team.
  const { frame: board } = await printFrom(widget, widget.getByRole('button', { name: 'Print the board summary' }));
  const summary = await text(board);
  assert.match(summary, /^Board summary: Our team/);
  assert.match(summary, /To share outside the team: small counts are suppressed/);
  assert.match(summary, /REAP not yet met/);
  assert.match(summary, /Adverse workforce metrics in 2025-26\s+Formal disciplinary process: Action 1 \(Not started\): =cmd\|calc review every case/);
  assert.match(summary, /Overdue\s+Action 2: Mentoring for aspiring managers \(lead: Head of HR; timeframe: March 2026\)/);

  const { frame: report } = await printFrom(widget, widget.getByRole('button', { name: 'Print the report' }));
  const shared = await text(report);
  assert.match(shared, /^Race equity plan report: Our team/);
  assert.match(shared, /Meeting rule/, 'the REAP checklist');
  assert.match(shared, /Specific actions/, 'the action plan table');
  assert.match(shared, /Leaving the organisation, 2025-26: too few to report outside the team/);
  assert.equal(await report.evaluate(() => document.querySelectorAll('script').length), 0);

  // As PDF: the printed page, with each part from a new page.
  const html = await report.evaluate(() => document.documentElement.outerHTML);
  const pdfPage = await context.newPage();
  await pdfPage.setContent(html);
  const pdf = await pdfPage.pdf({ format: 'A4', preferCSSPageSize: true });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-', 'a PDF');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 4, `the summary, then REAP, journey and the action plan each from a new page: ${pages} pages`);
  await pdfPage.close();

  // For the team: every figure; and without the REAP part.
  await widget.getByLabel('For my team').check();
  await widget.getByLabel('The REAP checklist').uncheck();
  const { frame: teamReport } = await printFrom(widget, widget.getByRole('button', { name: 'Print the report' }));
  const team = await text(teamReport);
  assert.match(team, /For the team only/);
  assert.doesNotMatch(team, /too few to report outside the team/);
  assert.match(team, /Leaving the organisation, 2025-26: 2\.50/);
  assert.doesNotMatch(team, /Meeting rule/);
  await context.close();
});
