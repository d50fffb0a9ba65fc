// Prints the median time from navigation to the first render of the app shell, over N loads of
// each way to ship, in headless Chromium. A figure, not a test: no threshold, nothing fails.

import { launchBrowser, singleFileUrl, startServer, waitForPlanner } from '../e2e/harness.mjs';

const loads = Number(process.argv[2] || 10);
const browser = await launchBrowser();
const server = await startServer();

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ways = [
  ['single file from disk', singleFileUrl],
  ['script embed over http', `${server.origin}/index.html`],
];
for (const [name, url] of ways) {
  const times = [];
  for (let i = 0; i < loads; i += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await waitForPlanner(page);
    times.push(await page.evaluate(() => performance.getEntriesByName('rep:mounted')[0].startTime));
    await context.close();
  }
  console.log(
    `first render, ${name.padEnd(24)} median ${median(times).toFixed(0).padStart(5)} ms over ${loads} loads (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
  );
}
await browser.close();
await server.close();
