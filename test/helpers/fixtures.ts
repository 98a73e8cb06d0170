/**
 * Readable test fixtures → capture data.
 *
 * Header fixtures are plain text files under `test/fixtures/headers/`, one header per line
 * as `Name: value` (repeat a line to repeat the header); blank lines and lines starting
 * with `#` are ignored. HTML fixtures live under `test/fixtures/html/`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DocumentHtml, HttpHeader, PageCapture, RedirectHop, ResponseCapture } from '../../src/core/capture';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Parses `Name: value` lines. Whitespace around the value is dropped, as HTTP does. */
export function parseHeaderText(text: string): HttpHeader[] {
  const headers: HttpHeader[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`Not a header line: ${JSON.stringify(line)}`);
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return headers;
}

/** Headers from `test/fixtures/headers/<name>.headers`. */
export function loadHeaders(name: string): HttpHeader[] {
  return parseHeaderText(readFileSync(`${FIXTURES}headers/${name}.headers`, 'utf8'));
}

/** Text of `test/fixtures/html/<name>.html`. */
export function loadHtml(name: string): string {
  return readFileSync(`${FIXTURES}html/${name}.html`, 'utf8');
}

export interface CaptureInit {
  /** Final document URL; default `https://example.com/`. */
  url?: string;
  /** The document response's headers. Omit `headers` and `document` for a capture without a document. */
  headers?: HttpHeader[];
  /** Served HTML of the document, if any. */
  html?: string;
  htmlSource?: DocumentHtml['source'];
  statusCode?: number;
  redirects?: RedirectHop[];
  /** Anything else to override on the finished capture. */
  overrides?: Partial<PageCapture>;
}

/** A finished capture of one document response, as the background would build it. */
export function captureFrom(init: CaptureInit = {}): PageCapture {
  const url = init.url ?? 'https://example.com/';
  const statusCode = init.statusCode ?? 200;
  const document: ResponseCapture | null =
    init.headers === undefined
      ? null
      : {
          url,
          method: 'GET',
          statusCode,
          statusLine: `HTTP/1.1 ${statusCode}`,
          headers: init.headers,
          type: 'main_frame',
          timeStamp: 1_700_000_000_000,
          fromCache: false,
        };
  return {
    schemaVersion: 1,
    navigationId: 'fixture',
    tabId: null,
    requestedUrl: init.redirects?.[0]?.url ?? url,
    url,
    state: 'complete',
    startedAt: 1_700_000_000_000,
    completedAt: 1_700_000_001_000,
    document,
    redirects: init.redirects ?? [],
    subresources: [],
    droppedSubresources: 0,
    dom: null,
    html: init.html === undefined ? null : { text: init.html, source: init.htmlSource ?? 'served', truncated: false },
    probes: {},
    error: null,
    ...init.overrides,
  };
}

/** Shorthand: a capture from a header fixture (and optionally an HTML fixture). */
export function captureFromFixtures(headers: string, html?: string, init: Omit<CaptureInit, 'headers' | 'html'> = {}): PageCapture {
  return captureFrom({ ...init, headers: loadHeaders(headers), ...(html === undefined ? {} : { html: loadHtml(html) }) });
}
