/**
 * The grade, end to end: a loopback site with a known header set gets the grade the
 * Observatory's rules give it, in the real popup and on the toolbar badge; the extra
 * requests the grade needs reach the audited origin only; the origin's history shows what
 * changed after a server fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { html, startServer, type TestServer } from './support/server';

let ext: ExtensionBrowser;
let site: TestServer;

/**
 * Worked out by hand from the Observatory v1.6.3 rules for a plain-HTTP site:
 * CSP with default-src 'none' +10, no redirect to HTTPS −20, no HTTPS for HSTS −20,
 * Referrer-Policy no-referrer +5, framing blocked by CSP frame-ancestors +5, the rest 0. Penalties alone leave 60 (< 90),
 * so no extra credit: 60 → C+.
 */
const KNOWN_HEADERS: Array<[string, string]> = [
  ['Content-Security-Policy', "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

const EXPECTED_RESULTS: Record<string, string> = {
  'content-security-policy': 'csp-implemented-with-no-unsafe-default-src-none',
  cookies: 'cookies-not-found',
  'cross-origin-resource-sharing': 'cross-origin-resource-sharing-not-implemented',
  redirection: 'redirection-missing',
  'referrer-policy': 'referrer-policy-private',
  'strict-transport-security': 'hsts-not-implemented-no-https',
  'subresource-integrity': 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin',
  'x-content-type-options': 'x-content-type-options-nosniff',
  // CSP frame-ancestors takes precedence over X-Frame-Options in the Observatory.
  'x-frame-options': 'x-frame-options-implemented-via-csp',
  'cross-origin-resource-policy': 'corp-implemented-with-same-origin',
};

let evolvingVisits = 0;

beforeAll(async () => {
  [ext, site] = await Promise.all([launchWithExtension(), startServer()]);
  site.route('/known', html('<!doctype html><title>Known</title><script src="/app.js"></script><h1>Known</h1>', KNOWN_HEADERS));
  site.route('/app.js', { headers: [['Content-Type', 'text/javascript']], body: '/* app */' });
  site.route('/cors', (request) =>
    request.method === 'OPTIONS'
      ? { status: 204, headers: [['Access-Control-Allow-Origin', '*']] }
      : html('<p>cors</p>'),
  );
  // A server being fixed between two loads: the second load adds X-Frame-Options and nosniff.
  site.route('/evolving', () => {
    evolvingVisits++;
    return html('<p>evolving</p>', evolvingVisits === 1 ? [] : [['X-Frame-Options', 'SAMEORIGIN'], ['X-Content-Type-Options', 'nosniff']]);
  });
});

afterAll(async () => {
  await Promise.all([ext?.close(), site?.close()]);
});

async function visit(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(`${site.origin}${path}`, { waitUntil: 'load' });
  return { page, tabId: await ext.tabIdOf(page) };
}

async function results(popup: Page): Promise<Record<string, string>> {
  const rows = popup.getByTestId('test-row');
  const found: Record<string, string> = {};
  for (let index = 0; index < (await rows.count()); index++) {
    const row = rows.nth(index);
    found[(await row.getAttribute('data-test')) ?? ''] = (await row.getAttribute('data-result')) ?? '';
  }
  return found;
}

async function badgeText(tabId: number): Promise<string> {
  const worker = await ext.worker();
  return worker.evaluate(async (id) => {
    type ActionApi = { action: { getBadgeText(details: { tabId: number }): Promise<string> } };
    return (globalThis as unknown as { chrome: ActionApi }).chrome.action.getBadgeText({ tabId: id });
  }, tabId);
}

describe('the grade', () => {
  it('gives a known header set the Observatory’s grade, result for result, in the popup and on the badge', async () => {
    const { page, tabId } = await visit('/known');
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => popup.getByTestId('grade').innerText()).toBe('C+');
    expect(await popup.getByTestId('score').innerText()).toBe('60');
    await expect.poll(() => results(popup)).toEqual(EXPECTED_RESULTS);
    // Biggest gains first: the two −20 tests lead the list.
    const first = await popup.getByTestId('test-row').first().getAttribute('data-test');
    expect(['redirection', 'strict-transport-security']).toContain(first);
    await expect.poll(() => badgeText(tabId)).toBe('C+');
    await popup.close();
    await page.close();
  });

  it('reads the document as served and probes CORS on the audited origin only', async () => {
    const before = site.requests.length;
    const { page, tabId } = await visit('/cors');
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => results(popup).then((found) => found['cross-origin-resource-sharing'])).toBe(
      'cross-origin-resource-sharing-implemented-with-public-access',
    );
    const made = site.requests.slice(before);
    expect(made).toContain('OPTIONS /cors');
    // The popup reads the page as served (from the browser's cache when it has it).
    await expect.poll(() => popup.getByTestId('html-source').innerText()).toBe('HTML as served');
    expect(made.every((line) => line.endsWith(' /cors'))).toBe(true);
    await popup.close();
    await page.close();
  });

  it('remembers the origin’s audits and shows what improved after a server fix', async () => {
    const { page, tabId } = await visit('/evolving');
    await expect.poll(() => badgeText(tabId)).not.toBe('');
    // Let the first load's audit be recorded before reloading.
    await expect.poll(() => ext.worker().then((worker) => worker.evaluate(async () => {
      type StorageApi = { storage: { local: { get(key: null): Promise<Record<string, unknown>> } } };
      const all = await (globalThis as unknown as { chrome: StorageApi }).chrome.storage.local.get(null);
      return Object.keys(all).filter((key) => key.startsWith('history:')).length;
    }))).toBeGreaterThan(0);
    await page.reload({ waitUntil: 'load' });
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => popup.getByTestId('history-change').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('x-frame-options: x-frame-options-not-implemented → x-frame-options-sameorigin-or-deny')]),
    );
    expect(await popup.getByTestId('history-change').filter({ hasText: 'x-frame-options:' }).getAttribute('class')).toBe('improved');
    await popup.close();
    await page.close();
  });
});
