// The Data screen's service figures for REAP anchors 1.1 and 1.2 (issue 6): the local population,
// with the national figures as a labelled starting point; the service's counts typed from the
// keyboard; representation, outcomes and time to employment; problems beside their fields and in
// an error summary; each comparison's link to its anchor on the REAP screen.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  axeViolations, blankPlan, field, focusedId, goTo, openWithPlans, sharedBrowser, storedPlan, until,
  waitForPlanner, waitForSaved,
} from './harness.mjs';

const env = sharedBrowser();

/** The rows of a table as arrays of trimmed cell texts. */
async function rows(table) {
  const out = [];
  for (const row of await table.locator('tbody tr').all()) {
    out.push((await row.locator('th, td').allInnerTexts()).map((t) => t.trim()));
  }
  return out;
}

test('service figures typed from the keyboard against the national baseline give shares, ratios and sentences, and link to their anchor', async () => {
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [blankPlan('svc', 'IPS team')]);
  await goTo(widget, 'Data');
  const section = widget.locator('section[aria-labelledby="rep-s-title"]');
  assert.match(await section.innerText(), /Type a caseload and the local population/);

  // The national figures, by keyboard: focus lands on the first of them, clearly labelled.
  await widget.getByRole('button', { name: 'Start from the England and Wales figures' }).focus();
  await page.keyboard.press('Enter');
  await until(async () => (await focusedId(page)) === 'rep-s-pop-0', 'focus on the first population figure');
  assert.equal(await field(widget, 'rep-s-pop-0').inputValue(), '9.3');
  assert.equal(await field(widget, 'rep-s-pop-3').inputValue(), '81.7');
  assert.match(await field(widget, 'rep-s-source').inputValue(), /^England and Wales, Census 2021 \(a national starting point/);
  assert.equal(await widget.getByRole('button', { name: 'Start from the England and Wales figures' }).count(), 0,
    'offered only while the five groups are blank');

  // The IPS caseload, group by group, typed with Tab between the fields of each row.
  const caseload = { asian: '21', black: '18', mixed: '7', white: '96', other: '4', not_stated: '9' };
  for (const [group, count] of Object.entries(caseload)) {
    await field(widget, `rep-s-${group}-c`).focus();
    await page.keyboard.type(count);
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), `rep-s-${group}-j`);
  }
  const heading = widget.getByRole('heading', { name: 'IPS caseload against the local population' });
  await heading.waitFor();
  const table = widget.locator('[aria-labelledby="rep-s-ips-population-title"] table');
  // 18 Black clients of 146 stated against 4.0%: 3.08 (2.00 to 4.66) by the Wilson interval / 0.04.
  const black = (await rows(table))[1];
  assert.deepEqual(black.slice(0, 5), ['Black', '18 / 146', '12.3%', '4.0%', '3.08 (1.99 to 4.66)']);
  // Two-sided against the population (issue 17): more of a caseload is not favourable.
  assert.equal(black[5], 'Clearly higher than expected');
  const chart = widget.locator('svg.rep-chart').filter({ has: page.locator('[id="rep-s-ips-population-chart-title"]') });
  assert.equal(await chart.getAttribute('role'), 'img');
  assert.match(await chart.locator('title').first().textContent(), /IPS caseload against the local population/);
  assert.match(await chart.locator('desc').textContent(), /share of the baseline/);
  assert.match(await section.innerText(), /People in the Black, Black British, Black Welsh, Caribbean or African group were 12\.3% of the IPS caseload, against 4\.0% of the local population/);
  assert.match(await section.innerText(), /Small numbers: groups marked \*/);

  // The comparison's link goes to its anchor on the REAP screen, by keyboard.
  await field(widget, 'rep-s-ips-population-anchor').focus();
  await page.keyboard.press('Enter');
  await widget.getByRole('heading', { level: 1, name: 'REAP checklist' }).waitFor();
  await until(async () => (await focusedId(page)) === 'rep-a-1-1-title', 'focus on anchor 1.1');
  assert.deepEqual(await axeViolations(page), []);

  await goTo(widget, 'Data');
  assert.deepEqual(await axeViolations(page), []);
  await waitForSaved(widget);
  const stored = await storedPlan(page, 'svc');
  assert.deepEqual(stored.data.service.population, ['9.3', '4.0', '2.9', '81.7', '2.1']);
  assert.deepEqual(stored.data.service.rows.map((r) => [r.group, r.caseload]), Object.entries(caseload));
  await context.close();
});

test('a bad service count is explained beside its field and in a summary; nothing typed is lost and no figure is shown from it', async () => {
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [blankPlan('svc', 'IPS team', {
    data: {
      service: {
        population: ['12.5', '9.8', '4.1', '71.2', '2.4'],
        rows: ['asian', 'black', 'mixed', 'white', 'other', 'not_stated'].map((group, i) => ({
          group, caseload: ['21', '18', '7', '96', '4', '9'][i], jobs: ['6', '3', '2', '30', '1', '2'][i],
        })),
      },
    },
  })]);
  await goTo(widget, 'Data');
  const section = widget.locator('section[aria-labelledby="rep-s-title"]');
  await widget.getByRole('heading', { name: 'Job starts and starts in education' }).waitFor();
  assert.match(await section.innerText(), /People from minoritised ethnic groups on the IPS caseload were 23% less likely than people in the White group to start a job/);

  await field(widget, 'rep-s-asian-j').fill('25');
  const summary = widget.locator('#rep-s-errors');
  await summary.waitFor();
  assert.match(await summary.innerText(), /There is a problem\s+25 job starts is more than the 21 people on the IPS caseload in the Asian group/);
  assert.equal(await field(widget, 'rep-s-asian-j').getAttribute('aria-invalid'), 'true');
  assert.match(await widget.locator('[id="rep-s-asian-j-error"]').innerText(), /check both counts/);
  assert.equal(await widget.getByRole('heading', { name: 'Job starts and starts in education' }).count(), 0, 'no rates from bad counts');
  await summary.getByRole('link').first().click();
  assert.equal(await focusedId(page), 'rep-s-asian-j');

  // 19 categories are kept apart from the 5 groups: switching back finds the groups as typed.
  await field(widget, 'rep-s-detailed').selectOption('19');
  await until(async () => (await widget.locator('[id^="rep-s-pop-"]').count()) === 19, 'the 19 categories');
  assert.equal(await field(widget, 'rep-s-pop-0').inputValue(), '');
  assert.match(await section.innerText(), /Bangladeshi/);
  await field(widget, 'rep-s-detailed').selectOption('5');
  await until(async () => (await field(widget, 'rep-s-pop-1').inputValue()) === '9.8', 'the five groups as typed');
  assert.deepEqual(await axeViolations(page), []);

  await waitForSaved(widget);
  await page.reload();
  await waitForPlanner(page);
  await goTo(widget, 'Data');
  assert.equal(await field(widget, 'rep-s-asian-j').inputValue(), '25');
  await context.close();
});

test('the example plan shows its local baseline, every comparison, outcomes and time to employment', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/index.html`);
  await waitForPlanner(page);
  const widget = page.locator('[data-race-equity-planner]').first();
  await goTo(widget, 'Data');
  assert.match(await field(widget, 'rep-s-source').inputValue(), /Northfield/);
  for (const name of [
    "Treatment teams' caseload against the local population",
    "Referrals to IPS against the treatment teams' caseload",
    "IPS caseload against the treatment teams' caseload",
    'IPS caseload against the local population',
    'IPS team against the local population',
    'Job starts and starts in education',
  ]) {
    await widget.getByRole('heading', { name }).waitFor();
  }
  const time = widget.locator('table').filter({ has: page.locator('caption', { hasText: 'Time to employment' }) });
  // 3 times: too few for a median (METRICS.md: a median needs at least 5 values).
  assert.deepEqual((await rows(time))[1], ['Black *', '3', 'too few to give (a median needs at least 5 times)', '']);
  assert.equal(await field(widget, 'rep-s-team-population-anchor').innerText(), 'Go to REAP anchor 1.2');
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});
