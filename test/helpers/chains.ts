/**
 * Builders for redirect hops, responses and probes, and Observatory contexts, for the
 * tests of redirection, HSTS, cookies and CORS.
 */
import type { HttpHeader, ProbeResult, RedirectHop, ResponseCapture } from '../../src/core/capture';
import type { ObservatoryContext } from '../../src/core/checks/observatory/types';
import { createHstsPreloadList, lookupHstsPreload } from '../../src/core/hsts-preload';

/** A server redirect from `url` to `location` (Chrome's HSTS upgrade when `internal`). */
export function hop(url: string, location: string, options: { status?: number; headers?: HttpHeader[]; internal?: boolean } = {}): RedirectHop {
  const statusCode = options.status ?? (options.internal ? 307 : 301);
  return {
    url,
    statusCode,
    statusLine: `HTTP/1.1 ${statusCode}${options.internal ? ' Internal Redirect' : ''}`,
    location,
    headers: options.headers ?? [{ name: 'Location', value: location }],
    internal: options.internal ?? false,
  };
}

/** A final response. */
export function response(url: string, headers: HttpHeader[] = [], statusCode = 200): ResponseCapture {
  return { url, method: 'GET', statusCode, statusLine: `HTTP/1.1 ${statusCode}`, headers, type: 'other', timeStamp: 1_700_000_000_500, fromCache: false };
}

/** A probe: the hops it followed and its last response (null with `error` when it failed). */
export function probe(url: string, redirects: RedirectHop[], last: ResponseCapture | null, error?: string): ProbeResult {
  return { url, redirects, response: last, ...(error === undefined ? {} : { error }) };
}

/** A context whose preload list is known (never empty) and holds `hosts`, all with includeSubDomains. */
export function preloadContext(hosts: string[] = []): ObservatoryContext {
  const list = createHstsPreloadList('test', null, [['unrelated.invalid', false], ...hosts.map((host) => [host, true] as const)]);
  return { isHstsPreloaded: (host) => lookupHstsPreload(list, host) };
}

/** A context with no preload data at all (every answer null). */
export const unknownPreloadContext: ObservatoryContext = { isHstsPreloaded: () => null };
