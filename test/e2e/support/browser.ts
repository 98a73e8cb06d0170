/**
 * Real headless Chromium with the built extension (dist/) loaded, driven by playwright-core.
 */
import { resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launchExtensionContext } from '../../../scripts/lib/extension-browser.mjs';
import { requireTool } from '../../../scripts/lib/system-requirements.mjs';

// Checked when a Chromium suite loads: without Chromium it fails with the one line to run,
// never reports its tests as skipped.
requireTool('chromium');

export const DIST = resolve(__dirname, '../../../dist/chrome');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  /** The tab id the extension sees for a page. */
  tabIdOf(page: Page): Promise<number>;
  /** Opens the popup as a page for a given tab (`?tab=`), as the DevTools panel and tests do. */
  openPopup(tabId: number): Promise<Page>;
  /**
   * What the worker has saved of a tab's capture in `storage.session` (what survives a
   * stopped worker), or null. The worker coalesces its writes, so a test that stops it
   * waits for this first, as Chrome, which stops only idle workers, effectively does.
   */
  savedCapture(tabId: number): Promise<{ dom: boolean; subresources: number } | null>;
  /** Stops the extension's service worker through the DevTools protocol. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

/** `extraArgs` are added to the defaults, e.g. `--enable-features=WebRequestSecurityInfo`. */
export async function launchWithExtension(options: { extraArgs?: string[] } = {}): Promise<ExtensionBrowser> {
  // The TLS cases use a self-signed certificate made for the run.
  const launched = await launchExtensionContext(DIST, { args: ['--ignore-certificate-errors', ...(options.extraArgs ?? [])] });
  const { context, extensionId } = launched;
  let worker = launched.worker;

  const browser: ExtensionBrowser = {
    context,
    extensionId,
    async worker() {
      if (context.serviceWorkers().includes(worker)) return worker;
      worker = await launched.waitForReadyWorker();
      return worker;
    },
    async tabIdOf(page) {
      const url = page.url();
      // Right after a navigation commits the browser may not have updated the tab's URL yet.
      const deadline = Date.now() + 5_000;
      for (;;) {
        const sw = await browser.worker();
        const id = await sw.evaluate(async (wanted) => {
          type TabsApi = { tabs: { query(query: object): Promise<Array<{ id?: number; url?: string }>> } };
          const tabs = await (globalThis as unknown as { chrome: TabsApi }).chrome.tabs.query({});
          return tabs.find((tab) => tab.url === wanted)?.id ?? null;
        }, url);
        if (id !== null) return id;
        if (Date.now() > deadline) throw new Error(`no tab found for ${url}`);
        await new Promise((resolveWait) => setTimeout(resolveWait, 100));
      }
    },
    async openPopup(tabId) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/src/popup/index.html?tab=${tabId}`);
      return page;
    },
    async savedCapture(tabId) {
      const sw = await browser.worker();
      // What a restarted worker would read back: the capture and its parts
      // (src/background/capture-persistence.ts), for the same navigation.
      return sw.evaluate(async (id) => {
        type Part = { navigationId?: string; json?: string };
        type Saved = { navigationId: string; parts?: { navigationId: string; subresourceChunks: number; dom: boolean } };
        type StorageApi = { storage: { session: { get(key: null): Promise<Record<string, unknown>> } } };
        const all = await (globalThis as unknown as { chrome: StorageApi }).chrome.storage.session.get(null);
        const stored = all[`capture:${id}`] as Saved | undefined;
        if (stored?.parts === undefined) return null;
        const { navigationId, subresourceChunks } = stored.parts;
        const domPart = all[`capture:${id}:dom`] as Part | undefined;
        let subresources = 0;
        for (let index = 0; index < subresourceChunks; index++) {
          const chunk = all[`capture:${id}:sub:${index}`] as Part | undefined;
          if (chunk?.navigationId === navigationId) subresources += (JSON.parse(chunk.json ?? '[]') as unknown[]).length;
        }
        return { dom: stored.parts.dom && domPart?.navigationId === navigationId, subresources };
      }, tabId);
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
    close: () => launched.close(),
  };
  return browser;
}
