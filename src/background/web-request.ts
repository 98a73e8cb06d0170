/**
 * webRequest listeners: translate the browser's events into capture updates. They do the
 * least work possible (copy headers, hand off) so they add nothing to page loads; they
 * are non-blocking, so the browser never waits for them.
 */
import type { WebRequest } from 'webextension-polyfill';
import browser from '../shared/browser-api';
import type { PageCapture, RedirectHop, ResourceType, ResponseCapture } from '../core/capture';
import {
  addRedirect,
  addSubresources,
  failNavigation,
  setDocument,
  startNavigation,
} from '../core/capture-updates';
import { normaliseHeaders } from '../core/normalize';
import { updateCapture } from './capture-store';
import { injectUnlessLoadedSoon } from './content-injection';
import { isOwnRequest } from './own-requests';
import { logResponse } from './response-log';
import { markEventHandled } from './startup-marks';
import { noteNavigationStart } from './tab-navigations';

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

/**
 * Sub-resources arrive by the dozen while a page loads. Their events are only queued here
 * and handled in one batch a little later, so the worker does next to nothing while the
 * page is loading; any event of the tab's document flushes the queue first, so the
 * capture still sees everything in the order it happened.
 */
const SUBRESOURCE_BATCH_MS = 250;
const queuedSubresources = new Map<number, WebRequest.OnResponseStartedDetailsType[]>();
let batchTimer: ReturnType<typeof setTimeout> | null = null;

function queueSubresource(details: WebRequest.OnResponseStartedDetailsType): void {
  if (details.tabId < 0 || isOwnRequest(details.tabId, details.url, details.type)) return;
  const queued = queuedSubresources.get(details.tabId);
  if (queued === undefined) queuedSubresources.set(details.tabId, [details]);
  else queued.push(details);
  batchTimer ??= setTimeout(flushAllSubresources, SUBRESOURCE_BATCH_MS);
}

function flushAllSubresources(): void {
  batchTimer = null;
  for (const tabId of [...queuedSubresources.keys()]) flushSubresources(tabId);
}

function flushSubresources(tabId: number): void {
  const queued = queuedSubresources.get(tabId);
  if (queued === undefined) return;
  queuedSubresources.delete(tabId);
  const responses = queued.map((details) => {
    const response = toResponse(details as unknown as ResponseDetails);
    logResponse(tabId, details.requestId, response);
    return response;
  });
  // Sub-resources that arrive before the new document are the old page's last requests.
  void updateCapture(
    tabId,
    (capture) => (capture === null || capture.document === null ? capture : addSubresources(capture, responses)),
    { important: false },
  );
}

function onBeforeRequest(details: WebRequest.OnBeforeRequestDetailsType): void {
  markEventHandled();
  if (details.tabId < 0 || details.type !== 'main_frame') return;
  noteNavigationStart(details.tabId, details.requestId);
  flushSubresources(details.tabId);
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

/** Documents and frames: handled at once (sub-frames go with the tab's sub-resources). */
function onFrameResponseStarted(details: WebRequest.OnResponseStartedDetailsType): void {
  if (details.tabId < 0) return;
  if (details.type !== 'main_frame') {
    queueSubresource(details);
    return;
  }
  flushSubresources(details.tabId);
  injectUnlessLoadedSoon(details.tabId);
  const response = toResponse(details as unknown as ResponseDetails);
  logResponse(details.tabId, details.requestId, response);
  void updateCapture(
    details.tabId,
    (capture) => (belongsTo(capture, details.requestId) ? setDocument(capture, response) : capture),
    { important: true },
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
    onFrameResponseStarted,
    { ...filter, types: ['main_frame', 'sub_frame'] },
    extraInfoSpec('OnResponseStartedOptions') as WebRequest.OnResponseStartedOptions[],
  );
  browser.webRequest.onResponseStarted.addListener(
    queueSubresource,
    { ...filter, types: SUBRESOURCE_TYPES },
    ['responseHeaders'],
  );
  browser.webRequest.onErrorOccurred.addListener(onErrorOccurred, { ...filter, types: ['main_frame'] });
}
