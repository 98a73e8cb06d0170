/**
 * Checks an untrusted HAR document (`unknown`, from `JSON.parse` or `scanJson`) and reduces
 * it to the fields Tabgrade reads.
 *
 * Real exporters bend HAR 1.2: WebPageTest writes negative statuses for requests that got
 * no answer, Fiddler and Charles leave out fields the spec requires or write `null` for
 * them, header values come as numbers, URLs as paths. One odd sub-resource must not cost the
 * page its grade, so the reader works entry by entry:
 * - a field that is absent or `null` is simply unknown (no note): exporters leave them out;
 * - a field present with the wrong type is repaired when the meaning is plain (a number
 *   where text belongs, `"200"` as a status, a relative URL with one possible base) or else
 *   ignored, and noted;
 * - an entry whose request or response cannot be made out (no URL, status -2, no response)
 *   is skipped, and noted. The importer refuses the file only when such an entry could
 *   have been the page's document (`read.ts`).
 * Vendor fields (`_resourceType`, `_error` …) are the tools' own: one out of shape is ignored.
 */
import { LIVE_PAGE_FIELD } from './live-page';
import type { HttpHeader } from '../capture';
import { firstHeader } from '../headers';
import { HTML_MEDIA_TYPES } from './entry';
import { HarError } from './error';
import { StoredText, type Shape } from './json-scan';
import { shown, type HarProblem } from './notes';
import { parseUrl } from './urls';

/** The probes a Tabgrade export tags with `_tabgradeProbe`, so a re-import is exact. */
export const PROBE_KINDS = ['http', 'cors', 'crossdomainXml', 'clientaccesspolicyXml', 'notFound'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

const HEADERS: Shape = { items: { fields: { name: 'value', value: 'value' } } };

/**
 * The members this file reads, for `scanJson`: everything else in a HAR (timings, cookies,
 * Chrome's `_initiator` stacks, request bodies …) is stepped over, and `content.text` stays
 * in the file until a check reads it.
 */
export const HAR_FIELDS: Shape = {
  fields: {
    log: {
      fields: {
        pages: {
          items: {
            fields: { id: 'value', title: 'value', startedDateTime: 'value', pageTimings: { fields: { onLoad: 'value' } }, [LIVE_PAGE_FIELD]: 'value' },
          },
        },
        entries: {
          items: {
            fields: {
              pageref: 'value',
              startedDateTime: 'value',
              time: 'value',
              serverIPAddress: 'value',
              _resourceType: 'value',
              _fromCache: 'value',
              _tabgradeProbe: 'value',
              request: { fields: { method: 'value', url: 'value', headers: HEADERS } },
              response: {
                fields: {
                  status: 'value',
                  statusText: 'value',
                  httpVersion: 'value',
                  headers: HEADERS,
                  redirectURL: 'value',
                  _error: 'value',
                  _failureText: 'value',
                  content: { fields: { mimeType: 'value', text: 'body', encoding: 'value', _file: 'value' } },
                },
              },
            },
          },
        },
      },
    },
  },
};

export interface HarPageView {
  /** Null when the page has none: then, as when no entry names it, every entry is taken to be on it. */
  id: string | null;
  /** Milliseconds since the epoch, or null when the date is missing or unreadable. */
  startedMs: number | null;
  /** `pageTimings.onLoad` in milliseconds after the start, or null when unknown (-1). */
  onLoadMs: number | null;
  /** Tabgrade's own `_tabgradeLivePage` field, unchecked (`live-page.ts` checks it). */
  livePage: unknown;
}

export interface HarContentView {
  mimeType: string;
  /** The body; read from the file only when asked for, when the HAR came from `scanJson`. */
  readonly text: string | null;
  encoding: string | null;
  /** Playwright's `content._file`: the body was saved next to the HAR, not inside it. */
  file: string | null;
}

export interface HarEntryView {
  /** Position in `log.entries`, used for "before/after" when following redirects. */
  index: number;
  pageref: string | null;
  startedMs: number | null;
  durationMs: number | null;
  method: string;
  /** Absolute (a relative one is resolved, or the entry skipped). */
  url: string;
  requestHeaders: HttpHeader[];
  status: number;
  statusText: string;
  httpVersion: string;
  responseHeaders: HttpHeader[];
  /** `response.redirectURL` as written ('' when absent). */
  redirectURL: string;
  content: HarContentView;
  /** Chrome's (and Tabgrade's) `_resourceType`, or null. */
  resourceType: string | null;
  serverIp: string | null;
  /** Chrome's `_fromCache` (`memory` / `disk`). */
  fromCache: boolean;
  /** Chrome's `response._error` or Playwright's `response._failureText`. */
  error: string | null;
  probe: ProbeKind | null;
}

/** An entry that could not be read, with what can be told of it without trusting it. */
export interface SkippedEntry extends HarProblem {
  index: number;
  pageref: string | null;
  /** Could it have been the page's document, judging by what is readable of it? */
  couldBeDocument: boolean;
}

export interface HarView {
  pages: HarPageView[];
  entries: HarEntryView[];
  skipped: SkippedEntry[];
  /** One per entry or page read with repairs, naming the first. */
  repaired: HarProblem[];
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof StoredText);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  if (typeof value === 'string' || value instanceof StoredText) return 'text';
  if (typeof value === 'boolean') return 'true/false';
  return `a ${typeof value}`;
}

/** The problems of one entry or page, turned into one note when it is kept. */
class Repairs {
  private first: string | null = null;
  private count = 0;

  constructor(readonly subject: string) {}

  /** Notes a problem; `alike` more of the same kind (headers, say) are only counted. */
  note(problem: string, alike = 0): void {
    this.first ??= problem;
    this.count += 1 + alike;
  }

  into(out: HarProblem[]): void {
    if (this.first === null) return;
    out.push({ subject: this.subject, problem: this.count > 1 ? `${this.first}; ${this.count - 1} more` : this.first });
  }
}

/** Text where text belongs: a number or boolean is written out, anything else ignored. */
function text(parent: JsonObject, key: string, path: string, repairs: Repairs): string | null {
  const value = parent[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') {
    repairs.note(`${path}${key} ${shown(value)} read as text`);
    return String(value);
  }
  repairs.note(`${path}${key} is ${kindOf(value)}, ignored`);
  return null;
}

function finiteNumber(parent: JsonObject, key: string, path: string, repairs: Repairs): number | null {
  const value = parent[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  repairs.note(`${path}${key} ${shown(value)} is not a number, ignored`);
  return null;
}

function object(parent: JsonObject, key: string, path: string, repairs: Repairs): JsonObject | null {
  const value = parent[key];
  if (value === undefined || value === null) return null;
  if (isObject(value)) return value;
  repairs.note(`${path}${key} is ${kindOf(value)}, ignored`);
  return null;
}

/** A vendor field: tools define these as they like, so one that is not a non-empty string is ignored. */
function vendorString(parent: JsonObject, key: string): string | null {
  const value = parent[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * ISO 8601 as exporters write it: `T` or a space, any number of fractional digits (Fiddler
 * writes seven), an offset with or without a colon, or none (read as UTC, so that the result
 * does not depend on the machine's time zone).
 */
const ISO_DATE = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?$/i;

/** Milliseconds since the epoch; an unreadable date is unknown rather than a problem. */
export function harDateMs(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value.trim());
  if (match === null) {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : null;
  }
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const ms = Number(`0.${fraction ?? '0'}`) * 1000;
  let time = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second ?? 0)) + Math.round(ms);
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const offset = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0);
    time -= (digits.startsWith('-') ? -offset : offset) * 60_000;
  }
  return Number.isFinite(time) ? time : null;
}

/**
 * Headers as `{ name, value }`. A value written as a number or boolean is read as text, an
 * absent one as empty; a header without a name or with a structured value is dropped.
 */
function headerList(parent: JsonObject, key: string, path: string, repairs: Repairs): HttpHeader[] {
  const value = parent[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    repairs.note(`${path}${key} is ${kindOf(value)}, ignored`);
    return [];
  }
  const headers: HttpHeader[] = [];
  let first: string | null = null;
  let problems = 0;
  // Only the first problem is put in words; the rest are counted.
  const problem = (words: () => string): void => {
    problems++;
    first ??= words();
  };
  value.forEach((item: unknown, i) => {
    const at = (): string => `${path}${key}[${i}]`;
    if (!isObject(item) || typeof item.name !== 'string' || item.name === '') {
      problem(() => `${at()} has no name, dropped`);
      return;
    }
    const raw = item.value;
    if (typeof raw === 'string') headers.push({ name: item.name, value: raw });
    else if (typeof raw === 'number' || typeof raw === 'boolean') {
      problem(() => `${at()}.value ${shown(raw)} read as text`);
      headers.push({ name: item.name, value: String(raw) });
    } else if (raw === undefined || raw === null) {
      problem(() => `${at()}.value is missing, read as empty`);
      headers.push({ name: item.name, value: '' });
    } else problem(() => `${at()}.value is ${kindOf(raw)}, dropped`);
  });
  if (first !== null) repairs.note(first, problems - 1);
  return headers;
}

function readPage(value: unknown, i: number, repaired: HarProblem[]): HarPageView | null {
  const repairs = new Repairs(`log.pages[${i}]`);
  if (!isObject(value)) {
    repaired.push({ subject: `log.pages[${i}]`, problem: `is ${kindOf(value)}, ignored` });
    return null;
  }
  if (value.id === undefined || value.id === null) repairs.note('id is missing');
  const written = text(value, 'id', '', repairs);
  const id = written === '' ? null : written;
  const timings = object(value, 'pageTimings', '', repairs);
  const onLoad = timings === null ? null : finiteNumber(timings, 'onLoad', 'pageTimings.', repairs);
  const page = {
    id,
    startedMs: harDateMs(text(value, 'startedDateTime', '', repairs)),
    // HAR uses -1 for "not available".
    onLoadMs: onLoad !== null && onLoad >= 0 ? onLoad : null,
    livePage: value[LIVE_PAGE_FIELD],
  };
  repairs.into(repaired);
  return page;
}

function isHttpUrl(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/** Media type essence of a kept entry, as `entry.ts` reads it. */
function mediaType(mimeType: string, headers: readonly HttpHeader[]): string {
  const essence = (value: string): string => (value.split(';')[0] ?? '').trim().toLowerCase();
  const fromContent = essence(mimeType);
  if (fromContent !== '' && fromContent !== 'x-unknown') return fromContent;
  return essence(firstHeader(headers, 'content-type') ?? '');
}

/** What an entry of any shape tells about itself, with no trust in its types. */
function looksLikeDocument(value: JsonObject): boolean {
  const request = isObject(value.request) ? value.request : {};
  const response = isObject(value.response) ? value.response : {};
  if (typeof value._tabgradeProbe === 'string') return false;
  if (typeof request.method === 'string' && ['OPTIONS', 'HEAD', 'CONNECT'].includes(request.method.toUpperCase())) return false;
  const url = typeof request.url === 'string' ? parseUrl(request.url) : null;
  if (url !== null && !isHttpUrl(url)) return false;
  if (typeof response.status === 'number' && response.status >= 300 && response.status <= 399) return false;
  if (typeof value._resourceType === 'string' && value._resourceType !== '') return value._resourceType === 'document';
  const content = isObject(response.content) ? response.content : {};
  const headers = Array.isArray(response.headers) ? response.headers.filter((h): h is HttpHeader => isObject(h) && typeof h.name === 'string' && typeof h.value === 'string') : [];
  const type = mediaType(typeof content.mimeType === 'string' ? content.mimeType : '', headers);
  // Nothing says what it was: it could have been the document.
  return type === '' || HTML_MEDIA_TYPES.has(type);
}

/** The page's address, against which a relative request URL is resolved. */
interface ReadContext {
  base: URL | null;
}

type EntryResult = { kind: 'entry'; view: HarEntryView } | { kind: 'skipped'; problem: string } | { kind: 'tunnel' };

/**
 * The request URL, absolute. A relative one (some proxies write the request target as sent)
 * is resolved against the page's address when that is known and the request's own Host does
 * not name another site.
 */
function requestUrl(raw: string, headers: readonly HttpHeader[], context: ReadContext, repairs: Repairs): string | { problem: string } {
  const absolute = parseUrl(raw);
  if (absolute !== null) return raw;
  if (raw.trim() === '') return { problem: 'request.url is empty' };
  const base = context.base;
  if (base === null) return { problem: `request.url ${shown(raw)} is relative and the HAR does not say the page's address` };
  const host = firstHeader(headers, 'host') ?? firstHeader(headers, ':authority');
  // Compared as URLs, so that `a.example:443` is the host of `https://a.example/`.
  if (host !== null && parseUrl(`${base.protocol}//${host.trim()}`)?.host !== base.host) {
    return { problem: `request.url ${shown(raw)} is relative and its Host ${shown(host)} is not the page's` };
  }
  const resolved = parseUrl(raw, base.href);
  if (resolved === null) return { problem: `request.url ${shown(raw)} is not a URL` };
  repairs.note(`request.url ${shown(raw)} read as ${resolved.href}`);
  return resolved.href;
}

/** The status: a number 0–999 (0: no response, as Chrome writes a failed request), or a digit string. */
function statusOf(response: JsonObject, repairs: Repairs): number | { problem: string } {
  const status = response.status;
  if (typeof status === 'number' && Number.isInteger(status) && status >= 0 && status <= 999) return status;
  if (typeof status === 'string' && /^\s*\d{1,3}\s*$/.test(status)) {
    repairs.note(`response.status ${shown(status)} read as a number`);
    return Number(status);
  }
  if (status === undefined || status === null) return { problem: 'response.status is missing' };
  return { problem: `response.status ${shown(status)}` };
}

function contentOf(response: JsonObject, repairs: Repairs): HarContentView {
  const content = object(response, 'content', 'response.', repairs);
  if (content === null) return { mimeType: '', text: null, encoding: null, file: null };
  const path = 'response.content.';
  const view = {
    mimeType: text(content, 'mimeType', path, repairs) ?? '',
    encoding: text(content, 'encoding', path, repairs),
    file: vendorString(content, '_file'),
  };
  const body = content.text;
  if (body instanceof StoredText) {
    // Decoded from the file when a check first asks (`json-scan.ts`); most bodies never are.
    let decoded: string | undefined;
    return { ...view, get text() { return (decoded ??= body.read()); } };
  }
  if (body !== undefined && body !== null && typeof body !== 'string') repairs.note(`${path}text is ${kindOf(body)}, ignored`);
  return { ...view, text: typeof body === 'string' ? body : null };
}

function readEntry(value: JsonObject, index: number, context: ReadContext, repaired: HarProblem[]): EntryResult {
  const repairs = new Repairs(`log.entries[${index}]`);
  const request = value.request;
  const response = value.response;
  if (!isObject(request)) return { kind: 'skipped', problem: request == null ? 'request is missing' : `request is ${kindOf(request)}` };
  if (!isObject(response)) return { kind: 'skipped', problem: response == null ? 'response is missing' : `response is ${kindOf(response)}` };

  let method = text(request, 'method', 'request.', repairs)?.trim().toUpperCase() ?? '';
  if (method === '') {
    repairs.note('request.method is missing, read as GET');
    method = 'GET';
  }
  // Fiddler and Charles list the CONNECT that opened an HTTPS tunnel; it fetched nothing.
  if (method === 'CONNECT') return { kind: 'tunnel' };

  const tag = value._tabgradeProbe;
  const probe = typeof tag === 'string' ? (PROBE_KINDS.find((known) => known === tag) ?? null) : null;
  // A probe a later Tabgrade added: not one of the page's requests, and not one this version can judge.
  if (typeof tag === 'string' && probe === null) return { kind: 'skipped', problem: `_tabgradeProbe ${shown(tag)} is not a probe this Tabgrade knows` };

  const requestHeaders = headerList(request, 'headers', 'request.', repairs);
  const rawUrl = request.url;
  if (typeof rawUrl !== 'string') return { kind: 'skipped', problem: rawUrl == null ? 'request.url is missing' : `request.url is ${kindOf(rawUrl)}` };
  const url = requestUrl(rawUrl, requestHeaders, context, repairs);
  if (typeof url !== 'string') return { kind: 'skipped', problem: url.problem };
  const status = statusOf(response, repairs);
  if (typeof status !== 'number') return { kind: 'skipped', problem: status.problem };

  const ip = text(value, 'serverIPAddress', '', repairs);
  const view: HarEntryView = {
    index,
    pageref: text(value, 'pageref', '', repairs),
    startedMs: harDateMs(text(value, 'startedDateTime', '', repairs)),
    durationMs: finiteNumber(value, 'time', '', repairs),
    method,
    url,
    requestHeaders,
    status,
    statusText: text(response, 'statusText', 'response.', repairs) ?? '',
    httpVersion: text(response, 'httpVersion', 'response.', repairs) ?? '',
    responseHeaders: headerList(response, 'headers', 'response.', repairs),
    redirectURL: text(response, 'redirectURL', 'response.', repairs) ?? '',
    content: contentOf(response, repairs),
    resourceType: vendorString(value, '_resourceType'),
    // Chrome writes IPv6 addresses in brackets (`[2001:db8::1]`).
    serverIp: ip === null || ip === '' ? null : ip.replace(/^\[(.*)\]$/, '$1'),
    fromCache: typeof value._fromCache === 'string' && value._fromCache !== '',
    error: vendorString(response, '_error') ?? vendorString(response, '_failureText'),
    probe,
  };
  repairs.into(repaired);
  return { kind: 'entry', view };
}

/** Does a kept entry show the page's address (an HTTP document)? */
function pageAddressOf(view: HarEntryView): URL | null {
  const url = parseUrl(view.url);
  if (url === null || !isHttpUrl(url) || view.probe !== null) return null;
  const isDocument = view.resourceType !== null ? view.resourceType === 'document' : HTML_MEDIA_TYPES.has(mediaType(view.content.mimeType, view.responseHeaders));
  return isDocument ? url : null;
}

/**
 * Reads `input` as a HAR document, entry by entry (see the top of this file). Throws a
 * `HarError` only when it is not a HAR at all.
 */
export function validateHar(input: unknown): HarView {
  if (!isObject(input)) throw new HarError('not a HAR file: expected a JSON object with a "log"');
  const log = input.log;
  if (!isObject(log)) throw new HarError('not a HAR file: missing log');
  if (!Array.isArray(log.entries)) throw new HarError('not a HAR file: missing log.entries');

  const repaired: HarProblem[] = [];
  const pages: HarPageView[] = [];
  if (Array.isArray(log.pages)) {
    log.pages.forEach((value: unknown, i) => {
      const page = readPage(value, i, repaired);
      if (page !== null) pages.push(page);
    });
  } else if (log.pages !== undefined && log.pages !== null) {
    repaired.push({ subject: 'log.pages', problem: `is ${kindOf(log.pages)}, ignored` });
  }

  // Chrome and WebPageTest write the page's URL as its title; else the first document tells it.
  const firstPage: unknown = Array.isArray(log.pages) ? log.pages[0] : undefined;
  const title = isObject(firstPage) && typeof firstPage.title === 'string' ? parseUrl(firstPage.title.trim()) : null;
  const context: ReadContext = { base: title !== null && isHttpUrl(title) ? title : null };

  const entries: HarEntryView[] = [];
  const skipped: SkippedEntry[] = [];
  log.entries.forEach((value: unknown, index) => {
    const subject = `log.entries[${index}]`;
    if (!isObject(value)) {
      skipped.push({ subject, index, problem: `is ${kindOf(value)}`, pageref: null, couldBeDocument: false });
      return;
    }
    const result = readEntry(value, index, context, repaired);
    if (result.kind === 'entry') {
      entries.push(result.view);
      context.base ??= pageAddressOf(result.view);
    } else if (result.kind === 'skipped') {
      const pageref = typeof value.pageref === 'string' ? value.pageref : null;
      skipped.push({ subject, index, problem: result.problem, pageref, couldBeDocument: looksLikeDocument(value) });
    }
  });
  return { pages, entries, skipped, repaired };
}
