// The main job, shown end to end (`npm start`, `npm run demo`): serves a small demo site on
// loopback (a Django-on-Apache shop with typical gaps) and runs `tabgrade audit` on it, which
// opens it in headless Chromium with the built extension loaded and prints the grade.
// Options:
//   --url <url>               audit this page instead of the demo site (e.g. http://localhost:8000/)
//   --screenshot <file.png>   also save a picture of the extension's popup for the page
//   --headed                  also open the popup in a visible browser (needs a display) and keep it open
// Any other option goes to `tabgrade audit` (e.g. --format markdown, --min-grade B, --har page.har).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startDemoSite } from './lib/demo-site.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const ours = new Map();
const passthrough = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--url' || arg === '--screenshot') ours.set(arg, args[++i] ?? null);
  else if (arg === '--headed') ours.set(arg, true);
  else passthrough.push(arg);
}
for (const name of ['--url', '--screenshot']) {
  if (ours.has(name) && ours.get(name) === null) {
    process.stderr.write(`demo: ${name} needs a value\n`);
    process.exit(2);
  }
}

const bundle = resolve(root, 'dist-cli/tabgrade.mjs');
if (!existsSync(bundle)) {
  process.stderr.write('demo: the CLI is not built yet; run `npm run build` first (npm start does)\n');
  process.exit(2);
}
const { main } = await import(pathToFileURL(bundle).href);

/** Opens the popup for `url` in a browser of its own, for a picture or to look at it. */
async function showPopup(url, { screenshot, headed }) {
  const { launchExtensionContext } = await import('./lib/extension-browser.mjs');
  const launched = await launchExtensionContext(resolve(root, 'dist/chrome'), { headless: !headed });
  try {
    const page = await launched.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const tabId = await launched.worker.evaluate(async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id, page.url());
    const popup = await launched.context.newPage();
    await popup.setViewportSize({ width: 640, height: 900 });
    await popup.goto(`chrome-extension://${launched.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.getByTestId('grade-card').waitFor({ timeout: 15_000 });
    // Let the probes' results and the history line settle before the picture.
    await popup.waitForTimeout(800);
    if (screenshot !== null) {
      await popup.screenshot({ path: screenshot, fullPage: true });
      console.log(`Screenshot of the popup: ${screenshot}`);
    }
    if (headed) {
      console.log('The browser stays open; press Ctrl+C to quit.');
      await new Promise(() => undefined);
    }
  } finally {
    if (!headed) await launched.close();
  }
}

const demo = ours.has('--url') ? null : await startDemoSite();
const target = ours.get('--url') ?? demo.url;
try {
  if (demo !== null) {
    // On stderr, so `npm start -- --format json` still prints clean JSON.
    process.stderr.write(`Auditing the built-in demo site at ${target} (npm start -- --url http://localhost:8000/ audits your own page)\n\n`);
  }
  process.exitCode = await main(['audit', target, ...passthrough]);
  const screenshot = ours.get('--screenshot') ?? null;
  const headed = ours.get('--headed') === true;
  if (process.exitCode !== 2 && (screenshot !== null || headed)) await showPopup(target, { screenshot, headed });
} finally {
  await demo?.close();
}
