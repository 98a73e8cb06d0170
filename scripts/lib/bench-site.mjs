// The loopback pages the browser benchmarks and the profiler load, and the "floor"
// extension they compare Tabgrade with. Shared by scripts/bench-browser.mjs and
// scripts/profile.mjs so that what is profiled is what is benchmarked.
import { createServer } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The headers of a well-configured page: what Tabgrade grades on every load. */
const DOCUMENT_HEADERS = [
  'Content-Type', 'text/html; charset=utf-8', 'Cache-Control', 'no-store',
  'Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
  'Strict-Transport-Security', 'max-age=63072000', 'X-Content-Type-Options', 'nosniff', 'X-Frame-Options', 'DENY',
  'Referrer-Policy', 'strict-origin-when-cross-origin', 'Permissions-Policy', 'camera=(), microphone=()',
  'Cross-Origin-Opener-Policy', 'same-origin', 'Server', 'nginx',
  'Set-Cookie', 'sessionid=abc; HttpOnly; Secure; SameSite=Lax', 'Set-Cookie', 'csrftoken=def; Secure; SameSite=Lax',
];

/** A realistic page: 20 headers, a dozen scripts and stylesheets, 30 KB of HTML. */
function lightPage() {
  const scripts = Array.from({ length: 8 }, (_, i) => `<script src="/js/${i}.js"></script>`).join('');
  const styles = Array.from({ length: 4 }, (_, i) => `<link rel="stylesheet" href="/css/${i}.css">`).join('');
  const filler = '<p>' + 'Lorem ipsum dolor sit amet. '.repeat(1000) + '</p>';
  return `<!doctype html><html><head><title>bench</title>${styles}${scripts}</head><body>${filler}</body></html>`;
}

/**
 * A heavy page: 300 sub-resources (150 scripts, 100 stylesheets, 50 images) and 5,000
 * script/link tags in all — the other 4,700 are tags the browser does not fetch
 * (`type="text/plain"` scripts, `rel="help"` links) but the snapshot still walks.
 */
function heavyPage() {
  const fetched = [
    ...Array.from({ length: 150 }, (_, i) => `<script src="/js/h${i}.js"></script>`),
    ...Array.from({ length: 100 }, (_, i) => `<link rel="stylesheet" href="/css/h${i}.css">`),
    ...Array.from({ length: 50 }, (_, i) => `<img src="/img/h${i}.gif" alt="">`),
  ];
  const inert = Array.from({ length: 4_750 }, (_, i) => (i % 2 === 0 ? `<script type="text/plain" src="/inert/${i}.js"></script>` : `<link rel="help" href="/inert/${i}.html">`));
  return `<!doctype html><html><head><title>heavy bench</title></head><body><h1>Heavy</h1>\n${fetched.join('\n')}\n${inert.join('\n')}\n</body></html>`;
}

/** A 1×1 transparent GIF. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Serves `/` (light) and `/heavy` on a loopback port. */
export async function startBenchSite() {
  const pages = { '/': lightPage(), '/heavy': heavyPage() };
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const page = pages[path];
    if (page !== undefined) {
      response.writeHead(200, DOCUMENT_HEADERS);
      response.end(page);
    } else if (path.startsWith('/js/')) {
      response.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' });
      response.end('window.x = (window.x || 0) + 1;');
    } else if (path.startsWith('/img/')) {
      response.writeHead(200, { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store' });
      response.end(GIF);
    } else {
      response.writeHead(200, { 'Content-Type': 'text/css', 'Cache-Control': 'no-store' });
      response.end('p { margin: 0 }');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { light: `${origin}/`, heavy: `${origin}/heavy`, close: () => server.close() };
}

/**
 * The floor of the design: an extension that registers the webRequest listeners Tabgrade
 * registers — same events, filters and extra-info options (src/background/web-request.ts,
 * chrome-tls-capture.ts) — and does nothing in them. Whatever Tabgrade costs beyond it is Tabgrade's own work.
 * It marks its start-up as Tabgrade's worker does (src/background/startup-marks.ts), so that
 * the bench can show the cold start of a worker that does nothing beside Tabgrade's.
 */
export async function writeListenerFloorExtension(dir) {
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3,
    name: 'webRequest floor',
    version: '1.0',
    permissions: ['webRequest'],
    host_permissions: ['http://*/*', 'https://*/*'],
    background: { service_worker: 'worker.js' },
  }));
  await writeFile(join(dir, 'worker.js'), `// Tabgrade's webRequest listeners, empty (but for the first-event mark).
const urls = ['http://*/*', 'https://*/*'];
let seen = false;
const nothing = () => {
  if (seen) return;
  seen = true;
  performance.mark('tabgrade:first-event');
};
const extra = (name) => (chrome.webRequest[name]?.EXTRA_HEADERS ? ['responseHeaders', 'extraHeaders'] : ['responseHeaders']);
chrome.webRequest.onBeforeRequest.addListener(nothing, { urls, types: ['main_frame'] });
chrome.webRequest.onBeforeRedirect.addListener(nothing, { urls, types: ['main_frame'] }, extra('OnBeforeRedirectOptions'));
chrome.webRequest.onResponseStarted.addListener(nothing, { urls, types: ['main_frame', 'sub_frame'] }, extra('OnResponseStartedOptions'));
chrome.webRequest.onResponseStarted.addListener(nothing, { urls, types: ['stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest', 'ping', 'csp_report', 'media', 'websocket', 'other'] }, ['responseHeaders']);
chrome.webRequest.onErrorOccurred.addListener(nothing, { urls, types: ['main_frame'] });
// The certificate listeners (src/background/chrome-tls-capture.ts), HTTPS documents only.
try { chrome.webRequest.onHeadersReceived.addListener(nothing, { urls: ['https://*/*'], types: ['main_frame'] }, ['securityInfo', 'securityInfoRawDer']); } catch {}
chrome.webRequest.onHeadersReceived.addListener(nothing, { urls: ['https://*/*'], types: ['main_frame'] });
performance.mark('tabgrade:worker-ready');
globalThis.tabgradeReady = true;
`);
}
