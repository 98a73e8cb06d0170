/**
 * The popup's link to the worker: a port subscribed to one tab. If the worker is stopped
 * the port closes; the popup reconnects, which wakes the worker, and state resumes from
 * `storage.session`.
 */
import type { Runtime } from 'webextension-polyfill';
import browser from '../shared/browser-api';
import { POPUP_PORT_NAME, isTabStateMessage, type TabStateMessage } from '../shared/messages';
import type { EarlyConnection } from './early-connection-types';

const RECONNECT_DELAY_MS = 200;

export interface TabConnection {
  requestCompletion(): void;
  close(): void;
}

/**
 * The port early-connection.ts opened while the popup loaded, if it did (null in views
 * that do not run it, such as the DevTools panel).
 */
export function earlyConnection(): Promise<EarlyConnection | null> {
  const scope = globalThis as { tabgradeEarlyConnection?: Promise<EarlyConnection | null> };
  return scope.tabgradeEarlyConnection?.catch(() => null) ?? Promise.resolve(null);
}

export function connectToTab(
  tabId: number,
  onState: (state: TabStateMessage) => void,
  onError: (message: string) => void,
  early: EarlyConnection | null = null,
): TabConnection {
  let port: Runtime.Port | null = null;
  let closed = false;
  let adoptable = early !== null && early.tabId === tabId && !early.disconnected ? early : null;

  const receive = (message: unknown): void => {
    if (!isTabStateMessage(message) || message.tabId !== tabId) return;
    // For `npm run bench`: when the worker's first answer arrived.
    if (performance.getEntriesByName('tabgrade:state').length === 0) performance.mark('tabgrade:state');
    onState(message);
  };

  const open = (): void => {
    if (closed) return;
    const adopted = adoptable;
    adoptable = null;
    try {
      port = adopted !== null ? (adopted.port as unknown as Runtime.Port) : browser.runtime.connect({ name: POPUP_PORT_NAME });
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
      return;
    }
    const current = port;
    current.onMessage.addListener(receive);
    const reconnect = (): void => {
      if (port === current) port = null;
      if (!closed) setTimeout(open, RECONNECT_DELAY_MS);
    };
    current.onDisconnect.addListener(reconnect);
    if (adopted === null) {
      current.postMessage({ type: 'subscribe', tabId });
      return;
    }
    // The early port already subscribed: play what it received, then carry on with it.
    const received = adopted.received ?? [];
    adopted.received = null;
    for (const message of received) receive(message);
    if (adopted.disconnected) reconnect();
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
