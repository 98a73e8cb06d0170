/**
 * What the MDN HTTP Observatory's retriever would have received, rebuilt from a browser
 * capture. The Observatory makes two "sessions" (`src/retriever/retriever.js`):
 * - an HTTPS session from `https://<host><path>`, following redirects — its final
 *   response is `responses.https`, and (when it worked) also `responses.auto`, the page
 *   whose headers, cookies and HTML most tests read;
 * - an HTTP session from `http://<host><path>` — its redirect history, every response
 *   including the last, is the redirection test's `route`.
 * In the browser the user's own navigation plays one of these parts, and the on-demand
 * `http://` probe plays the other. This module only maps; the tests decide.
 */
import type { HttpHeader, PageCapture, ProbeResult, RedirectHop, ResponseCapture } from '../../capture';

/** The Observatory stops following after this many redirects (`MAX_REDIRECTS`). */
export const OBSERVATORY_MAX_REDIRECTS = 10;

/** One response of a chain, as the tests read it. */
export interface ChainResponse {
  url: string;
  statusCode: number;
  headers: readonly HttpHeader[];
  /** True for a hop the browser made up (Chrome's HSTS upgrade), not a server answer. */
  internal: boolean;
}

/** The URL whose host the Observatory would scan: the final document's. */
export function scannedUrl(capture: PageCapture): URL | null {
  return captureUrl(capture, capture.document?.url ?? capture.url);
}

export function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

const urlsByCapture = new WeakMap<PageCapture, Map<string, URL | null>>();

/**
 * `parseUrl` for an address of the capture, remembered per capture object (captures are
 * immutable values): the tests read the same few addresses, the page's above all, about
 * ten times per grade. The URL objects are shared, so never modify one.
 */
export function captureUrl(capture: PageCapture, text: string): URL | null {
  let urls = urlsByCapture.get(capture);
  if (urls === undefined) {
    urls = new Map();
    urlsByCapture.set(capture, urls);
  }
  const known = urls.get(text);
  if (known !== undefined) return known;
  const url = parseUrl(text);
  urls.set(text, url);
  return url;
}

function hopResponse(hop: RedirectHop): ChainResponse {
  return { url: hop.url, statusCode: hop.statusCode, headers: hop.headers, internal: hop.internal };
}

function finalResponse(response: ResponseCapture): ChainResponse {
  return { url: response.url, statusCode: response.statusCode, headers: response.headers, internal: false };
}

/** A response that really arrived (not a network error). Not a type guard: a failed response is still a response. */
function isUsable(response: ResponseCapture | null | undefined): boolean {
  return !!response && !response.error && response.statusCode > 0;
}

/** True for a network error that means the certificate was refused (Chromium and Firefox wording). */
export function isCertificateError(error: string | null | undefined): boolean {
  return !!error && /ERR_CERT_|ERR_SSL_|SEC_ERROR_|SSL_ERROR_|MOZILLA_PKIX_ERROR_|certificate/i.test(error);
}

/**
 * `responses.https`: the final response of a chain that ends on HTTPS, from the user's
 * navigation or else from the HTTP probe (when it was redirected to HTTPS). Null when
 * neither reached HTTPS.
 */
export function httpsFinalResponse(capture: PageCapture): { response: ChainResponse; from: 'document' | 'downgraded-document' | 'http-probe' } | null {
  const document = capture.document;
  if (document && isUsable(document)) {
    if (captureUrl(capture, document.url)?.protocol === 'https:') return { response: finalResponse(document), from: 'document' };
    // A navigation that started on https:// and was sent to http:// (a downgrade): a live
    // scan of the https:// address follows the same redirects and reads the final
    // response's headers as its HTTPS response, so Tabgrade does too.
    if (captureUrl(capture, capture.requestedUrl)?.protocol === 'https:') return { response: finalResponse(document), from: 'downgraded-document' };
  }
  const probe = capture.probes.http?.response;
  if (probe && isUsable(probe) && captureUrl(capture, probe.url)?.protocol === 'https:') {
    return { response: finalResponse(probe), from: 'http-probe' };
  }
  return null;
}

/**
 * The responses of the session whose cookies the Observatory counts: the HTTPS session
 * when the page ended on HTTPS (so the hops before the first `https:` one, which belong to
 * the HTTP session, are left out), otherwise the whole navigation. Browser-made hops carry
 * no server headers and are left out.
 */
export function cookieSessionResponses(capture: PageCapture): ChainResponse[] {
  const document = capture.document;
  if (!document || !isUsable(document)) return [];
  const chain = [...capture.redirects.map(hopResponse), finalResponse(document)].filter((r) => !r.internal);
  if (captureUrl(capture, document.url)?.protocol !== 'https:') return chain;
  const firstHttps = chain.findIndex((response) => captureUrl(capture, response.url)?.protocol === 'https:');
  return firstHttps === -1 ? chain : chain.slice(firstHttps);
}

/** The HTTP session as the redirection test reads it. */
export type HttpSession =
  /** The chain was observed: every response from the first `http:` request to the last. */
  | { kind: 'observed'; from: 'http-probe' | 'navigation'; route: ChainResponse[] }
  /** The chain failed on a certificate the browser refused (Observatory: unverified). */
  | { kind: 'certificate-error'; from: 'http-probe' | 'navigation'; route: ChainResponse[]; error: string }
  /** Nothing answered over HTTP (or the chain broke on another error). */
  | { kind: 'no-http'; from: 'http-probe' | 'navigation'; error: string | null }
  /** No probe was made and the navigation did not start on `http:`. */
  | { kind: 'not-fetched' };

function sessionFrom(
  from: 'http-probe' | 'navigation',
  hops: readonly RedirectHop[],
  response: ResponseCapture | null,
  error: string | null,
): HttpSession {
  const route = hops.map(hopResponse);
  if (response && isUsable(response)) {
    route.push(finalResponse(response));
    // The Observatory follows 10 redirects, then takes whatever the 11th request answered.
    return { kind: 'observed', from, route: route.slice(0, OBSERVATORY_MAX_REDIRECTS + 1) };
  }
  const failure = response?.error ?? error;
  if (isCertificateError(failure)) return { kind: 'certificate-error', from, route, error: failure ?? '' };
  return { kind: 'no-http', from, error: failure ?? null };
}

function probeSession(probe: ProbeResult): HttpSession {
  return sessionFrom('http-probe', probe.redirects, probe.response, probe.error ?? null);
}

/**
 * The HTTP session: the probe of `http://<host>/` when it was made, else the user's own
 * navigation when it started on `http:`, else `not-fetched`.
 */
export function httpSession(capture: PageCapture): HttpSession {
  if (capture.probes.http) return probeSession(capture.probes.http);
  // A navigation that has neither answered nor failed yet tells nothing.
  if (captureUrl(capture, capture.requestedUrl)?.protocol === 'http:' && (capture.document || capture.error)) {
    return sessionFrom('navigation', capture.redirects, capture.document, capture.error);
  }
  return { kind: 'not-fetched' };
}
