// Prints the median time from navigation to the first render of the app shell, and to the first
// answer to a click with the example plan open, over N loads of each way to ship, in headless
// Chromium; then time to interactive again under 4x CPU throttling (the DevTools protocol's), the
// closest we have to a locked-down laptop. Given a second build's dist/ (the build before a change),
// loads alternate between the two and each figure is printed beside the other's, as a ratio.
// Figures, not a test: no threshold, nothing fails.
// Usage: node bench/load.mjs <loads> [dist] [base dist]

import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { distDir, launchBrowser, startServer, waitForPlanner } from '../e2e/harness.mjs';

const loads = Number(process.argv[2] || 10);
const builds = [['this build', process.argv[3] || distDir]];
if (process.argv[4]) builds.push(['before', process.argv[4]]);
const browser = await launchBrowser();
for (const build of builds) build.push(await startServer(build[1]));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Time to interactive with the example plan (a fresh browser opens it): from navigation until a
// click on "REAP checklist" in the navigation has opened that screen with the example's checklist
// (its summary and first theme; "wholly drawn" waits for the later themes too).
// A script in the page tries the click every 5 ms from the start, so the figure is the first
// moment the page answers a user, not the moment it was drawn.
async function interactive(page) {
  await page.addInitScript(() => {
    const macrotask = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
    const attempt = async () => {
      const root = document.querySelector('[data-race-equity-planner]')?.shadowRoot;
      const button = root && [...root.querySelectorAll('nav button')].find((b) => b.textContent.trim() === 'REAP checklist');
      if (button) {
        button.click();
        await macrotask();
        if (root.querySelector('.rep-reap .rep-summary') && root.querySelector('#rep-a-1-1-status')) {
          performance.mark('rep:interactive');
          // The later themes are drawn a task at a time, aria-busy until the last is in.
          while (root.querySelector('[aria-busy="true"]')) await macrotask();
          performance.mark('rep:drawn');
          return;
        }
      }
      setTimeout(attempt, 5);
    };
    attempt();
  });
}

async function load(url, { ready = false, throttle = 1, mark = 'rep:interactive' } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  if (ready) await interactive(page);
  await page.goto(url);
  let time;
  if (ready) {
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 60000 });
    time = await page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, mark);
  } else {
    await waitForPlanner(page);
    time = await page.evaluate(() => performance.getEntriesByName('rep:mounted')[0].startTime);
  }
  await context.close();
  return time;
}

const ways = [
  ['single file from disk', (dist) => pathToFileURL(join(dist, 'race-equity-planner.html')).href],
  ['script embed over http', (dist, server) => `${server.origin}/index.html`],
];
const measures = [
  ['first render', {}],
  ['time to interactive', { ready: true }],
  ['REAP checklist wholly drawn', { ready: true, mark: 'rep:drawn' }],
  ['interactive, 4x CPU throttle', { ready: true, throttle: 4 }],
];
for (const [name, url] of ways) {
  for (const [what, options] of measures) {
    const times = builds.map(() => []);
    for (let i = 0; i < loads; i += 1) {
      for (const [b, [, dist, server]] of builds.entries()) times[b].push(await load(url(dist, server), options));
    }
    const [now, before] = times.map(median);
    const figure = (values) => `median ${median(values).toFixed(0).padStart(5)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;
    let line = `${`${what},`.padEnd(30)} ${name.padEnd(24)} ${figure(times[0])}`;
    if (before !== undefined) line += `  before ${figure(times[1])}  ratio ${(now / before).toFixed(2)}`;
    console.log(`${line}  over ${loads} loads`);
  }
}
await browser.close();
for (const [, , server] of builds) await server.close();
