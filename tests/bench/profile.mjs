// Where the time goes when typing in a screen with the full plan open: a CPU profile of 60
// keystrokes (or status changes) from the DevTools protocol, printed as the functions with the most
// samples. For a build with function names: `wasm-pack build crates/widget --target web --profiling
// --no-typescript --out-dir /tmp/prof-pkg --out-name race_equity_widget`, then copy dist/ and put
// the two files from /tmp/prof-pkg in it (docs/PERFORMANCE.md).
// Usage: node bench/profile.mjs <dist> <full-plan.json> <screen> <field id> [input|select]

import { readFileSync } from 'node:fs';
import { launchBrowser, startServer, waitForPlanner } from '../e2e/harness.mjs';
const [dist, planPath, screen, fieldId, kind] = process.argv.slice(2);
const planJson = readFileSync(planPath, 'utf8');
const plan = JSON.parse(planJson);
const browser = await launchBrowser();
const server = await startServer(dist);
const page = await browser.newPage();
await page.addInitScript(({ id, json }) => {
  localStorage.setItem(`race-equity-planner/demo/plan/${id}`, json);
  localStorage.setItem('race-equity-planner/demo/last-opened', id);
}, { id: plan.id, json: planJson });
await page.goto(`${server.origin}/index.html`);
await waitForPlanner(page);
const cdp = await page.context().newCDPSession(page);
await page.evaluate(async (screen) => {
  const root = document.querySelector('[data-race-equity-planner]').shadowRoot;
  [...root.querySelectorAll('nav button')].find((b) => b.textContent.trim() === screen).click();
  await new Promise((r) => setTimeout(r, 300));
}, screen);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const t = await page.evaluate(async ({ fieldId, kind }) => {
  const root = document.querySelector('[data-race-equity-planner]').shadowRoot;
  const macrotask = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(); c.port2.postMessage(null); });
  const field = root.querySelector(`[id="${fieldId}"]`);
  const t0 = performance.now();
  for (let i = 0; i < 60; i += 1) {
    if (kind === 'select') { field.value = i % 2 ? 'not_started' : 'met'; field.dispatchEvent(new Event('change', { bubbles: true })); }
    else { field.value = `Typed ${i}`; field.dispatchEvent(new Event('input', { bubbles: true })); }
    await macrotask();
  }
  return (performance.now() - t0) / 60;
}, { fieldId, kind });
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map();
for (const s of profile.samples) counts.set(s, (counts.get(s) || 0) + 1);
let total = 0;
for (const [id, c] of counts) { const n = byId.get(id); const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`; self.set(name, (self.get(name) || 0) + c); total += c; }
console.log('per keystroke ms', t.toFixed(2));
for (const [name, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(String(c).padStart(6), (100 * c / total).toFixed(1).padStart(5) + '%', name.slice(0, 150));
await browser.close(); await server.close();
