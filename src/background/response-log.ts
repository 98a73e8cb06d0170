/**
 * The DevTools panel's per-tab response logs (`core/response-log.ts`), fed by webRequest.
 *
 * Every tab gets a log, so a panel opened after the page loaded still shows its responses;
 * the core listener's `onResponseStarted` hands each response here (one call, no judging).
 * While a panel is open for a tab, listeners scoped to that tab add what costs more
 * (Chrome's `extraHeaders` for sub-resources, so their Set-Cookie shows, and the request
 * headers, redacted).
 *
 * Memory only, on purpose: 2,000 rows with their headers can reach megabytes, and
 * `storage.session` (10 MB, shared with the captures the popup needs) is no place for them.
 * An open panel pings the worker so it is not stopped while in use; if it is stopped
 * anyway, the log is rebuilt from the saved capture (the document, its redirects and the
 * 200 sub-resources the capture keeps) and the panel says so.
 */
import type { WebRequest } from 'webextension-polyfill';
import browser from '../shared/browser-api';
import type { HttpHeader, ResponseCapture } from '../core/capture';
import { normaliseHeaders } from '../core/normalize';
import { redactRequestHeaders } from '../core/request-headers';
import { entriesFromCapture, TabResponseLog, type LogEntry, type NewEntry } from '../core/response-log';
import { getCapture } from './capture-store';
import { isOwnRequest } from './own-requests';
import { extraInfoSpec, toResponse, type ResponseDetails } from './web-request';

/** Bounds across tabs: logs of tabs without a panel go first, least recently active first. */
export const LOG_STORE_LIMITS = {
  tabs: 12,
  totalEntries: 8000,
  /** Request headers waiting for their response (requests in flight) per watched tab. */
  pendingRequestHeaders: 500,
} as const;

export type LogChange = { kind: 'appended' | 'updated'; entry: LogEntry } | { kind: 'reset' };
type Listener = (tabId: number, change: LogChange) => void;

const logs = new Map<number, TabResponseLog>();
const lastActive = new Map<number, number>();
const listeners = new Set<Listener>();
/** The load rebuilt from a saved capture, per tab (its rows lack what only the log keeps). */
const seededLoads = new Map<number, string>();

/** Every request type but documents and frames (webRequest has no "all but" filter). */
const SUBRESOURCE_TYPES: WebRequest.ResourceType[] = [
  'stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest', 'ping', 'csp_report', 'media', 'websocket', 'other',
];
const URLS = ['http://*/*', 'https://*/*'];

/** Chrome hides some headers from listeners without `extraHeaders`; Firefox hides none. */
function browserHidesHeaders(): boolean {
  return extraInfoSpec('OnResponseStartedOptions').includes('extraHeaders');
}

function newEpoch(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function onLogChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(tabId: number, change: LogChange): void {
  for (const listener of listeners) listener(tabId, change);
}

function logOf(tabId: number): TabResponseLog {
  let log = logs.get(tabId);
  if (log === undefined) {
    log = new TabResponseLog(newEpoch());
    logs.set(tabId, log);
  }
  lastActive.set(tabId, Date.now());
  return log;
}

/** Keeps the logs within LOG_STORE_LIMITS, never touching a tab a panel is watching. */
function evictBeyondLimits(): void {
  let total = 0;
  for (const log of logs.values()) total += log.size;
  if (logs.size <= LOG_STORE_LIMITS.tabs && total <= LOG_STORE_LIMITS.totalEntries) return;
  const candidates = [...logs.keys()].filter((tabId) => !watches.has(tabId)).sort((a, b) => (lastActive.get(a) ?? 0) - (lastActive.get(b) ?? 0));
  for (const tabId of candidates) {
    if (logs.size <= LOG_STORE_LIMITS.tabs && total <= LOG_STORE_LIMITS.totalEntries) break;
    total -= logs.get(tabId)?.size ?? 0;
    dropLog(tabId);
  }
}

function dropLog(tabId: number): void {
  logs.delete(tabId);
  lastActive.delete(tabId);
  seededLoads.delete(tabId);
}

function record(tabId: number, entry: NewEntry): void {
  const { entry: logged } = logOf(tabId).append(entry);
  emit(tabId, { kind: 'appended', entry: logged });
  evictBeyondLimits();
}

// ---------------------------------------------------------------------------------------
// Request headers, while a panel watches the tab

const pendingRequestHeaders = new Map<string, HttpHeader[]>();

function takeRequestHeaders(tabId: number, requestId: string): HttpHeader[] | null {
  if (!watches.has(tabId)) return null;
  const headers = pendingRequestHeaders.get(requestId) ?? null;
  pendingRequestHeaders.delete(requestId);
  return headers;
}

/** `['requestHeaders', 'extraHeaders']` where Chrome defines it (it shows Cookie and Origin only then). */
function sendHeadersSpec(): WebRequest.OnSendHeadersOptions[] {
  const webRequest = (globalThis as { chrome?: { webRequest?: Record<string, unknown> } }).chrome?.webRequest;
  const options = webRequest?.OnSendHeadersOptions as Record<string, unknown> | undefined;
  return options?.EXTRA_HEADERS === 'extraHeaders' ? ['requestHeaders', 'extraHeaders'] : ['requestHeaders'];
}

// ---------------------------------------------------------------------------------------
// Entry points

/**
 * Called by the core listener for every response it sees (documents and frames with all
 * headers, sub-resources without Chrome's hidden ones). Sub-resources of a watched tab
 * come from the panel's own listener instead, with all their headers.
 */
export function logResponse(tabId: number, requestId: string, response: ResponseCapture): void {
  if (tabId < 0) return;
  const frame = response.type === 'main_frame' || response.type === 'sub_frame';
  if (!frame && watches.has(tabId)) return;
  record(tabId, { ...response, requestId, requestHeaders: takeRequestHeaders(tabId, requestId), detail: frame || !browserHidesHeaders() ? 'full' : 'basic' });
}

function redirectEntry(details: WebRequest.OnBeforeRedirectDetailsType, detail: LogEntry['detail']): NewEntry {
  return {
    ...toResponse(details as unknown as ResponseDetails),
    requestId: details.requestId,
    requestHeaders: takeRequestHeaders(details.tabId, details.requestId),
    detail,
    redirectUrl: details.redirectUrl,
  };
}

function onFrameRedirect(details: WebRequest.OnBeforeRedirectDetailsType): void {
  if (details.tabId < 0) return;
  record(details.tabId, redirectEntry(details, 'full'));
}

function onSubresourceRedirect(details: WebRequest.OnBeforeRedirectDetailsType): void {
  if (details.tabId < 0 || watches.has(details.tabId) || isOwnRequest(details.tabId, details.url, details.type)) return;
  record(details.tabId, redirectEntry(details, browserHidesHeaders() ? 'basic' : 'full'));
}

function onError(details: WebRequest.OnErrorOccurredDetailsType): void {
  pendingRequestHeaders.delete(details.requestId);
  if (details.tabId < 0 || isOwnRequest(details.tabId, details.url, details.type)) return;
  const log = logs.get(details.tabId);
  const failed = log?.markFailed(details.requestId, details.error) ?? null;
  if (failed !== null) {
    emit(details.tabId, { kind: 'updated', entry: failed });
    return;
  }
  const response = toResponse({ ...(details as unknown as ResponseDetails), statusCode: 0, responseHeaders: [] });
  record(details.tabId, { ...response, error: details.error, requestId: details.requestId, requestHeaders: takeRequestHeaders(details.tabId, details.requestId), detail: 'full' });
}

// ---------------------------------------------------------------------------------------
// Watching a tab in detail (a panel is open for it)

interface Watch {
  count: number;
  stop(): void;
}
const watches = new Map<number, Watch>();

function startDetailedListeners(tabId: number): () => void {
  const onSendHeaders = (details: WebRequest.OnSendHeadersDetailsType): void => {
    pendingRequestHeaders.set(details.requestId, redactRequestHeaders(normaliseHeaders(details.requestHeaders)));
    // Requests that never answer must not pile up.
    if (pendingRequestHeaders.size > LOG_STORE_LIMITS.pendingRequestHeaders * Math.max(1, watches.size)) {
      const oldest = pendingRequestHeaders.keys().next();
      if (oldest.done !== true) pendingRequestHeaders.delete(oldest.value);
    }
  };
  const onResponse = (details: WebRequest.OnResponseStartedDetailsType): void => {
    if (isOwnRequest(details.tabId, details.url, details.type)) return;
    const response = toResponse(details as unknown as ResponseDetails);
    record(tabId, { ...response, requestId: details.requestId, requestHeaders: takeRequestHeaders(tabId, details.requestId), detail: 'full' });
  };
  const onRedirect = (details: WebRequest.OnBeforeRedirectDetailsType): void => {
    if (isOwnRequest(details.tabId, details.url, details.type)) return;
    record(tabId, redirectEntry(details, 'full'));
  };
  // `extraHeaders` slows every matching request in Chrome, so it is asked for this tab only, and only while the panel is open.
  browser.webRequest.onSendHeaders.addListener(onSendHeaders, { urls: URLS, tabId }, sendHeadersSpec());
  browser.webRequest.onResponseStarted.addListener(
    onResponse,
    { urls: URLS, tabId, types: SUBRESOURCE_TYPES },
    extraInfoSpec('OnResponseStartedOptions') as WebRequest.OnResponseStartedOptions[],
  );
  browser.webRequest.onBeforeRedirect.addListener(
    onRedirect,
    { urls: URLS, tabId, types: SUBRESOURCE_TYPES },
    extraInfoSpec('OnBeforeRedirectOptions') as WebRequest.OnBeforeRedirectOptions[],
  );
  return () => {
    browser.webRequest.onSendHeaders.removeListener(onSendHeaders);
    browser.webRequest.onResponseStarted.removeListener(onResponse);
    browser.webRequest.onBeforeRedirect.removeListener(onRedirect);
  };
}

/** Starts the detailed listeners for a tab; call the returned function when the panel goes. */
export function watchTab(tabId: number): () => void {
  let watch = watches.get(tabId);
  if (watch === undefined) {
    watch = { count: 0, stop: startDetailedListeners(tabId) };
    watches.set(tabId, watch);
  }
  watch.count++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const current = watches.get(tabId);
    if (current === undefined || --current.count > 0) return;
    current.stop();
    watches.delete(tabId);
  };
}

/**
 * The tab's log for a view. A log that does not know its page (the worker was stopped and
 * woke up mid-page, or never saw the navigation) is rebuilt from the saved capture first,
 * keeping the rows it has that the capture does not.
 */
export async function logForView(tabId: number): Promise<{ log: TabResponseLog; seededLoadId: string | null }> {
  const existing = logs.get(tabId);
  if (existing !== undefined && existing.knowsItsPage) return { log: existing, seededLoadId: seededLoads.get(tabId) ?? null };
  const capture = await getCapture(tabId);
  const current = logs.get(tabId);
  if (current !== undefined && current.knowsItsPage) return { log: current, seededLoadId: seededLoads.get(tabId) ?? null };
  if (capture === null || capture.document === null) return { log: logOf(tabId), seededLoadId: null };
  const log = new TabResponseLog(newEpoch());
  const fromCapture = entriesFromCapture(capture);
  for (const entry of fromCapture) log.append(entry);
  // The same browser event gives the same URL and time stamp in both.
  const known = new Set(fromCapture.map((entry) => `${entry.url} ${entry.timeStamp}`));
  for (const entry of current?.allEntries() ?? []) {
    if (known.has(`${entry.url} ${entry.timeStamp}`)) continue;
    const { id: _id, loadId: _load, occurrence: _occurrence, ...rest } = entry;
    log.append(rest);
  }
  logs.set(tabId, log);
  lastActive.set(tabId, Date.now());
  const seededLoadId = log.loadInfos()[0]?.loadId ?? null;
  if (seededLoadId !== null) seededLoads.set(tabId, seededLoadId);
  emit(tabId, { kind: 'reset' });
  return { log, seededLoadId };
}

export function registerResponseLog(): void {
  const filter = { urls: URLS };
  browser.webRequest.onBeforeRedirect.addListener(
    onFrameRedirect,
    { ...filter, types: ['main_frame', 'sub_frame'] },
    extraInfoSpec('OnBeforeRedirectOptions') as WebRequest.OnBeforeRedirectOptions[],
  );
  browser.webRequest.onBeforeRedirect.addListener(onSubresourceRedirect, { ...filter, types: SUBRESOURCE_TYPES }, ['responseHeaders']);
  browser.webRequest.onErrorOccurred.addListener(onError, filter);
  browser.tabs.onRemoved.addListener((tabId) => dropLog(tabId));
}
