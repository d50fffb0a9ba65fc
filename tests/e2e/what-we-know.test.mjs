// Issue 17, item 10: "what we know from our data" remembers the figure it was written against.
// When the counts change, the team's words are flagged as written for other figures, the new
// sentence is offered, and the team can use it or keep its words for the new figures.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, blankPlan, field, goTo, openWithPlans, sharedBrowser, storedPlan, typeInto, until, waitForSaved } from './harness.mjs';

const env = sharedBrowser();

const PLAN = blankPlan('know', 'Workforce team', {
  data: {
    periods: [{
      id: 'd1',
      label: '2025-26',
      metrics: [{ metric: 'appointment', comparison_events: '41', comparison_total: '100', reference_events: '53', reference_total: '100' }],
    }],
  },
});

test('a “what we know” text is flagged when the counts change, and the new sentence can replace it or the words be kept', async () => {
  const { context, page, widget } = await openWithPlans(env.browser, env.server, [PLAN]);
  await goTo(widget, 'Data');
  const know = field(widget, 'rep-d-d1-appointment-know');
  const item = widget.locator('[id="rep-d-d1-appointment"]');
  const flag = item.getByText('Written for other figures.');
  await typeInto(page, know, 'Panels are not yet mixed, so fewer are appointed.');
  await waitForSaved(widget);
  assert.equal(await flag.count(), 0, 'not flagged for the figures it was written against');

  // The counts change so that the figure is another: the words are flagged, the new sentence offered.
  await typeInto(page, field(widget, 'rep-d-d1-appointment-ce'), '20');
  await flag.waitFor();
  const offered = await item.locator('.rep-inset').innerText();
  assert.match(offered, /may no longer be true\. The figures now say:\s+People from minoritised ethnic groups were 62% less likely than White applicants/);
  assert.equal(await know.inputValue(), 'Panels are not yet mixed, so fewer are appointed.', 'the team’s words are never replaced without asking');
  assert.deepEqual(await axeViolations(page), [], 'the flagged text');

  // Use the new sentence: the box shows it, the flag goes.
  await item.getByRole('button', { name: 'Use the new sentence', exact: true }).click();
  await until(async () => /^People from minoritised ethnic groups were 62% less likely/.test(await know.inputValue()), 'the new sentence in the box');
  assert.equal(await flag.count(), 0);
  await waitForSaved(widget);
  assert.equal((await storedPlan(page, 'know')).data.periods[0].metrics[0].what_we_know, '');

  // Own words again, then the counts change back: "Keep our words" keeps them for the new figures.
  await typeInto(page, know, 'Our own reading.');
  await typeInto(page, field(widget, 'rep-d-d1-appointment-ce'), '41');
  await flag.waitFor();
  await item.getByRole('button', { name: 'Keep our words: they still hold', exact: true }).click();
  await until(async () => (await flag.count()) === 0, 'the flag to go');
  assert.equal(await know.inputValue(), 'Our own reading.');
  await waitForSaved(widget);
  const entry = (await storedPlan(page, 'know')).data.periods[0].metrics[0];
  assert.equal(entry.what_we_know, 'Our own reading.');
  assert.match(entry.what_we_know_for, /^41,100,53,100\|/);
  await context.close();
});
