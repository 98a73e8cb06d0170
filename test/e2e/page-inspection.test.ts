/**
 * Page inspection end to end: real headless Chromium with the built extension, loopback
 * pages loading real library builds from npm packages (served by the test servers, no CDN),
 * and the popup's Page section asserting what it shows. Each case checks the browser's own
 * behaviour too (which scripts ran), so the model in core is held to what Chromium does.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { html, startServer, type RouteResponse, type TestServer } from './support/server';

const require = createRequire(import.meta.url);
const fixture = (name: string): Promise<string> => readFile(new URL(`../fixtures/site/${name}`, import.meta.url), 'utf8');
const npmFile = (path: string): Promise<string> => readFile(require.resolve(path), 'utf8');
const sha = (algorithm: 'sha256' | 'sha384', body: string): string => `${algorithm}-${createHash(algorithm).update(body).digest('base64')}`;

const JS: Array<[string, string]> = [['Content-Type', 'text/javascript']];
const CORS_JS: Array<[string, string]> = [...JS, ['Access-Control-Allow-Origin', '*']];
const js = (body: string, cors = false): RouteResponse => ({ headers: cors ? CORS_JS : JS, body });

let ext: ExtensionBrowser;
let site: TestServer;
let other: TestServer;
const cdnBodies: Record<string, string> = {};

beforeAll(async () => {
  [ext, site, other] = await Promise.all([launchWithExtension(), startServer(), startServer()]);
  const [jquery1, jquery34, jquery37] = await Promise.all([
    npmFile('jquery-1.12.4/dist/jquery.min.js'),
    npmFile('jquery-3.4.1/dist/jquery.min.js'),
    npmFile('jquery-3.7.1/dist/jquery.min.js'),
  ]);
  site.route('/vendor/jquery-1.12.4.min.js', js(jquery1));
  site.route('/vendor/jquery-3.4.1.min.js', js(jquery34));
  site.route('/vendor/jquery-3.7.1.min.js', js(jquery37));
  other.route('/vendor/jquery-1.12.4.min.js', js(jquery1));

  // Two jQuery copies: the widget comes from the second server under its other host name
  // (localhost), so it is a different site from 127.0.0.1, as a real third party would be.
  site.route('/two-jquery', html((await fixture('two-jquery.html')).replaceAll('{{WIDGET}}', other.altOrigin)));
  other.route('/widget/loader.js', js(await fixture('widget-loader.js')));

  // SRI cases: each CDN script records that it ran.
  for (const name of ['ok', 'no-sri', 'short-hash', 'sha1', 'changed', 'no-crossorigin', 'sha256']) {
    cdnBodies[name] = `window.ran.push(${JSON.stringify(name)});\n`;
    other.route(`/cdn/${name}.js`, js(cdnBodies[name] as string, true));
  }
  other.route('/cdn/theme.css', { headers: [['Content-Type', 'text/css'], ['Access-Control-Allow-Origin', '*']], body: 'h1 { color: teal; }' });
  site.route('/own.js', js('window.ran.push("own");'));
  site.route(
    '/sri',
    html(
      (await fixture('sri.html'))
        .replaceAll('{{CDN}}', other.origin)
        .replace('{{OK_SHA384}}', sha('sha384', cdnBodies.ok as string))
        .replace('{{WRONG_SHA384}}', sha('sha384', 'window.ran.push("the file as it was");\n'))
        .replace('{{NO_CROSSORIGIN_SHA384}}', sha('sha384', cdnBodies['no-crossorigin'] as string))
        .replace('{{SHA256}}', sha('sha256', cdnBodies.sha256 as string)),
    ),
  );

  site.route('/fake-jquery', html(await fixture('fake-jquery.html')));
  site.route('/replaced-dom-apis', html((await fixture('replaced-dom-apis.html')).replaceAll('{{CDN}}', other.origin)));

  const builds: Record<string, string> = {
    'jquery.js': 'jquery-1.12.4/dist/jquery.min.js',
    'jquery-migrate.js': 'jquery-migrate-1.4.1/dist/jquery-migrate.min.js',
    'jquery-ui-version.js': 'jquery-ui-1.13.1/ui/version.js',
    'bootstrap.js': 'bootstrap-3.4.1/dist/js/bootstrap.min.js',
    'lodash.js': 'lodash-4.17.15/lodash.min.js',
    'angular.js': 'angular-1.8.3/angular.min.js',
    'moment.js': 'moment-2.29.1/min/moment.min.js',
    'handlebars.js': 'handlebars-4.5.2/dist/handlebars.min.js',
    'purify.js': 'dompurify-2.0.12/dist/purify.min.js',
    'vue.js': 'vue-2.6.14/dist/vue.min.js',
    'react.js': 'react-16.14.0/umd/react.production.min.js',
  };
  for (const [name, path] of Object.entries(builds)) site.route(`/lib/${name}`, js(await npmFile(path)));
  site.route('/libraries', html(await fixture('libraries.html')));

  // 5,000 script/link tags, a third of them from the other origin. They are real tags the
  // snapshot and the analysis must handle, but Chromium fetches none of them (`nomodule`
  // scripts are for browsers without modules; disabled stylesheets are not loaded): loading
  // 5,000 files takes Chromium about 25 s here, and this test is about the scan, not the network.
  const manyTags = Array.from({ length: 5000 }, (_, index) => {
    const prefix = index % 3 === 0 ? other.origin : '';
    return index % 2 === 0
      ? `<script nomodule src="${prefix}/js/chunk-${index}.js"></script>`
      : `<link rel="stylesheet" disabled href="${prefix}/css/part-${index}.css">`;
  });
  site.route('/five-thousand', html(`<!doctype html><title>5,000 tags</title><script src="/vendor/jquery-3.4.1.min.js"></script>\n${manyTags.join('\n')}<h1>Many</h1>`));
});

afterAll(async () => {
  await Promise.all([ext?.close(), site?.close(), other?.close()]);
});

async function visit(url: string): Promise<{ page: Page; tabId: number; errors: string[] }> {
  const page = await ext.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'load' });
  return { page, tabId: await ext.tabIdOf(page), errors };
}

function libraryRow(popup: Page, component: string, version: string): Locator {
  return popup.locator(`[data-testid="library-row"][data-component="${component}"][data-version="${version}"]`);
}

async function libraryKeys(popup: Page): Promise<string[]> {
  const rows = popup.getByTestId('library-row');
  const keys: string[] = [];
  for (let index = 0; index < (await rows.count()); index++) {
    const row = rows.nth(index);
    keys.push(`${await row.getAttribute('data-component')}@${await row.getAttribute('data-version')}`);
  }
  return keys.sort();
}

function sriRow(popup: Page, path: string): Locator {
  return popup.locator('[data-testid="sri-row"]').filter({ hasText: path });
}

describe('libraries', () => {
  it('finds two jQuery copies, one injected a second after load by a third-party widget, each with its source', async () => {
    const { page, tabId, errors } = await visit(`${site.origin}/two-jquery`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'widget ready', undefined, { timeout: 10_000 });
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => libraryKeys(popup), { timeout: 15_000 }).toEqual(['jquery@1.12.4', 'jquery@3.7.1']);

    const widget = libraryRow(popup, 'jquery', '1.12.4');
    await expect.poll(() => widget.getByTestId('library-source').innerText(), { timeout: 10_000 }).toContain('runtime: window.widgetJQ.fn.jquery');
    expect(await widget.getAttribute('data-party')).toBe('third');
    expect(await widget.getAttribute('data-status')).toBe('vulnerable');
    expect(await widget.getAttribute('data-severity')).toBe('medium');
    expect(await widget.getByTestId('library-source').innerText()).toContain(`third-party: localhost:${other.port} (added after load)`);
    expect(await widget.getByTestId('library-cves').innerText()).toContain('CVE-2020-11022');
    expect(await widget.getByTestId('library-status').innerText()).toBe('vulnerable → 3.5.0');

    const own = libraryRow(popup, 'jquery', '3.7.1');
    expect(await own.getAttribute('data-party')).toBe('first');
    expect(await own.getAttribute('data-status')).toBe('ok');
    expect(await own.getByTestId('library-source').innerText()).toContain('runtime: window.jQuery.fn.jquery');

    // The widget's script tag itself: cross-origin, added after load, no integrity.
    const tag = sriRow(popup, '/vendor/jquery-1.12.4.min.js');
    expect(await tag.getAttribute('data-added')).toBe('added-after-load');
    expect(await tag.getAttribute('data-problems')).toBe('missing-integrity');
    // The finding (with Tabgrade's other findings) names the third party, so the fix goes to the right people.
    const finding = popup.locator('[data-testid="finding"][data-finding="vulnerable-library"]').filter({ hasText: 'jQuery 1.12.4' });
    await expect.poll(() => finding.count()).toBe(1);
    expect(await finding.getAttribute('data-severity')).toBe('medium');
    expect(await finding.textContent()).toContain(`This copy comes from localhost:${other.port}`);
    expect(await popup.getByTestId('library-data-date').innerText()).toContain('2026-08-20');
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('reads the versions of real library builds whose file names give none', async () => {
    const { page, tabId, errors } = await visit(`${site.origin}/libraries`);
    const popup = await ext.openPopup(tabId);
    const expected = [
      'DOMPurify@2.0.12',
      'angularjs@1.8.3',
      'bootstrap@3.4.1',
      'handlebars@4.5.2',
      'jquery-migrate@1.4.1',
      'jquery-ui@1.13.1',
      'jquery@1.12.4',
      'lodash@4.17.15',
      'moment.js@2.29.1',
      'react@16.14.0',
      'vue@2.6.14',
    ];
    await expect.poll(() => libraryKeys(popup), { timeout: 15_000 }).toEqual(expected);
    const angular = libraryRow(popup, 'angularjs', '1.8.3');
    expect(await angular.getByTestId('library-status').innerText()).toBe('vulnerable, no fixed release — migrate');
    expect(await angular.getAttribute('data-severity')).toBe('high');
    expect(await libraryRow(popup, 'jquery-migrate', '1.4.1').getAttribute('data-status')).toBe('outdated');
    expect(await libraryRow(popup, 'bootstrap', '3.4.1').getByTestId('library-source').innerText()).toBe('runtime: window.jQuery.fn.tooltip.Constructor.VERSION');
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('is not fooled or broken by a page that fakes window.jQuery, and shows page text as text', async () => {
    const { page, tabId, errors } = await visit(`${site.origin}/fake-jquery`);
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => libraryKeys(popup), { timeout: 15_000 }).toEqual(['jquery@3.4.1', 'jquery@<img src=x onerror="document.title=\'pwned\'">']);
    const real = libraryRow(popup, 'jquery', '3.4.1');
    const sources = await real.getByTestId('library-source').innerText();
    expect(sources).toContain('first-party file');
    expect(sources).toContain('runtime: window.realJQ.fn.jquery');
    expect(await real.getAttribute('data-status')).toBe('vulnerable');
    // The fake's "version" is shown as text and never looked up.
    const fake = popup.locator('[data-testid="library-row"][data-status="unrecognised"]');
    expect(await fake.getByTestId('library-version').innerText()).toBe('<img src=x onerror="document.title=\'pwned\'">');
    expect(await popup.locator('img[src="x"]').count()).toBe(0);
    expect(await popup.title()).toBe('Tabgrade');
    // The probe left the page alone.
    expect(await page.evaluate(() => [document.title, (window as { pageOk?: boolean }).pageOk])).toEqual(['Fake jQuery', true]);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('reads the real tags of a page that replaced querySelectorAll, getAttribute and Object.keys', async () => {
    const { page, tabId, errors } = await visit(`${site.origin}/replaced-dom-apis`);
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => libraryKeys(popup), { timeout: 15_000 }).toEqual(['jquery@1.12.4']);
    await expect.poll(() => libraryRow(popup, 'jquery', '1.12.4').getByTestId('library-source').innerText(), { timeout: 10_000 }).toContain('runtime: window.jQuery.fn.jquery');
    expect(await popup.getByTestId('sri-count').innerText()).toBe('2');
    expect(await sriRow(popup, `${other.origin}/cdn/theme.css`).getAttribute('data-problems')).toBe('missing-integrity');
    expect(await popup.locator('[data-testid="sri-row"]').filter({ hasText: 'evil.example' }).count()).toBe(0);
    expect(await page.evaluate(() => (window as { pageOk?: boolean }).pageOk)).toBe(true);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('Subresource Integrity', () => {
  it('classifies present, absent, malformed and mismatched integrity as Chromium treats them, and verifies hashes on demand', async () => {
    const { page, tabId } = await visit(`${site.origin}/sri`);
    // What Chromium itself did: ran the scripts it could check or did not have to, blocked the rest.
    expect((await page.evaluate(() => (window as unknown as { ran: string[] }).ran)).sort()).toEqual(['no-sri', 'ok', 'own', 'sha1', 'sha256']);

    const popup = await ext.openPopup(tabId);
    await expect.poll(() => popup.getByTestId('sri-count').innerText()).toBe('9');
    const status = async (path: string): Promise<[string | null, string | null]> => {
      const row = sriRow(popup, path);
      return [await row.getAttribute('data-status'), await row.getAttribute('data-problems')];
    };
    expect(await status('/cdn/ok.js')).toEqual(['protected', '']);
    expect(await status('/cdn/no-sri.js')).toEqual(['missing', 'missing-integrity']);
    expect(await status('/cdn/short-hash.js')).toEqual(['blocked', 'malformed-integrity']);
    expect(await status('/cdn/sha1.js')).toEqual(['malformed', 'malformed-integrity']);
    expect(await status('/cdn/changed.js')).toEqual(['protected', '']);
    expect(await status('/cdn/no-crossorigin.js')).toEqual(['blocked', 'missing-crossorigin']);
    expect(await status('/cdn/sha256.js')).toEqual(['protected', 'sha256-only']);
    expect(await status('/cdn/theme.css')).toEqual(['missing', 'missing-integrity']);
    expect(await status(`${site.origin}/own.js`)).toEqual(['same-origin', '']);
    expect(await sriRow(popup, `${site.origin}/own.js`).getByTestId('sri-integrity-status').innerText()).toBe('not needed (same origin)');

    // Verify hashes: the worker fetches each file and compares.
    await popup.getByTestId('sri-verify').click();
    await expect.poll(() => popup.getByTestId('sri-verify-summary').isVisible().catch(() => false), { timeout: 15_000 }).toBe(true);
    const verified = async (path: string): Promise<string | null> => sriRow(popup, path).getByTestId('sri-verified').getAttribute('data-verification');
    expect(await verified('/cdn/ok.js')).toBe('match');
    expect(await verified('/cdn/changed.js')).toBe('mismatch');
    expect(await verified('/cdn/sha256.js')).toBe('match');
    expect(await verified('/cdn/no-crossorigin.js')).toBe('match');
    expect(await verified('/cdn/short-hash.js')).toBe('no-usable-hash');
    expect(await verified('/cdn/sha1.js')).toBe('no-usable-hash');
    expect(await verified('/cdn/no-sri.js')).toBe('computed');
    // The value to paste is the file's real sha384.
    expect(await sriRow(popup, '/cdn/no-sri.js').getByTestId('sri-suggested').innerText()).toBe(sha('sha384', cdnBodies['no-sri'] as string));
    expect(await popup.getByTestId('sri-verify-summary').innerText()).toContain('3 match, 1 mismatch');

    const ids = await popup.locator('[data-testid="finding"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-finding')));
    expect(ids).toEqual(expect.arrayContaining(['sri-missing-on-cross-origin-script', 'sri-missing-on-cross-origin-stylesheet', 'sri-integrity-malformed', 'sri-without-crossorigin', 'sri-integrity-sha256-only', 'sri-hash-mismatch']));
    // The worker fetched the file itself: a second request after the page's own.
    expect(other.requests.filter((line) => line === 'GET /cdn/changed.js').length).toBeGreaterThanOrEqual(2);
    await popup.close();
    await page.close();
  });
});

describe('a page with 5,000 script and link tags', () => {
  it('stays usable: the popup lists what the snapshot kept, with problems first, and the probe still runs', async () => {
    const { page, tabId, errors } = await visit(`${site.origin}/five-thousand`);
    const popup = await ext.openPopup(tabId);
    const started = Date.now();
    await expect.poll(() => popup.getByTestId('sri-count').innerText(), { timeout: 15_000 }).toBe('2000');
    await expect.poll(() => libraryKeys(popup), { timeout: 15_000 }).toEqual(['jquery@3.4.1']);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await popup.getByTestId('sri-row').count()).toBe(200);
    expect(await popup.getByTestId('sri-row').first().getAttribute('data-problems')).toBe('missing-integrity');
    expect(await popup.getByTestId('tag-count').innerText()).toBe('5001');
    // The tags table shows its first 200 rows at once and the rest on request.
    expect(await popup.getByTestId('tag-row').count()).toBe(200);
    await popup.getByTestId('tags-show-all').click();
    await expect.poll(() => popup.getByTestId('tag-row').count()).toBe(2000);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });
});
