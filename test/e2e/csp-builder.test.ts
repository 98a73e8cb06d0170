/**
 * The CSP & SRI builder end to end, in real headless Chromium with the built extension: a
 * loopback page loads a script, a stylesheet, a font, an image and an API response from a
 * second loopback origin, and has an inline script and an inline onclick handler. The
 * popup's drafts must name that origin exactly, list the handler as a breakage and hash the
 * inline script as Chromium does. Then the page is served again with the drafted allow-list
 * as Content-Security-Policy-Report-Only, and Chromium itself must report no violation for
 * any of its resources — the proof that the draft works — while it does report the onclick
 * handler the builder said would break. Last, SRI attributes are generated, with a script
 * that changes on every request called out as not static.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { html, startServer, type TestServer } from './support/server';

const require = createRequire(import.meta.url);

let ext: ExtensionBrowser;
let site: TestServer;
let other: TestServer;
let pageHtml: string;
let inlineScript: string;
const LIB_JS = 'window.libRan = true;\n';

const sha = (algorithm: 'sha256' | 'sha384', body: string | Buffer): string => `${algorithm}-${createHash(algorithm).update(body).digest('base64')}`;

/** A 1×1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  [ext, site, other] = await Promise.all([launchWithExtension(), startServer(), startServer()]);
  const font = await readFile(require.resolve('bootstrap-3.4.1/dist/fonts/glyphicons-halflings-regular.woff2'));
  const cors: Array<[string, string]> = [['Access-Control-Allow-Origin', '*']];
  other.route('/lib.js', { headers: [['Content-Type', 'text/javascript'], ...cors], body: LIB_JS });
  other.route('/theme.css', {
    headers: [['Content-Type', 'text/css'], ...cors],
    body: `@font-face { font-family: TestFont; src: url(${other.origin}/font.woff2) format("woff2"); }\nh1 { font-family: TestFont, sans-serif; }\n`,
  });
  other.route('/font.woff2', { headers: [['Content-Type', 'font/woff2'], ...cors], body: font });
  other.route('/pic.png', { headers: [['Content-Type', 'image/png']], body: PNG });
  other.route('/api', { headers: [['Content-Type', 'application/json'], ...cors], body: '"ok"' });
  // A script whose bytes change on every request, as a "latest" build or a tracker can.
  let served = 0;
  other.route('/varying.js', () => ({ headers: [['Content-Type', 'text/javascript'], ...cors], body: `window.varying = ${served++};\n` }));

  inlineScript = `\n    window.inlineRan = true;\n    fetch(${JSON.stringify(`${other.origin}/api`)}).then((response) => response.json()).then((value) => { document.getElementById('status').textContent = 'api ' + value; });\n  `;
  pageHtml = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Builder</title>
  <link rel="stylesheet" href="${other.origin}/theme.css">
  <script src="${other.origin}/lib.js"></script>
  <script src="${other.origin}/varying.js"></script>
  <script>${inlineScript}</script>
</head>
<body>
  <h1>Hello</h1>
  <img src="${other.origin}/pic.png" alt="">
  <button id="subscribe" onclick="window.clicked = true">Subscribe</button>
  <p id="status"></p>
</body>
</html>`;
  site.route('/page', html(pageHtml));
});

afterAll(async () => {
  await Promise.all([ext?.close(), site?.close(), other?.close()]);
});

/** Directive → sources of a policy text. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as [string, string[]];
    }),
  );
}

async function headerOf(popup: Page, variant: string): Promise<string> {
  return (await popup.locator(`[data-testid="builder-variant"][data-variant="${variant}"] [data-testid="builder-header"]`).textContent()) ?? '';
}

async function loaded(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'api ok', undefined, { timeout: 10_000 });
  // The heading uses the font; ask for it explicitly rather than wait for layout to.
  await page.evaluate(async () => {
    await document.fonts.load('16px TestFont');
  });
}

describe('CSP & SRI builder', () => {
  let popup: Page;
  let page: Page;
  let allowList = '';

  it('drafts an allow-list naming the second origin exactly, a strict policy with the inline script’s real hash, and lists the onclick handler', async () => {
    page = await ext.context.newPage();
    await page.goto(`${site.origin}/page`, { waitUntil: 'load' });
    await loaded(page);
    popup = await ext.openPopup(await ext.tabIdOf(page));
    await popup.getByTestId('builder-section').waitFor({ timeout: 15_000 });

    // The font, the image and the API call all arrive after load: wait until the draft has them.
    await expect
      .poll(async () => (await headerOf(popup, 'allow-list')).includes(`connect-src 'self' ${other.origin}`), { timeout: 15_000 })
      .toBe(true);
    const header = await headerOf(popup, 'allow-list');
    expect(header.startsWith('Content-Security-Policy-Report-Only: ')).toBe(true);
    allowList = header.slice('Content-Security-Policy-Report-Only: '.length);
    const parsed = directives(allowList);
    expect(parsed.get('default-src')).toEqual(["'self'"]);
    for (const directive of ['script-src', 'style-src', 'img-src', 'font-src', 'connect-src']) {
      // The exact origin, scheme and port included; never a scheme or wildcard.
      expect(parsed.get(directive), directive).toContain(other.origin);
      expect(parsed.get(directive)?.some((source) => source === 'http:' || source.includes('*')), directive).toBe(false);
    }
    const inlineHash = `'${sha('sha256', inlineScript)}'`;
    expect(parsed.get('script-src')).toContain(inlineHash);

    const strict = directives((await headerOf(popup, 'strict')).slice('Content-Security-Policy-Report-Only: '.length));
    expect(strict.get('script-src')).toContain(inlineHash);
    expect(strict.get('script-src')).toContain("'strict-dynamic'");
    expect(strict.get('object-src')).toEqual(["'none'"]);
    expect(strict.get('base-uri')).toEqual(["'none'"]);

    const handlers = popup.locator('[data-testid="builder-breakage"][data-breakage="event-handlers"]');
    expect(await handlers.locator('summary').textContent()).toContain('1 inline event handler: onclick on button#subscribe');
    // The allow-list blocks nothing of this page, and the Observatory would pass it.
    const allowCard = popup.locator('[data-testid="builder-variant"][data-variant="allow-list"]');
    expect(await allowCard.getByTestId('builder-blocked').getAttribute('data-count')).toBe('0');
    expect(await allowCard.getByTestId('builder-observatory').getAttribute('data-result')).toBe('csp-implemented-with-no-unsafe');
  });

  it('works in Chromium: served as report-only, it reports none of the page’s resources, only the onclick handler it predicted', async () => {
    expect(allowList).not.toBe('');
    site.route('/page-with-draft', html(pageHtml, [['Content-Security-Policy-Report-Only', allowList]]));
    const served = await ext.context.newPage();
    // Collect violations from the first moment, outside the page's policy.
    await served.addInitScript(() => {
      const seen: Array<{ directive: string; blocked: string; disposition: string }> = [];
      (window as unknown as { violations: typeof seen }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI, disposition: event.disposition });
      });
    });
    const consoleLines: string[] = [];
    served.on('console', (message) => consoleLines.push(message.text()));
    const requestsBefore = other.requests.length;
    await served.goto(`${site.origin}/page-with-draft`, { waitUntil: 'load' });
    await loaded(served);
    expect(await served.evaluate(() => [(window as unknown as { libRan?: boolean }).libRan, (window as unknown as { inlineRan?: boolean }).inlineRan])).toEqual([true, true]);
    // Every resource of the second origin was really fetched under the policy, the font included.
    const fetched = other.requests.slice(requestsBefore);
    for (const path of ['/theme.css', '/lib.js', '/varying.js', '/font.woff2', '/pic.png', '/api']) expect(fetched).toContain(`GET ${path}`);
    expect(await served.evaluate(() => document.fonts.check('16px TestFont'))).toBe(true);
    const violations = (): Promise<Array<{ directive: string; blocked: string; disposition: string }>> =>
      served.evaluate(() => (window as unknown as { violations: Array<{ directive: string; blocked: string; disposition: string }> }).violations);
    // Nothing but the breakage the builder listed: Chromium checks the inline handler as it
    // parses the attribute, and reports it (report-only: it still runs).
    expect(await violations()).toEqual([{ directive: 'script-src-attr', blocked: 'inline', disposition: 'report' }]);
    await served.click('#subscribe');
    expect(await served.evaluate(() => (window as unknown as { clicked?: boolean }).clicked)).toBe(true);
    expect(consoleLines.filter((line) => line.includes('[Report Only]') && !line.includes('inline event handler'))).toEqual([]);
    await served.close();
  });

  it('generates SRI tags from two fetches, and refuses to pin the script that changes on every request', async () => {
    await popup.getByTestId('sri-generate').click();
    const suggestion = (path: string) => popup.locator(`[data-testid="sri-suggestion"][data-url="${other.origin}${path}"]`);
    await expect.poll(() => suggestion('/lib.js').getAttribute('data-status'), { timeout: 15_000 }).toBe('ready');
    expect(await suggestion('/lib.js').getByTestId('sri-tag').textContent()).toBe(
      `<script src="${other.origin}/lib.js" integrity="${sha('sha384', LIB_JS)}" crossorigin="anonymous"></script>`,
    );
    expect(await suggestion('/theme.css').getAttribute('data-status')).toBe('ready');
    expect(await suggestion('/varying.js').getAttribute('data-status')).toBe('not-static');
    expect(await suggestion('/varying.js').getByTestId('sri-note').textContent()).toContain('this resource is not static');
    expect(await suggestion('/varying.js').getByTestId('sri-tag').count()).toBe(0);
    await popup.close();
    await page.close();
  });
});
