// Screenshots of each screen at 1280 and 320 px (full page), for looking at what was built.
import { launchBrowser, startServer, waitForPlanner } from './e2e/harness.mjs';
const [dist, out, ...screens] = process.argv.slice(2);
const browser = await launchBrowser();
const server = await startServer(dist);
for (const width of [1280, 320]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${server.origin}/index.html`);
  await waitForPlanner(page);
  for (const screen of screens) {
    await page.evaluate((screen) => {
      const root = document.querySelector('[data-race-equity-planner]').shadowRoot;
      [...root.querySelectorAll('nav button')].find((b) => b.textContent.trim() === screen).click();
    }, screen);
    await page.waitForTimeout(400);
    const name = `${out}/${screen.replace(/\W+/g, '-')}-${width}.png`;
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    // The page in slices of 1600 px, at most five, so each can be read at its real size.
    for (let i = 0; i * 1600 < h && i < 5; i += 1) {
      await page.screenshot({ path: name.replace('.png', `-${i}.png`), fullPage: true, clip: { x: 0, y: i * 1600, width, height: Math.min(1600, h - i * 1600) } });
    }
    console.log(name, h);
  }
  await page.close();
}
await browser.close(); await server.close();
