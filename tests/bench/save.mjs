// Prints how long an edit takes to reach storage with a full plan open: the edit itself (record
// the change, update the screen) and the save (serialise in wasm, write to localStorage), as
// medians over N edits; how long an anchor's status takes to reach the checklist's summary; how
// long a keystroke in the REAP checklist, the journey and Data takes to redraw that screen; and how
// long a move to another screen takes. Given a second build's dist/ (the build before a change),
// each figure is printed beside that build's, as a ratio. Figures, not tests.
// Usage: node bench/save.mjs <edits> <full-plan.json> [dist] [base dist]

import { readFileSync } from 'node:fs';
import { distDir, launchBrowser, startServer, waitForPlanner } from '../e2e/harness.mjs';

const edits = Number(process.argv[2] || 100);
const planJson = readFileSync(process.argv[3], 'utf8');
const plan = JSON.parse(planJson);
const builds = [process.argv[4] || distDir];
if (process.argv[5]) builds.push(process.argv[5]);
const browser = await launchBrowser();

async function measure(dist) {
const server = await startServer(dist);
const page = await browser.newPage();
await page.addInitScript(({ id, json }) => {
  if (sessionStorage.getItem('seeded')) return;
  sessionStorage.setItem('seeded', '1');
  localStorage.setItem(`race-equity-planner/demo/plan/${id}`, json);
  localStorage.setItem('race-equity-planner/demo/last-opened', id);
}, { id: plan.id, json: planJson });
await page.goto(`${server.origin}/index.html`);
await waitForPlanner(page);

const figures = await page.evaluate(async ({ edits, id }) => {
  const root = document.querySelector('[data-race-equity-planner]').shadowRoot;
  const input = root.querySelector('#rep-plan-title');
  const key = `race-equity-planner/demo/plan/${id}`;
  const editTimes = [];
  const saveTimes = [];
  const sizes = [];
  for (let i = 0; i < edits; i += 1) {
    const t0 = performance.now();
    input.value = `Bench plan ${i}`;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const t1 = performance.now();
    // The planner saves at once on pagehide, instead of waiting for its 400 ms autosave.
    window.dispatchEvent(new Event('pagehide'));
    const t2 = performance.now();
    const saved = localStorage.getItem(key);
    if (!saved || !saved.includes(`Bench plan ${i}`)) throw new Error(`edit ${i} was not saved`);
    sizes.push(saved.length);
    editTimes.push(t1 - t0);
    saveTimes.push(t2 - t1);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { edit: median(editTimes), save: median(saveTimes), size: sizes[sizes.length - 1] };
}, { edits, id: plan.id });

// Typing in a large screen: a keystroke in a text area, until the screen has been redrawn
// (rendered as HTML and patched in place, in the microtasks after the input event).
async function keystrokes(screen, fieldId, screenClass, numeric = false) {
  return page.evaluate(async ({ edits, screen, fieldId, screenClass, numeric }) => {
    const root = document.querySelector('[data-race-equity-planner]').shadowRoot;
    [...root.querySelectorAll('nav button')].find((b) => b.textContent.trim() === screen).click();
    const macrotask = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
    for (let i = 0; i < 50 && !root.querySelector(`[id="${fieldId}"]`); i += 1) await macrotask();
    const field = root.querySelector(`[id="${fieldId}"]`);
    if (!field) throw new Error(`${screen} did not open`);
    const times = [];
    for (let i = 0; i < edits; i += 1) {
      const t0 = performance.now();
      field.value = numeric ? String(40 + i) : `Typed ${i}`;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await macrotask();
      times.push(performance.now() - t0);
    }
    if (!root.querySelector(`[id="${fieldId}"]`)) throw new Error(`${fieldId} went missing`);
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return { redraw: median(times), size: root.querySelector(screenClass).innerHTML.length };
  }, { edits, screen, fieldId, screenClass, numeric });
}
// An edit to the updated summary: an anchor's status changed in the REAP checklist, until the
// checklist's summary at the top of the screen (the meeting rule and each theme's count) says so.
// Alternates between "Met" and "Not started", so every edit changes the summary.
const summary = await page.evaluate(async ({ edits }) => {
  const root = document.querySelector('[data-race-equity-planner]').shadowRoot;
  [...root.querySelectorAll('nav button')].find((b) => b.textContent.trim() === 'REAP checklist').click();
  const macrotask = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
  for (let i = 0; i < 50 && !root.querySelector('#rep-a-1-1-status'); i += 1) await macrotask();
  const select = () => root.querySelector('#rep-a-1-1-status');
  const text = () => root.querySelector('.rep-summary').textContent;
  if (!select()) throw new Error('the REAP checklist did not open');
  const values = [...select().options].map((o) => o.value);
  if (!values.includes('met') || !values.includes('not_started')) throw new Error(`unexpected statuses: ${values}`);
  // Start from "Not started" (untimed), so that every edit below moves the count of met anchors.
  select().value = 'not_started';
  select().dispatchEvent(new Event('change', { bubbles: true }));
  for (let i = 0; i < 5; i += 1) await macrotask();
  const times = [];
  for (let i = 0; i < edits; i += 1) {
    const before = text();
    const t0 = performance.now();
    select().value = i % 2 ? 'not_started' : 'met';
    select().dispatchEvent(new Event('change', { bubbles: true }));
    let waited = 0;
    while (text() === before) {
      if ((waited += 1) > 200) throw new Error(`edit ${i}: the summary never changed`);
      await macrotask();
    }
    times.push(performance.now() - t0);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { median: median(times), max: Math.max(...times) };
}, { edits });

const reap = await keystrokes('REAP checklist', 'rep-a-1-1-evidence', '.rep-reap');
const journey = await keystrokes('Journey self-assessment', 'rep-j-p-p1-evidence', '.rep-journey');
const data = await keystrokes('Data', 'rep-d-d1-appointment-ce', '.rep-data', true);
// The build before had no action plan screen: its figure is not there to compare.
const actionPlan = await keystrokes('Action plan', 'rep-ap-a1-text', '.rep-action-plan').catch(() => ({ redraw: NaN }));

// A move to another screen with the full plan open: from the click on its navigation button until
// its heading and its first field are in the page (rendered, after the microtasks of the click).
const switches = await page.evaluate(async ({ edits }) => {
  const root = document.querySelector('[data-race-equity-planner]').shadowRoot;
  const macrotask = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
  const screens = [
    ['REAP checklist', '#rep-a-1-1-status'],
    ['Journey self-assessment', '#rep-j-strengths'],
    ['Data', '[id="rep-d-d1-label"]'],
    ['Home', '#rep-plan-title'],
  ];
  const times = [];
  const whole = [];
  for (let i = 0; i < edits; i += 1) {
    const [name, selector] = screens[i % screens.length];
    const t0 = performance.now();
    [...root.querySelectorAll('nav button')].find((b) => b.textContent.trim() === name).click();
    let waited = 0;
    while (!(root.querySelector('h1')?.textContent.trim() === name && root.querySelector(selector))) {
      if ((waited += 1) > 500) throw new Error(`${name} did not open`);
      await macrotask();
    }
    times.push(performance.now() - t0);
    // The REAP checklist draws its later themes a task at a time (aria-busy until done).
    while (root.querySelector('[aria-busy="true"]')) {
      if ((waited += 1) > 500) throw new Error(`${name} was not drawn`);
      await macrotask();
    }
    whole.push(performance.now() - t0);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { median: median(times), max: Math.max(...times), whole: median(whole) };
}, { edits });

await page.close();
await server.close();
return {
  'edit (record the change, update the screen)': figures.edit,
  'save (serialise + localStorage write)': figures.save,
  'REAP status: edit to updated summary': summary.median,
  'REAP checklist: type, record, redraw': reap.redraw,
  'Journey: type, record, redraw': journey.redraw,
  'Data (a count): type, record, redraw': data.redraw,
  'Action plan: type, record, redraw': actionPlan.redraw,
  'switch screens (full plan)': switches.median,
  'switch screens, whole screen drawn': switches.whole,
  size: figures.size,
};
}

const results = [];
for (const dist of builds) results.push(await measure(dist));
console.log(`saved plan size in storage                   ${(results[0].size / 1024).toFixed(1)} KB`);
for (const name of Object.keys(results[0]).filter((k) => k !== 'size')) {
  const [now, before] = results.map((r) => r[name]);
  let line = `${name.padEnd(45)}median ${now.toFixed(2).padStart(7)} ms over ${edits}`;
  if (before !== undefined && Number.isNaN(before)) line += '   before (no such screen)';
  else if (before !== undefined) line += `   before ${before.toFixed(2).padStart(7)} ms   ratio ${(now / before).toFixed(2)}`;
  console.log(line);
}
console.log('goals (issue 18): a keystroke and a status change under 4 ms, a screen change under 50 ms (medians)');
await browser.close();
