// Accessibility beyond axe (issue 9): what a keyboard user, a screen-reader user and someone who
// zooms or changes text spacing meets on every screen, on the fictional example plan. The results
// feed docs/ACCESSIBILITY.md, the accessibility statement: change one, check the other.
//
//   1. Keyboard only, from the top of the page: each part opens from the navigation and takes a
//      change (Tab, Shift+Tab, Enter, Space, arrow keys and typing, nothing else).
//   2. No keyboard trap and a visible focus indicator at every Tab stop, forwards and backwards,
//      on every screen; and the same with forced colours (Windows contrast themes, emulated).
//   3. Reflow at 320 CSS px (WCAG 1.4.10): nothing is cut off or scrolls sideways except tables
//      that scroll inside themselves, every control is in view when it has focus, and a screenshot
//      of each screen goes to target/accessibility/. Text spacing (WCAG 1.4.12) loses nothing.
//   4. Names: every control and every element with a role has an accessible name (from Chromium's
//      own accessibility tree, what a screen reader is given), the visible words are in it
//      (WCAG 2.5.3), and two controls that do different things never share a name.
//   5. Live regions: the save status is announced after an edit, a summary line announces its
//      change, and errors are announced (role="alert") without taking focus from the field.
//
// A known defect whose fix is in Rust is listed in KNOWN_DEFECTS: while it lasts it is reported
// in a "todo" subtest, which does not fail the run. Every other problem fails the test.
//
// The widget's stylesheet is built into the wasm (crates/widget/src/lib.rs includes
// www/widget.css), so a CSS change needs a rebuild to reach dist/. To try one first, set
// REP_WIDGET_CSS to a stylesheet: each page then swaps it in for the built one, e.g.
//   cd tests && REP_WIDGET_CSS=../www/widget.css node --test e2e/accessibility.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { field, focusedId, goTo, repoRoot, sharedBrowser, until, waitForPlanner, waitForSaved } from './harness.mjs';

const env = sharedBrowser();

const SCREENS = ['Home', 'REAP checklist', 'Journey self-assessment', 'Data', 'Action plan', 'Your plans'];
const SHOTS = join(repoRoot, 'target', 'accessibility');
const OVERRIDE_CSS = process.env.REP_WIDGET_CSS ? readFileSync(process.env.REP_WIDGET_CSS, 'utf8') : null;
const SOURCE_CSS = readFileSync(join(repoRoot, 'www', 'widget.css'), 'utf8');

/** Problems we know of whose fix is in Rust, not CSS. */
const KNOWN_DEFECTS = [
  // None today. The Data screen's fields once shared names across reporting periods; fixed in
  // crates/widget/src/data.rs (each name now says its period).
];

// ---- In the page ----------------------------------------------------------------------------------

/** Installs window.__a11y: helpers that run inside the page, through the widget's shadow root. */
function installHelpers() {
  const host = () => document.querySelector('[data-race-equity-planner]');
  const deepActive = () => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el && el !== document.body && el !== document.documentElement ? el : null;
  };
  const clean = (text) => (text || '').replace(/\s+/g, ' ').trim();
  /** The words on an element a sighted user sees: its text without visually hidden parts. */
  const visibleText = (el) => {
    const copy = el.cloneNode(true);
    for (const hidden of copy.querySelectorAll('.rep-visually-hidden')) hidden.remove();
    return clean(copy.textContent);
  };
  const describe = (el) => {
    const root = el.getRootNode();
    const name = el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].textContent) || el.textContent;
    return {
      id: el.id || '',
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role') || '',
      name: clean(name).slice(0, 90),
      labelledby: el.getAttribute('aria-labelledby') || '',
      inWidget: root instanceof ShadowRoot && root.host === host(),
    };
  };
  const style = (el) => {
    const s = getComputedStyle(el);
    return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor, boxShadow: s.boxShadow };
  };
  let previous = null;
  const focusables = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), svg a, svg [tabindex]';
  /** Rendered, enabled, reachable by Tab: what a keyboard user must be able to reach. */
  const reachable = (el) =>
    !el.disabled && el.getAttribute('tabindex') !== '-1' && el.getClientRects().length > 0 && !el.closest('[hidden], .rep-print-frame') &&
    (el.tagName === 'SUMMARY' || !el.closest('details:not([open])'));
  /** Every clipping box above `el` (overflow other than visible, or paint containment), up to the host. */
  const clippers = (el) => {
    const out = [];
    for (let a = el.parentElement || el.getRootNode().host; a; a = a.parentElement || (a.getRootNode() instanceof ShadowRoot ? a.getRootNode().host : null)) {
      const s = getComputedStyle(a);
      if (s.overflowX !== 'visible' || /paint|content|strict/.test(s.contain)) out.push(a);
      if (a === host()) break;
    }
    return out;
  };
  const isScroller = (a) =>
    (a.tagName === 'TABLE' || (a.getAttribute('role') === 'region' && a.getAttribute('tabindex') === '0')) &&
    /auto|scroll/.test(getComputedStyle(a).overflowX);
  const label = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('class') ? `.${el.getAttribute('class').trim().split(/\s+/).join('.')}` : ''}`;
  /** Hidden on purpose (the visually-hidden pattern, or inside it): not content that can be lost. */
  const hiddenOnPurpose = (el) => {
    for (let a = el; a && a !== host(); a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.clipPath !== 'none' || (s.position === 'absolute' && a.clientWidth <= 1 && a.clientHeight <= 1)) return true;
    }
    return false;
  };

  window.__a11y = {
    deepActive,
    describe,
    focused: () => {
      const el = deepActive();
      return el ? describe(el) : null;
    },
    resetFocusTracking: () => {
      previous = null;
    },
    /** After a key press: the element now focused, with its style, and the element that lost
     * focus, with its style while focused and now without focus. */
    focusStep: () => {
      const el = deepActive();
      let left = null;
      if (previous && previous.el !== el) {
        left = { ...previous.info, focused: previous.focused, unfocused: previous.el.isConnected ? style(previous.el) : null };
      }
      const now = el ? { ...describe(el), focused: style(el) } : null;
      previous = el ? { el, info: describe(el), focused: now.focused } : null;
      return { now, left };
    },
    /** Every control of the widget a keyboard user must reach, described. */
    /** A radio group is one Tab stop (its checked radio; the arrow keys move within it), so an
     * unchecked radio whose group has a checked one is not a stop of its own. */
    controls: () => [...host().shadowRoot.querySelectorAll(focusables)].filter(reachable)
      .filter((el) => !(el.type === 'radio' && !el.checked && el.name
        && host().shadowRoot.querySelector(`input[type="radio"][name="${CSS.escape(el.name)}"]:checked`)))
      .map(describe),
    /** Each chart, and the first reachable control after it in the page (null if none). */
    afterCharts: () => {
      const all = [...host().shadowRoot.querySelectorAll(focusables)].filter(reachable);
      return [...host().shadowRoot.querySelectorAll('svg')].map((svg) => {
        const next = all.find((el) => svg.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && !svg.contains(el));
        return { chart: svg.getAttribute('aria-labelledby') || 'svg', inside: all.filter((el) => svg.contains(el)).map(describe), next: next ? describe(next) : null };
      });
    },
    /** WCAG 1.4.10: what sticks out of the widget's box (where the host's paint containment cuts
     * it off) or makes the page scroll sideways, except inside a keyboard-scrollable region. */
    overflow: () => {
      const box = host().getBoundingClientRect();
      const problems = [];
      const viewport = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth > viewport + 1) {
        problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px of content in a ${viewport} px window`);
      }
      const seen = new Set();
      for (const el of host().shadowRoot.querySelectorAll('.rep-root *')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || (r.right <= box.right + 1 && r.left >= box.left - 1)) continue;
        if (hiddenOnPurpose(el)) continue;
        // Meant to scroll: a table wrapper (role="region", tabindex="0"), or a grid of fields that
        // scrolls inside itself (every column has a control, which scrolls into view with focus).
        const region = el.parentElement?.closest('[role="region"]');
        const grid = el.parentElement?.closest('table.rep-table--counts');
        if ([region, grid].some((s) => s && isScroller(s) && s.getBoundingClientRect().right <= box.right + 1)) continue;
        const scroller = region || grid;
        // Report the outermost element that sticks out, not each of its children.
        if ([...seen].some((s) => s.contains(el))) continue;
        seen.add(el);
        problems.push(
          `${label(el)} reaches ${Math.round(r.right)} px, past the widget's right edge at ${Math.round(box.right)} px` +
            (scroller ? ` (inside ${label(scroller)}, which does not scroll)` : ''),
        );
      }
      return problems;
    },
    /** WCAG 1.4.10 and 2.4.11: each control, given focus, is fully in view across the page. */
    controlsInView: () => {
      const problems = [];
      for (const el of [...host().shadowRoot.querySelectorAll(focusables)].filter(reachable)) {
        el.focus();
        const r = el.getBoundingClientRect();
        let left = 0;
        let right = document.documentElement.clientWidth;
        for (const a of clippers(el)) {
          const c = a.getBoundingClientRect();
          left = Math.max(left, c.left);
          right = Math.min(right, c.right);
        }
        if (r.left < left - 1 || r.right > right + 1) {
          problems.push(`${label(el)} (${describe(el).name}) is cut off when it has focus: it spans ${Math.round(r.left)} to ${Math.round(r.right)} px, the visible part ${Math.round(left)} to ${Math.round(right)} px`);
        }
      }
      deepActive()?.blur();
      return problems;
    },
    /** WCAG 1.4.12: text cut off by a box that hides its overflow. */
    clippedText: () => {
      const problems = [];
      for (const el of host().shadowRoot.querySelectorAll('.rep-root *')) {
        if (/^(INPUT|SELECT|TEXTAREA|OPTION)$/.test(el.tagName) || el.closest('svg')) continue;
        const s = getComputedStyle(el);
        const hides = (v) => v === 'hidden' || v === 'clip';
        if (!hides(s.overflowX) && !hides(s.overflowY) && s.textOverflow !== 'ellipsis') continue;
        if (el.clientWidth <= 1 || el.clientHeight <= 1 || hiddenOnPurpose(el) || !clean(el.textContent)) continue;
        if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) {
          problems.push(`${label(el)} cuts off its text ("${clean(el.textContent).slice(0, 60)}"): ${el.scrollWidth}x${el.scrollHeight} px of content in ${el.clientWidth}x${el.clientHeight} px`);
        }
      }
      return problems;
    },
    /** Describes an element for the names check: what it is, what it does, what a user sees. */
    forNames: (el) => ({
      ...describe(el),
      act: el.getAttribute('data-act') || '',
      field: el.getAttribute('data-f') || '',
      visible: /^(BUTTON|A|SUMMARY)$/.test(el.tagName) ? visibleText(el) : '',
      visibleLabel: el.labels && el.labels[0] ? visibleText(el.labels[0]) : '',
    }),
    candidates: () =>
      [...host().shadowRoot.querySelectorAll(`${focusables}, [role]`)].filter((el) => el.getClientRects().length > 0 && !el.closest('.rep-print-frame')),
    /** The widget's stylesheet as built, to say when it differs from www/widget.css. */
    builtCss: () => host().shadowRoot.querySelector('style').textContent,
    useCss: (css) => {
      host().shadowRoot.querySelector('style').textContent = css;
    },
    textSpacing: (on) => {
      const root = host().shadowRoot;
      root.querySelector('#rep-test-text-spacing')?.remove();
      if (!on) return;
      const style = document.createElement('style');
      style.id = 'rep-test-text-spacing';
      // The WCAG 1.4.12 values, as the W3C's text spacing bookmarklet sets them.
      style.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
      root.append(style);
    },
  };
}

// ---- Helpers --------------------------------------------------------------------------------------

const widgetOf = (page) => page.locator('[data-race-equity-planner]').first();
const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const key = (f) => (f.id ? `#${f.id}` : `${f.tag}${f.role ? `[${f.role}]` : ''} "${f.name}"`);

let warnedAboutCss = false;

/** Loads (or reloads) the demo page, waits for the planner and installs the helpers; with
 * REP_WIDGET_CSS, swaps in that stylesheet. Focus is at the top of the page. */
async function load(page, t) {
  if (page.url() === 'about:blank') await page.goto(`${env.server.origin}/index.html`);
  else await page.reload();
  await waitForPlanner(page);
  await page.evaluate(installHelpers);
  if (OVERRIDE_CSS) await page.evaluate((css) => window.__a11y.useCss(css), OVERRIDE_CSS);
  else if (t && !warnedAboutCss && (await page.evaluate(() => window.__a11y.builtCss())) !== SOURCE_CSS) {
    warnedAboutCss = true;
    t.diagnostic('the built stylesheet differs from www/widget.css: this run tests the build (rebuild, or set REP_WIDGET_CSS=../www/widget.css)');
  }
}

/** A fresh browser (an empty store, so the example plan) on the demo page. */
async function openExample(t, options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await load(page, t);
  return { context, page, widget: widgetOf(page) };
}

const focused = (page) => page.evaluate(() => window.__a11y.focused());

/** Presses `press` (Tab by default) until `wanted(focus)` holds; fails, naming the last stops, if
 * it never does. Returns the number of presses. */
async function pressUntil(page, wanted, what, { press = 'Tab', limit = 400 } = {}) {
  const trail = [];
  for (let i = 0; i <= limit; i += 1) {
    const focus = await focused(page);
    if (focus && wanted(focus)) return i;
    if (focus) trail.push(key(focus));
    await page.keyboard.press(press);
  }
  assert.fail(`${press} never reached ${what}; the last stops: ${trail.slice(-6).join(' | ')}`);
}

const onId = (id) => (f) => f.id === id;

/** From the top of the page: Tab to the part's button in the navigation, press Enter; the part
 * opens with focus on its heading. */
async function openByKeyboard(page, widget, name) {
  await pressUntil(page, (f) => f.inWidget && f.tag === 'button' && f.name === name && !f.id, `the "${name}" button in the navigation`);
  await page.keyboard.press('Enter');
  await widget.getByRole('heading', { level: 1, name }).waitFor();
  const focus = await focused(page);
  assert.deepEqual([focus?.tag, focus?.name, focus?.inWidget], ['h1', name, true], 'focus moves to the heading of the part');
}

/** Splits problems into new ones and known defects (KNOWN_DEFECTS). */
function triage(problems) {
  const known = problems.filter((p) => KNOWN_DEFECTS.some((d) => d.match(p)));
  return { fresh: problems.filter((p) => !known.includes(p)), known };
}

/** Fails with the new problems; reports known defects in a "todo" subtest that fails while they last. */
async function report(t, problems, what) {
  const { fresh, known } = triage(problems);
  for (const defect of KNOWN_DEFECTS) {
    const these = known.filter((p) => defect.match(p));
    if (these.length) {
      await t.test(`known defect: ${defect.why}`, { todo: 'needs a fix in Rust' }, () => {
        assert.fail(`${these.length} problems, the first: ${these.slice(0, 3).join('; ')}`);
      });
    }
  }
  assert.deepEqual(fresh, [], `${what}: ${fresh.length} problems, the first: ${fresh.slice(0, 5).join('; ')}`);
}

// ---- Focus indicator ------------------------------------------------------------------------------

const alpha = (colour) => {
  if (!colour || colour === 'transparent') return 0;
  const parts = /rgba?\(([^)]*)\)/.exec(colour)?.[1].split(/[ ,/]+/).filter(Boolean);
  return parts && parts.length === 4 ? Number(parts[3]) : 1;
};

/** The computed outline and box-shadow that a person can see. */
function indicator(style) {
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && alpha(style.outlineColor) > 0;
  const shadow = style.boxShadow !== 'none' && style.boxShadow.split(/,(?![^(]*\))/).some((one) => {
    const colour = /rgba?\([^)]*\)/.exec(one)?.[0];
    const sizes = (one.replace(/rgba?\([^)]*\)/, '').match(/-?[\d.]+px/g) || []).map(parseFloat);
    return alpha(colour) > 0 && sizes.some((n) => n !== 0);
  });
  return { outline, shadow };
}

/** What is wrong with the focus indicator of an element that has just lost focus, or null. */
function indicatorProblem(left) {
  const who = `${key(left)}${left.role ? '' : ` (${left.tag})`}`;
  const shown = indicator(left.focused);
  if (!shown.outline && !shown.shadow) {
    return `${who} shows no focus indicator: outline ${left.focused.outlineStyle} ${left.focused.outlineWidth} ${left.focused.outlineColor}, box-shadow ${left.focused.boxShadow}`;
  }
  if (!left.unfocused) return null; // redrawn as focus left: nothing to compare with
  const outlineChanged = ['outlineStyle', 'outlineWidth', 'outlineColor'].some((p) => left.focused[p] !== left.unfocused[p]);
  const shadowChanged = left.focused.boxShadow !== left.unfocused.boxShadow;
  if (!((shown.outline && outlineChanged) || (shown.shadow && shadowChanged))) {
    return `${who} looks the same with and without focus (outline ${left.focused.outlineStyle} ${left.focused.outlineColor}, box-shadow ${left.focused.boxShadow})`;
  }
  return null;
}

/** Presses `press` until focus leaves the widget, checking at each step that focus moved on (the
 * same element may hold it for 3 presses: a date field's day, month and year) and that each
 * element shows a focus indicator it does not show without focus. Returns the stops in order. */
async function walkOut(page, press, problems) {
  const stops = [];
  let same = 0;
  await page.evaluate(() => window.__a11y.resetFocusTracking());
  for (let i = 0; i < 700; i += 1) {
    await page.keyboard.press(press);
    const { now, left } = await page.evaluate(() => window.__a11y.focusStep());
    if (left && left.inWidget) {
      const problem = indicatorProblem(left);
      if (problem && !problems.includes(problem)) problems.push(problem);
    }
    if (!now || !now.inWidget) {
      // Focus may still be outside the widget at the start of a walk backwards from the end of
      // the page (Chromium passes through the browser's own UI on the way round).
      if (!stops.length && i < 3 && press === 'Shift+Tab') continue;
      return stops;
    }
    if (stops.length && key(stops.at(-1)) === key(now)) {
      same += 1;
      assert.ok(same < 4, `keyboard trap: ${press} pressed ${same + 1} times and focus stays on ${key(now)}`);
    } else {
      same = 0;
      stops.push(now);
    }
  }
  return assert.fail(`${press} pressed 700 times without leaving the widget: a keyboard trap near ${key(stops.at(-1))}`);
}

// ---- 1. Keyboard-only journeys ----------------------------------------------------------------------

test('keyboard only, from the top of the page: each part opens from the navigation and takes a change', async (t) => {
  const { context, page, widget } = await openExample(t);
  const header = () => widget.locator('.rep-header__plan').innerText();

  await t.test('Home: the plan\'s name, typed over', async () => {
    await openByKeyboard(page, widget, 'Home');
    await pressUntil(page, onId('rep-plan-title'), 'the plan name field');
    // Tab into a text field selects what is in it, so typing replaces it.
    await page.keyboard.type('Keyboard team plan');
    await until(async () => /Keyboard team plan/.test(await header()), 'the header to show the new name');
    await waitForSaved(widget);
  });

  await t.test('REAP checklist: guidance opened with Space, an anchor marked "Met" with the arrow keys', async () => {
    await load(page);
    await openByKeyboard(page, widget, 'REAP checklist');
    await pressUntil(page, (f) => f.tag === 'summary' && f.name === 'Guidance for 1.3', 'the guidance for 1.3');
    await page.keyboard.press('Space');
    await until(() => widget.locator('[id="rep-anchor-1-3"] details').evaluate((d) => d.open), 'the guidance to open');
    assert.match(await widget.locator('[id="rep-anchor-1-3"] .rep-details__text').innerText(), /\w{3,}/);
    await pressUntil(page, onId('rep-a-1-3-status'), 'the status of anchor 1.3');
    assert.equal(await field(widget, 'rep-a-1-3-status').inputValue(), 'not_started');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await until(async () => (await field(widget, 'rep-a-1-3-status').inputValue()) === 'met', 'the status to be "Met"');
    await until(async () => (await widget.locator('[id="rep-anchor-1-3"] .rep-anchor__tags .rep-tag').first().innerText()) === 'Met', 'the tag to say "Met"');
    assert.match(await widget.locator('.rep-summary').innerText(), /Data: 1\.2 not yet met/);
    assert.equal(await focusedId(page), 'rep-a-1-3-status', 'focus stays on the list');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), 'rep-a-1-3-evidence', 'Tab moves on to the evidence');
  });

  await t.test('Journey self-assessment: an outcome question answered with the arrow keys lifts the cap', async () => {
    await load(page);
    await openByKeyboard(page, widget, 'Journey self-assessment');
    const headline = widget.locator('.rep-summary__headline');
    assert.equal(await headline.innerText(), 'Agreed stage: Starting (the group chose Developing)');
    await pressUntil(page, onId('rep-j-q-shared_view-answer'), 'the answer to outcome question 2');
    assert.equal(await field(widget, 'rep-j-q-shared_view-answer').inputValue(), 'no');
    await page.keyboard.press('ArrowUp');
    await until(async () => (await field(widget, 'rep-j-q-shared_view-answer').inputValue()) === 'yes', 'the answer "yes"');
    await until(async () => !/Starting \(the group chose/.test(await headline.innerText()), 'the cap to lift');
    assert.match(await headline.innerText(), /^Agreed stage: Developing/);
    await page.keyboard.press('Tab');
    assert.notEqual(await focusedId(page), 'rep-j-q-shared_view-answer', 'Tab moves on');
  });

  await t.test('Data: a count typed in the table inside its scroll region changes the figures', async () => {
    await load(page);
    await openByKeyboard(page, widget, 'Data');
    // The counts table sits in a keyboard-scrollable region: Tab stops on it, then goes in.
    await pressUntil(page, (f) => f.role === 'region' && f.labelledby === 'rep-s-counts-caption', 'the scroll region of the service\'s counts');
    await pressUntil(page, onId('rep-s-black-c'), 'the IPS caseload count for the Black group');
    assert.equal(await field(widget, 'rep-s-black-c').inputValue(), '19');
    await page.keyboard.type('38');
    await page.keyboard.press('Tab');
    const table = widget.locator('[aria-labelledby="rep-s-ips-population-title"] table');
    await until(async () => /38 \/ 204/.test(await table.innerText()), 'the IPS caseload table to count 38 of 204');
    // And a count of an SC-WRES period, further down the same screen.
    await pressUntil(page, onId('rep-d-d1-appointment-ce'), 'the first appointment count of the first period');
    const before = await widget.locator('[id="rep-d-d1-appointment"]').innerText();
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await until(async () => (await widget.locator('[id="rep-d-d1-appointment"]').innerText()) !== before, 'the appointment figures to change');
    await waitForSaved(widget);
  });

  await t.test('Action plan: an action added to an objective and described by keyboard alone', async () => {
    await load(page);
    await openByKeyboard(page, widget, 'Action plan');
    // The contents list jumps to the objectives; from there, Tab to the first objective's "Add".
    await pressUntil(page, (f) => f.tag === 'a' && f.name === 'Objectives and actions', 'the contents link to the objectives');
    await page.keyboard.press('Enter');
    await pressUntil(page, onId('rep-ob-o1-add'), 'the first objective\'s "Add an action" button');
    await page.keyboard.press('Enter');
    await until(async () => ((await focused(page))?.id || '').endsWith('-text'), 'focus to move to the new action');
    const id = (await focused(page)).id.replace(/^rep-ap-/, '').replace(/-text$/, '');
    await page.keyboard.type('Publish shortlisting figures by ethnicity');
    await pressUntil(page, onId(`rep-ap-${id}-who`), 'the new action\'s lead');
    await page.keyboard.type('HR lead');
    await pressUntil(page, onId(`rep-ap-${id}-by_when`), 'the new action\'s timeframe');
    await page.keyboard.type('October 2025');
    await until(async () => /Overdue/.test(await widget.locator(`[id="rep-ap-${id}"]`).innerText()), 'the action to show as overdue');
    assert.match(await widget.locator(`[id="rep-ap-${id}-by_when-reading"]`).innerText(), /due 31 October 2025/);
    await waitForSaved(widget);
  });

  await t.test('Your plans: a new plan named and created with Enter', async () => {
    await load(page);
    await openByKeyboard(page, widget, 'Your plans');
    await pressUntil(page, onId('rep-new-title'), 'the new plan\'s name');
    await page.keyboard.type('Second team by keyboard');
    await page.keyboard.press('Enter');
    await until(async () => /Second team by keyboard/.test(await header()), 'the new plan to open');
    await goTo(widget, 'Your plans');
    const titles = await widget.locator('.rep-table tbody tr td:first-child').allInnerTexts();
    assert.equal(titles.length, 2, `two plans listed: ${titles.join(' | ')}`);
  });
  await context.close();
});

// ---- 2. No keyboard trap; a visible focus indicator ---------------------------------------------

/** Walks a screen forwards from its heading to the end, then backwards to the top of the widget,
 * and returns the problems with focus indicators, order and reach. */
async function walkScreen(page, widget, name) {
  const problems = [];
  await load(page);
  await openByKeyboard(page, widget, name);
  const forward = await walkOut(page, 'Tab', problems);
  const backward = await walkOut(page, 'Shift+Tab', problems);
  const back = backward.map(key).reverse();
  const ahead = forward.map(key);
  // Shift+Tab retraces Tab exactly, and also passes the navigation on the way up.
  assert.deepEqual(back.slice(back.length - ahead.length), ahead, `${name}: Shift+Tab does not retrace the Tab order`);
  assert.ok(backward.some((f) => f.tag === 'button' && f.name === name), `${name}: Shift+Tab never reached the navigation`);
  // Every control is reached; the table regions are stops; the charts are passed over.
  const reached = new Set([...forward, ...backward].map(key));
  const missed = (await page.evaluate(() => window.__a11y.controls())).filter((c) => !reached.has(key(c)));
  assert.deepEqual(missed.map(key), [], `${name}: Tab never reached these controls`);
  for (const chart of await page.evaluate(() => window.__a11y.afterCharts())) {
    assert.deepEqual(chart.inside, [], `${name}: the chart ${chart.chart} has controls inside it`);
    if (chart.next) assert.ok(reached.has(key(chart.next)), `${name}: Tab does not get past the chart ${chart.chart}`);
  }
  return { problems, forward };
}

test('no keyboard trap, and a visible focus indicator at every Tab stop on every screen', async (t) => {
  const { context, page, widget } = await openExample(t);
  for (const name of SCREENS) {
    await t.test(name, async () => {
      const { problems, forward } = await walkScreen(page, widget, name);
      assert.deepEqual(problems, [], `${name}: the first stop without a visible focus indicator: ${problems[0]}`);
      if (name === 'Data') {
        assert.ok(forward.filter((f) => f.role === 'region').length >= 5, 'the Data tables\' scroll regions are Tab stops');
      }
    });
  }
  await context.close();
});

test('with forced colours (Windows contrast themes, emulated), focus is still visible', async (t) => {
  const { context, page, widget } = await openExample(t, { forcedColors: 'active' });
  assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
  for (const name of ['Home', 'REAP checklist']) {
    const { problems } = await walkScreen(page, widget, name);
    assert.deepEqual(problems, [], `${name}: the first stop without a visible focus indicator: ${problems[0]}`);
  }
  await context.close();
});

// ---- 3. Reflow at 320 px and text spacing ------------------------------------------------------

test('at 320 CSS px wide (400% zoom), nothing is cut off or scrolls sideways, and every control can be seen with focus', async (t) => {
  mkdirSync(SHOTS, { recursive: true });
  const { context, page, widget } = await openExample(t, { viewport: { width: 320, height: 640 } });
  for (const [i, name] of SCREENS.entries()) {
    await t.test(name, async () => {
      await goTo(widget, name);
      await page.screenshot({ path: join(SHOTS, `320px-${i + 1}-${slug(name)}.png`), fullPage: true });
      const problems = [
        ...(await page.evaluate(() => window.__a11y.overflow())),
        ...(await page.evaluate(() => window.__a11y.controlsInView())),
      ];
      assert.deepEqual(problems, [], `${name} at 320 px: ${problems.length} problems, the first: ${problems.slice(0, 4).join('; ')}`);
    });
  }
  await context.close();
});

test('with WCAG text spacing (line height 1.5, letters 0.12em, words 0.16em, paragraphs 2em), no text is lost', async (t) => {
  const { context, page, widget } = await openExample(t);
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 800 });
    for (const name of SCREENS) {
      await t.test(`${name} at ${width} px`, async () => {
        await goTo(widget, name);
        await page.evaluate(() => window.__a11y.textSpacing(true));
        const problems = [
          ...(await page.evaluate(() => window.__a11y.clippedText())),
          ...(await page.evaluate(() => window.__a11y.overflow())),
        ];
        if (width === 320 && name === SCREENS[0]) {
          await page.screenshot({ path: join(SHOTS, '320px-text-spacing-home.png'), fullPage: true });
        }
        await page.evaluate(() => window.__a11y.textSpacing(false));
        assert.deepEqual(problems, [], `${name} with text spacing: ${problems.slice(0, 4).join('; ')}`);
      });
    }
  }
  await context.close();
});

// ---- 4. Names -------------------------------------------------------------------------------------

const FIELD_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'listbox', 'spinbutton', 'checkbox', 'radio', 'slider', 'switch', 'Date', 'DateTime', 'InputTime']);
const ACTION_ROLES = new Set(['button', 'link', 'menuitem', 'tab', 'DisclosureTriangle']);
// ARIA 1.2: a live region's name is optional; what it says is its content.
const NAME_OPTIONAL = new Set(['status', 'alert', 'log', 'marquee', 'timer', 'generic', 'none', 'presentation']);

/** Each control and element with a role on the screen, with its name from Chromium's
 * accessibility tree (what a screen reader is given) and what it does. */
async function namedThings(page, cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const ax = new Map(nodes.filter((n) => n.backendDOMNodeId).map((n) => [n.backendDOMNodeId, n]));
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window.__a11y.candidates()', objectGroup: 'a11y' });
  const described = await cdp.send('Runtime.callFunctionOn', {
    objectId: result.objectId,
    functionDeclaration: 'function () { return this.map((el) => window.__a11y.forNames(el)); }',
    returnByValue: true,
  });
  const { result: properties } = await cdp.send('Runtime.getProperties', { objectId: result.objectId, ownProperties: true });
  const things = [];
  for (const property of properties) {
    if (!/^\d+$/.test(property.name)) continue;
    const { node } = await cdp.send('DOM.describeNode', { objectId: property.value.objectId });
    const a = ax.get(node.backendNodeId);
    if (!a || a.ignored) continue;
    things.push({ ...described.result.value[Number(property.name)], axRole: a.role?.value || '', axName: (a.name?.value || '').replace(/\s+/g, ' ').trim() });
  }
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'a11y' });
  return things;
}

function nameProblems(screen, things) {
  const problems = [];
  const lower = (s) => s.toLowerCase();
  for (const thing of things) {
    const who = `${screen}: ${key(thing)} (${thing.axRole})`;
    if (!thing.axName && !NAME_OPTIONAL.has(thing.axRole)) problems.push(`${who} has no accessible name`);
    // WCAG 2.5.3 Label in Name: the words a sighted user sees are in the name a voice user says.
    const seen = thing.visible || thing.visibleLabel;
    if (thing.axName && seen && !lower(thing.axName).includes(lower(seen))) {
      problems.push(`${who} shows "${seen}" but is called "${thing.axName}"`);
    }
  }
  // Two controls that do different things must not share a name.
  for (const [kind, roles, what] of [['buttons', ACTION_ROLES, 'act'], ['fields', FIELD_ROLES, 'field']]) {
    const byName = new Map();
    for (const thing of things.filter((x) => roles.has(x.axRole) && x.axName)) {
      byName.set(thing.axName, [...(byName.get(thing.axName) || []), thing]);
    }
    for (const [name, same] of byName) {
      const purposes = new Set(same.map((x) => x[what] || key(x)));
      if (same.length > 1 && purposes.size > 1) {
        problems.push(`${screen}: ${same.length} ${kind} are called "${name}" but do different things (${[...purposes].join(', ')})`);
      }
    }
  }
  return problems;
}

test('every control and every element with a role has a name that says what it is, and different controls never share one', async (t) => {
  const { context, page, widget } = await openExample(t);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Accessibility.enable');
  await cdp.send('DOM.enable');
  const problems = [];
  let count = 0;
  let compared = 0;
  for (const name of SCREENS) {
    await goTo(widget, name);
    if (name === 'Your plans') {
      // Two plans, so that each row's buttons must say which plan they act on.
      await field(widget, 'rep-new-title').fill('Second team');
      await widget.getByRole('button', { name: 'Create plan' }).click();
      await until(async () => /Second team/.test(await widget.locator('.rep-header__plan').innerText()), 'the second plan');
      await goTo(widget, name);
      assert.equal(await widget.locator('.rep-table tbody tr').count(), 2);
    }
    const things = await namedThings(page, cdp);
    assert.ok(things.length > 6, `${name}: found only ${things.length} controls`);
    count += things.length;
    compared += things.filter((x) => x.visible || x.visibleLabel).length;
    problems.push(...nameProblems(name, things));
  }
  t.diagnostic(`${count} controls and elements with a role checked on ${SCREENS.length} screens; ${compared} of them have visible words, compared with their names`);
  await report(t, problems, 'names');
  await context.close();
});

// ---- 5. Live regions ------------------------------------------------------------------------------

test('the save status, the summaries and the errors are announced', async (t) => {
  const { context, page, widget } = await openExample(t);

  await t.test('after an edit, the save status (a polite live region that stays in place) says it is saved', async () => {
    const status = widget.locator('.rep-save-status [role="status"]');
    assert.equal(await status.count(), 1);
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    await page.evaluate(() => {
      const root = document.querySelector('[data-race-equity-planner]').shadowRoot;
      const region = root.querySelector('.rep-save-status [role="status"]');
      window.__said = [];
      window.__region = region;
      new MutationObserver(() => window.__said.push(region.textContent.trim())).observe(region, { subtree: true, childList: true, characterData: true });
    });
    await pressUntil(page, onId('rep-plan-team'), 'the team field');
    await page.keyboard.press('End');
    await page.keyboard.type(', north locality');
    await until(async () => (await page.evaluate(() => window.__said)).some((s) => /^Saved in this browser at \d\d:\d\d$/.test(s)), 'the status to say "Saved in this browser at hh:mm"');
    const { said, same } = await page.evaluate(() => ({
      said: window.__said,
      same: window.__region.isConnected && window.__region === document.querySelector('[data-race-equity-planner]').shadowRoot.querySelector('.rep-save-status [role="status"]'),
    }));
    assert.ok(same, 'the live region is the same element before and after (a replaced region is not announced)');
    assert.ok(said.includes('Saving…'), `it says "Saving…" first: ${said.join(' | ')}`);
    // Typing 16 characters is not announced 16 times.
    assert.ok(said.length <= 6, `the status changed ${said.length} times while typing: ${said.join(' | ')}`);
  });

  await t.test('the journey\'s summary line is a live region whose words change with an answer', async () => {
    await goTo(widget, 'Journey self-assessment');
    const headline = widget.locator('.rep-summary__headline');
    assert.equal(await headline.getAttribute('role'), 'status');
    const handle = await headline.elementHandle();
    await field(widget, 'rep-j-q-shared_view-answer').selectOption('yes');
    await until(async () => /^Agreed stage: Developing/.test(await headline.innerText()), 'the summary to change');
    assert.ok(await handle.evaluate((el) => el.isConnected && el.matches('[role="status"]')), 'the same live region carries the new words');
  });

  await t.test('a count that does not read is announced (role="alert"), focus stays in the field, and the summary\'s link leads back', async () => {
    await goTo(widget, 'Data');
    await field(widget, 'rep-d-d1-disciplinary-ce').focus();
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    const alert = widget.locator('#rep-d-d1-errors');
    await alert.waitFor();
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.match(await alert.innerText(), /There is a problem[\s\S]*Formal disciplinary process: ‘\d+x’ is not a whole number/);
    assert.equal(await focusedId(page), 'rep-d-d1-disciplinary-ce', 'the error does not take focus from the field being typed in');
    const input = field(widget, 'rep-d-d1-disciplinary-ce');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    const describedBy = await input.getAttribute('aria-describedby');
    assert.match(await widget.locator(`[id="${describedBy}"]`).innerText(), /is not a whole number/, 'the field is described by its error');
    // Keyboard only: back up to the summary's link, Enter, and focus is on the field again.
    await pressUntil(page, (f) => f.tag === 'a' && /not a whole number/.test(f.name), 'the error summary\'s link', { press: 'Shift+Tab', limit: 80 });
    await page.keyboard.press('Enter');
    await until(async () => (await focusedId(page)) === 'rep-d-d1-disciplinary-ce', 'focus on the field');
    await page.keyboard.press('Backspace');
    await until(async () => (await alert.count()) === 0, 'the alert to go once the count reads');
  });

  await t.test('a service count that does not add up is announced (role="alert")', async () => {
    await field(widget, 'rep-s-asian-j').focus();
    await page.keyboard.type('99');
    const alert = widget.locator('#rep-s-errors');
    await alert.waitFor();
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.match(await alert.innerText(), /is more than the \d+ people on the IPS caseload/);
    assert.equal(await focusedId(page), 'rep-s-asian-j');
  });
  await context.close();
});
