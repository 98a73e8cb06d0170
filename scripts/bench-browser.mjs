// Browser benchmarks (run by `npm run bench` after the core benches), in real headless
// Chromium with the built extension:
// - page-load overhead: the same loopback page loaded N times without and with the
//   extension, median load time of each and their ratio (target ≤ 1.02);
// - popup click-to-grade: from opening the popup page to the grade being on screen,
//   median of 20 (target ≤ 100 ms);
// - bundle sizes of the popup, the service worker and the content script (raw and gzip).
import { createServer } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from './lib/chromium-path.mjs';
import { launchExtensionContext } from './lib/extension-browser.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist/chrome');
const LOADS = Number(process.env.BENCH_LOADS ?? 40);
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
 * Loads the page in both browsers one after the other, `count` times, so that anything else
 * the machine is doing hits both sides alike; the first loads only warm up.
 */
async function compareLoads(plainContext, extensionContext, url, count) {
  const plainPage = await plainContext.newPage();
  const extensionPage = await extensionContext.newPage();
  const without = [];
  const with_ = [];
  for (let i = 0; i < count + 3; i++) {
    const first = i % 2 === 0;
    const a = await loadTime(first ? plainPage : extensionPage, url);
    const b = await loadTime(first ? extensionPage : plainPage, url);
    if (i < 3) continue;
    without.push(first ? a : b);
    with_.push(first ? b : a);
  }
  await plainPage.close();
  await extensionPage.close();
  return { without, with_ };
}

async function sizes() {
  const rows = [];
  const files = await readdir(join(DIST, 'assets'));
  const manifest = JSON.parse(await readFile(join(DIST, 'manifest.json'), 'utf8'));
  const html = await readFile(join(DIST, 'src/popup/index.html'), 'utf8');
  const popupEntry = /src="\/assets\/([^"]+)"/.exec(html)?.[1];
  const loader = await readFile(join(DIST, 'service-worker-loader.js'), 'utf8');
  const workerEntry = /assets\/([^'"]+)/.exec(loader)?.[1];
  const contentLoader = await readFile(join(DIST, manifest.content_scripts[0].js[0]), 'utf8');
  const contentEntry = /assets\/([^'"]+)/.exec(contentLoader)?.[1];
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
  for (const [name, entry] of [['popup', popupEntry], ['service worker', workerEntry], ['content script', contentEntry]]) {
    if (entry) rows.push([name, await closure(entry)]);
  }
  return rows;
}

const site = await startSite();
try {
  // The baseline is the same kind of browser (a persistent profile, same flags) without the
  // extension, so that only the extension differs.
  const plainProfile = await mkdtemp(join(tmpdir(), 'tabgrade-bench-'));
  const plainContext = await chromium.launchPersistentContext(plainProfile, { executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_FLAGS] });
  const withExtension = await launchExtensionContext(DIST);
  const { without, with_ } = await compareLoads(plainContext, withExtension.context, site.url, LOADS);
  await plainContext.close();
  await rm(plainProfile, { recursive: true, force: true });

  // BENCH_SKIP_POPUP=1 measures page loads only (for comparing stripped-down builds).
  const skipPopup = process.env.BENCH_SKIP_POPUP === '1';
  const page = await withExtension.context.newPage();
  await page.goto(site.url, { waitUntil: 'load' });
  const tabId = await withExtension.worker.evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id, page.url());
  const popupTimes = [];
  const popupStarts = [];
  const popupStates = [];
  const popup = await withExtension.context.newPage();
  for (let i = 0; i < (skipPopup ? 0 : POPUPS + 2); i++) {
    await popup.goto(`chrome-extension://${withExtension.extensionId}/src/popup/index.html?tab=${tabId}`, { waitUntil: 'commit' });
    await popup.waitForFunction(() => document.querySelector('[data-testid="grade"]') !== null, null, { polling: 'raf', timeout: 10_000 });
    const time = await popup.evaluate(() => ({
      now: performance.now(),
      start: performance.getEntriesByName('tabgrade:start')[0]?.startTime ?? NaN,
      state: performance.getEntriesByName('tabgrade:state')[0]?.startTime ?? NaN,
    }));
    if (i >= 2) {
      popupTimes.push(time.now);
      popupStarts.push(time.start);
      popupStates.push(time.state);
    }
  }
  await withExtension.close();

  const medianWithout = median(without);
  const medianWith = median(with_);
  console.log('\nBrowser benchmarks (headless Chromium, loopback)');
  console.log(`  page load, median of ${without.length}: without extension ${medianWithout.toFixed(1)} ms, with ${medianWith.toFixed(1)} ms, ratio ${(medianWith / medianWithout).toFixed(3)} (target ≤ 1.02)`);
  if (!skipPopup) console.log(`  popup open to grade on screen, median of ${popupTimes.length}: ${median(popupTimes).toFixed(1)} ms (min ${Math.min(...popupTimes).toFixed(1)}, max ${Math.max(...popupTimes).toFixed(1)}; target ≤ 100 ms)`);
  if (!skipPopup) console.log(`    of which: popup code running at ${median(popupStarts).toFixed(1)} ms, worker's answer at ${median(popupStates).toFixed(1)} ms`);
  for (const [name, size] of skipPopup ? [] : await sizes()) {
    console.log(`  ${name.padEnd(15)} ${(size.raw / 1024).toFixed(1).padStart(7)} KB raw  ${(size.gzip / 1024).toFixed(1).padStart(6)} KB gzip`);
  }
} finally {
  site.close();
}
