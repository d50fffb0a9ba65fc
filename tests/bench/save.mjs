// Prints how long an edit takes to reach storage with a full plan open: the edit itself (record
// the change, update the screen) and the save (serialise in wasm, write to localStorage), as
// medians over N edits; then how long a keystroke in the REAP checklist takes to redraw that
// screen. Figures, not tests.
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

// The REAP checklist, the largest screen: type in an anchor's evidence, until the screen has been
// redrawn (rendered as HTML and patched in place, in the microtasks after the input event).
const reap = await page.evaluate(async ({ edits }) => {
  const root = document.querySelector('[data-race-equity-planner]').shadowRoot;
  [...root.querySelectorAll('nav button')].find((b) => b.textContent.trim() === 'REAP checklist').click();
  const macrotask = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
  for (let i = 0; i < 50 && !root.querySelector('#rep-a-1-1-evidence'); i += 1) await macrotask();
  const field = root.querySelector('#rep-a-1-1-evidence');
  if (!field) throw new Error('the REAP checklist did not open');
  const times = [];
  for (let i = 0; i < edits; i += 1) {
    const t0 = performance.now();
    field.value = `Evidence ${i}`;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await macrotask();
    times.push(performance.now() - t0);
  }
  const flags = root.querySelectorAll('.rep-anchor').length;
  if (flags !== 17) throw new Error(`expected 17 anchors, found ${flags}`);
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { redraw: median(times), size: root.querySelector('.rep-reap').innerHTML.length };
}, { edits });

console.log(`edit (record the change, update the screen)  median ${figures.edit.toFixed(2)} ms over ${edits} edits`);
console.log(`save (serialise + localStorage write)        median ${figures.save.toFixed(2)} ms over ${edits} saves (target under 5 ms)`);
console.log(`saved plan size in storage                   ${(figures.size / 1024).toFixed(1)} KB`);
console.log(`REAP checklist: type, record, redraw         median ${reap.redraw.toFixed(2)} ms over ${edits} keystrokes (the screen is ${(reap.size / 1024).toFixed(0)} KB of HTML)`);
await browser.close();
await server.close();
