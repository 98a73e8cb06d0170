/**
 * The document's TLS connection and certificate, where the browser shares them: Firefox's
 * `webRequest.getSecurityInfo`, which must be called from a blocking `onHeadersReceived`
 * listener. The listener only reads (it returns no changes) and answers in well under a
 * millisecond, so the response is not held up noticeably. Chrome offers no such call to
 * extensions; its securityInfo listener option is `chrome-tls-capture.ts`.
 */
import type { WebRequest } from 'webextension-polyfill';
import browser from '../shared/browser-api';
import { loadWorkerCore } from './worker-core-loader';
import { updateCapture } from './capture-store';
import { belongsTo } from './web-request';

type GetSecurityInfo = (requestId: string, options: { certificateChain?: boolean; rawDER?: boolean }) => Promise<unknown>;

export function browserSharesTls(): boolean {
  return typeof (browser.webRequest as unknown as { getSecurityInfo?: unknown }).getSecurityInfo === 'function';
}

export function registerTlsCapture(): void {
  const getSecurityInfo = (browser.webRequest as unknown as { getSecurityInfo?: GetSecurityInfo }).getSecurityInfo;
  if (typeof getSecurityInfo !== 'function') return;
  const listener = async (details: WebRequest.OnHeadersReceivedDetailsType): Promise<WebRequest.BlockingResponse> => {
    if (details.tabId < 0) return {};
    try {
      const { parseFirefoxSecurityInfo } = await loadWorkerCore();
      // The full chain when Firefox can build it; for a chain it does not trust (a
      // self-signed development certificate) it returns none, so fall back to the server's own.
      let tls = parseFirefoxSecurityInfo(await getSecurityInfo(details.requestId, { certificateChain: true }), details.url);
      if (tls !== null && tls.certificate === null) {
        tls = parseFirefoxSecurityInfo(await getSecurityInfo(details.requestId, { certificateChain: false }), details.url);
      }
      if (tls !== null) {
        void updateCapture(details.tabId, (capture) => (belongsTo(capture, details.requestId) ? { ...capture, tls } : capture), { important: true });
      }
    } catch {
      // No security info for this request (e.g. it was cancelled): nothing to show.
    }
    return {};
  };
  browser.webRequest.onHeadersReceived.addListener(listener, { urls: ['https://*/*'], types: ['main_frame'] }, ['blocking']);
}
