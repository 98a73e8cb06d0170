/**
 * Firefox ESR driven by puppeteer-core over WebDriver BiDi, with dist/firefox installed as a
 * temporary add-on. Its internal UUID is fixed by a pref so tests know `moz-extension://<uuid>/`.
 */
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import puppeteer, { type Page } from 'puppeteer-core';
import { requireTool } from '../../../scripts/lib/system-requirements.mjs';
import { popupView, type BrowserDriver, type Evaluate, type OpenedPage } from './driver';

// Checked when a Firefox suite loads: without Firefox ESR the suite fails with the one line to
// run (`sudo apt-get install -y firefox-esr`), never reports its tests as skipped.
const FIREFOX = requireTool('firefox');

export const FIREFOX_DIST = resolve(__dirname, '../../../dist/firefox');
const GECKO_ID = 'tabgrade@tabgrade.dev';
const EXTENSION_UUID = '6d3c6a2e-3f7b-4c1e-9a57-5b8f7c2d1e90';

/** The Firefox the suites drive: FIREFOX_PATH, else Debian's firefox-esr (system-requirements.mjs). */
export function firefoxPath(): string {
  return FIREFOX;
}

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await read();
      if (done(value)) return value;
    } catch {
      // The page is still loading: try again.
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((wait) => setTimeout(wait, 150));
  }
}

/** Where Firefox saves downloads (the popup's exports) without asking. */
export const FIREFOX_DOWNLOADS = join(tmpdir(), `tabgrade-firefox-downloads-${process.pid}`);

export async function firefoxDriver(): Promise<BrowserDriver> {
  const executablePath = firefoxPath();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    protocol: 'webDriverBiDi',
    // Lets a BiDi-driven page open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    // The TLS cases use a self-signed certificate made for the run.
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Save the popup's exports straight into a known folder.
      'browser.download.dir': FIREFOX_DOWNLOADS,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
    },
  });
  await browser.installExtension(FIREFOX_DIST);
  const pages = new WeakMap<OpenedPage, Page>();
  return {
    name: 'firefox',
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const opened: OpenedPage = { url: () => page.url(), close: () => page.close() };
      pages.set(opened, page);
      return opened;
    },
    async popupFor(opened) {
      const popup = await browser.newPage();
      const address = `moz-extension://${EXTENSION_UUID}/src/popup/index.html?url=${encodeURIComponent(opened.url())}`;
      // goto to a moz-extension page never resolves under BiDi although the page loads:
      // start it and poll the page instead.
      popup.goto(address).catch(() => undefined);
      await poll(() => popup.evaluate(() => location.href), (href) => href.startsWith('moz-extension://'), 'the popup page');
      const evaluate: Evaluate = (fn, arg) => popup.evaluate(fn as never, arg as never) as never;
      return popupView(evaluate, () => popup.close());
    },
    close: () => browser.close(),
  };
}
