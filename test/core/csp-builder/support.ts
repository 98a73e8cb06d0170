/**
 * Captures for the CSP builder tests, from readable fixtures: `test/fixtures/csp-builder/<name>.json`
 * names the page URL, its headers, its served HTML file and the requests the browser made
 * (webRequest type and URL), optionally the DOM snapshot's tags and library hits.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { emptyCapture, type ExternalResourceTag, type PageCapture, type ResourceType, type RuntimeLibraryHit } from '../../../src/core/capture';

const DIR = fileURLToPath(new URL('../../fixtures/csp-builder/', import.meta.url));

interface BuilderFixture {
  about: string;
  url: string;
  headers: Record<string, string>;
  html?: string;
  requests: Array<{ type: ResourceType; url: string; headers?: Record<string, string> }>;
  tags?: Array<Partial<ExternalResourceTag> & { element: 'script' | 'link'; url: string }>;
  runtime?: RuntimeLibraryHit[];
}

export function fixtureText(file: string): string {
  return readFileSync(`${DIR}${file}`, 'utf8');
}

/** A finished capture of the page a fixture describes. */
export function builderCapture(name: string, overrides: Partial<PageCapture> = {}): PageCapture {
  const fixture = JSON.parse(fixtureText(`${name}.json`)) as BuilderFixture;
  const capture = emptyCapture({ navigationId: `fixture-${name}`, tabId: null, url: fixture.url, startedAt: 1_700_000_000_000 });
  const response = (url: string, type: ResourceType, headers: Record<string, string>) => ({
    url,
    method: 'GET',
    statusCode: 200,
    statusLine: 'HTTP/1.1 200 OK',
    headers: Object.entries(headers).map(([headerName, value]) => ({ name: headerName, value })),
    type,
    timeStamp: 1_700_000_000_100,
    fromCache: false,
  });
  const tags: ExternalResourceTag[] = (fixture.tags ?? []).map((tag) => ({
    rel: null, as: null, type: null, integrity: null, crossorigin: null, origin: 'parser', firstSeenMs: 0, ...tag,
  }));
  return {
    ...capture,
    state: 'complete',
    completedAt: 1_700_000_001_000,
    document: response(fixture.url, 'main_frame', fixture.headers),
    subresources: fixture.requests.map((request) => response(request.url, request.type, request.headers ?? {})),
    html: fixture.html === undefined ? null : { text: fixtureText(fixture.html), source: 'served', truncated: false },
    dom: fixture.tags === undefined ? null : { url: fixture.url, contentType: 'text/html', takenAt: 1_700_000_000_200, tags, inlineScriptCount: 0, metas: [], truncated: false, totalTags: tags.length },
    ...(fixture.runtime === undefined ? {} : { runtimeLibraries: { probes: 1, lastProbedAt: 1_700_000_001_000, hits: fixture.runtime, rejected: 0, error: null } }),
    ...overrides,
  };
}
