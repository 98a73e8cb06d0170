/**
 * webRequest listeners: translate the browser's events into capture updates. They do the
 * least work possible (copy headers, hand off) so they add nothing to page loads; they
 * are non-blocking, so the browser never waits for them.
 */
import browser, { type WebRequest } from 'webextension-polyfill';
import type { PageCapture, RedirectHop, ResourceType, ResponseCapture } from '../core/capture';
import {
  addRedirect,
  addSubresource,
  failNavigation,
  setDocument,
  startNavigation,
} from '../core/capture-updates';
import { normaliseHeaders } from '../core/normalize';
import { updateCapture } from './capture-store';
import { isOwnRequest } from './own-requests';
import { logResponse } from './response-log';

const KNOWN_TYPES: ReadonlySet<string> = new Set<ResourceType>([
  'main_frame', 'sub_frame', 'stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest',
  'ping', 'csp_report', 'media', 'websocket', 'webtransport', 'webbundle',
]);

function resourceType(type: string): ResourceType {
  return KNOWN_TYPES.has(type) ? (type as ResourceType) : 'other';
}

/**
 * `extraHeaders` makes Chrome include headers it otherwise hides (Set-Cookie among them).
 * Firefox does not define it and throws if it is passed, so ask only where it exists.
 */
export function extraInfoSpec(enumName: string): string[] {
  const spec = ['responseHeaders'];
  const webRequest = (globalThis as { chrome?: { webRequest?: Record<string, unknown> } }).chrome?.webRequest;
  const options = webRequest?.[enumName] as Record<string, unknown> | undefined;
  if (options !== undefined && options.EXTRA_HEADERS === 'extraHeaders') spec.push('extraHeaders');
  return spec;
}

/**
 * A navigation's id starts with its webRequest requestId, so events can be matched to the
 * capture they belong to even after the worker was stopped and restarted mid-navigation.
 */
export function belongsTo(capture: PageCapture | null, requestId: string): capture is PageCapture {
  return capture !== null && capture.navigationId.startsWith(`${requestId}@`);
}

/** Every request type but documents and frames (webRequest has no "all but" filter). */
const SUBRESOURCE_TYPES: WebRequest.ResourceType[] = [
  'stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest', 'ping', 'csp_report', 'media', 'websocket', 'other',
];

export interface ResponseDetails {
  url: string;
  method: string;
  statusCode: number;
  statusLine?: string;
  responseHeaders?: unknown;
  type: string;
  timeStamp: number;
  fromCache: boolean;
  ip?: string;
}

export function toResponse(details: ResponseDetails): ResponseCapture {
  const response: ResponseCapture = {
    url: details.url,
    method: details.method,
    statusCode: details.statusCode,
    statusLine: details.statusLine ?? '',
    headers: normaliseHeaders(details.responseHeaders),
    type: resourceType(details.type),
    timeStamp: details.timeStamp,
    fromCache: details.fromCache,
  };
  if (details.ip !== undefined) response.ip = details.ip;
  return response;
}

function onBeforeRequest(details: WebRequest.OnBeforeRequestDetailsType): void {
  if (details.tabId < 0 || details.type !== 'main_frame') return;
  const navigationId = `${details.requestId}@${Math.round(details.timeStamp)}`;
  // Browsers keep one requestId across a redirect chain and call onBeforeRequest again for
  // each hop: only a new requestId is a new navigation.
  void updateCapture(
    details.tabId,
    (current) => (belongsTo(current, details.requestId) ? current : startNavigation(details.tabId, navigationId, details.url, details.timeStamp)),
    { important: true },
  );
}

/** One hop of a redirect chain, from webRequest's onBeforeRedirect. */
export function toRedirectHop(details: WebRequest.OnBeforeRedirectDetailsType): RedirectHop {
  const statusLine = details.statusLine ?? '';
  return {
    url: details.url,
    statusCode: details.statusCode,
    statusLine,
    location: details.redirectUrl,
    headers: normaliseHeaders(details.responseHeaders),
    // Chrome answers HSTS upgrades and extension redirects itself with this status line.
    internal: /internal redirect/i.test(statusLine),
  };
}

function onBeforeRedirect(details: WebRequest.OnBeforeRedirectDetailsType): void {
  if (details.tabId < 0 || details.type !== 'main_frame') return;
  const hop = toRedirectHop(details);
  void updateCapture(details.tabId, (capture) => (belongsTo(capture, details.requestId) ? addRedirect(capture, hop) : capture), { important: true });
}

function onResponseStarted(details: WebRequest.OnResponseStartedDetailsType): void {
  if (details.tabId < 0) return;
  const response = toResponse(details as unknown as ResponseDetails);
  if (!isOwnRequest(details.tabId, details.url, details.type)) logResponse(details.tabId, details.requestId, response);
  if (details.type === 'main_frame') {
    void updateCapture(
      details.tabId,
      (capture) => (belongsTo(capture, details.requestId) ? setDocument(capture, response) : capture),
      { important: true },
    );
    return;
  }
  if (isOwnRequest(details.tabId, details.url, details.type)) return;
  // Sub-resources that arrive before the new document are the old page's last requests.
  void updateCapture(
    details.tabId,
    (capture) => (capture === null || capture.document === null ? capture : addSubresource(capture, response)),
    { important: false },
  );
}

function onErrorOccurred(details: WebRequest.OnErrorOccurredDetailsType): void {
  if (details.tabId < 0 || details.type !== 'main_frame') return;
  void updateCapture(
    details.tabId,
    (capture) => {
      if (!belongsTo(capture, details.requestId)) return capture;
      // ERR_ABORTED after a response means a download, a 204 or the user stopping the
      // load: the document (if any) is still what the tab shows.
      if (capture.document !== null && /ERR_ABORTED/i.test(details.error)) return capture;
      return failNavigation(capture, details.error, details.timeStamp);
    },
    { important: true },
  );
}

export function registerWebRequestListeners(): void {
  const filter: WebRequest.RequestFilter = { urls: ['http://*/*', 'https://*/*'] };
  browser.webRequest.onBeforeRequest.addListener(onBeforeRequest, { ...filter, types: ['main_frame'] });
  browser.webRequest.onBeforeRedirect.addListener(
    onBeforeRedirect,
    { ...filter, types: ['main_frame'] },
    extraInfoSpec('OnBeforeRedirectOptions') as WebRequest.OnBeforeRedirectOptions[],
  );
  // `extraHeaders` sends every matching response through a slower path in Chrome (its docs
  // warn of the cost), so it is asked for documents and frames only, where Set-Cookie and
  // the other hidden headers are graded; other sub-resources come without them.
  browser.webRequest.onResponseStarted.addListener(
    onResponseStarted,
    { ...filter, types: ['main_frame', 'sub_frame'] },
    extraInfoSpec('OnResponseStartedOptions') as WebRequest.OnResponseStartedOptions[],
  );
  // A second, distinct function: Firefox ignores a second addListener of the same one.
  browser.webRequest.onResponseStarted.addListener(
    (details) => onResponseStarted(details),
    { ...filter, types: SUBRESOURCE_TYPES },
    ['responseHeaders'],
  );
  browser.webRequest.onErrorOccurred.addListener(onErrorOccurred, { ...filter, types: ['main_frame'] });
}
