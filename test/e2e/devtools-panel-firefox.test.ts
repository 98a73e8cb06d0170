/**
 * The DevTools panel in real Firefox ESR (dist/firefox): the same page opened as an
 * extension page with `?panel&url=…`, reached by navigating the popup page there (the
 * Firefox driver can open extension pages only that way), then reloading the page as a
 * developer would. Firefox shows extensions every header without `extraHeaders`, so the
 * XHR's Set-Cookie is there. The Chromium file covers the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserDriver, PopupView } from './support/driver';
import { firefoxDriver } from './support/firefox-driver';
import { html, startServer, type TestServer } from './support/server';

let driver: BrowserDriver;
let site: TestServer;

beforeAll(async () => {
  [driver, site] = await Promise.all([firefoxDriver(), startServer()]);
  site.route('/page', html('<!doctype html><title>x</title><script src="/app.js"></script>', [['Strict-Transport-Security', 'max-age=300']]));
  site.route('/app.js', { headers: [['Content-Type', 'text/javascript']], body: "fetch('/api').then(() => { document.title = 'loaded'; });" });
  site.route('/api', { headers: [['Content-Type', 'application/json'], ['Set-Cookie', 'sessionid=1; Path=/']], body: '{}' });
});

afterAll(async () => {
  await Promise.all([driver?.close(), site?.close()]);
});

/** Per row: URL, type, and its badges as `id:state`. */
async function rows(panel: PopupView): Promise<Array<{ url: string; type: string; badges: string }>> {
  return panel.evaluate(
    () =>
      Array.from(document.querySelectorAll('[data-testid="response-row"]'), (row) => ({
        url: row.querySelector('[data-testid="row-url"]')?.textContent ?? '',
        type: row.querySelector('[data-testid="row-type"]')?.textContent ?? '',
        badges: Array.from(row.querySelectorAll('[data-badge]'), (badge) => `${badge.getAttribute('data-badge')}:${badge.getAttribute('data-state')}`).join(' '),
      })),
    null,
  );
}

describe('Firefox: the DevTools panel', () => {
  it('lists the reloaded tab’s responses with their badges, a sub-resource’s cookie included', async () => {
    const page = await driver.open(`${site.origin}/page`);
    const panel = await driver.popupFor(page);
    const address = `/src/devtools/devtools.html?panel&url=${encodeURIComponent(page.url())}`;
    await panel.evaluate((target: string) => {
      location.href = target;
    }, address);
    // As a developer would: panel open, then reload, so every response of the load is recorded.
    await expect.poll(() => panel.evaluate(() => document.querySelector('[data-testid="devtools-panel"]') !== null, null).catch(() => false), { timeout: 15_000 }).toBe(true);
    await panel.evaluate(async (url: string) => {
      type TabsApi = { tabs: { query(query: object): Promise<Array<{ id?: number; url?: string }>>; reload(id: number): Promise<void> } };
      const api = (globalThis as unknown as { browser: TabsApi }).browser;
      const tab = (await api.tabs.query({})).find((candidate) => candidate.url === url);
      if (tab?.id !== undefined) await api.tabs.reload(tab.id);
    }, page.url());
    await expect.poll(async () => (await rows(panel).catch(() => [])).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    const byUrl = new Map((await rows(panel)).map((row) => [row.url, row]));
    expect(byUrl.get(`${site.origin}/page`)).toMatchObject({ type: 'document' });
    expect(byUrl.get(`${site.origin}/app.js`)).toMatchObject({ type: 'script', badges: 'nosniff:bad' });
    expect(byUrl.get(`${site.origin}/api`)?.type).toBe('xhr/fetch');
    expect(byUrl.get(`${site.origin}/api`)?.badges).toContain('cookies:bad');
    await panel.close();
    await page.close();
  });
});
