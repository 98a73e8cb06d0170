/**
 * Builders for captures whose page content matters: script and link tags, sub-resource
 * responses, main-world probe hits and "verify hashes" results.
 */
import { emptyCapture, type ExternalResourceTag, type PageCapture, type ResponseCapture, type RuntimeLibraryHit } from '../../src/core/capture';

export const PAGE = 'https://www.example.com/shop/';

/** A `<script src>` tag, parser-inserted unless said otherwise. */
export function script(url: string, attributes: Partial<ExternalResourceTag> = {}): ExternalResourceTag {
  return { element: 'script', url, rel: null, as: null, type: null, integrity: null, crossorigin: null, origin: 'parser', firstSeenMs: 0, ...attributes };
}

/** A `<link rel=…>` tag (stylesheet unless said otherwise). */
export function link(url: string, attributes: Partial<ExternalResourceTag> = {}): ExternalResourceTag {
  return { element: 'link', url, rel: 'stylesheet', as: null, type: null, integrity: null, crossorigin: null, origin: 'parser', firstSeenMs: 0, ...attributes };
}

export function subresource(url: string, headers: Array<[string, string]> = []): ResponseCapture {
  return {
    url,
    method: 'GET',
    statusCode: 200,
    statusLine: 'HTTP/1.1 200 OK',
    headers: headers.map(([name, value]) => ({ name, value })),
    type: 'script',
    timeStamp: 1_700_000_000_100,
    fromCache: false,
  };
}

export function hit(component: string, version: string, via: string): RuntimeLibraryHit {
  return { component, version, via, firstSeenMs: 900 };
}

/** A loaded page at `url` with these tags, responses and runtime hits. */
export function pageWith(
  tags: ExternalResourceTag[],
  options: { url?: string; subresources?: ResponseCapture[]; runtime?: RuntimeLibraryHit[] } = {},
): PageCapture {
  const url = options.url ?? PAGE;
  const capture = emptyCapture({ navigationId: 'nav-1', tabId: 7, url, startedAt: 1_700_000_000_000 });
  return {
    ...capture,
    state: 'complete',
    document: { ...subresource(url, [['Content-Type', 'text/html']]), type: 'main_frame' },
    subresources: options.subresources ?? [],
    dom: { url, contentType: 'text/html', takenAt: 1_700_000_000_200, tags, inlineScriptCount: 0, metas: [], truncated: false, totalTags: tags.length },
    ...(options.runtime !== undefined
      ? { runtimeLibraries: { probes: 1, lastProbedAt: 1_700_000_001_000, hits: options.runtime, rejected: 0, error: null } }
      : {}),
  };
}
