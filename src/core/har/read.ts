/**
 * HAR 1.2 → PageCapture. Works with what Chrome DevTools, Firefox DevTools, Playwright's
 * `recordHar`, WebPageTest, Fiddler, Charles and Tabgrade itself write:
 *
 * - the main document is the first `_resourceType: "document"` entry of `pages[0]` that
 *   is not a redirect (Chrome, Tabgrade), else its first HTML response that is not a
 *   redirect (Firefox, Playwright); every exporter lists a redirect as its own entry;
 * - the hops that led to it are found by walking back through earlier entries whose
 *   `redirectURL` (or `Location`) points at the next request;
 * - probes come from `probes.ts`; an entry is in `entry.ts`;
 * - an entry `validate.ts` cannot read is skipped, and what it repaired is noted, in one
 *   warning each; the file is refused only when a skipped entry could have been the document.
 */
import { CAPTURE_LIMITS, type DocumentHtml, type PageCapture, type ResponseCapture } from '../capture';
import { firstHeader } from '../headers';
import { decodeBody } from './body';
import { failureOf, HTML_MEDIA_TYPES, isHttp, mediaTypeOf, prepare, toHop, toResponse, type Entry } from './entry';
import { HarError } from './error';
import { scanJson } from './json-scan';
import { parseLivePage } from './live-page';
import { importNotes } from './notes';
import { contentLibraries, servedDom } from './page-content';
import { findProbes } from './probes';
import { resourceTypeOf } from './resource-types';
import { urlKey } from './urls';
import { HAR_FIELDS, validateHar, type HarPageView, type SkippedEntry } from './validate';

export interface HarImport {
  capture: PageCapture;
  /** What the HAR could not tell (no body, failed document …), in words for the report. */
  warnings: string[];
  /** True when the HAR is a Tabgrade export carrying what the live page showed (`live-page.ts`). */
  livePage: boolean;
}

/**
 * Could this entry be the page's main document? A typed entry must be a `document`;
 * an untyped one must be HTML. Redirects are hops, not documents, and a preflight
 * (`OPTIONS`) never is one; a form's `POST` result can be.
 */
function isDocumentCandidate(entry: Entry): boolean {
  if (!isHttp(entry) || entry.target !== null || entry.method === 'OPTIONS' || entry.method === 'HEAD') return false;
  if (entry.resourceType !== null) return entry.resourceType === 'document';
  return HTML_MEDIA_TYPES.has(mediaTypeOf(entry));
}

/** A later https:// document of the same host as an http:// `document`, when the HAR has one. */
function laterHttpsVisit(document: Entry, entries: readonly Entry[]): Entry | undefined {
  const first = new URL(document.url);
  if (first.protocol !== 'http:') return undefined;
  return entries.find((entry) => {
    if (entry.index <= document.index || entry.probe !== null || !isDocumentCandidate(entry)) return false;
    const url = new URL(entry.url);
    return url.protocol === 'https:' && url.hostname === first.hostname;
  });
}

/** The nearest entry before `entry` that redirected to its URL. */
function latestRedirectTo(entry: Entry, pool: readonly Entry[]): Entry | null {
  for (let i = pool.length - 1; i >= 0; i--) {
    const candidate = pool[i];
    if (candidate === undefined || candidate.index >= entry.index || candidate.target === null) continue;
    if (urlKey(candidate.target) === entry.key) return candidate;
  }
  return null;
}

/** The entries from the first request to `document`, walking back through redirects. */
function chainLeadingTo(document: Entry, pool: readonly Entry[]): Entry[] {
  const chain = [document];
  let current = document;
  while (chain.length <= CAPTURE_LIMITS.redirects) {
    const previous = latestRedirectTo(current, pool);
    if (previous === null) break;
    chain.unshift(previous);
    current = previous;
  }
  return chain;
}

function documentHtml(documentEntry: Entry, warnings: string[]): DocumentHtml | null {
  const mediaType = mediaTypeOf(documentEntry);
  if (mediaType !== '' && !HTML_MEDIA_TYPES.has(mediaType)) {
    warnings.push(`The main document is not HTML (${mediaType}), so checks that read HTML had nothing to read.`);
    return null;
  }
  const body = decodeBody(documentEntry.content, firstHeader(documentEntry.headers, 'content-type'));
  if (!body.ok) {
    warnings.push(`Checks that read HTML could not read the main document: ${body.reason}. Export the HAR with content to include it.`);
    return null;
  }
  const truncated = body.text.length > CAPTURE_LIMITS.htmlChars;
  return { text: truncated ? body.text.slice(0, CAPTURE_LIMITS.htmlChars) : body.text, source: 'served', truncated };
}

/**
 * The page's entries, and those skipped as unreadable that were on it. Some tools write
 * `pages` but no `pageref` (or a page has no id): then every entry belongs to the one page.
 */
function pageEntries(entries: readonly Entry[], skipped: readonly SkippedEntry[], page: HarPageView | null): { onPage: Entry[]; skippedOnPage: SkippedEntry[] } {
  const untagged = entries.filter((entry) => entry.probe === null);
  const id = page?.id ?? null;
  if (id === null || !(untagged.some((entry) => entry.pageref === id) || skipped.some((entry) => entry.pageref === id))) {
    return { onPage: untagged, skippedOnPage: [...skipped] };
  }
  return { onPage: untagged.filter((entry) => entry.pageref === id), skippedOnPage: skipped.filter((entry) => entry.pageref === id) };
}

function completedAt(startedAt: number, page: HarPageView | null, entries: readonly Entry[]): number | null {
  if (page?.onLoadMs != null) return startedAt + page.onLoadMs;
  let end: number | null = null;
  for (const entry of entries) {
    if (entry.startedMs === null) continue;
    const entryEnd = entry.startedMs + Math.max(0, entry.durationMs ?? 0);
    end = end === null ? entryEnd : Math.max(end, entryEnd);
  }
  return end;
}

/** Converts a parsed HAR document into a capture plus notes on what it lacked. */
export function importHar(input: unknown): HarImport {
  const har = validateHar(input);
  const entries = har.entries.map(prepare);
  if (entries.length === 0 && har.skipped.length === 0) throw new HarError('no HTML document found: the HAR has no entries');

  const warnings: string[] = [];
  let page = har.pages[0] ?? null;
  let { onPage, skippedOnPage } = pageEntries(entries, har.skipped, page);
  let documentEntry = onPage.find(isDocumentCandidate);
  // The user typed the bare name (an http:// visit) and later opened the https:// address:
  // grade the host the way the Observatory scans it, the https:// page, with the http://
  // visit as its redirection check (`findProbes` takes the http://<host>/ request).
  const secure = documentEntry === undefined ? undefined : laterHttpsVisit(documentEntry, entries);
  if (documentEntry !== undefined && secure !== undefined) {
    const securePage = har.pages.find((candidate) => candidate.id === secure.pageref) ?? page;
    if (securePage !== page) ({ onPage, skippedOnPage } = pageEntries(entries, har.skipped, securePage));
    page = securePage;
    warnings.push(
      `The HAR holds an http:// and an https:// visit of ${new URL(secure.url).hostname}: Tabgrade graded the https:// page, as the Observatory scans the host, with the http:// visit as its redirection check.`,
    );
    documentEntry = secure;
  } else if (har.pages.length > 1) {
    warnings.push(`The HAR holds ${har.pages.length} pages; Tabgrade graded the first.`);
  }
  // An unreadable entry before the document that could itself have been the document: grading
  // the next one would grade the wrong response.
  const lost = skippedOnPage.find((entry) => entry.couldBeDocument && (documentEntry === undefined || entry.index < documentEntry.index));
  if (lost !== undefined) throw new HarError(`the page's document, ${lost.subject}, cannot be read: ${lost.problem}`);
  if (documentEntry === undefined) {
    const unreadable = har.skipped.length > 0 ? ` (and ${har.skipped.length} unreadable)` : '';
    throw new HarError(`no HTML document found among ${entries.length} entries${unreadable}`);
  }
  warnings.push(...importNotes(har.skipped, har.repaired));

  const chain = chainLeadingTo(documentEntry, onPage);
  const first = chain[0] ?? documentEntry;
  const inChain = new Set(chain.map((entry) => entry.index));
  const { probes, used } = findProbes(entries, documentEntry, inChain);

  const subresources: ResponseCapture[] = [];
  let droppedSubresources = 0;
  for (const entry of onPage) {
    if (inChain.has(entry.index) || used.has(entry.index)) continue;
    if (subresources.length >= CAPTURE_LIMITS.subresourcesPerPage) {
      droppedSubresources++;
      continue;
    }
    subresources.push(toResponse(entry, resourceTypeOf(entry.resourceType, entry.content.mimeType)));
  }
  if (droppedSubresources > 0) {
    warnings.push(`${droppedSubresources} sub-resource responses beyond the first ${CAPTURE_LIMITS.subresourcesPerPage} were not kept.`);
  }

  const failed = documentEntry.status === 0;
  if (failed) warnings.push(`The main document did not load: ${failureOf(documentEntry)}.`);
  const startedAt = page?.startedMs ?? first.startedMs ?? 0;

  const html = failed ? null : documentHtml(documentEntry, warnings);
  // A Tabgrade export carries what the live page showed; other HARs only the served HTML.
  const livePage = failed ? null : parseLivePage(page?.livePage);
  const contentType = firstHeader(documentEntry.headers, 'content-type') ?? (documentEntry.content.mimeType || 'text/html');
  // Sub-resources only: the document's own body is HTML, and probes are not the page's scripts.
  const scripts = onPage.filter((entry) => !inChain.has(entry.index) && !used.has(entry.index));
  const capture: PageCapture = {
    schemaVersion: 1,
    navigationId: `har:${page?.id ?? 'page'}:${startedAt}`,
    tabId: null,
    requestedUrl: first.url,
    url: documentEntry.url,
    state: failed ? 'error' : 'complete',
    startedAt,
    completedAt: completedAt(startedAt, page, onPage),
    document: failed ? null : toResponse(documentEntry, 'main_frame'),
    redirects: chain.slice(0, -1).map(toHop),
    subresources,
    droppedSubresources,
    dom: livePage?.dom ?? (html === null ? null : servedDom(html, documentEntry.url, contentType, completedAt(startedAt, page, onPage) ?? startedAt)),
    html,
    probes,
    error: failed ? failureOf(documentEntry) : null,
    contentLibraries: failed ? [] : contentLibraries(scripts),
    ...(livePage?.runtimeLibraries ? { runtimeLibraries: livePage.runtimeLibraries } : {}),
  };
  return { capture, warnings, livePage: livePage !== null };
}

/**
 * Parses a HAR file's bytes for `importHar`, building only what it reads (`json-scan.ts`):
 * a big file needs about its own size in memory, where `parseHarText` needs several times
 * it. UTF-8 with or without a byte-order mark; UTF-16 when its byte-order mark says so.
 */
export function parseHarBytes(bytes: Uint8Array): unknown {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return parseHarText(new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes));
  }
  return scanJson(bytes, HAR_FIELDS);
}

/**
 * Parses HAR text (a file's contents). A byte-order mark, which some Windows tools
 * write, is skipped.
 */
export function parseHarText(text: string): unknown {
  try {
    return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    // V8 quotes a piece of the input in its message: keep the message on one short line.
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 200);
    throw new HarError(`not a HAR file: not valid JSON (${detail})`);
  }
}
