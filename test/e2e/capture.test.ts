/**
 * The foundation, end to end, in Chromium: real headless Chromium with the built extension,
 * pages from loopback servers, and the popup page asserting what it renders. The cases every
 * browser shares (headers, redirects, tags, grade) are in cases/shared.ts.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSharedSite, type SharedSite } from './cases/site';
import { DIST, launchWithExtension, type ExtensionBrowser } from './support/browser';
import { POPUP_PORT_NAME } from '../../src/shared/messages';
import { startHttpsServer } from './support/https-server';
import { html, type TestServer } from './support/server';

let ext: ExtensionBrowser;
let shared: SharedSite;
let site: TestServer;

beforeAll(async () => {
  [ext, shared] = await Promise.all([launchWithExtension(), startSharedSite()]);
  site = shared.site;
  site.route('/hostile', html('<title>x</title>', [
    ['X-Evil', '<img src=x onerror="document.title=\'pwned\'"><b>bold</b>'],
  ]));
  site.route('/hang', { status: 200, headers: [['Content-Type', 'text/html'], ['X-Hang', 'yes']], body: '<html><body><p>loading forever', hang: true });
  // Its image never arrives, so the page's load event (which injects the content script) never comes.
  site.route('/almost', html('<!doctype html><title>Almost</title><script src="/app.js"></script><img src="/never.png" alt="">'));
  site.route('/never.png', { status: 200, headers: [['Content-Type', 'image/png']], body: '', hang: true });
  site.route('/one', html('<p>one</p>', [['X-Page', 'one']]));
  site.route('/two', html('<p>two</p>', [['X-Page', 'two']]));
});

afterAll(async () => {
  await Promise.all([ext?.close(), shared?.close()]);
});

async function visit(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return { page, tabId: await ext.tabIdOf(page) };
}

async function headerRows(popup: Page): Promise<Array<[string, string]>> {
  const rows = popup.getByTestId('header-row');
  // The headers are in the details, which load just after the grade card.
  await rows.first().waitFor();
  const count = await rows.count();
  const result: Array<[string, string]> = [];
  for (let index = 0; index < count; index++) {
    const row = rows.nth(index);
    result.push([(await row.locator('th').innerText()).trim(), (await row.locator('td').innerText()).trim()]);
  }
  return result;
}

describe('capture in the popup (Chromium)', () => {
  it('unpacks the HSTS preload list when installed, so that no report waits for the unpack', async () => {
    // The profile is fresh: this life of the worker is the one the installation started.
    const worker = await ext.worker();
    const loads = () => worker.evaluate(() => performance.getEntriesByName('tabgrade:hsts-preload-load').map((entry) => (entry as PerformanceMeasure).detail as { unpacked: boolean; purpose: string }));
    await expect.poll(loads, { timeout: 10_000 }).toEqual([{ unpacked: true, purpose: 'install' }]);
    // The unpacked bytes are written to Cache Storage just after the load is measured.
    const kept = () => worker.evaluate(async () => (await (await caches.open('tabgrade-hsts-preload')).keys()).length);
    await expect.poll(kept, { timeout: 10_000 }).toBe(1);
    // A report in this life uses the list already loaded.
    const { page, tabId } = await visit(`${site.origin}/known`);
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => popup.getByTestId('grade').innerText(), { timeout: 10_000 }).toMatch(/^[A-F][+-]?$/);
    expect(await loads()).toHaveLength(1);
    await popup.close();
    await page.close();
  });

  it('keeps the capture when the service worker is stopped between navigation and popup', async () => {
    const { page, tabId } = await visit(`${site.origin}/tags`);
    // Wait until the worker has stored the capture, then stop it.
    await expect.poll(async () => (await ext.savedCapture(tabId))?.dom).toBe(true);
    await ext.stopWorker();
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => popup.getByTestId('final-url').innerText()).toBe(`${site.origin}/tags`);
    const cookies = (await headerRows(popup)).filter(([name]) => name.toLowerCase() === 'set-cookie');
    expect(cookies).toHaveLength(2);
    await expect.poll(async () => Number(await popup.getByTestId('tag-count').innerText()), { timeout: 10_000 }).toBeGreaterThanOrEqual(7);
    await popup.close();
    await page.close();
  });

  it('starts without its grading engine, and loads it from the copy kept at install when a report is first needed', async () => {
    // The worker's start runs only the small script; the engine (~95 % of the code) is a second one.
    const scripts = await Promise.all(['background.js', 'background-core.js'].map((file) => stat(join(DIST, file))));
    expect(scripts[0]!.size).toBeLessThan(scripts[1]!.size / 8);
    await ext.stopWorker();
    const { page, tabId } = await visit(`${site.origin}/known`);
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => popup.getByTestId('grade').innerText(), { timeout: 10_000 }).toMatch(/^[A-F][+-]?$/);
    const worker = await ext.worker();
    const marks = await worker.evaluate(() => ({
      firstEvent: performance.getEntriesByName('tabgrade:first-event')[0]?.startTime ?? null,
      coreLoads: performance.getEntriesByName('tabgrade:worker-core-load').map((entry) => entry.startTime),
    }));
    // This life began with the navigation's events and loaded the engine once, after them.
    expect(marks.firstEvent).not.toBeNull();
    expect(marks.coreLoads).toHaveLength(1);
    expect(marks.coreLoads[0]!).toBeGreaterThan(marks.firstEvent!);
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

  it('tells a view that subscribes before the probes began that they are on their way, never showing the guess as the result', async () => {
    // HTTPS, so that the http:// probe is one of them. The document arrives whole, but its
    // image never does: the page's load event never comes.
    const slow = await startHttpsServer({ days: 30, organisation: 'Tabgrade Test', body: '<!doctype html><h1>almost loaded</h1><img src="/never.png" alt="">', hangPaths: ['/never.png'] });
    // Closed even when an assertion fails: its image's connection would otherwise stay open.
    try {
      const page = await ext.context.newPage();
      await page.goto(`${slow.origin}/`, { waitUntil: 'domcontentloaded' });
      const tabId = await ext.tabIdOf(page);
      // Nothing has started the probes: the page's load event, which does, never comes. A bare
      // subscriber (the options page, so no popup asks for completion itself) reads each state.
      const view = await ext.context.newPage();
      await view.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
      const states = await view.evaluate(async ([tab, portName]) => {
        type State = { type: string; enriching: boolean; report: { observatory: { tests: Record<string, { data: { observedFrom: string | null } }> } } | null };
        const api = (globalThis as unknown as { chrome: { runtime: { connect(info: { name: string }): { onMessage: { addListener(listener: (message: State) => void): void }; postMessage(message: object): void; disconnect(): void } } } }).chrome;
        const port = api.runtime.connect({ name: portName });
        const seen: Array<{ enriching: boolean; observedFrom: string | null | undefined }> = [];
        await new Promise<void>((done) => {
          const timer = setTimeout(done, 15_000);
          port.onMessage.addListener((message) => {
            if (message.type !== 'tab-state' || message.report === null) return;
            const observedFrom = message.report.observatory.tests['redirection']?.data.observedFrom;
            seen.push({ enriching: message.enriching, observedFrom });
            if (!message.enriching && observedFrom !== null) {
              clearTimeout(timer);
              done();
            }
          });
          port.postMessage({ type: 'subscribe', tabId: tab });
        });
        port.disconnect();
        return seen;
      }, [tabId, POPUP_PORT_NAME] as const);
      expect(states.length).toBeGreaterThan(0);
      // The first answer already says the probes are running…
      expect(states[0]?.enriching).toBe(true);
      // …no state calls the unprobed guess final, and the last one carries the probe's answer.
      expect(states.filter((state) => !state.enriching && state.observedFrom === null)).toEqual([]);
      expect(states.at(-1)).toEqual({ enriching: false, observedFrom: 'http-probe' });
      await view.close();
      await page.close();
    } finally {
      await slow.close();
    }
  });

  it('reads the HTML as served for a popup opened before the content script was injected', async () => {
    const { page, tabId } = await visit(`${site.origin}/one`);
    // The worker injects the content script once a page has loaded: wait until /one has it,
    // so that no injection is still on its way when the tab moves on.
    const worker = await ext.worker();
    const hasContentScript = () =>
      worker.evaluate(async (id) => {
        type TabsApi = { tabs: { sendMessage(tab: number, message: object, options: object): Promise<unknown> } };
        const api = (globalThis as unknown as { chrome: TabsApi }).chrome;
        return api.tabs.sendMessage(id, { type: 'read-served-html' }, { frameId: 0 }).then(() => true, () => false);
      }, tabId);
    await expect.poll(hasContentScript, { timeout: 10_000 }).toBe(true);
    // /almost's image never arrives, so its load event, which injects the script, never comes.
    await page.goto(`${site.origin}/almost`, { waitUntil: 'domcontentloaded' });
    expect(await hasContentScript()).toBe(false);
    // The popup's request for the served HTML must not fail for want of the script and
    // leave the HTML unread.
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => popup.getByTestId('html-source').allInnerTexts(), { timeout: 10_000 }).toEqual(['HTML as served']);
    const sri = popup.locator('[data-testid="test-row"][data-test="subresource-integrity"]');
    await expect.poll(() => sri.getAttribute('data-result')).toBe('sri-not-implemented-but-all-scripts-loaded-from-secure-origin');
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
