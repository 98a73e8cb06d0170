/**
 * The popup's link to the worker: a port subscribed to one tab. If the worker is stopped
 * the port closes; the popup reconnects, which wakes the worker, and state resumes from
 * `storage.session`.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { POPUP_PORT_NAME, isTabStateMessage, type TabStateMessage } from '../shared/messages';

const RECONNECT_DELAY_MS = 200;

export interface TabConnection {
  requestCompletion(): void;
  close(): void;
}

export function connectToTab(tabId: number, onState: (state: TabStateMessage) => void, onError: (message: string) => void): TabConnection {
  let port: Runtime.Port | null = null;
  let closed = false;

  const open = (): void => {
    if (closed) return;
    try {
      port = browser.runtime.connect({ name: POPUP_PORT_NAME });
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      if (!isTabStateMessage(message) || message.tabId !== tabId) return;
      // For `npm run bench`: when the worker's first answer arrived.
      if (performance.getEntriesByName('tabgrade:state').length === 0) performance.mark('tabgrade:state');
      onState(message);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      if (!closed) setTimeout(open, RECONNECT_DELAY_MS);
    });
    port.postMessage({ type: 'subscribe', tabId });
  };

  open();
  return {
    requestCompletion() {
      port?.postMessage({ type: 'complete-capture', tabId });
    },
    close() {
      closed = true;
      port?.disconnect();
    },
  };
}

/**
 * The tab a view is about: `?tab=<id>` when given (tests, DevTools, full-page view), or
 * `?url=<address>` for the tab showing that address (handy where tab ids are hard to learn,
 * as in Firefox automation), else the active tab.
 */
export async function resolveTabId(search: string): Promise<number | null> {
  const params = new URLSearchParams(search);
  const param = params.get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const url = params.get('url');
  if (url !== null) {
    const tabs = await browser.tabs.query({});
    return tabs.find((tab) => tab.url === url)?.id ?? null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
