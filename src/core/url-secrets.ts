/**
 * Secrets in URLs: a page reached through a one-time link (`/login?once=…`), a password
 * reset, an OAuth callback (`?code=…`, `#access_token=…`), a signed download. Like cookie
 * values, the values of a URL's query parameters are left out of anything that leaves the
 * machine or is kept (exports, the CLI's output, the per-site history) unless the user asks:
 * each value becomes `REDACTED`, while the scheme, host, path and the parameter names stay
 * readable, because they say which page it was and the checks never read the values.
 *
 * Fragments: a plain anchor (`#pricing`, `#/settings`) names a place on the page and stays;
 * a fragment with `name=value` pairs carries data the same way a query does (OAuth's implicit
 * flow returns `#access_token=…`, single-page apps route with `#/reset?token=…`), so its values
 * go too. A password in the authority (`https://user:pw@host/`) is a credential and goes.
 */
import type { PageCapture, ProbeResult, RedirectHop, ResponseCapture } from './capture';
import { REDACTED } from './har/redact';

/** `name=value&name2` with each non-empty value replaced; names, order and separators kept. */
function redactParameters(text: string): string {
  return text
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === -1) return pair;
      const value = pair.slice(equals + 1);
      return value === '' || value === REDACTED ? pair : `${pair.slice(0, equals + 1)}${REDACTED}`;
    })
    .join('&');
}

/** `scheme://user:password@host` → `scheme://user:REDACTED@host`. */
function withoutPassword(base: string): string {
  return base.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*:)[^/?#@]+@/i, (_all, before: string) => `${before}${REDACTED}@`);
}

/**
 * `https://a.example/login?once=T0K3N&next=/account#top` → `https://a.example/login?once=REDACTED&next=REDACTED#top`.
 * Works on absolute and relative URLs (a `Location: /welcome?once=…`) and keeps the text as
 * it was written otherwise (no normalisation), so two copies of one URL stay equal.
 */
export function redactUrlSecrets(url: string): string {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? null : url.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  const base = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt === -1 ? null : beforeHash.slice(queryAt + 1);
  return (
    withoutPassword(base) +
    (query === null ? '' : `?${redactParameters(query)}`) +
    (fragment === null ? '' : `#${fragment.includes('=') ? redactParameters(fragment) : fragment}`)
  );
}

/**
 * URLs inside free text (notes, header values, HTML): absolute ones, root-relative ones with
 * a query or fragment (`/welcome?once=…` in a `Location` or an `href`), and bare queries
 * (`action="?once=…"`). Quotes, angle brackets, parentheses and whitespace end a URL, as they
 * do in HTML attributes, CSS `url(…)` and prose.
 */
const URL_IN_TEXT =
  /\b(?:https?|wss?):\/\/[^\s"'<>`()\\]+|(?<![\w/:.%-])\/[^\s"'<>`()\\?#]*[?#][^\s"'<>`()\\]+|(?<![\w/?])\?[\w.~%-]+=[^\s"'<>`()\\]*/gi;

/** Punctuation that ends a sentence rather than the URL before it. */
const TRAILING_PUNCTUATION = /[.,;:!]+$/;

/**
 * Calls `url` for each URL in `text` and `other` for the text between them; returns the
 * pieces joined. Used to redact URLs structurally and everything else by value.
 */
export function mapUrlsInText(text: string, url: (url: string) => string, other: (text: string) => string): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const found = match[0].replace(TRAILING_PUNCTUATION, '');
    if (found === '') continue;
    result += other(text.slice(last, match.index)) + url(found);
    last = match.index + found.length;
  }
  return result + other(text.slice(last));
}

/** `text` with the query values of every URL in it replaced by `REDACTED`. */
export function redactUrlsInText(text: string): string {
  return text.includes('?') || text.includes('#') || text.includes('@') ? mapUrlsInText(text, redactUrlSecrets, (between) => between) : text;
}

/**
 * Copies of a query value elsewhere (a hidden form field in the HTML, a note quoting a
 * relative link) are replaced by value, like cookie values, but only from this length and
 * never for a plain word: short values and words (`lang=fr`, `page=2`, `tab=settings`) are
 * not secrets, and replacing them everywhere would garble the page's paths and text. The
 * copy inside each URL is redacted whatever it is.
 */
const MIN_COPIED_VALUE_CHARS = 8;

/** Worth replacing wherever it is copied: long enough, not a word, not a path or URL (`next=/account`). */
function isTokenLike(value: string): boolean {
  return value.length >= MIN_COPIED_VALUE_CHARS && value !== REDACTED && !/^[a-z]+$/i.test(value) && !value.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(value);
}

function parameterValues(text: string): string[] {
  const values: string[] = [];
  for (const pair of text.split('&')) {
    const equals = pair.indexOf('=');
    if (equals !== -1) values.push(pair.slice(equals + 1));
  }
  return values;
}

/** The values of `url`'s query and `name=value` fragment, each raw and decoded. */
function valuesInUrl(url: string): Array<{ raw: string; decoded: string }> {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : url.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  const raw = [...(queryAt === -1 ? [] : parameterValues(beforeHash.slice(queryAt + 1))), ...(fragment.includes('=') ? parameterValues(fragment) : [])];
  return raw.map((value) => {
    try {
      return { raw: value, decoded: decodeURIComponent(value.replaceAll('+', ' ')) };
    } catch {
      return { raw: value, decoded: value };
    }
  });
}

function hopUrls(hop: RedirectHop): string[] {
  return [hop.url, hop.location];
}

function responseUrls(response: ResponseCapture | null | undefined): string[] {
  return response === null || response === undefined ? [] : [response.url];
}

function probeUrls(probe: ProbeResult | undefined): string[] {
  return probe === undefined ? [] : [probe.url, ...probe.redirects.flatMap(hopUrls), ...responseUrls(probe.response)];
}

/** Every URL the capture names for a request the page made or a tag it holds. */
function urlsOf(capture: PageCapture): string[] {
  return [
    capture.requestedUrl,
    capture.url,
    ...responseUrls(capture.document),
    ...capture.redirects.flatMap(hopUrls),
    ...capture.subresources.map((response) => response.url),
    ...(capture.dom === null ? [] : [capture.dom.url, ...capture.dom.tags.map((tag) => tag.url)]),
    ...Object.values(capture.probes).flatMap(probeUrls),
    ...(capture.contentLibraries ?? []).map((hit) => hit.url),
    ...(capture.sriVerification?.results ?? []).map((result) => result.url),
  ];
}

/**
 * The query values of the capture's URLs that are worth replacing wherever else they are
 * copied, raw and decoded, longest first (so a value containing another is replaced whole).
 * Paths and URLs given as values (`next=/account`) are left out: they name pages, and their
 * own queries are found where those pages were requested.
 */
export function copiedUrlValuesOf(capture: PageCapture): string[] {
  const values = new Set<string>();
  for (const url of urlsOf(capture)) {
    if (!url.includes('?') && !url.includes('#')) continue;
    for (const { raw, decoded } of valuesInUrl(url)) {
      if (!isTokenLike(decoded)) continue;
      values.add(decoded);
      if (isTokenLike(raw)) values.add(raw);
    }
  }
  return [...values].sort((a, b) => b.length - a.length);
}

/** True when some URL of the capture has a query, a fragment with values or a password. */
export function captureHasUrlSecrets(capture: PageCapture): boolean {
  return urlsOf(capture).some((url) => redactUrlSecrets(url) !== url);
}

function hopWithoutSecrets(hop: RedirectHop): RedirectHop {
  return { ...hop, url: redactUrlSecrets(hop.url), location: redactUrlSecrets(hop.location) };
}

function responseWithoutSecrets(response: ResponseCapture): ResponseCapture {
  return { ...response, url: redactUrlSecrets(response.url) };
}

function probeWithoutSecrets(probe: ProbeResult): ProbeResult {
  return {
    ...probe,
    url: redactUrlSecrets(probe.url),
    redirects: probe.redirects.map(hopWithoutSecrets),
    response: probe.response === null ? null : responseWithoutSecrets(probe.response),
  };
}

/**
 * The capture with every URL field's query values redacted (headers and the HTML are left
 * to the text pass). A HAR written from it is consistent: each request's `url`, its
 * `queryString` and the `redirectURL` that led to it are redacted the same way.
 */
export function captureWithoutUrlSecrets(capture: PageCapture): PageCapture {
  if (!captureHasUrlSecrets(capture)) return capture;
  const probes: PageCapture['probes'] = {};
  for (const key of Object.keys(capture.probes) as Array<keyof PageCapture['probes']>) {
    const probe = capture.probes[key];
    if (probe !== undefined) probes[key] = probeWithoutSecrets(probe);
  }
  return {
    ...capture,
    requestedUrl: redactUrlSecrets(capture.requestedUrl),
    url: redactUrlSecrets(capture.url),
    document: capture.document === null ? null : responseWithoutSecrets(capture.document),
    redirects: capture.redirects.map(hopWithoutSecrets),
    subresources: capture.subresources.map(responseWithoutSecrets),
    dom: capture.dom === null ? null : { ...capture.dom, url: redactUrlSecrets(capture.dom.url), tags: capture.dom.tags.map((tag) => ({ ...tag, url: redactUrlSecrets(tag.url) })) },
    probes,
    ...(capture.contentLibraries === undefined ? {} : { contentLibraries: capture.contentLibraries.map((hit) => ({ ...hit, url: redactUrlSecrets(hit.url) })) }),
    ...(capture.sriVerification === undefined
      ? {}
      : { sriVerification: { ...capture.sriVerification, results: capture.sriVerification.results.map((result) => ({ ...result, url: redactUrlSecrets(result.url) })) } }),
  };
}
