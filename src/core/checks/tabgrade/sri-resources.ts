/**
 * The page's scripts and stylesheets as Subresource Integrity sees them: one row per tag
 * with every problem found, for the SRI table and for the findings built from it.
 *
 * Rules, and why:
 * - only scripts and stylesheets count (`<script src>`, `<link rel=stylesheet>`, and
 *   `preload`/`modulepreload` of scripts and styles): SRI applies to nothing else there;
 * - same-origin files need no `integrity` (whoever can change them can change the page);
 * - cross-origin files need `integrity`, and with it CORS: a classic script or stylesheet
 *   fetched without `crossorigin` is an opaque response, whose integrity cannot be checked,
 *   so the browser blocks it. Module scripts and `modulepreload` always use CORS;
 * - an `http:` file on an `https:` page is mixed content (blocked by today's browsers,
 *   open to tampering in any browser that loads it), except from loopback hosts, which
 *   the Mixed Content spec treats as potentially trustworthy.
 */
import type { ExternalResourceTag, HttpHeader, PageCapture, ResponseCapture } from '../../capture';
import { firstHeader } from '../../headers';
import { hasRelToken, isExecutableScriptType } from '../../libraries/script-tags';
import { originOf } from '../../page-tags';
import { isSecureContextUrl } from './shared';
import { parseIntegrity, type IntegrityMetadata, type TokenProblem } from './sri-integrity-metadata';

export type SriResourceKind = 'script' | 'style';

export type SriProblem =
  | 'missing-integrity'
  | 'malformed-integrity'
  | 'non-standard-prefix'
  | 'sha256-only'
  | 'missing-crossorigin'
  | 'cors-not-allowed'
  | 'mixed-content';

/** What the table shows in its "integrity" column. */
export type SriStatus =
  | 'same-origin'
  | 'protected'
  | 'missing'
  | 'malformed'
  | 'blocked';

export interface SriRow {
  url: string;
  kind: SriResourceKind;
  /** e.g. `script`, `script type=module`, `link stylesheet`, `link preload as=script`. */
  element: string;
  resourceOrigin: string | null;
  sameOrigin: boolean;
  /** How the tag got there: by the HTML parser, or added by a script after load. */
  addedAfterLoad: boolean;
  firstSeenMs: number;
  integrity: string | null;
  crossorigin: string | null;
  /** Parsed `integrity`, when there is one. */
  metadata: IntegrityMetadata | null;
  /** Token problems in `integrity`, each once. */
  tokenProblems: TokenProblem[];
  status: SriStatus;
  problems: SriProblem[];
}

type ResourceKind = { readonly kind: SriResourceKind; readonly corsAlways: boolean; readonly element: string };

// One object per answer, shared by every tag: pages can carry thousands of tags.
const CLASSIC_SCRIPT: ResourceKind = { kind: 'script', corsAlways: false, element: 'script' };
const MODULE_SCRIPT: ResourceKind = { kind: 'script', corsAlways: true, element: 'script type=module' };
const MODULE_PRELOAD: ResourceKind = { kind: 'script', corsAlways: true, element: 'link modulepreload' };
const STYLESHEET: ResourceKind = { kind: 'style', corsAlways: false, element: 'link stylesheet' };
const PRELOAD_SCRIPT: ResourceKind = { kind: 'script', corsAlways: false, element: 'link preload as=script' };
const PRELOAD_STYLE: ResourceKind = { kind: 'style', corsAlways: false, element: 'link preload as=style' };

/** What a tag loads, as far as SRI is concerned; null for anything else (fonts, images…). */
export function resourceKind(tag: ExternalResourceTag): ResourceKind | null {
  if (tag.element === 'script') {
    if (!isExecutableScriptType(tag.type)) return null;
    return tag.type !== null && tag.type.trim().toLowerCase() === 'module' ? MODULE_SCRIPT : CLASSIC_SCRIPT;
  }
  if (hasRelToken(tag.rel, 'modulepreload')) return MODULE_PRELOAD;
  if (hasRelToken(tag.rel, 'stylesheet')) return STYLESHEET;
  if (hasRelToken(tag.rel, 'preload')) {
    const as = tag.as?.trim().toLowerCase() ?? '';
    if (as === 'script') return PRELOAD_SCRIPT;
    if (as === 'style') return PRELOAD_STYLE;
  }
  return null;
}

function headerValue(headers: readonly HttpHeader[], name: string): string | null {
  return firstHeader(headers, name)?.trim() ?? null;
}

/**
 * Whether a captured CORS response lets the page read it (Fetch §4.9 "CORS check"): the
 * allowed origin is `*` (not with credentials) or the page's origin, and credentials need
 * `Access-Control-Allow-Credentials: true`. Null when there is no response to judge.
 */
export function corsAllows(response: ResponseCapture | undefined, pageOrigin: string | null, crossorigin: string): boolean | null {
  if (response === undefined || response.statusCode === 0 || pageOrigin === null) return null;
  const allowOrigin = headerValue(response.headers, 'access-control-allow-origin');
  const withCredentials = crossorigin.trim().toLowerCase() === 'use-credentials';
  if (allowOrigin === null) return false;
  if (withCredentials) return allowOrigin === pageOrigin && headerValue(response.headers, 'access-control-allow-credentials') === 'true';
  return allowOrigin === '*' || allowOrigin === pageOrigin;
}

function isMixedContent(resourceUrl: string, pageIsHttps: boolean): boolean {
  if (!pageIsHttps || !resourceUrl.startsWith('http:')) return false;
  try {
    return !isSecureContextUrl(new URL(resourceUrl));
  } catch {
    return false;
  }
}

function statusOf(metadata: IntegrityMetadata | null, problems: readonly SriProblem[], sameOrigin: boolean): SriStatus {
  if (problems.includes('missing-crossorigin') || problems.includes('cors-not-allowed') || metadata?.effect === 'always-fails') return 'blocked';
  if (metadata !== null) return metadata.effect === 'checked' ? 'protected' : 'malformed';
  return sameOrigin ? 'same-origin' : 'missing';
}

const NO_TOKEN_PROBLEMS: TokenProblem[] = [];

/** Each token problem once, in the order met; per parsed value, which tags share (parseIntegrity). */
const problemsOfMetadata = new WeakMap<IntegrityMetadata, TokenProblem[]>();
function tokenProblemsOf(metadata: IntegrityMetadata): TokenProblem[] {
  const known = problemsOfMetadata.get(metadata);
  if (known !== undefined) return known;
  const found: TokenProblem[] = [];
  for (const token of metadata.tokens) if (token.problem !== null && !found.includes(token.problem)) found.push(token.problem);
  problemsOfMetadata.set(metadata, found);
  return found;
}

/**
 * The origin of an absolute http(s) URL as browsers serialise them (`script.src` is already
 * normalised: lower-case host, no default port), read without a URL parser: pages can carry
 * thousands of tags. Anything else goes through `URL`. A scan by character codes rather than
 * a regular expression: on the bench's 2,000-tag page the match arrays were a fifth of the
 * analysis's garbage.
 */
export function fastOrigin(url: string): string | null {
  const hostStart = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : -1;
  if (hostStart === -1) return originOf(url);
  let end = hostStart;
  let colon = -1;
  for (; end < url.length; end++) {
    const code = url.charCodeAt(end);
    if (code === 0x2f || code === 0x3f || code === 0x23) break; // / ? #
    const digit = code >= 0x30 && code <= 0x39;
    if (colon !== -1) {
      if (!digit) return originOf(url);
    } else if (code === 0x3a) {
      colon = end;
    } else if (!(digit || (code >= 0x61 && code <= 0x7a) || code === 0x2e || code === 0x2d)) {
      return originOf(url); // upper case, user info, IPv6, non-ASCII …
    }
  }
  const hostEnd = colon === -1 ? end : colon;
  if (hostEnd === hostStart) return originOf(url);
  if (colon !== -1) {
    const port = url.slice(colon + 1, end);
    if (port === '' || port.startsWith('0') || port === (hostStart === 8 ? '443' : '80')) return originOf(url);
  }
  return url.slice(0, end);
}

/** Responses by URL, for the CORS check; the capture keeps the first ones of a page. */
function responsesByUrl(capture: PageCapture): Map<string, ResponseCapture> {
  const byUrl = new Map<string, ResponseCapture>();
  for (const response of capture.subresources) if (!byUrl.has(response.url)) byUrl.set(response.url, response);
  return byUrl;
}

/** Rows per capture object: captures are replaced, never changed, and several views ask. */
const rowsCache = new WeakMap<PageCapture, SriRow[]>();

export function sriRows(capture: PageCapture): SriRow[] {
  const known = rowsCache.get(capture);
  if (known !== undefined) return known;
  const rows = computeRows(capture);
  rowsCache.set(capture, rows);
  return rows;
}

function computeRows(capture: PageCapture): SriRow[] {
  const tags = capture.dom?.tags ?? [];
  if (tags.length === 0) return [];
  const pageOrigin = originOf(capture.url);
  const responses = responsesByUrl(capture);
  const pageIsHttps = capture.url.startsWith('https:');
  const rows: SriRow[] = [];
  for (const tag of tags) {
    const kind = resourceKind(tag);
    if (kind === null) continue;
    const resourceOrigin = fastOrigin(tag.url);
    const sameOrigin = resourceOrigin !== null && resourceOrigin === pageOrigin;
    const metadata = tag.integrity === null ? null : parseIntegrity(tag.integrity);
    const tokenProblems = metadata === null ? NO_TOKEN_PROBLEMS : tokenProblemsOf(metadata);
    const problems: SriProblem[] = [];
    if (isMixedContent(tag.url, pageIsHttps)) problems.push('mixed-content');
    if (metadata === null) {
      if (!sameOrigin) problems.push('missing-integrity');
    } else {
      if (tokenProblems.some((problem) => problem !== 'non-standard-prefix') || metadata.tokens.length === 0) problems.push('malformed-integrity');
      if (tokenProblems.includes('non-standard-prefix')) problems.push('non-standard-prefix');
      if (metadata.effect === 'checked' && metadata.strongest === 'sha256') problems.push('sha256-only');
      if (!sameOrigin && metadata.effect !== 'unchecked') {
        // Module scripts and modulepreload use CORS even without the attribute (as `anonymous`).
        const mode = tag.crossorigin ?? (kind.corsAlways ? 'anonymous' : null);
        if (mode === null) problems.push('missing-crossorigin');
        else if (corsAllows(responses.get(tag.url), pageOrigin, mode) === false) problems.push('cors-not-allowed');
      }
    }
    rows.push({
      url: tag.url,
      kind: kind.kind,
      element: kind.element,
      resourceOrigin,
      sameOrigin,
      addedAfterLoad: tag.origin === 'added-after-load',
      firstSeenMs: tag.firstSeenMs,
      integrity: tag.integrity,
      crossorigin: tag.crossorigin,
      metadata,
      tokenProblems,
      problems,
      status: statusOf(metadata, problems, sameOrigin),
    });
  }
  return rows;
}
