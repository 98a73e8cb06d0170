/**
 * Extra requests the extension makes itself (the `http://` probe, the CORS probe, policy
 * files), recorded hop by hop through webRequest: `fetch` hides redirect responses and
 * `Set-Cookie`, but the extension's own requests are visible to its webRequest listeners
 * (with `tabId` -1), headers and all.
 *
 * Probes never send credentials and never store cookies (`credentials: 'omit'`).
 */
import type { WebRequest } from 'webextension-polyfill';
import browser from '../shared/browser-api';
import { CAPTURE_LIMITS, type ProbeResult, type RedirectHop, type ResponseCapture } from '../core/capture';
import { extraInfoSpec, toRedirectHop, toResponse, type ResponseDetails } from './web-request';

const PROBE_TIMEOUT_MS = 8_000;
const BODY_LIMIT_CHARS = 256 * 1024;

export interface ProbeRequest {
  url: string;
  method: 'GET' | 'OPTIONS' | 'HEAD';
  /** Only headers `fetch` may set (the browser adds `Origin` itself on cross-origin requests). */
  headers?: Record<string, string>;
  /** Read the final response's body (policy files). */
  readBody?: boolean;
}

interface Recorder {
  redirects: RedirectHop[];
  response: ResponseCapture | null;
  error: string | null;
}

/** Recorders waiting for their first request event, by URL; then by requestId. */
const awaitingStart = new Map<string, Recorder[]>();
const byRequestId = new Map<string, Recorder>();

const ownOrigin = (): string => new URL(browser.runtime.getURL('')).origin;

function isOwnRequest(details: { tabId: number; initiator?: string; originUrl?: string }): boolean {
  if (details.tabId !== -1) return false;
  const from = details.initiator ?? details.originUrl;
  // Chrome reports the initiator as the extension origin; Firefox's originUrl is a page URL of it.
  return from === undefined || from.startsWith(ownOrigin());
}

function onBeforeRequest(details: WebRequest.OnBeforeRequestDetailsType): void {
  if (!isOwnRequest(details) || byRequestId.has(details.requestId)) return;
  const queue = awaitingStart.get(details.url);
  const recorder = queue?.shift();
  if (recorder === undefined) return;
  if (queue !== undefined && queue.length === 0) awaitingStart.delete(details.url);
  byRequestId.set(details.requestId, recorder);
}

function onBeforeRedirect(details: WebRequest.OnBeforeRedirectDetailsType): void {
  const recorder = byRequestId.get(details.requestId);
  if (recorder === undefined || recorder.redirects.length >= CAPTURE_LIMITS.redirects) return;
  recorder.redirects.push(toRedirectHop(details));
}

function onResponseStarted(details: WebRequest.OnResponseStartedDetailsType): void {
  const recorder = byRequestId.get(details.requestId);
  if (recorder !== undefined) recorder.response = toResponse(details as unknown as ResponseDetails);
}

function onErrorOccurred(details: WebRequest.OnErrorOccurredDetailsType): void {
  const recorder = byRequestId.get(details.requestId);
  if (recorder !== undefined) recorder.error = details.error;
}

/**
 * The listeners are attached only while a probe is in flight. Chrome reads `tabId: -1` in a
 * filter as "any tab", so permanent listeners would receive every request of every page
 * (headers and all, with `extraHeaders`) and slow page loads down for nothing.
 */
let inFlight = 0;
let attached: Promise<void> = Promise.resolve();

/**
 * Resolves once the browser knows the listeners. Registering one is itself a message to the
 * browser, and the browser handles an extension's API calls in order, so one cheap call
 * made after it returns only after the registration: no probe request can slip past.
 */
function attachListeners(): Promise<void> {
  inFlight++;
  if (inFlight > 1) return attached;
  const filter: WebRequest.RequestFilter = { urls: ['http://*/*', 'https://*/*'], tabId: -1 };
  browser.webRequest.onBeforeRequest.addListener(onBeforeRequest, filter);
  browser.webRequest.onBeforeRedirect.addListener(onBeforeRedirect, filter, extraInfoSpec('OnBeforeRedirectOptions') as WebRequest.OnBeforeRedirectOptions[]);
  browser.webRequest.onResponseStarted.addListener(onResponseStarted, filter, extraInfoSpec('OnResponseStartedOptions') as WebRequest.OnResponseStartedOptions[]);
  browser.webRequest.onErrorOccurred.addListener(onErrorOccurred, filter);
  attached = browser.runtime.getPlatformInfo().then(() => undefined, () => undefined);
  return attached;
}

function detachListeners(): void {
  inFlight--;
  if (inFlight > 0) return;
  browser.webRequest.onBeforeRequest.removeListener(onBeforeRequest);
  browser.webRequest.onBeforeRedirect.removeListener(onBeforeRedirect);
  browser.webRequest.onResponseStarted.removeListener(onResponseStarted);
  browser.webRequest.onErrorOccurred.removeListener(onErrorOccurred);
}

/** Makes one probe request and returns what the server answered, hop by hop. */
export async function runProbe(request: ProbeRequest): Promise<ProbeResult> {
  const recorder: Recorder = { redirects: [], response: null, error: null };
  const queue = awaitingStart.get(request.url) ?? [];
  queue.push(recorder);
  awaitingStart.set(request.url, queue);
  await attachListeners();
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), PROBE_TIMEOUT_MS);
  let body: string | undefined;
  let fetchError: string | null = null;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers ?? {},
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      signal: abort.signal,
    });
    if (request.readBody === true) body = (await response.text()).slice(0, BODY_LIMIT_CHARS);
    // webRequest reports the final response before fetch resolves; fall back to fetch's
    // view (no Set-Cookie, no hops) if the listener did not see it.
    recorder.response ??= {
      url: response.url,
      method: request.method,
      statusCode: response.status,
      statusLine: `${response.status} ${response.statusText}`,
      headers: [...response.headers].map(([name, value]) => ({ name, value })),
      type: 'xmlhttprequest',
      timeStamp: Date.now(),
      fromCache: false,
    };
  } catch (error) {
    fetchError = abort.signal.aborted ? `no answer within ${PROBE_TIMEOUT_MS / 1000} s` : error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
    const waiting = awaitingStart.get(request.url);
    if (waiting !== undefined) {
      const index = waiting.indexOf(recorder);
      if (index !== -1) waiting.splice(index, 1);
      if (waiting.length === 0) awaitingStart.delete(request.url);
    }
    for (const [requestId, candidate] of byRequestId) if (candidate === recorder) byRequestId.delete(requestId);
    detachListeners();
  }
  const result: ProbeResult = { url: request.url, redirects: recorder.redirects, response: recorder.error === null ? recorder.response : null };
  const error = recorder.error ?? fetchError;
  if (error !== null) result.error = error;
  if (body !== undefined) result.body = body;
  return result;
}
