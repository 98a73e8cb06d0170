// Browser benchmarks (run by `npm run bench` after the core benches), in real headless
// Chromium with the built extension:
// - page-load overhead: the same loopback page loaded N times in three browsers, one after
//   the other: without extensions, with a "floor" extension that only holds the webRequest
//   permission and does nothing, and with Tabgrade. Median load time of each and the ratios
//   (target ≤ 1.02). The floor shows what any webRequest extension costs on this machine:
//   Chromium routes every request through its extension proxy once one holds the permission.
//   Loads are BENCH_GAP ms apart (default 500) so each one starts from a quiet browser, as a
//   person's loads do; BENCH_GAP=0 loads back to back, where the audit Tabgrade runs after
//   one load overlaps the next.
// - popup open to grade on screen: from the start of the popup page's navigation to the
//   frame that shows the grade letter (the page's own mark), each time in a new tab like a
//   new popup, median of 20 (target ≤ 100 ms), beside the same figure for an empty
//   extension page that shows a letter at once;
// - bundle sizes of the popup, the service worker and the content script (raw and gzip).
import { createServer } from 'node:http';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from './lib/chromium-path.mjs';
import { launchExtensionContext } from './lib/extension-browser.mjs';
import { POPUP_FIRST_PAINT_GZIP_KB, strictRequested, verdicts } from './lib/bench-targets.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist/chrome');
const LOADS = Number(process.env.BENCH_LOADS ?? 40);
const GAP_MS = Number(process.env.BENCH_GAP ?? 500);
const POPUPS = 20;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** A realistic page: 20 headers, a dozen scripts and stylesheets, 30 KB of HTML. */
async function startSite() {
  const scripts = Array.from({ length: 8 }, (_, i) => `<script src="/js/${i}.js"></script>`).join('');
  const styles = Array.from({ length: 4 }, (_, i) => `<link rel="stylesheet" href="/css/${i}.css">`).join('');
  const filler = '<p>' + 'Lorem ipsum dolor sit amet. '.repeat(1000) + '</p>';
  const page = `<!doctype html><html><head><title>bench</title>${styles}${scripts}</head><body>${filler}</body></html>`;
  const headers = [
    'Content-Type', 'text/html; charset=utf-8', 'Cache-Control', 'no-store',
    'Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    'Strict-Transport-Security', 'max-age=63072000', 'X-Content-Type-Options', 'nosniff', 'X-Frame-Options', 'DENY',
    'Referrer-Policy', 'strict-origin-when-cross-origin', 'Permissions-Policy', 'camera=(), microphone=()',
    'Cross-Origin-Opener-Policy', 'same-origin', 'Server', 'nginx',
    'Set-Cookie', 'sessionid=abc; HttpOnly; Secure; SameSite=Lax', 'Set-Cookie', 'csrftoken=def; Secure; SameSite=Lax',
  ];
  const server = createServer((request, response) => {
    if (request.url === '/') {
      response.writeHead(200, headers);
      response.end(page);
    } else if (request.url?.startsWith('/js/')) {
      response.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' });
      response.end('window.x = (window.x || 0) + 1;');
    } else {
      response.writeHead(200, { 'Content-Type': 'text/css', 'Cache-Control': 'no-store' });
      response.end('p { margin: 0 }');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

async function loadTime(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
}

/**
 * Loads the page in each browser in turn, `count` times, alternating the order, so that
 * anything else the machine is doing hits all of them alike; the first loads only warm up.
 */
async function compareLoads(contexts, url, count) {
  const pages = await Promise.all(contexts.map((context) => context.newPage()));
  const times = contexts.map(() => []);
  for (let round = 0; round < count + 3; round++) {
    const order = pages.map((_, index) => index);
    if (round % 2 === 1) order.reverse();
    for (const index of order) {
      const time = await loadTime(pages[index], url);
      if (round >= 3) times[index].push(time);
      if (GAP_MS > 0) await new Promise((done) => setTimeout(done, GAP_MS));
    }
  }
  await Promise.all(pages.map((page) => page.close()));
  return times;
}

/** An extension that holds only the webRequest permission (and hosts) and does nothing. */
async function writeFloorExtension(dir) {
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3,
    name: 'webRequest floor',
    version: '1.0',
    permissions: ['webRequest'],
    host_permissions: ['http://*/*', 'https://*/*'],
    background: { service_worker: 'worker.js' },
  }));
  await writeFile(join(dir, 'worker.js'), '// Holds the permission, registers nothing.\n');
}

/**
 * A copy of the build with one more page: an empty extension page that shows a grade
 * letter as soon as its module runs, the baseline for the popup figure.
 */
async function copyWithBaselinePage(dir) {
  await cp(DIST, dir, { recursive: true });
  await writeFile(join(dir, 'bench-baseline.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>baseline</title><script type="module" src="/bench-baseline.js"></script></head><body><div id="app"></div></body></html>');
  await writeFile(join(dir, 'bench-baseline.js'), [
    "const letter = document.createElement('div');",
    "letter.dataset.testid = 'grade';",
    "letter.textContent = 'A';",
    "document.getElementById('app').append(letter);",
    "requestAnimationFrame(() => performance.mark('tabgrade:grade-shown'));",
  ].join('\n'));
}

/**
 * Opens `url` `count` times, each time in a new tab as a click on the toolbar icon opens a
 * new popup (navigating one tab again would also time the teardown of the previous page);
 * returns when the grade letter was on screen each time.
 */
async function gradeShownTimes(context, url, count) {
  const shown = [];
  const started = [];
  const answered = [];
  for (let i = 0; i < count + 2; i++) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('tabgrade:grade-shown').length > 0, null, { polling: 'raf', timeout: 10_000 });
    const marks = await page.evaluate(() => Object.fromEntries(['tabgrade:start', 'tabgrade:state', 'tabgrade:grade-shown'].map((name) => [name, performance.getEntriesByName(name)[0]?.startTime ?? NaN])));
    await page.close();
    if (i < 2) continue;
    shown.push(marks['tabgrade:grade-shown']);
    started.push(marks['tabgrade:start']);
    answered.push(marks['tabgrade:state']);
  }
  return { shown, started, answered };
}

/** Gzipped bytes of the script and CSS the popup's HTML loads before its first frame. */
async function firstPaintGzip() {
  const html = await readFile(join(DIST, 'src/popup/index.html'), 'utf8');
  let total = 0;
  for (const match of html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)) {
    total += gzipSync(await readFile(join(DIST, match[1]))).length;
  }
  return total;
}

async function sizes() {
  const rows = [];
  const files = await readdir(join(DIST, 'assets'));
  const html = await readFile(join(DIST, 'src/popup/index.html'), 'utf8');
  const popupEntry = /src="\/assets\/([^"]+)"/.exec(html)?.[1];
  const loader = await readFile(join(DIST, 'service-worker-loader.js'), 'utf8');
  const workerEntry = /assets\/([^'"]+)/.exec(loader)?.[1];
  // The content script is one classic file the worker injects (no chunks).
  const content = await readFile(join(DIST, 'content/index.js'));
  // Each entry with the chunks it imports (one level is enough for Vite's flat chunks).
  const closure = async (entry) => {
    const seen = new Set([entry]);
    const queue = [entry];
    while (queue.length > 0) {
      const text = await readFile(join(DIST, 'assets', queue.shift()), 'utf8');
      for (const match of text.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)) {
        if (files.includes(match[1]) && !seen.has(match[1])) {
          seen.add(match[1]);
          queue.push(match[1]);
        }
      }
    }
    let raw = 0;
    let gzip = 0;
    for (const file of seen) {
      const bytes = await readFile(join(DIST, 'assets', file));
      raw += bytes.length;
      gzip += gzipSync(bytes).length;
    }
    return { raw, gzip };
  };
  for (const [name, entry] of [['popup', popupEntry], ['service worker', workerEntry]]) {
    if (entry) rows.push([name, await closure(entry)]);
  }
  rows.push(['content script', { raw: content.length, gzip: gzipSync(content).length }]);
  return rows;
}

const site = await startSite();
const scratch = await mkdtemp(join(tmpdir(), 'tabgrade-bench-'));
try {
  // Three persistent profiles with the same flags; only the extensions differ.
  const plainContext = await chromium.launchPersistentContext(join(scratch, 'plain-profile'), { executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_FLAGS] });
  const floorDir = join(scratch, 'floor-extension');
  await mkdir(floorDir);
  await writeFloorExtension(floorDir);
  const floorContext = await chromium.launchPersistentContext(join(scratch, 'floor-profile'), {
    executablePath: chromiumPath(),
    headless: true,
    args: [`--disable-extensions-except=${floorDir}`, `--load-extension=${floorDir}`, ...CHROMIUM_FLAGS],
  });
  const extensionDir = join(scratch, 'extension');
  await copyWithBaselinePage(extensionDir);
  const withExtension = await launchExtensionContext(extensionDir);
  const [without, floor, with_] = await compareLoads([plainContext, floorContext, withExtension.context], site.url, LOADS);
  await plainContext.close();
  await floorContext.close();

  // BENCH_SKIP_POPUP=1 measures page loads only (for comparing stripped-down builds).
  const skipPopup = process.env.BENCH_SKIP_POPUP === '1';
  const page = await withExtension.context.newPage();
  await page.goto(site.url, { waitUntil: 'load' });
  const tabId = await withExtension.worker.evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id, page.url());
  const base = `chrome-extension://${withExtension.extensionId}`;
  const popup = skipPopup ? null : await gradeShownTimes(withExtension.context, `${base}/src/popup/index.html?tab=${tabId}`, POPUPS);
  const baseline = skipPopup ? null : await gradeShownTimes(withExtension.context, `${base}/bench-baseline.html`, POPUPS);
  await withExtension.close();

  const ratio = (a, b) => (median(a) / median(b)).toFixed(3);
  console.log('\nBrowser benchmarks (headless Chromium, loopback)');
  console.log(`  page load, median of ${without.length}, ${GAP_MS} ms between loads: without extensions ${median(without).toFixed(1)} ms, with Tabgrade ${median(with_).toFixed(1)} ms, ratio ${ratio(with_, without)} (target ≤ 1.02)`);
  console.log(`    floor, an extension that only holds the webRequest permission: ${median(floor).toFixed(1)} ms, ratio ${ratio(floor, without)}; Tabgrade against the floor: ${ratio(with_, floor)}`);
  if (popup !== null && baseline !== null) {
    console.log(`  popup open to grade on screen, median of ${popup.shown.length}: ${median(popup.shown).toFixed(1)} ms (min ${Math.min(...popup.shown).toFixed(1)}, max ${Math.max(...popup.shown).toFixed(1)}; target ≤ 100 ms)`);
    console.log(`    of which: popup code running at ${median(popup.started).toFixed(1)} ms, worker's answer at ${median(popup.answered).toFixed(1)} ms`);
    console.log(`    baseline, an empty extension page showing a letter at once: ${median(baseline.shown).toFixed(1)} ms (min ${Math.min(...baseline.shown).toFixed(1)}); Tabgrade adds ${(median(popup.shown) - median(baseline.shown)).toFixed(1)} ms`);
    for (const [name, size] of await sizes()) {
      console.log(`  ${name.padEnd(15)} ${(size.raw / 1024).toFixed(1).padStart(7)} KB raw  ${(size.gzip / 1024).toFixed(1).padStart(6)} KB gzip`);
    }
  }
  // Verdicts against the targets, each a ratio measured in this one run where it can be.
  const measured = [{ name: 'page load with Tabgrade against the webRequest-only floor', value: median(with_) / median(floor), target: 1.02, unit: '×' }];
  if (popup !== null && baseline !== null) {
    measured.push({ name: 'popup click → grade painted against an empty extension page', value: median(popup.shown) / median(baseline.shown), target: 1.3, unit: '×' });
  }
  measured.push({ name: 'popup first paint, script and CSS', value: (await firstPaintGzip()) / 1024, target: POPUP_FIRST_PAINT_GZIP_KB, unit: 'KB gzip' });
  const { lines, missed } = verdicts(measured);
  console.log('\nTargets (issue 16)');
  for (const line of lines) console.log(line);
  if (missed > 0 && strictRequested()) process.exitCode = 1;
} finally {
  site.close();
  await rm(scratch, { recursive: true, force: true });
}
