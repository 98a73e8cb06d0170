/**
 * One HAR entry as the importer works with it: validated, headers normalised, redirect
 * target resolved, and how it becomes a capture response or redirect hop.
 */
import type { HttpHeader, RedirectHop, ResourceType, ResponseCapture } from '../capture';
import { firstHeader, hasHeader } from '../headers';
import { normaliseHeaders } from '../normalize';
import { parseUrl, urlKey } from './urls';
import type { HarEntryView } from './validate';

export const HTML_MEDIA_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** A validated entry with what the importer needs computed once. */
export interface Entry extends HarEntryView {
  /** `urlKey(url)`; validation guarantees the URL parses. */
  key: string;
  /** Response headers as the capture keeps them (split, bounded). */
  headers: HttpHeader[];
  /** Where this response redirects to (absolute), or null when it is not a redirect. */
  target: string | null;
}

export function prepare(view: HarEntryView): Entry {
  // HTTP/2 and HTTP/3 pseudo-headers (`:status`) that some exporters list are not
  // header fields (RFC 9113 §8.3). `normaliseHeaders` splits Firefox's and chrome-har's
  // newline-joined Set-Cookie values; CRLF-joined ones are folded to LF first.
  const headers = normaliseHeaders(
    view.responseHeaders
      .filter((header) => !header.name.startsWith(':'))
      .map((header) => ({ name: header.name, value: header.value.replace(/\r\n/g, '\n') })),
  );
  let target: string | null = null;
  if (view.status >= 300 && view.status <= 399) {
    const location = view.redirectURL !== '' ? view.redirectURL : firstHeader(headers, 'location');
    if (location !== null && location !== '') target = parseUrl(location, view.url)?.href ?? null;
  }
  return { ...view, key: urlKey(view.url) ?? view.url, headers, target };
}

/** The media type, from `content.mimeType` or else the Content-Type header; '' when unknown. */
export function mediaTypeOf(entry: Entry): string {
  const essence = (value: string): string => (value.split(';')[0] ?? '').trim().toLowerCase();
  const fromContent = essence(entry.content.mimeType);
  // Chrome writes `x-unknown` when the response declared no type.
  if (fromContent !== '' && fromContent !== 'x-unknown') return fromContent;
  return essence(firstHeader(entry.headers, 'content-type') ?? '');
}

export function isHttp(entry: Entry): boolean {
  return entry.key.startsWith('http://') || entry.key.startsWith('https://');
}

/** `h2`, `http/2.0` (Chrome) and `HTTP/2` (Firefox) all become `HTTP/2`. */
function httpVersionLabel(raw: string): string {
  const version = raw.trim().toLowerCase();
  if (version === '') return '';
  if (version === 'h2' || version.startsWith('http/2')) return 'HTTP/2';
  if (version.startsWith('h3') || version.startsWith('http/3')) return 'HTTP/3';
  return version.toUpperCase();
}

export function statusLineOf(entry: Entry): string {
  const version = httpVersionLabel(entry.httpVersion);
  if (entry.status === 0 || version === '') return '';
  return [version, String(entry.status), entry.statusText.trim()].filter((part) => part !== '').join(' ');
}

export function failureOf(entry: Entry): string {
  return entry.error ?? 'no response was recorded (the request failed or was blocked)';
}

export function toResponse(entry: Entry, type: ResourceType): ResponseCapture {
  const response: ResponseCapture = {
    url: entry.url,
    method: entry.method,
    statusCode: entry.status,
    statusLine: statusLineOf(entry),
    headers: entry.headers,
    type,
    // The request's start: HAR has no separate "headers received" time that all exporters fill.
    timeStamp: entry.startedMs ?? 0,
    fromCache: entry.fromCache,
  };
  if (entry.serverIp !== null) response.ip = entry.serverIp;
  if (entry.status === 0) response.error = failureOf(entry);
  return response;
}

export function toHop(entry: Entry): RedirectHop {
  return {
    url: entry.url,
    statusCode: entry.status,
    statusLine: statusLineOf(entry),
    location: entry.target ?? '',
    headers: entry.headers,
    // Chrome shows HSTS upgrades and extension redirects as "307 Internal Redirect",
    // marked with a Non-Authoritative-Reason header.
    internal: /^internal redirect$/i.test(entry.statusText.trim()) || hasHeader(entry.headers, 'non-authoritative-reason'),
  };
}
