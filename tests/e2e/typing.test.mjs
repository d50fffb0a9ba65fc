// Typing in one field, on every screen with fields: focus and the caret stay where the user put
// them (also in the middle of the text), and every other field on the screen keeps its text.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { blankPlan, field, focusedId, goTo, launchBrowser, openWithPlans, startServer, waitForPlanner, waitForSaved } from './harness.mjs';

let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  server = await startServer();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// A screen and a text field on it that the example plan fills in.
const SCREENS = [
  { screen: 'Home', id: 'rep-plan-title' },
  { screen: 'REAP checklist', id: 'rep-a-1-1-evidence' },
  { screen: 'Journey self-assessment', id: 'rep-j-strengths' },
  { screen: 'Data', id: 'rep-d-d1-label' },
];

/** Every field on the screen but `except`, by id: its value (or checked state). */
function otherFields(page, except) {
  return page.evaluate((except) => {
    const root = document.querySelector('[data-race-equity-planner]').shadowRoot;
    const values = {};
    for (const el of root.querySelectorAll('.rep-main input, .rep-main textarea, .rep-main select')) {
      if (!el.id || el.id === except) continue;
      values[el.id] = el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value;
    }
    return values;
  }, except);
}

function caret(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    return [active.selectionStart, active.selectionEnd];
  });
}

for (const { screen, id } of SCREENS) {
  test(`${screen}: typing in the middle of a field keeps focus, the caret and every other field's text`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/index.html`);
    await waitForPlanner(page);
    const widget = page.locator('[data-race-equity-planner]');
    await goTo(widget, screen);
    const input = field(widget, id);
    await input.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('abcdef');
    const before = await otherFields(page, id);
    assert.ok(Object.keys(before).length >= 3, `${screen} has other fields to watch`);
    // Into the middle: after "abc".
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.type('XYZ', { delay: 30 });
    assert.equal(await input.inputValue(), 'abcXYZdef');
    assert.equal(await focusedId(page), id, 'focus stayed in the field');
    assert.deepEqual(await caret(page), [6, 6], 'the caret stayed after what was typed');
    // After the autosave, still: the save redraws nothing the user is working in.
    await waitForSaved(widget);
    assert.equal(await focusedId(page), id);
    assert.deepEqual(await caret(page), [6, 6]);
    await page.keyboard.type('!');
    assert.equal(await input.inputValue(), 'abcXYZ!def');
    assert.deepEqual(await otherFields(page, id), before, 'no other field changed');
    await context.close();
  });
}

// Only what changed is redrawn: a keystroke in one anchor's evidence changes the page inside that
// anchor (and the save state in the header), nowhere else. (On a plan of the user's own: the
// example plan rightly shows a banner on its first change.)
const REDRAWS = [
  { screen: 'REAP checklist', id: 'rep-a-1-1-evidence', within: '#rep-anchor-1-1' },
];

for (const { screen, id, within } of REDRAWS) {
  test(`${screen}: a keystroke redraws only its own part of the screen`, async () => {
    const { context, page, widget } = await openWithPlans(browser, server, [blankPlan('own', 'Our own plan')]);
    await goTo(widget, screen);
    await field(widget, id).focus();
    await page.keyboard.press('End');
    await page.evaluate(() => {
      const root = document.querySelector('[data-race-equity-planner]').shadowRoot;
      window.__mutations = [];
      window.__observer = new MutationObserver((records) => {
        for (const r of records) window.__mutations.push(r.target.nodeType === 1 ? r.target : r.target.parentElement);
      });
      window.__observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.keyboard.type(' more', { delay: 20 });
    const outside = await page.evaluate((within) => {
      window.__observer.disconnect();
      return window.__mutations
        .filter((el) => el && !el.closest(within) && !el.closest('.rep-header'))
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}`);
    }, within);
    assert.deepEqual([...new Set(outside)], [], 'elements changed outside the part typed in');
    await context.close();
  });
}

// Pressing the navigation button of the screen already open moves focus to its heading and builds
// nothing again: the fields, and what is in them, are the same elements.
test('pressing the open screen\'s button keeps its fields and moves focus to its heading', async () => {
  const { context, page, widget } = await openWithPlans(browser, server, [blankPlan('own', 'Our own plan')]);
  await goTo(widget, 'REAP checklist');
  const input = field(widget, 'rep-a-4-6-evidence');
  await input.fill('Half a thought');
  await page.evaluate(() => {
    window.__field = document.querySelector('[data-race-equity-planner]').shadowRoot.getElementById('rep-a-4-6-evidence');
  });
  await widget.getByRole('navigation', { name: 'Planner parts' }).getByRole('button', { name: 'REAP checklist', exact: true }).click();
  await page.waitForFunction(() => {
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    return active && active.tagName === 'H1';
  });
  assert.ok(
    await page.evaluate(() => window.__field.isConnected
      && document.querySelector('[data-race-equity-planner]').shadowRoot.getElementById('rep-a-4-6-evidence') === window.__field),
    'the field is the same element, still in the page',
  );
  assert.equal(await input.inputValue(), 'Half a thought');
  await context.close();
});
