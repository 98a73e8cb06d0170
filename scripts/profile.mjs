#!/usr/bin/env node
// Where Tabgrade spends its time in a real browser: CPU profiles (V8's sampling profiler,
// over the Chrome DevTools Protocol) of the service worker while the bench's pages load,
// of the page's renderer (the injected content script runs there, in its own world) on
// the heavy page, and of the popup while it opens.
//
//   npm run profile            # or: node scripts/profile.mjs
//
// Builds an unminified copy of the extension (so functions keep their names), loads the
// light page 10 times and the heavy page (300 sub-resources, 5,000 tags) 5 times, each
// followed by a second and a half for the worker's after-load work (grading, the content
// script's snapshot), then opens the popup 5 times on the light page (PROFILE_POPUP=heavy:
// on the heavy one). Prints, per target, the CPU time
// sampled and the functions with the most self time; writes the .cpuprofile files (open
// them in DevTools' Performance panel) and the unminified build they refer to to .profile/.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { launchExtensionContext } from './lib/extension-browser.mjs';
import { startBenchSite } from './lib/bench-site.mjs';
import { attachToTarget, workerTarget as findWorkerTarget } from './lib/cdp-target.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.profile');
const SAMPLING_US = 100;
const AFTER_LOAD_MS = 1_500;

async function startProfiler(session) {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await session.send('Profiler.start');
}

/** Self time per function (name, file, line), largest first, and the total non-idle time. */
function summarise(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let busy = 0;
  profile.samples.forEach((nodeId, index) => {
    const node = byId.get(nodeId);
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') return;
    busy += ms;
    const file = url === '' ? '' : url.replace(/^chrome-extension:\/\/[^/]+\//, '').replace(/^https?:\/\/[^/]+/, '');
    const key = `${functionName || '(anonymous)'}  ${file}${file ? `:${lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  return { busy, top: [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 18) };
}

function report(title, profile) {
  const { busy, top } = summarise(profile);
  console.log(`\n${title}: ${busy.toFixed(1)} ms of CPU sampled`);
  for (const [key, ms] of top) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${(100 * ms / busy).toFixed(1).padStart(5)} %  ${key}`);
}

const pause = (ms) => new Promise((done) => setTimeout(done, ms));

await mkdir(OUT, { recursive: true });
const site = await startBenchSite();
try {
  // Kept in .profile/ beside the profiles: their line numbers point into it.
  const dist = join(OUT, 'extension');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: dist, minify: false, emptyOutDir: true } });
  const extension = await launchExtensionContext(dist);
  const browserSession = await extension.context.browser().newBrowserCDPSession();
  const workerTarget = await findWorkerTarget(browserSession, extension.extensionId);
  if (workerTarget === undefined) throw new Error('no service worker target');
  const worker = await attachToTarget(browserSession, workerTarget.targetId);
  await startProfiler(worker);

  const page = await extension.context.newPage();
  const pageSession = await extension.context.newCDPSession(page);
  for (let i = 0; i < 10; i++) {
    await page.goto(site.light, { waitUntil: 'load' });
    await pause(AFTER_LOAD_MS);
  }
  await startProfiler(pageSession);
  for (let i = 0; i < 5; i++) {
    await page.goto(site.heavy, { waitUntil: 'load' });
    await pause(AFTER_LOAD_MS);
  }
  const { profile: pageProfile } = await pageSession.send('Profiler.stop');
  // The popups are of the light page, the common case (a heavy page's popup is profiled by
  // loading it last instead: PROFILE_POPUP=heavy).
  if (process.env.PROFILE_POPUP !== 'heavy') {
    await page.goto(site.light, { waitUntil: 'load' });
    await pause(AFTER_LOAD_MS);
  }

  const tabId = await extension.worker.evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id, page.url());
  const popupProfiles = [];
  for (let i = 0; i < 5; i++) {
    const popup = await extension.context.newPage();
    const session = await extension.context.newCDPSession(popup);
    await startProfiler(session);
    await popup.goto(`chrome-extension://${extension.extensionId}/src/popup/index.html?tab=${tabId}`, { waitUntil: 'commit' });
    await popup.waitForFunction(() => performance.getEntriesByName('tabgrade:details-complete').length > 0, null, { polling: 'raf', timeout: 10_000 });
    popupProfiles.push((await session.send('Profiler.stop')).profile);
    await popup.close();
  }
  const { profile: workerProfile } = await worker.send('Profiler.stop');
  await extension.close();

  await writeFile(join(OUT, 'worker.cpuprofile'), JSON.stringify(workerProfile));
  await writeFile(join(OUT, 'heavy-page.cpuprofile'), JSON.stringify(pageProfile));
  await writeFile(join(OUT, 'popup.cpuprofile'), JSON.stringify(popupProfiles.at(-1)));
  report('Service worker (10 light + 5 heavy loads, then 5 popups)', workerProfile);
  report('Heavy page renderer (5 loads; content script and the page itself)', pageProfile);
  report('Popup (last of 5 opens, until every section is painted)', popupProfiles.at(-1));
  console.log(`\nProfiles written to ${OUT.slice(ROOT.length + 1)}/ (open in DevTools → Performance).`);
} finally {
  site.close();
}
