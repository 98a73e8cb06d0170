/**
 * The panel's link to the worker's response log: a port subscribed to one tab. It pings
 * every 20 s, because an idle port does not keep an MV3 worker from being stopped (after
 * 30 s) and the log lives in the worker's memory. If the port closes anyway, it reconnects;
 * the worker answers with a snapshot (rebuilt from the saved capture when it had to start over).
 */
import type { Runtime } from 'webextension-polyfill';
import browser from '../shared/browser-api';
import { DEVTOOLS_PORT_NAME, isDevtoolsOutboundMessage, type DevtoolsOutboundMessage } from '../shared/messages';

const RECONNECT_DELAY_MS = 200;
const PING_INTERVAL_MS = 20_000;

export interface LogConnection {
  close(): void;
}

export function connectToLog(tabId: number, onMessage: (message: DevtoolsOutboundMessage) => void, onError: (message: string) => void): LogConnection {
  let port: Runtime.Port | null = null;
  let closed = false;

  const open = (): void => {
    if (closed) return;
    try {
      port = browser.runtime.connect({ name: DEVTOOLS_PORT_NAME });
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      if (isDevtoolsOutboundMessage(message) && message.tabId === tabId) onMessage(message);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      if (!closed) setTimeout(open, RECONNECT_DELAY_MS);
    });
    port.postMessage({ type: 'devtools-subscribe', tabId });
  };

  const ping = setInterval(() => {
    try {
      port?.postMessage({ type: 'devtools-ping' });
    } catch {
      // The disconnect listener reconnects.
    }
  }, PING_INTERVAL_MS);

  open();
  return {
    close() {
      closed = true;
      clearInterval(ping);
      port?.disconnect();
    },
  };
}
