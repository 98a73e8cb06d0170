/**
 * The foundation, end to end: real headless Chromium with the built extension, pages from
 * loopback servers, and the popup page asserting what it renders.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { html, startServer, type TestServer } from './support/server';

let ext: ExtensionBrowser;
let site: TestServer;
let other: TestServer;

const tagsPage = await readFile(new URL('../fixtures/site/tags.html', import.meta.url), 'utf8');

beforeAll(async () => {
  [ext, site, other] = await Promise.all([launchWithExtension(), startServer(), startServer()]);
  const js = { headers: [['Content-Type', 'text/javascript']] as Array<[string, string]>, body: '/* ok */' };
  const css = { headers: [['Content-Type', 'text/css']] as Array<[string, string]>, body: 'h1{}' };
  site.route('/tags', html(tagsPage.replaceAll('{{CROSS}}', other.origin), [
    ['Set-Cookie', 'sessionid=abc123; HttpOnly; Secure; SameSite=Lax; Path=/'],
    ['X-Frame-Options', 'DENY'],
    ['Set-Cookie', 'csrftoken=xyz789; SameSite=Lax; Path=/'],
    ['X-Custom-Header', 'first'],
    ['x-custom-header', 'second'],
  ]));
  for (const path of ['/app.js', '/app.mjs']) site.route(path, js);
  site.route('/style.css', css);
  for (const path of ['/cdn/lib.js', '/cdn/no-sri.js', '/widget/jquery.js']) other.route(path, js);
  other.route('/cdn/theme.css', css);
  // A chain across two loopback origins: 127.0.0.1:A → 301 → localhost:B → 302 → localhost:B/final
  site.route('/start', { status: 301, headers: [['Location', `${other.altOrigin}/middle`]] });
  other.route('/middle', { status: 302, headers: [['Location', `${other.altOrigin}/final`], ['Set-Cookie', 'hop=1']] });
  other.route('/final', html('<h1>final</h1>', [['Strict-Transport-Security', 'max-age=63072000']]));
  site.route('/hostile', html('<title>x</title>', [
    ['X-Evil', '<img src=x onerror="document.title=\'pwned\'"><b>bold</b>'],
  ]));
  site.route('/hang', { status: 200, headers: [['Content-Type', 'text/html'], ['X-Hang', 'yes']], body: '<html><body><p>loading forever', hang: true });
  site.route('/one', html('<p>one</p>', [['X-Page', 'one']]));
  site.route('/two', html('<p>two</p>', [['X-Page', 'two']]));
});

afterAll(async () => {
  await Promise.all([ext?.close(), site?.close(), other?.close()]);
});

async function visit(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return { page, tabId: await ext.tabIdOf(page) };
}

async function headerRows(popup: Page): Promise<Array<[string, string]>> {
  const rows = popup.getByTestId('header-row');
  const count = await rows.count();
  const result: Array<[string, string]> = [];
  for (let index = 0; index < count; index++) {
    const row = rows.nth(index);
    result.push([(await row.locator('th').innerText()).trim(), (await row.locator('td').innerText()).trim()]);
  }
  return result;
}

describe('capture in the popup', () => {
  it('shows every response header as received, duplicates and Set-Cookie included', async () => {
    const { page, tabId } = await visit(`${site.origin}/tags`);
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => popup.getByTestId('final-url').innerText()).toBe(`${site.origin}/tags`);
    await expect.poll(() => popup.getByTestId('status').innerText()).toBe('200');
    const rows = await headerRows(popup);
    const names = rows.map(([name]) => name.toLowerCase());
    // Order kept: the two Set-Cookie headers stay two, in the order the server sent them.
    const cookies = rows.filter(([name]) => name.toLowerCase() === 'set-cookie').map(([, value]) => value);
    expect(cookies).toEqual(['sessionid=abc123; HttpOnly; Secure; SameSite=Lax; Path=/', 'csrftoken=xyz789; SameSite=Lax; Path=/']);
    expect(names.indexOf('x-frame-options')).toBeLessThan(names.lastIndexOf('set-cookie'));
    expect(rows.filter(([name]) => name.toLowerCase() === 'x-custom-header').map(([, value]) => value)).toEqual(['first', 'second']);
    await popup.close();
    await page.close();
  });

  it('lists scripts and stylesheets with origin and SRI attributes, including a script added after load', async () => {
    const { page, tabId } = await visit(`${site.origin}/tags`);
    const popup = await ext.openPopup(tabId);
    // 3 external scripts (+1 injected 500 ms after load) and 4 resource links (the icon is not one).
    await expect.poll(() => popup.getByTestId('tag-count').innerText(), { timeout: 10_000 }).toBe('8');
    expect(await popup.getByTestId('inline-scripts').innerText()).toBe('2');
    const rows = popup.getByTestId('tag-row');
    const sri = rows.filter({ hasText: '/cdn/lib.js' });
    expect(await sri.getAttribute('data-origin-kind')).toBe('cross');
    expect(await sri.getByTestId('tag-integrity').innerText()).toBe('sha384-abc');
    expect(await sri.getByTestId('tag-crossorigin').innerText()).toBe('anonymous');
    const noSri = rows.filter({ hasText: '/cdn/no-sri.js' });
    expect(await noSri.getByTestId('tag-integrity').innerText()).toBe('—');
    expect(await rows.filter({ hasText: `${site.origin}/app.js` }).getAttribute('data-origin-kind')).toBe('same');
    const preloadFont = rows.filter({ hasText: '/cdn/font.woff2' });
    expect(await preloadFont.getByTestId('tag-crossorigin').innerText()).toBe('(empty)');
    const widget = rows.filter({ hasText: '/widget/jquery.js' });
    expect(await widget.getAttribute('data-added')).toBe('added-after-load');
    expect(await rows.filter({ hasText: '/cdn/lib.js' }).getAttribute('data-added')).toBe('parser');
    await popup.close();
    await page.close();
  });

  it('shows the redirect chain across two origins with each status and Location', async () => {
    const { page, tabId } = await visit(`${site.origin}/start`);
    expect(page.url()).toBe(`${other.altOrigin}/final`);
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => popup.getByTestId('redirect-hop').count()).toBe(2);
    const hops = popup.getByTestId('redirect-hop');
    expect(await hops.nth(0).getByTestId('hop-status').innerText()).toBe('301');
    expect(await hops.nth(0).getByTestId('hop-location').innerText()).toBe(`${other.altOrigin}/middle`);
    expect(await hops.nth(1).getByTestId('hop-status').innerText()).toBe('302');
    expect(await hops.nth(1).getByTestId('hop-location').innerText()).toBe(`${other.altOrigin}/final`);
    expect(await popup.getByTestId('final-url').innerText()).toBe(`${other.altOrigin}/final`);
    expect((await headerRows(popup)).some(([name, value]) => name === 'Strict-Transport-Security' && value === 'max-age=63072000')).toBe(true);
    await popup.close();
    await page.close();
  });

  it('keeps the capture when the service worker is stopped between navigation and popup', async () => {
    const { page, tabId } = await visit(`${site.origin}/tags`);
    // Wait until the worker has stored the capture, then stop it.
    const worker = await ext.worker();
    await expect.poll(() => worker.evaluate(async (id) => {
      type StorageApi = { storage: { session: { get(key: string): Promise<Record<string, { dom: unknown } | undefined>> } } };
      const stored = await (globalThis as unknown as { chrome: StorageApi }).chrome.storage.session.get(`capture:${id}`);
      return stored[`capture:${id}`]?.dom != null;
    }, tabId)).toBe(true);
    await ext.stopWorker();
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => popup.getByTestId('final-url').innerText()).toBe(`${site.origin}/tags`);
    const cookies = (await headerRows(popup)).filter(([name]) => name.toLowerCase() === 'set-cookie');
    expect(cookies).toHaveLength(2);
    expect(Number(await popup.getByTestId('tag-count').innerText())).toBeGreaterThanOrEqual(7);
    await popup.close();
    await page.close();
  });

  it('follows the tab when it navigates, without reopening the popup', async () => {
    const { page, tabId } = await visit(`${site.origin}/one`);
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => popup.getByTestId('final-url').innerText()).toBe(`${site.origin}/one`);
    await page.goto(`${site.origin}/two`);
    await expect.poll(() => popup.getByTestId('final-url').innerText()).toBe(`${site.origin}/two`);
    expect((await headerRows(popup)).find(([name]) => name === 'X-Page')?.[1]).toBe('two');
    await page.reload();
    await expect.poll(() => popup.getByTestId('capture-state').innerText()).toBe('loaded');
    await popup.close();
    await page.close();
  });

  it('renders page-controlled header values as text, never as markup', async () => {
    const { page, tabId } = await visit(`${site.origin}/hostile`);
    const popup = await ext.openPopup(tabId);
    await expect.poll(async () => (await headerRows(popup)).find(([name]) => name === 'X-Evil')?.[1]).toBe(
      '<img src=x onerror="document.title=\'pwned\'"><b>bold</b>',
    );
    expect(await popup.locator('img[src="x"], b').count()).toBe(0);
    expect(await popup.title()).toBe('Tabgrade');
    await popup.close();
    await page.close();
  });

  it('shows headers of a page that never finishes loading, marked as still loading', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${site.origin}/hang`, { waitUntil: 'commit' });
    const tabId = await ext.tabIdOf(page);
    const popup = await ext.openPopup(tabId);
    await expect.poll(async () => (await headerRows(popup)).find(([name]) => name === 'X-Hang')?.[1]).toBe('yes');
    expect(await popup.getByTestId('capture-state').innerText()).toBe('still loading');
    await popup.close();
    await page.close();
  });

  it('explains that a chrome:// page cannot be audited', async () => {
    const page = await ext.context.newPage();
    await page.goto('chrome://version');
    const worker = await ext.worker();
    const tabId = await worker.evaluate(async () => {
      type TabsApi = { tabs: { query(query: object): Promise<Array<{ id?: number; url?: string; title?: string }>> } };
      const tabs = await (globalThis as unknown as { chrome: TabsApi }).chrome.tabs.query({});
      // Without the tabs permission the URL of a chrome:// tab is hidden: find it by elimination.
      return tabs.find((tab) => tab.url === undefined)?.id ?? null;
    });
    expect(tabId).not.toBeNull();
    const popup = await ext.openPopup(tabId as number);
    await expect.poll(() => popup.getByTestId('not-auditable').isVisible()).toBe(true);
    expect(await popup.getByTestId('not-auditable').innerText()).toContain('cannot audit');
    await popup.close();
    await page.close();
  });
});
