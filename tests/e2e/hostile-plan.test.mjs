// Issue 16: a plan file with a hostile value in every id and every text field
// (tests/fixtures/security/hostile-plan.json, made by make-hostile-plan.mjs) is imported through
// "Your plans" in each way we ship (script embed, iframe page, single file), opened, and every
// screen, every <details> and every printed page is drawn from it. Nothing from the file may run,
// become an element or an attribute, open a dialog, throw, or make a request; its text is shown
// as text. Moving focus to an element by an id from the file (an error summary's link, a rename)
// must find that element. Where the domain makes ids plain as a plan is loaded, the widget's own
// escaping of ids is still checked, on the HTML it draws from this same file read without
// `plan::load`, by the unit test in crates/widget/src/text_screens_tests.rs (for the screens still
// drawn as HTML text; the Leptos components put text in as text nodes and attribute values).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CURRENT_SCHEMA_VERSION, armTrap, distDir, fixturesDir, focusedId, foreignRequests, goTo, printFrom, sharedBrowser,
  singleFileUrl, until, waitForPlanner, watch,
} from './harness.mjs';

const env = sharedBrowser();

const HOSTILE_PLAN = join(fixturesDir, 'security', 'hostile-plan.json');
const plan = JSON.parse(readFileSync(HOSTILE_PLAN, 'utf8'));
const SCREENS = ['Home', 'REAP checklist', 'Journey self-assessment', 'Data', 'Action plan', 'Your plans'];
const widgetOf = (page) => page.locator('[data-race-equity-planner]').first();
const actions = plan.action_plan.objectives.flatMap((o) => o.actions);

const WAYS = [
  { name: 'script embed', url: (origin) => `${origin}/index.html` },
  { name: 'iframe page', url: (origin) => `${origin}/embed.html` },
  { name: 'single file', url: () => singleFileUrl },
];

/** What a page may request: the files of dist/ (only its own file, for the single file). */
function allowedRequests(origin, url) {
  if (url.startsWith('file:')) return [url, 'data:,'];
  return [...readdirSync(distDir).map((name) => `${origin}/${name}`), 'data:,'];
}


/**
 * What the file's markup would leave in the page, its shadow roots and its frames (the print frame
 * too): `__pwned` set; an inline event handler or a javascript: URL anywhere; and inside the widget
 * or a printed page, any element the planner never draws (img, script, b, object, embed, an iframe
 * that is not the print frame, an svg that is not a chart) or any src or srcdoc attribute but the
 * print frame's.
 */
async function injected(page) {
  const found = [];
  for (const frame of page.frames()) {
    const result = await frame.evaluate(() => {
      const out = [];
      if (window.__pwned !== undefined) out.push(`window.__pwned is ${String(window.__pwned)}`);
      const roots = [document];
      for (let i = 0; i < roots.length; i += 1) {
        const ours = roots[i] !== document || location.href === 'about:srcdoc';
        for (const el of roots[i].querySelectorAll('*')) {
          if (el.shadowRoot) roots.push(el.shadowRoot);
          const tag = el.localName;
          for (const name of el.getAttributeNames()) {
            const value = el.getAttribute(name);
            if (/^on/i.test(name)) out.push(`<${tag} ${name}="${value}">`);
            if (/^\s*javascript:/i.test(value) && /^(href|src|action|formaction|xlink:href|data)$/i.test(name)) out.push(`<${tag} ${name}="${value}">`);
          }
          if (!ours) continue;
          const printFrame = tag === 'iframe' && el.classList.contains('rep-print-frame');
          if (['img', 'script', 'b', 'object', 'embed', 'iframe'].includes(tag) && !printFrame) out.push(`a <${tag}> element`);
          if (tag === 'svg' && !el.classList.contains('rep-chart')) out.push('an <svg> that is not a chart');
          if (el.hasAttribute('src') || (el.hasAttribute('srcdoc') && !printFrame)) out.push(`<${tag}> with src or srcdoc`);
        }
      }
      return out;
    }).catch((error) => [`could not inspect ${frame.url()}: ${error.message}`]);
    found.push(...result.map((r) => `${r} (in ${frame.url()})`));
  }
  return found;
}

/** Opens every <details> in the widget (guidance, what changed, themes). Returns how many. */
function openEveryDetails(page) {
  return page.evaluate(() => {
    const all = document.querySelector('[data-race-equity-planner]').shadowRoot.querySelectorAll('details');
    for (const details of all) details.open = true;
    return all.length;
  });
}

/** The values of the widget's fields. */
function fieldValues(page) {
  return page.evaluate(() => [...document.querySelector('[data-race-equity-planner]').shadowRoot.querySelectorAll('input, textarea')].map((el) => el.value));
}

/** How many elements in the widget carry an id or key that came from the file. */
function hostileIdsDrawn(page) {
  return page.evaluate(() => [...document.querySelector('[data-race-equity-planner]').shadowRoot.querySelectorAll('[id], [data-f], [data-act]')]
    .filter((el) => ['id', 'data-f', 'data-act'].some((a) => (el.getAttribute(a) || '').includes('<'))).length);
}

for (const way of WAYS) {
  test(`${way.name}: a plan with a hostile value in every id and text field is imported, shown, printed and only ever text`, async (t) => {
    assert.equal(
      plan.schema_version,
      CURRENT_SCHEMA_VERSION,
      'tests/fixtures/security/hostile-plan.json is not in the current plan format: remake it with make-hostile-plan.mjs (see the README beside it)',
    );
    const context = await env.browser.newContext();
    const ran = await armTrap(context);
    const requests = [];
    context.on('request', (request) => requests.push(request.url()));
    try {
      const page = await context.newPage();
      const { errors } = watch(page);
      const url = way.url(env.server.origin);
      const allowed = allowedRequests(env.server.origin, url);
      const check = async (when) => {
        assert.deepEqual(ran, [], `${way.name}: script ran or a dialog opened ${when}`);
        assert.deepEqual(errors, [], `${way.name}: page errors ${when}`);
        assert.deepEqual(await injected(page), [], `${way.name}: markup was made from the plan ${when}`);
        assert.deepEqual(foreignRequests(requests, allowed), [], `${way.name}: requests outside the page's own files ${when}`);
      };
      await page.goto(url);
      await waitForPlanner(page);
      const widget = widgetOf(page);
      await check('at start');

      // Import it as a user would.
      await goTo(widget, 'Your plans');
      await widget.getByLabel('Choose a plan or backup file (.json)', { exact: true }).setInputFiles(HOSTILE_PLAN);
      const preview = widget.getByRole('region', { name: 'What the import will do' });
      await preview.waitFor();
      assert.ok((await preview.textContent()).includes(plan.title), `the preview does not name the plan as text: ${await preview.textContent()}`);
      await check('with the import preview open');
      await preview.getByRole('button', { name: 'Import', exact: true }).click();
      await widget.getByText('Imported 1 plan.').waitFor();
      await widget.getByRole('button', { name: `Open ${plan.title}`, exact: true }).click();
      const header = widget.locator('.rep-header__plan');
      await until(async () => (await header.textContent()).includes(plan.title), 'the hostile plan to open');
      await check('with the plan open');
      t.diagnostic(`${way.name}: ${await hostileIdsDrawn(page)} elements on "Your plans" carry an id or key from the file`);

      for (const screen of SCREENS) {
        await goTo(widget, screen);
        const details = await openEveryDetails(page);
        t.diagnostic(`${way.name}: ${screen}: ${details} details opened, ${await hostileIdsDrawn(page)} elements carry an id or key from the file`);
        await check(`on ${screen}`);
        const values = await fieldValues(page);
        const shows = (text, what) => assert.ok(values.includes(text), `${screen}: ${what} is not shown as typed in the file: ${JSON.stringify(text)}`);
        if (screen === 'Home') {
          shows(plan.title, 'the title');
          shows(plan.organisation, 'the organisation');
          const changes = await widget.locator('.rep-changes').textContent();
          assert.ok(changes.includes(plan.history.at(-1).what), 'the recent changes do not quote the file as text');
        }
        if (screen === 'REAP checklist') {
          shows(plan.reap.anchors['1.1'].evidence, 'anchor 1.1’s evidence');
          shows(plan.reap.specialists[0].name, 'the first Employment Specialist');
          shows(actions[0].text, 'the action linked to anchor 1.1');
          const { frame } = await printFrom(widget, widget.getByRole('button', { name: 'Print the checklist', exact: true }));
          const printed = await frame.evaluate(() => document.documentElement.textContent);
          assert.ok(printed.includes(plan.title.trim()), 'the printed checklist does not show the title as text');
          assert.ok(printed.includes(actions[0].text.trim()), 'the printed checklist does not show the linked action as text');
          await check('after printing the checklist');
        }
        if (screen === 'Journey self-assessment') {
          const linked = actions.find((a) => a.breakthroughs?.length);
          shows(linked.text, 'the action linked to the journey stage');
          shows(plan.journey.participants[0].name, 'the first participant');
          // The select labelled "Breakthrough point it answers", found by its id (`rep-j-x-<action id>-breakthrough`).
          const breakthrough = widget.locator('select[id^="rep-j-x-"][id$="-breakthrough"]');
          assert.ok((await breakthrough.count()) >= 1, 'no action with a breakthrough point on the Journey screen');
          assert.equal(await breakthrough.first().inputValue(), linked.breakthroughs[0], 'the action’s breakthrough point is not chosen');
          for (const name of ['Print the workshop pack', 'Print the results']) {
            const { frame } = await printFrom(widget, widget.getByRole('button', { name, exact: true }));
            const printed = await frame.evaluate(() => document.documentElement.textContent);
            assert.ok(printed.includes(plan.title.trim()), `${name}: the page does not show the title as text`);
            await check(`after ${name}`);
          }
        }
        if (screen === 'Data') {
          shows(plan.data.periods[0].label, 'the first period’s name');
          shows(plan.data.service.population_source, 'the population’s source');
          // Every count is hostile, so each period has an error summary; its links move focus to
          // the field by the id made from the period's id.
          const link = widget.locator('.rep-error-summary a[href^="#rep-d-"]').first();
          const target = (await link.getAttribute('href')).slice(1);
          await link.click();
          await until(async () => (await focusedId(page)) === target, `focus on #${target} from the error summary`, 3000);
          await check('after following an error summary link');
        }
      }
      // On "Your plans" (the last screen), focus follows the plan's id: renaming moves it to the
      // row's name field, cancelling back to the row's "Rename" button.
      await widget.getByRole('button', { name: `Rename ${plan.title}`, exact: true }).click();
      const renameField = widget.locator('input[id^="rep-rename-"]');
      await renameField.waitFor();
      const renameId = await renameField.getAttribute('id');
      await until(async () => (await focusedId(page)) === renameId, `focus on the rename field #${renameId}`, 3000);
      await widget.locator('.rep-inline-form').getByRole('button', { name: 'Cancel', exact: true }).click();
      const renameButtonId = `rep-row-${renameId.slice('rep-rename-'.length)}-rename`;
      await until(async () => (await focusedId(page)) === renameButtonId, `focus back on #${renameButtonId}`, 3000);
      await check('after renaming and cancelling');

      assert.equal((await header.textContent()).replace(/^\s*Plan:\s*/, '').trim(), plan.title.trim(), 'the header does not show the title as text');
      await check('at the end');
    } finally {
      await context.close();
    }
  });
}
