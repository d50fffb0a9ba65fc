// Prints how long an edit takes to reach storage with a full plan open: the edit itself (record
// the change, update the screen) and the save (serialise in wasm, write to localStorage), as
// medians over N edits; how long an anchor's status takes to reach the checklist's summary; then
// how long a keystroke in the REAP checklist, the journey and Data takes to redraw that screen.
// Figures, not tests.
// Usage: node bench/save.mjs <edits> <full-plan.json>

import { readFileSync } from 'node:fs';
import { launchBrowser, startServer, waitForPlanner } from '../e2e/harness.mjs';

const edits = Number(process.argv[2] || 100);
const planJson = readFileSync(process.argv[3], 'utf8');
const plan = JSON.parse(planJson);
const browser = await launchBrowser();
const server = await startServer();
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

console.log(`edit (record the change, update the screen)  median ${figures.edit.toFixed(2)} ms over ${edits} edits`);
console.log(`save (serialise + localStorage write)        median ${figures.save.toFixed(2)} ms over ${edits} saves (target under 5 ms)`);
console.log(`saved plan size in storage                   ${(figures.size / 1024).toFixed(1)} KB`);
console.log(`${'REAP status: edit to updated summary'.padEnd(45)}median ${summary.median.toFixed(2)} ms over ${edits} edits (slowest ${summary.max.toFixed(1)} ms)`);
for (const [name, result] of [['REAP checklist', reap], ['Journey', journey], ['Data (a count)', data]]) {
  console.log(`${`${name}: type, record, redraw`.padEnd(45)}median ${result.redraw.toFixed(2)} ms over ${edits} keystrokes (the screen is ${(result.size / 1024).toFixed(0)} KB of HTML)`);
}
await browser.close();
await server.close();
