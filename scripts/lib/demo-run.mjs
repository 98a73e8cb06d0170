// What `npm start` / `npm run demo` does once the CLI is built (scripts/demo.mjs loads the
// bundle and calls this): serves the demo site on loopback and runs `tabgrade audit` on it.
// Standard output carries only the report, in the format asked for, so
// `npm start --silent -- --format json | jq .` works; every other line goes to standard error.
// Types are in demo-run.d.mts.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { startDemoSite } from './demo-site.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Splits the demo's own options from those that go to `tabgrade audit`; throws on a missing
 * value or a screenshot folder that does not exist.
 */
export function demoOptions(args) {
  const options = { url: null, screenshot: null, headed: false, audit: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--url' || arg === '--screenshot') {
      const value = args[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      options[arg.slice(2)] = value;
    } else if (arg === '--headed') {
      options.headed = true;
    } else {
      options.audit.push(arg);
    }
  }
  if (options.screenshot !== null) {
    // Checked before the audit, like `--har`: a typo in the folder fails at once.
    const folder = dirname(resolve(options.screenshot));
    let isFolder = false;
    try {
      isFolder = statSync(folder).isDirectory();
    } catch {
      // Missing: said below.
    }
    if (!isFolder) throw new Error(`cannot write the screenshot to ${options.screenshot}: no such folder`);
  }
  return options;
}

/** Opens the popup for `url` in a browser of its own, for a picture or to look at it. */
async function showPopup(url, { screenshot, headed, stderr }) {
  const { launchExtensionContext } = await import('./extension-browser.mjs');
  const launched = await launchExtensionContext(resolve(ROOT, 'dist/chrome'), { headless: !headed });
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
      stderr(`Screenshot of the popup: ${screenshot}\n`);
    }
    if (headed) {
      stderr('The browser stays open; press Ctrl+C to quit.\n');
      await new Promise(() => undefined);
    }
  } finally {
    if (!headed) await launched.close();
  }
}

/**
 * Runs the demo with `args` (`--url`, `--screenshot`, `--headed`; the rest goes to
 * `tabgrade audit`) and returns the exit status. `main` is the CLI's entry point.
 */
export async function runDemo(args, { main, stderr }) {
  let options;
  try {
    options = demoOptions(args);
  } catch (error) {
    stderr(`demo: ${error.message}\n`);
    return 2;
  }
  const demo = options.url === null ? await startDemoSite() : null;
  const target = options.url ?? demo.url;
  try {
    if (demo !== null) stderr(`Auditing the built-in demo site at ${target} (npm start -- --url http://localhost:8000/ audits your own page)\n\n`);
    const status = await main(['audit', target, ...options.audit]);
    if (status !== 2 && (options.screenshot !== null || options.headed)) {
      await showPopup(target, { screenshot: options.screenshot, headed: options.headed, stderr });
    }
    return status;
  } finally {
    await demo?.close();
  }
}
