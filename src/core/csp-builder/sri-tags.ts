/**
 * Subresource Integrity, done for the user: for every cross-origin script and stylesheet,
 * the `integrity="sha384-…" crossorigin="anonymous"` attributes and the whole tag to paste,
 * from the hashes "verify hashes" computes (`sri-verify.ts`, run twice by the view).
 *
 * Two fetches are compared because SRI pins exact bytes: a file whose hash differs between
 * two fetches (a "latest" URL, per-request minification, a tracking snippet) is not static,
 * and an integrity attribute would make the browser refuse it as soon as it changes.
 * With `crossorigin`, the browser fetches the file with CORS: a host that does not answer
 * with Access-Control-Allow-Origin then fails, so the CORS headers seen are reported too.
 */
import type { PageCapture, SriVerification, SriVerificationResult } from '../capture';
import { corsAllows, sriRows, type SriRow } from '../checks/tabgrade/sri-resources';
import { originOf } from '../page-tags';

export interface SriTagSuggestion {
  url: string;
  kind: 'script' | 'style';
  /** As the SRI table names it: `script`, `script type=module`, `link stylesheet` … */
  element: string;
  /**
   * `ready`: two fetches agreed; `unconfirmed`: one fetch only; `not-static`: the two
   * fetches differed; `fetch-failed`; `pending`: not fetched yet.
   */
  status: 'ready' | 'unconfirmed' | 'not-static' | 'fetch-failed' | 'pending';
  integrity: string | null;
  /** `integrity="…" crossorigin="…"`, ready to add to the existing tag. */
  attributes: string | null;
  /** The whole tag with the attributes. */
  tag: string | null;
  /** Whether the file's host let the page read it with CORS (from the response the page got). */
  cors: 'allowed' | 'not-seen';
  note: string | null;
}

/** The two "verify hashes" runs compared (either may be missing). */
export interface SriRuns {
  first: SriVerification | null;
  second: SriVerification | null;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function tagFor(row: SriRow, attributes: string): string {
  const url = escapeAttribute(row.url);
  switch (row.element) {
    case 'script type=module':
      return `<script type="module" src="${url}" ${attributes}></script>`;
    case 'link stylesheet':
      return `<link rel="stylesheet" href="${url}" ${attributes}>`;
    case 'link modulepreload':
      return `<link rel="modulepreload" href="${url}" ${attributes}>`;
    case 'link preload as=script':
      return `<link rel="preload" as="script" href="${url}" ${attributes}>`;
    case 'link preload as=style':
      return `<link rel="preload" as="style" href="${url}" ${attributes}>`;
    default:
      return `<script src="${url}" ${attributes}></script>`;
  }
}

function resultFor(run: SriVerification | null, url: string): SriVerificationResult | undefined {
  if (run === null || run.state !== 'done') return undefined;
  return run.results.find((result) => result.url === url);
}

const NOT_STATIC = 'Two fetches gave different hashes: this resource is not static, and SRI would break it the next time it changes. Pin a versioned URL, or host a copy yourself.';

export function sriSuggestions(capture: PageCapture, runs: SriRuns): SriTagSuggestion[] {
  const pageOrigin = originOf(capture.url);
  const responses = new Map(capture.subresources.map((response) => [response.url, response]));
  const seen = new Set<string>();
  const suggestions: SriTagSuggestion[] = [];
  for (const row of sriRows(capture)) {
    if (row.sameOrigin || !/^https?:/.test(row.url) || seen.has(row.url)) continue;
    seen.add(row.url);
    // `use-credentials` stays as the page wrote it; anything else becomes `anonymous`.
    const crossorigin = row.crossorigin?.trim().toLowerCase() === 'use-credentials' ? 'use-credentials' : 'anonymous';
    const cors = corsAllows(responses.get(row.url), pageOrigin, crossorigin) === true ? 'allowed' : 'not-seen';
    const base = { url: row.url, kind: row.kind, element: row.element, cors, integrity: null, attributes: null, tag: null } as const;
    const first = resultFor(runs.first, row.url);
    const second = resultFor(runs.second, row.url);
    if (first === undefined) {
      suggestions.push({ ...base, status: 'pending', note: null });
      continue;
    }
    if (first.suggested === null) {
      suggestions.push({ ...base, status: 'fetch-failed', note: `The file could not be fetched: ${first.error ?? 'unknown error'}.` });
      continue;
    }
    if (second?.suggested != null && second.suggested !== first.suggested) {
      suggestions.push({ ...base, status: 'not-static', note: NOT_STATIC });
      continue;
    }
    const attributes = `integrity="${escapeAttribute(first.suggested)}" crossorigin="${crossorigin}"`;
    const corsNote =
      cors === 'allowed'
        ? null
        : 'The page’s own request got no Access-Control-Allow-Origin for this file. Check that the host sends it to CORS requests, or the browser will refuse the file once crossorigin is set.';
    suggestions.push({
      ...base,
      status: second?.suggested != null ? 'ready' : 'unconfirmed',
      integrity: first.suggested,
      attributes,
      tag: tagFor(row, attributes),
      note: corsNote,
    });
  }
  return suggestions;
}
