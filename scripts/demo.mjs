// The main job, shown end to end: serves a small demo site on loopback (a Django-on-Apache
// shop with typical gaps), opens it in headless Chromium with the built extension loaded,
// opens Tabgrade's popup for that tab and prints what it shows. Options:
//   --screenshot <file.png>   also save a picture of the popup
//   --url <url>               audit this page instead of the demo site (e.g. http://localhost:8000/)
//   --headed                  show the browser window (needs a display) and keep it open
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchExtensionContext } from './lib/extension-browser.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index === -1 ? null : (args[index + 1] ?? null);
};
const headed = args.includes('--headed');
const screenshot = option('--screenshot');
const root = resolve(import.meta.dirname, '..');

async function listen(handler) {
  const server = createServer(handler);
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

async function startDemoSite() {
  const jquery = await readFile(resolve(root, 'node_modules/jquery-1.12.4/dist/jquery.min.js'));
  // A third-party "newsletter widget" on another origin that brings its own old jQuery.
  const widget = await listen((request, response) => {
    if (request.url === '/widget.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      response.end(`(function(){var s=document.createElement('script');s.src='${'http://localhost:' + widgetPort()}/jquery-1.12.4.min.js';document.head.appendChild(s);})();`);
    } else if (request.url === '/jquery-1.12.4.min.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      response.end(jquery);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  function widgetPort() {
    return widget.server.address().port;
  }
  const site = await listen((request, response) => {
    if (request.url !== '/') {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, [
      'Content-Type', 'text/html; charset=utf-8',
      'Server', 'Apache/2.4.53 (Ubuntu)',
      'X-Frame-Options', 'DENY',
      'X-Content-Type-Options', 'nosniff',
      'Referrer-Policy', 'same-origin',
      'Set-Cookie', 'csrftoken=Jx8dA1; SameSite=Lax; Path=/',
      'Set-Cookie', 'sessionid=k2l9q7; HttpOnly; SameSite=Lax; Path=/',
    ]);
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo shop</title>
<script src="http://localhost:${widgetPort()}/widget.js"></script></head>
<body><h1>Demo shop</h1><form><input name="email"><button>Subscribe</button></form></body></html>`);
  });
  return { url: `${site.origin}/`, close: () => Promise.all([site.server.close(), widget.server.close()]) };
}

const demo = option('--url') === null ? await startDemoSite() : null;
const target = option('--url') ?? demo.url;
const launched = await launchExtensionContext(resolve(root, 'dist/chrome'), { headless: !headed });
try {
  const page = await launched.context.newPage();
  await page.goto(target, { waitUntil: 'load' });
  const tabId = await launched.worker.evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id, page.url());
  const popup = await launched.context.newPage();
  await popup.setViewportSize({ width: 640, height: 900 });
  await popup.goto(`chrome-extension://${launched.extensionId}/src/popup/index.html?tab=${tabId}`);
  await popup.getByTestId('grade-card').waitFor({ timeout: 15_000 });
  await popup.waitForTimeout(800);
  const grade = await popup.getByTestId('grade').innerText().catch(() => '–');
  const score = await popup.getByTestId('score').innerText().catch(() => '–');
  console.log(`Tabgrade audited ${page.url()}`);
  console.log(`Grade ${grade}, score ${score}/100 (MDN HTTP Observatory rules)`);
  const rows = popup.getByTestId('test-row');
  for (let index = 0; index < (await rows.count()); index++) {
    const row = rows.nth(index);
    const pass = (await row.getAttribute('data-pass')) === 'true';
    const modifier = await row.getByTestId('modifier').innerText();
    console.log(`  ${pass ? '✓' : '✗'} ${(await row.getAttribute('data-test')).padEnd(32)} ${modifier.padStart(4)}  ${await row.getAttribute('data-result')}`);
  }
  if (screenshot !== null) {
    await popup.screenshot({ path: screenshot, fullPage: true });
    console.log(`Screenshot of the popup: ${screenshot}`);
  }
  if (headed) {
    console.log('The browser stays open; press Ctrl+C to quit.');
    await new Promise(() => undefined);
  }
} finally {
  if (!headed) {
    await launched.close();
    await demo?.close();
  }
}
