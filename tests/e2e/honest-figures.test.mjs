// Issue 17 ("Honest figures everywhere"): what a user reads once the counts are typed into the real
// screens. Zero cells and small cells say what was seen and make no claim the counts cannot carry
// (items 1 and 3); a caseload above its population share is "higher than expected", never
// favourable (item 4); the printed REAP checklist hides small counts unless it is for the team
// (item 8); a share chart's bars are drawn as long as their values (item 9).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  axeViolations, blankPlan, field, goTo, openWithPlans, sharedBrowser, until, waitForPlanner, waitForSaved,
} from './harness.mjs';

const env = sharedBrowser();

/** Types `counts` into the fields with these ids, one after another. */
async function typeCounts(widget, counts) {
  for (const [id, value] of Object.entries(counts)) {
    await field(widget, id).fill(value);
  }
}

/** A Data screen with one reporting period, its counts typed in. */
async function dataScreen(counts) {
  const opened = await openWithPlans(env.browser, env.server, [blankPlan('honest', 'Honest team')]);
  await goTo(opened.widget, 'Data');
  await opened.widget.getByRole('button', { name: 'Add a reporting period' }).click();
  await field(opened.widget, 'rep-d-d1-label').waitFor();
  await typeCounts(opened.widget, counts);
  return opened;
}

test('item 1: none of 40 against 1 of 480 referred for fitness to practise reads as what was seen, too few to tell', async () => {
  const { context, page, widget } = await dataScreen({
    'rep-d-d1-fitness_to_practise-ce': '0',
    'rep-d-d1-fitness_to_practise-ct': '40',
    'rep-d-d1-fitness_to_practise-re': '1',
    'rep-d-d1-fitness_to_practise-rt': '480',
  });
  const item = widget.locator('[id="rep-d-d1-fitness_to_practise"]');
  await until(async () => /Relative likelihood:/.test(await item.innerText()), 'the fitness to practise figure');
  const text = await item.innerText();
  assert.match(text, /None of the 40 people from minoritised ethnic groups were referred for fitness to practise/);
  assert.match(text, /1 of the 480 White staff/);
  assert.match(text, /Not conclusive: too few to tell/);
  assert.match(text, /corrected/);
  assert.match(text, /Small numbers/);
  assert.doesNotMatch(text, /3\.91 times as likely/);
  assert.doesNotMatch(text, /Adverse|Favourable/);
  // The table row says it in words too, not by colour alone.
  const row = widget.locator('table.rep-table tbody tr').filter({ hasText: 'Fitness to practise' });
  const cells = (await row.locator('th, td').allInnerTexts()).map((t) => t.trim());
  assert.equal(cells[4], 'Not conclusive: too few to tell');
  assert.match(cells[3], /, corrected, approximate$/);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('item 3: 1 of 44 against none of 470 is too few to tell, with no claim of a difference', async () => {
  const { context, widget } = await dataScreen({
    'rep-d-d1-disciplinary-ce': '1',
    'rep-d-d1-disciplinary-ct': '44',
    'rep-d-d1-disciplinary-re': '0',
    'rep-d-d1-disciplinary-rt': '470',
  });
  const item = widget.locator('[id="rep-d-d1-disciplinary"]');
  await until(async () => /Relative likelihood:/.test(await item.innerText()), 'the disciplinary figure');
  const text = await item.innerText();
  assert.match(text, /Not conclusive: too few to tell/);
  assert.match(text, /none of the 470/i);
  assert.doesNotMatch(text, /times as likely|more likely|less likely/);
  assert.doesNotMatch(text, /\bAdverse\b/);
  await context.close();
});

test('applicants: metric 2 labels its reference counts as White applicants, and the range reads 0.80 to 1.25', async () => {
  const { context, widget } = await dataScreen({});
  const item = widget.locator('[id="rep-d-d1-appointment"]');
  assert.match(await item.innerText(), /White applicants/);
  assert.match(await widget.locator('.rep-main').innerText(), /Ratios from 0\.80 to 1\.25 are read as no adverse difference/);
  await context.close();
});

test('item 4: Black people at 2.33 times their population share of the treatment caseload are higher than expected, never favourable', async () => {
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [blankPlan('svc', 'IPS team')]);
  await goTo(widget, 'Data');
  await widget.getByRole('button', { name: 'Start from the England and Wales figures' }).click();
  // 28 of 300 Black people (9.33%) against 4.0% of the population: 2.33.
  await typeCounts(widget, {
    'rep-s-asian-t': '50', 'rep-s-black-t': '28', 'rep-s-mixed-t': '10', 'rep-s-white-t': '200', 'rep-s-other-t': '12',
    'rep-s-not_stated-t': '0',
  });
  const heading = widget.getByRole('heading', { name: "Treatment teams' caseload against the local population" });
  await heading.waitFor();
  const section = widget.locator('section[aria-labelledby="rep-s-title"]');
  const table = widget.locator('[aria-labelledby="rep-s-treatment-population-title"] table');
  const black = (await table.locator('tbody tr').nth(1).locator('th, td').allInnerTexts()).map((t) => t.trim());
  assert.equal(black[0], 'Black');
  assert.equal(black[1], '28 / 300');
  assert.match(black[4], /^2\.33 \(/);
  assert.equal(black[5], 'Clearly higher than expected');
  const text = await section.innerText();
  assert.doesNotMatch(text, /Favourable/);
  assert.match(text, /higher than expected/);
  await context.close();
});

test('item 8: the printed REAP checklist hides a caseload count of 3 when shared outside the team (the default) and shows it for the team', async () => {
  const plan = blankPlan('reap', 'IPS team', { reap: {
    specialists: [{ id: 'es1', name: 'A.K.', caseload: {} }, { id: 'es2', name: 'J.M.', caseload: {} }],
  } });
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [plan]);
  await goTo(widget, 'REAP checklist');
  await typeCounts(widget, {
    'rep-s-es1-asian': '3', 'rep-s-es1-white': '30', 'rep-s-es2-asian': '12', 'rep-s-es2-white': '28',
  });
  await until(async () => (await field(widget, 'rep-s-es2-white').inputValue()) === '28', 'the counts typed');
  const shared = widget.getByRole('radio', { name: 'To share outside the team' });
  assert.equal(await shared.isChecked(), true, 'sharing outside the team is the default');
  const printed = async () => {
    await widget.getByRole('button', { name: 'Print the checklist' }).click();
    const frame = widget.locator('iframe.rep-print-frame');
    await frame.waitFor({ state: 'attached' });
    return frame.getAttribute('srcdoc');
  };
  const outside = await printed();
  assert.match(outside, /<th scope="row">A\.K\.<\/th><td>\*<br>too few to report<\/td>/);
  assert.doesNotMatch(outside, /<td>3<br>/);
  assert.match(outside, /\* a count from 1 to 4/);
  assert.match(outside, /against the rest of the team/);
  assert.doesNotMatch(outside, /against the team's caseload/);

  await widget.getByRole('radio', { name: 'For my team' }).check();
  // An edit elsewhere redraws the screen: the choice stays as the user made it.
  await typeCounts(widget, { 'rep-a-1-1-who': 'A.K.' });
  await waitForSaved(widget);
  assert.equal(await widget.getByRole('radio', { name: 'For my team' }).isChecked(), true, 'a redraw put the choice back');
  const team = await printed();
  assert.match(team, /<th scope="row">A\.K\.<\/th><td>3<br>9\.1%/);
  assert.match(team, /For the team only/);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('item 9: a share chart bar is drawn as long as its value (76.2% against 1.9%)', async () => {
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [blankPlan('svc', 'IPS team')]);
  await goTo(widget, 'Data');
  await widget.getByRole('button', { name: 'Start from the England and Wales figures' }).click();
  // 80 of 105 White (76.2%) and 2 of 105 Black (1.9%) on the IPS caseload.
  await typeCounts(widget, {
    'rep-s-asian-c': '10', 'rep-s-black-c': '2', 'rep-s-mixed-c': '2', 'rep-s-white-c': '80', 'rep-s-other-c': '11',
    'rep-s-not_stated-c': '0',
  });
  const chart = widget.locator('svg.rep-chart').filter({ has: page.locator('[id="rep-s-ips-population-chart-title"]') });
  await chart.waitFor();
  const widths = async () => {
    const bars = chart.locator('rect.rep-bar');
    assert.equal(await bars.count(), 5);
    const out = [];
    for (const bar of await bars.all()) out.push((await bar.boundingBox()).width);
    return out;
  };
  const [, black, , white] = await widths();
  // The axis runs from 0 to 100%: the bars are in proportion to 80/105 and 2/105.
  const perPoint = white / (80 / 105 * 100);
  assert.ok(Math.abs(black - perPoint * (2 / 105 * 100)) <= 1.5, `Black bar ${black}px against White ${white}px`);
  assert.ok(white > 20 * black, `White bar ${white}px is not 40 times Black's ${black}px`);
  // Drawn as the SVG says: the White bar's drawn width is its width attribute in the SVG's scale.
  const box = await chart.boundingBox();
  const viewBox = (await chart.getAttribute('viewBox')).split(/\s+/).map(Number);
  const scale = box.width / viewBox[2];
  const attr = Number(await chart.locator('rect.rep-bar').nth(3).getAttribute('width'));
  assert.ok(Math.abs(white - attr * scale) <= 1.5, `White bar drawn ${white}px, SVG says ${attr * scale}px`);

  // The same in print media.
  await page.emulateMedia({ media: 'print' });
  const [, blackPrint, , whitePrint] = await widths();
  const perPointPrint = whitePrint / (80 / 105 * 100);
  assert.ok(Math.abs(blackPrint - perPointPrint * (2 / 105 * 100)) <= 1.5, `print: Black ${blackPrint}px against White ${whitePrint}px`);
  await page.emulateMedia({ media: 'screen' });
  await context.close();
});

test('item 8: the printed journey results hide small counts of views when shared outside the team (the default)', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/index.html`);
  await waitForPlanner(page);
  const widget = page.locator('[data-race-equity-planner]').first();
  await goTo(widget, 'Journey self-assessment');
  assert.equal(await widget.getByRole('radio', { name: 'To share outside the team' }).isChecked(), true);
  const printed = async () => {
    await widget.getByRole('button', { name: 'Print the results' }).click();
    const frame = widget.locator('iframe.rep-print-frame');
    await frame.waitFor({ state: 'attached' });
    return frame.getAttribute('srcdoc');
  };
  const cells = (html) => [...html.matchAll(/<td class="rep-num">([^<]*)<\/td>/g)].map((m) => m[1]);
  const outside = await printed();
  assert.match(outside, /\* a count from 1 to 4/);
  assert.ok(cells(outside).includes('*'));
  assert.ok(!cells(outside).some((c) => ['1', '2', '3', '4'].includes(c)), cells(outside).join(' '));
  await widget.getByRole('radio', { name: 'For my team' }).check();
  const team = await printed();
  assert.doesNotMatch(team, /\* a count from 1 to 4/);
  assert.ok(cells(team).some((c) => ['1', '2', '3', '4'].includes(c)), cells(team).join(' '));
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});
