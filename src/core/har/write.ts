/**
 * PageCapture → HAR 1.2, for exports. The result re-imports to the same grade: the main
 * document and its redirects come first with `_resourceType: "document"` (Chrome's
 * convention, which `importHar` follows), and probe requests carry `_tabgradeProbe`
 * so they are not mistaken for the page's own requests.
 *
 * A capture has no request headers, request bodies or timings, so those fields hold the
 * HAR "not available" values (empty lists, -1).
 */
import type { Content, Entry, Har, Header, Page, Response as HarResponse } from 'har-format';
import type { HttpHeader, PageCapture, ProbeResult, RedirectHop, ResponseCapture } from '../capture';
import { firstHeader, hasHeader } from '../headers';
import { LIVE_PAGE_FIELD, livePageOf } from './live-page';
import { redactHeader, REDACTED } from './redact';
import { devtoolsTypeOf, type DevtoolsType } from './resource-types';
import { parseUrl } from './urls';
import { PROBE_KINDS, type ProbeKind } from './validate';

export interface HarExportOptions {
  /** False replaces cookie values and credentials with `REDACTED`, keeping names and attributes. */
  includeSecrets: boolean;
  /** Written to `log.creator.version`. */
  tabgradeVersion?: string;
}

/**
 * The `Origin` written on an exported CORS preflight. The capture does not record the
 * origin its probe sent; the Observatory sends this one, so a reader sees a familiar value.
 */
const PREFLIGHT_ORIGIN = 'https://http-observatory.security.mozilla.org';

const PAGE_ID = 'page_1';

/** Chrome's extension to `response` for requests that failed without one. */
type ExportedResponse = HarResponse & { _error?: string };

interface EntryParts {
  method: string;
  url: string;
  startedMs: number;
  requestHeaders: HttpHeader[];
  status: number;
  statusLine: string;
  headers: HttpHeader[];
  redirectURL: string;
  body: string | null;
  error: string | null;
  resourceType: DevtoolsType;
  fromCache: boolean;
  ip: string | null;
  probe: ProbeKind | null;
}

function isoDate(ms: number): string {
  // A capture built from a broken source may carry NaN; HAR needs a valid date.
  return new Date(Number.isFinite(ms) ? ms : 0).toISOString();
}

/** `HTTP/1.1 301 Moved Permanently` → version and reason phrase. */
function splitStatusLine(statusLine: string): { httpVersion: string; statusText: string } {
  const match = /^(\S+)\s+\d{3}(?:\s+(.*))?$/.exec(statusLine.trim());
  return { httpVersion: match?.[1] ?? '', statusText: match?.[2] ?? '' };
}

function content(headers: readonly HttpHeader[], body: string | null): Content {
  const mimeType = firstHeader(headers, 'content-type') ?? 'x-unknown';
  if (body === null) return { size: 0, mimeType };
  return { size: new TextEncoder().encode(body).length, mimeType, text: body };
}

function makeEntry(parts: EntryParts, secrets: (headers: readonly HttpHeader[]) => Header[]): Entry {
  const { httpVersion, statusText } = splitStatusLine(parts.statusLine);
  const response: ExportedResponse = {
    status: parts.status,
    statusText,
    httpVersion,
    cookies: [],
    headers: secrets(parts.headers),
    content: content(parts.headers, parts.body),
    redirectURL: parts.redirectURL,
    headersSize: -1,
    bodySize: -1,
  };
  if (parts.error !== null) response._error = parts.error;
  const query = parseUrl(parts.url)?.searchParams ?? [];
  const entry: Entry = {
    startedDateTime: isoDate(parts.startedMs),
    time: 0,
    request: {
      method: parts.method,
      url: parts.url,
      httpVersion,
      cookies: [],
      headers: secrets(parts.requestHeaders),
      queryString: [...query].map(([name, value]) => ({ name, value })),
      headersSize: -1,
      bodySize: -1,
    },
    response,
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 0, receive: 0 },
    _resourceType: parts.resourceType,
  };
  if (parts.probe === null) entry.pageref = PAGE_ID;
  else entry._tabgradeProbe = parts.probe;
  if (parts.fromCache) entry._fromCache = 'disk';
  if (parts.ip !== null) entry.serverIPAddress = parts.ip;
  return entry;
}

function hopParts(hop: RedirectHop, method: string, startedMs: number, probe: ProbeKind | null, resourceType: DevtoolsType): EntryParts {
  let statusLine = hop.statusLine;
  // Keep the "internal" flag readable on re-import, the way Chrome marks such hops.
  if (hop.internal && !/internal redirect/i.test(statusLine) && !hasHeader(hop.headers, 'non-authoritative-reason')) {
    statusLine = `${splitStatusLine(statusLine).httpVersion || 'HTTP/1.1'} ${hop.statusCode} Internal Redirect`;
  }
  return {
    method,
    url: hop.url,
    startedMs,
    requestHeaders: [],
    status: hop.statusCode,
    statusLine,
    headers: hop.headers,
    redirectURL: hop.location,
    body: null,
    error: null,
    resourceType,
    fromCache: false,
    ip: null,
    probe,
  };
}

function responseParts(response: ResponseCapture, body: string | null, probe: ProbeKind | null, resourceType: DevtoolsType): EntryParts {
  return {
    method: response.method,
    url: response.url,
    startedMs: response.timeStamp,
    requestHeaders: [],
    status: response.statusCode,
    statusLine: response.statusLine,
    headers: response.headers,
    redirectURL: '',
    body,
    error: response.error ?? null,
    resourceType,
    fromCache: response.fromCache,
    ip: response.ip ?? null,
    probe,
  };
}

function failedParts(method: string, url: string, startedMs: number, error: string, probe: ProbeKind | null, resourceType: DevtoolsType): EntryParts {
  return {
    method,
    url,
    startedMs,
    requestHeaders: [],
    status: 0,
    statusLine: '',
    headers: [],
    redirectURL: '',
    body: null,
    error,
    resourceType,
    fromCache: false,
    ip: null,
    probe,
  };
}

function mainDocumentParts(capture: PageCapture): EntryParts[] {
  const documentTime = capture.document?.timeStamp ?? capture.startedAt;
  const parts = capture.redirects.map((hop) => hopParts(hop, 'GET', capture.startedAt, null, 'document'));
  if (capture.document !== null) {
    // Only the served bytes belong in a HAR body; a DOM serialisation is not what the server sent.
    const html = capture.html?.source === 'served' ? capture.html.text : null;
    parts.push(responseParts(capture.document, html, null, 'document'));
  } else if (capture.error !== null) {
    parts.push(failedParts('GET', capture.url, documentTime, capture.error, null, 'document'));
  }
  return parts;
}

function probeParts(kind: ProbeKind, probe: ProbeResult, fallbackMs: number): EntryParts[] {
  const method = kind === 'cors' ? 'OPTIONS' : 'GET';
  const startedMs = probe.response?.timeStamp ?? fallbackMs;
  const parts = probe.redirects.map((hop) => hopParts(hop, method, startedMs, kind, 'other'));
  if (probe.response !== null) {
    parts.push(responseParts(probe.response, probe.body ?? null, kind, devtoolsTypeOf(probe.response.type)));
  } else {
    const url = probe.redirects.at(-1)?.location ?? probe.url;
    parts.push(failedParts(method, url, startedMs, probe.error ?? 'the request failed', kind, 'other'));
  }
  const first = parts[0];
  if (kind === 'cors' && first !== undefined) {
    first.requestHeaders = [
      { name: 'Origin', value: PREFLIGHT_ORIGIN },
      { name: 'Access-Control-Request-Method', value: 'GET' },
    ];
  }
  return parts;
}

/** A HAR 1.2 document describing `capture`; serialise it with `JSON.stringify`. */
export function captureToHar(capture: PageCapture, options: HarExportOptions): Har {
  const secrets = (headers: readonly HttpHeader[]): Header[] =>
    options.includeSecrets ? headers.map((h) => ({ name: h.name, value: h.value })) : headers.map(redactHeader);

  const parts = [
    ...mainDocumentParts(capture),
    ...capture.subresources.map((response) => responseParts(response, null, null, devtoolsTypeOf(response.type))),
  ];
  for (const kind of PROBE_KINDS) {
    const probe = capture.probes[kind];
    if (probe !== undefined) parts.push(...probeParts(kind, probe, capture.startedAt));
  }

  const livePage = livePageOf(capture);
  const page: Page & { [LIVE_PAGE_FIELD]?: Record<string, unknown> } = {
    startedDateTime: isoDate(capture.startedAt),
    id: PAGE_ID,
    title: capture.url,
    pageTimings: { onContentLoad: -1, onLoad: capture.completedAt === null ? -1 : capture.completedAt - capture.startedAt },
    // What only the live page showed, so that `tabgrade grade` on this file agrees with the popup.
    ...(livePage === null ? {} : { [LIVE_PAGE_FIELD]: livePage }),
  };
  return {
    log: {
      version: '1.2',
      creator: { name: 'Tabgrade', version: options.tabgradeVersion ?? 'unknown' },
      pages: [page],
      entries: parts.map((part) => makeEntry(part, secrets)),
      comment: options.includeSecrets
        ? 'Exported by Tabgrade with cookie values and credentials included.'
        : `Exported by Tabgrade; cookie values and credentials were replaced by ${REDACTED}.`,
    },
  };
}
