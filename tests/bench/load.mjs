// Prints the median time from navigation to the first render of the app shell, and to the first
// answer to a click with the example plan open, over N loads of each way to ship, in headless
// Chromium. A figure, not a test: no threshold, nothing fails.

import { launchBrowser, singleFileUrl, startServer, waitForPlanner } from '../e2e/harness.mjs';

const loads = Number(process.argv[2] || 10);
const browser = await launchBrowser();
const server = await startServer();

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Time to interactive with the example plan (a fresh browser opens it): from navigation until a
// click on "REAP checklist" in the navigation has opened that screen with the example's checklist.
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
          return;
        }
      }
      setTimeout(attempt, 5);
    };
    attempt();
  });
}

const ways = [
  ['single file from disk', singleFileUrl],
  ['script embed over http', `${server.origin}/index.html`],
];
for (const [name, url] of ways) {
  const times = [];
  const ready = [];
  for (let i = 0; i < loads; i += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await waitForPlanner(page);
    times.push(await page.evaluate(() => performance.getEntriesByName('rep:mounted')[0].startTime));
    await context.close();
  }
  for (let i = 0; i < loads; i += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await interactive(page);
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('rep:interactive').length > 0, null, { timeout: 30000 });
    ready.push(await page.evaluate(() => performance.getEntriesByName('rep:interactive')[0].startTime));
    await context.close();
  }
  const line = (what, values) => console.log(
    `${`${what},`.padEnd(21)} ${name.padEnd(24)} median ${median(values).toFixed(0).padStart(5)} ms over ${loads} loads (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`,
  );
  line('first render', times);
  line('time to interactive', ready);
}
await browser.close();
await server.close();
