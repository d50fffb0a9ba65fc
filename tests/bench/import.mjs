// Prints how long the planner's import takes in headless Chromium on a 100,000-row person-level
// CSV (the domain crate's import compiled to wasm on its own, crates/bench-wasm), and how long
// arquero (npm) takes to do the same group counts on the same file with the same ethnicity
// mapping, as medians of 5 runs after one warm-up; checks that their counts agree. Figures, not
// tests. Usage: node bench/import.mjs <bench dir: people-100k.csv, people-mapping.json,
// wasm/bench.js, wasm/bench_bg.wasm>

import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = resolve(process.argv[2]);
const here = dirname(fileURLToPath(import.meta.url));
// The test server serves REP_DIST: a folder of its own for this page.
const site = mkdtempSync(join(tmpdir(), 'rep-import-bench-'));
process.env.REP_DIST = site;
mkdirSync(join(site, 'wasm'));
for (const name of ['bench.js', 'bench_bg.wasm']) copyFileSync(join(benchDir, 'wasm', name), join(site, 'wasm', name));
for (const name of ['people-100k.csv', 'people-mapping.json']) copyFileSync(join(benchDir, name), join(site, name));
copyFileSync(join(here, '..', 'node_modules', 'arquero', 'dist', 'arquero.min.js'), join(site, 'arquero.min.js'));
writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><title>import bench</title><script src="arquero.min.js"></script>');

const { launchBrowser, startServer } = await import('../e2e/harness.mjs');
const browser = await launchBrowser();
const server = await startServer();
const page = await browser.newPage();
await page.goto(`${server.origin}/index.html`);

const figures = await page.evaluate(async () => {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const bytes = new Uint8Array(await (await fetch('people-100k.csv')).arrayBuffer());
  const mapping = await (await fetch('people-mapping.json')).json();
  const wasm = await import('./wasm/bench.js');
  await wasm.default();

  const ours = [];
  let ourCounts;
  for (let i = 0; i < 6; i += 1) {
    const start = performance.now();
    ourCounts = JSON.parse(wasm.import_people(bytes));
    if (i > 0) ours.push(performance.now() - start);
  }

  // arquero: decode, parse, map each person's ethnicity to a side, count each metric by side.
  const metrics = [
    ['appointment', 'Appointed', 'Shortlisted'],
    ['disciplinary', 'Formal disciplinary', null],
    ['fitness_to_practise', 'Fitness to practise referral', null],
    ['cpd', 'Non-mandatory CPD', null],
    ['leaving', 'Leaver', null],
    ['senior_roles', 'Senior role', null],
  ];
  const yes = (v) => ['Y', 'YES', '1', 'TRUE', 'X'].includes(String(v ?? '').trim().toUpperCase());
  const theirs = [];
  let theirCounts;
  for (let i = 0; i < 6; i += 1) {
    const start = performance.now();
    const text = new TextDecoder().decode(bytes);
    const table = aq.fromCSV(text, { parse: {} , autoType: false });
    const sides = table.array('Ethnic origin').map((v) => mapping[String(v ?? '').trim()] ?? 'not_stated');
    const counts = {};
    for (const [metric, events, base] of metrics) {
      const e = table.array(events);
      const b = base ? table.array(base) : null;
      const c = { comparison: [0, 0], reference: [0, 0], not_stated: [0, 0] };
      for (let r = 0; r < sides.length; r += 1) {
        if (b && !yes(b[r])) continue;
        const side = c[sides[r]];
        side[1] += 1;
        if (yes(e[r])) side[0] += 1;
      }
      c.not_stated[0] = 0;
      counts[metric] = c;
    }
    theirCounts = counts;
    if (i > 0) theirs.push(performance.now() - start);
  }
  const heapMb = performance.memory ? performance.memory.usedJSHeapSize / 1048576 : NaN;
  return { ours: median(ours), theirs: median(theirs), ourCounts, theirCounts, heapMb };
});
await browser.close();
await server.close();

if (figures.ourCounts.error) throw new Error(`the planner's import failed: ${figures.ourCounts.error}`);
console.log(`import in Chromium (wasm)     median ${figures.ours.toFixed(1)} ms over 5 runs (target under 1000 ms)`);
console.log(`arquero (npm), same counts    median ${figures.theirs.toFixed(1)} ms over 5 runs: the planner takes ${(figures.ours / figures.theirs).toFixed(2)}× arquero's time`);
console.log(`JavaScript heap in use after both: ${figures.heapMb.toFixed(0)} MB`);
const differ = [];
for (const [metric, sides] of Object.entries(figures.theirCounts)) {
  for (const side of ['comparison', 'reference', 'not_stated']) {
    if (JSON.stringify(sides[side]) !== JSON.stringify(figures.ourCounts.metrics[metric]?.[side])) differ.push(`${metric} ${side}`);
  }
}
if (differ.length) throw new Error(`the planner's counts differ from arquero's: ${differ.join(', ')}`);
console.log('counts: the planner\'s and arquero\'s agree for every metric and side');
