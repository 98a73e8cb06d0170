import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { popupView, type BrowserDriver, type Evaluate, type OpenedPage } from './driver';

export async function chromiumDriver(): Promise<BrowserDriver & { extension: ExtensionBrowser }> {
  const extension = await launchWithExtension();
  const pages = new WeakMap<OpenedPage, Page>();
  return {
    name: 'chromium',
    extension,
    async open(url) {
      const page = await extension.context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const opened: OpenedPage = { url: () => page.url(), close: () => page.close() };
      pages.set(opened, page);
      return opened;
    },
    async popupFor(opened) {
      const page = pages.get(opened);
      if (page === undefined) throw new Error('not a page of this driver');
      const popup = await extension.openPopup(await extension.tabIdOf(page));
      const evaluate: Evaluate = (fn, arg) => popup.evaluate(fn as never, arg as never) as never;
      return popupView(evaluate, () => popup.close());
    },
    close: () => extension.close(),
  };
}
