/**
 * The document's certificate in Chrome: `webRequest.onHeadersReceived` with the extraInfoSpec
 * options `securityInfo` and `securityInfoRawDer` (Chromium 156+, feature
 * `WebRequestSecurityInfo`, switched on at chrome://flags/#web-request-security-info). With
 * the feature off, `addListener` does not throw: in Chromium 156 (checked 2026-12-03) the
 * listener fires without `securityInfo`; on 2026-11-24 it was seen not to fire at all. Both
 * are handled: an HTTPS document without `securityInfo`, or one a second listener (without
 * those options) saw and the first did not, means the feature is off, and the popup then
 * says how to switch it on. Both listeners are non-blocking and only hand the details on;
 * the certificate is read by the grading engine (`worker-core-loader.ts`).
 */
import type { WebRequest } from 'webextension-polyfill';
import browser from '../shared/browser-api';
import { loadWorkerCore } from './worker-core-loader';
import { updateCapture } from './capture-store';
import { browserSharesTls } from './tls-capture';
import { belongsTo } from './web-request';

type Details = WebRequest.OnHeadersReceivedDetailsType & { securityInfo?: unknown };

const FILTER: WebRequest.RequestFilter = { urls: ['https://*/*'], types: ['main_frame'] };
/** How long the plain listener waits for the securityInfo listener to report the same response. */
const GRACE_MS = 1_000;
const REMEMBERED = 50;

/** Whether Chrome delivers securityInfo: null until the first HTTPS document showed it. */
let shared: boolean | null = null;
const seen: string[] = [];

function markNotShared(tabId: number, requestId: string): void {
  void updateCapture(tabId, (capture) => (belongsTo(capture, requestId) && capture.tls === undefined ? { ...capture, tlsNotShared: 'chrome-feature-off' } : capture), { important: true });
}

export function registerChromeTlsCapture(): void {
  // Firefox has its own call (tls-capture.ts) and throws on options it does not define.
  if (browserSharesTls()) return;
  const withInfo = (details: Details): void => {
    seen.push(details.requestId);
    if (seen.length > REMEMBERED) seen.shift();
    if (details.securityInfo === undefined) {
      if (shared !== true && details.tabId >= 0) markNotShared(details.tabId, details.requestId);
      return;
    }
    shared = true;
    if (details.tabId < 0) return;
    const { securityInfo, tabId, requestId, url } = details;
    // The certificate reader is part of the grading engine, loaded when first needed.
    void loadWorkerCore().then(({ parseChromeSecurityInfo }) => {
      const tls = parseChromeSecurityInfo(securityInfo, url);
      if (tls === null) return;
      void updateCapture(tabId, (capture) => (belongsTo(capture, requestId) ? { ...capture, tls, tlsNotShared: undefined } : capture), { important: true });
    }, (error: unknown) => console.error('Tabgrade: the certificate could not be read.', error));
  };
  const plain = (details: WebRequest.OnHeadersReceivedDetailsType): void => {
    if (details.tabId < 0 || shared === true) return;
    if (shared === false) {
      markNotShared(details.tabId, details.requestId);
      return;
    }
    setTimeout(() => {
      if (shared === true || seen.includes(details.requestId)) return;
      shared = false;
      markNotShared(details.tabId, details.requestId);
    }, GRACE_MS);
  };
  const onHeadersReceived = browser.webRequest.onHeadersReceived as unknown as {
    addListener(listener: (details: Details) => void, filter: WebRequest.RequestFilter, extraInfoSpec?: string[]): void;
  };
  try {
    onHeadersReceived.addListener(withInfo, FILTER, ['securityInfo', 'securityInfoRawDer']);
  } catch {
    // A Chrome that rejects the options outright: the plain listener reports it as not shared.
  }
  onHeadersReceived.addListener(plain, FILTER);
}
