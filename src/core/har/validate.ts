/**
 * Checks an untrusted HAR document (`unknown`, straight from `JSON.parse`) and reduces
 * it to the fields Tabgrade reads. Fields the HAR 1.2 spec requires but Tabgrade can do
 * without (sizes, timings, cookies …) are not demanded, because exporters leave them out
 * in practice; a field that is present with the wrong type is an error, because guessing
 * what a broken file meant could grade the wrong response.
 */
import { LIVE_PAGE_FIELD } from './live-page';
import type { HttpHeader } from '../capture';
import { HarError } from './error';
import { parseUrl } from './urls';

/** The probes a Tabgrade export tags with `_tabgradeProbe`, so a re-import is exact. */
export const PROBE_KINDS = ['http', 'cors', 'crossdomainXml', 'clientaccesspolicyXml'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

export interface HarPageView {
  id: string;
  /** Milliseconds since the epoch, or null when the date is missing or unreadable. */
  startedMs: number | null;
  /** `pageTimings.onLoad` in milliseconds after the start, or null when unknown (-1). */
  onLoadMs: number | null;
  /** Tabgrade's own `_tabgradeLivePage` field, unchecked (`live-page.ts` checks it). */
  livePage: unknown;
}

export interface HarContentView {
  mimeType: string;
  text: string | null;
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

export interface HarView {
  pages: HarPageView[];
  entries: HarEntryView[];
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(path: string, problem: string): HarError {
  return new HarError(`invalid HAR: ${path} ${problem}`);
}

function requiredObject(parent: JsonObject, key: string, path: string): JsonObject {
  const value = parent[key];
  if (value === undefined || value === null) throw invalid(`${path}.${key}`, 'is missing');
  if (!isObject(value)) throw invalid(`${path}.${key}`, 'is not an object');
  return value;
}

function requiredString(parent: JsonObject, key: string, path: string): string {
  const value = parent[key];
  if (value === undefined || value === null) throw invalid(`${path}.${key}`, 'is missing');
  if (typeof value !== 'string') throw invalid(`${path}.${key}`, 'is not a string');
  return value;
}

/** Absent (or null, which some exporters write) gives null; any other non-string is an error. */
function optionalString(parent: JsonObject, key: string, path: string): string | null {
  const value = parent[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalid(`${path}.${key}`, 'is not a string');
  return value;
}

/**
 * A vendor field (`_resourceType`, `_error` …): tools define these as they like, so one
 * that is not a non-empty string is ignored rather than failing the file.
 */
function vendorString(parent: JsonObject, key: string): string | null {
  const value = parent[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function optionalNumber(parent: JsonObject, key: string, path: string): number | null {
  const value = parent[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`${path}.${key}`, 'is not a number');
  return value;
}

function optionalObject(parent: JsonObject, key: string, path: string): JsonObject | null {
  const value = parent[key];
  if (value === undefined || value === null) return null;
  if (!isObject(value)) throw invalid(`${path}.${key}`, 'is not an object');
  return value;
}

/** A HAR date; an unreadable one is treated as unknown rather than failing the file. */
function dateMs(text: string | null): number | null {
  if (text === null) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

function headerList(parent: JsonObject, key: string, path: string): HttpHeader[] {
  const value = parent[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(`${path}.${key}`, 'is not an array');
  return value.map((item: unknown, i) => {
    const itemPath = `${path}.${key}[${i}]`;
    if (!isObject(item)) throw invalid(itemPath, 'is not an object');
    return { name: requiredString(item, 'name', itemPath), value: requiredString(item, 'value', itemPath) };
  });
}

function readPage(value: unknown, i: number): HarPageView {
  const path = `log.pages[${i}]`;
  if (!isObject(value)) throw invalid(path, 'is not an object');
  const timings = optionalObject(value, 'pageTimings', path);
  const onLoad = timings === null ? null : optionalNumber(timings, 'onLoad', `${path}.pageTimings`);
  return {
    id: requiredString(value, 'id', path),
    startedMs: dateMs(optionalString(value, 'startedDateTime', path)),
    // HAR uses -1 for "not available".
    onLoadMs: onLoad !== null && onLoad >= 0 ? onLoad : null,
    livePage: value[LIVE_PAGE_FIELD],
  };
}

function readProbeTag(entry: JsonObject, path: string): ProbeKind | null {
  const tag = optionalString(entry, '_tabgradeProbe', path);
  if (tag === null) return null;
  const kind = PROBE_KINDS.find((known) => known === tag);
  if (kind === undefined) throw invalid(`${path}._tabgradeProbe`, `is not one of ${PROBE_KINDS.join(', ')}`);
  return kind;
}

function readEntry(value: unknown, index: number): HarEntryView {
  const path = `log.entries[${index}]`;
  if (!isObject(value)) throw invalid(path, 'is not an object');
  const request = requiredObject(value, 'request', path);
  const response = requiredObject(value, 'response', path);
  const requestPath = `${path}.request`;
  const responsePath = `${path}.response`;

  const url = requiredString(request, 'url', requestPath);
  if (parseUrl(url) === null) throw invalid(`${requestPath}.url`, 'is not an absolute URL');

  const status = response.status;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 0 || status > 999) {
    throw invalid(`${responsePath}.status`, status === undefined ? 'is missing' : 'is not an HTTP status number');
  }

  const content = optionalObject(response, 'content', responsePath);
  const contentPath = `${responsePath}.content`;
  const ip = optionalString(value, 'serverIPAddress', path);

  return {
    index,
    pageref: optionalString(value, 'pageref', path),
    startedMs: dateMs(optionalString(value, 'startedDateTime', path)),
    durationMs: optionalNumber(value, 'time', path),
    method: requiredString(request, 'method', requestPath).toUpperCase(),
    url,
    requestHeaders: headerList(request, 'headers', requestPath),
    status,
    statusText: optionalString(response, 'statusText', responsePath) ?? '',
    httpVersion: optionalString(response, 'httpVersion', responsePath) ?? '',
    responseHeaders: headerList(response, 'headers', responsePath),
    redirectURL: optionalString(response, 'redirectURL', responsePath) ?? '',
    content: {
      mimeType: content === null ? '' : (optionalString(content, 'mimeType', contentPath) ?? ''),
      text: content === null ? null : optionalString(content, 'text', contentPath),
      encoding: content === null ? null : optionalString(content, 'encoding', contentPath),
      file: content === null ? null : vendorString(content, '_file'),
    },
    resourceType: vendorString(value, '_resourceType'),
    // Chrome writes IPv6 addresses in brackets (`[2001:db8::1]`).
    serverIp: ip === null || ip === '' ? null : ip.replace(/^\[(.*)\]$/, '$1'),
    fromCache: typeof value._fromCache === 'string' && value._fromCache !== '',
    error: vendorString(response, '_error') ?? vendorString(response, '_failureText'),
    probe: readProbeTag(value, path),
  };
}

/** Validates `input` as a HAR document; throws a `HarError` naming the first problem. */
export function validateHar(input: unknown): HarView {
  if (!isObject(input)) throw new HarError('not a HAR file: expected a JSON object with a "log"');
  const log = input.log;
  if (!isObject(log)) throw new HarError('not a HAR file: missing log');
  if (!Array.isArray(log.entries)) throw new HarError('not a HAR file: missing log.entries');
  const pages = log.pages;
  if (pages !== undefined && pages !== null && !Array.isArray(pages)) throw invalid('log.pages', 'is not an array');
  return {
    pages: Array.isArray(pages) ? pages.map(readPage) : [],
    entries: log.entries.map(readEntry),
  };
}
