/**
 * Real headless Chromium with the built extension (dist/) loaded, driven by playwright-core.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
// @ts-expect-error: a plain .mjs helper shared with the scripts folder.
import { chromiumPath } from '../../../scripts/chromium-path.mjs';

export const DIST = resolve(__dirname, '../../../dist');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  /** The tab id the extension sees for a page. */
  tabIdOf(page: Page): Promise<number>;
  /** Opens the popup as a page for a given tab (`?tab=`), as the DevTools panel and tests do. */
  openPopup(tabId: number): Promise<Page>;
  /** Stops the extension's service worker through the DevTools protocol. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

async function waitForReadyWorker(context: BrowserContext): Promise<Worker> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const worker = context.serviceWorkers().find((candidate) => candidate.url().startsWith('chrome-extension://'));
    if (worker !== undefined) {
      const ready = await worker.evaluate(() => (globalThis as { tabgradeReady?: boolean }).tabgradeReady === true).catch(() => false);
      if (ready) return worker;
    } else {
      await context.waitForEvent('serviceworker', { timeout: 2_000 }).catch(() => undefined);
      continue;
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  throw new Error('the extension service worker did not become ready within 20 s');
}

export async function launchWithExtension(): Promise<ExtensionBrowser> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ is missing: run `npm run build` first');
  const profile = await mkdtemp(join(tmpdir(), 'tabgrade-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath() as string,
    headless: true,
    args: [
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  let worker = await waitForReadyWorker(context);
  const extensionId = new URL(worker.url()).host;

  const browser: ExtensionBrowser = {
    context,
    extensionId,
    async worker() {
      if (context.serviceWorkers().includes(worker)) return worker;
      worker = await waitForReadyWorker(context);
      return worker;
    },
    async tabIdOf(page) {
      const url = page.url();
      const sw = await browser.worker();
      const id = await sw.evaluate(async (wanted) => {
        type TabsApi = { tabs: { query(query: object): Promise<Array<{ id?: number; url?: string }>> } };
        const tabs = await (globalThis as unknown as { chrome: TabsApi }).chrome.tabs.query({});
        return tabs.find((tab) => tab.url === wanted)?.id ?? null;
      }, url);
      if (id === null) throw new Error(`no tab found for ${url}`);
      return id;
    },
    async openPopup(tabId) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/src/popup/index.html?tab=${tabId}`);
      return page;
    },
    async stopWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      // Confirm the stop before going on: never evaluate in a stopped worker (it hangs).
      const deadline = Date.now() + 10_000;
      for (;;) {
        const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ type: string; url: string }> };
        if (!targetInfos.some((target) => target.type === 'service_worker' && target.url.includes(extensionId))) break;
        if (Date.now() > deadline) throw new Error('the service worker did not stop within 10 s');
        await new Promise((resolveWait) => setTimeout(resolveWait, 100));
      }
      await cdp.detach();
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
  return browser;
}
