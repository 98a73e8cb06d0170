/**
 * What a HAR can tell about the page's content without a live browser: the script and
 * stylesheet tags of the served HTML (as a DOM snapshot would list them, all inserted by the
 * parser) and the libraries named inside the script bodies the HAR recorded. With these the
 * SRI-in-depth and library checks run on a HAR as they do in the extension; what only a live
 * page shows (tags added after load, runtime library probes) is said in a note.
 */
import type { ContentLibraryHit, DocumentHtml, DomSnapshot, ExternalResourceTag, MetaTag } from '../capture';
import { CAPTURE_LIMITS } from '../capture';
import { walkMarkup } from '../csp-builder/page-markup';
import { firstHeader } from '../headers';
import contentData from '../data/retire-filecontent.json' with { type: 'json' };
import { detectFromUrl } from '../libraries/detect-from-url';
import { isExecutableScriptType } from '../libraries/script-tags';
import { scanContent, type ContentRepository } from '../libraries/retire-engine';
import { decodeBody } from './body';
import type { Entry } from './entry';

/** The note for a HAR report: what a recording cannot show. */
export const HAR_CONTENT_NOTE =
  'Graded from a HAR recording: scripts and stylesheets come from the served HTML and libraries from script URLs and bodies; what only a live page shows (tags added after load, libraries found at run time) could not be judged — `tabgrade audit <url>` sees those too.';

/** The note for a HAR that Tabgrade exported, which carries the live page's tags and libraries. */
export const HAR_LIVE_PAGE_NOTE =
  'Graded from a HAR that Tabgrade exported: the tags and the run-time libraries come from the live page as the extension saw it when the file was saved.';

/** The one note on what the HAR could and could not show. */
export function harContentNote(imported: { livePage: boolean }): string {
  return imported.livePage ? HAR_LIVE_PAGE_NOTE : HAR_CONTENT_NOTE;
}

/** Scripts whose bodies are scanned, and the largest body read: bounded work for any HAR. */
const CONTENT_SCAN_LIMITS = { scripts: 60, bodyChars: 3_000_000 } as const;

function resolve(url: string, base: string): string | null {
  try {
    return new URL(url.trim(), base).href;
  } catch {
    return null;
  }
}

/** The tags of the served HTML as the content script would report them. */
export function servedDom(html: DocumentHtml, pageUrl: string, contentType: string, takenAt: number): DomSnapshot {
  const tags: ExternalResourceTag[] = [];
  const metas: MetaTag[] = [];
  let base = pageUrl;
  let baseSeen = false;
  let inlineScriptCount = 0;
  let totalTags = 0;
  const add = (tag: Omit<ExternalResourceTag, 'origin' | 'firstSeenMs'>): void => {
    totalTags++;
    if (tags.length < CAPTURE_LIMITS.tagsPerSnapshot) tags.push({ ...tag, origin: 'parser', firstSeenMs: 0 });
  };
  walkMarkup(html.text, (element) => {
    const attribute = (name: string): string | null => element.attributes.get(name) ?? null;
    if (element.name === 'base' && !baseSeen && element.attributes.has('href')) {
      baseSeen = true;
      base = resolve(attribute('href') ?? '', pageUrl) ?? pageUrl;
    } else if (element.name === 'script') {
      const src = attribute('src');
      const url = src === null || src.trim() === '' ? null : resolve(src, base);
      // Data blocks (JSON-LD, templates) are not counted, as the content script does not count them.
      if (src === null) {
        if (isExecutableScriptType(attribute('type'))) inlineScriptCount++;
      }
      else if (url !== null) add({ element: 'script', url, rel: null, as: null, type: attribute('type'), integrity: attribute('integrity'), crossorigin: attribute('crossorigin') });
    } else if (element.name === 'link') {
      const href = attribute('href');
      const url = href === null ? null : resolve(href, base);
      const rel = attribute('rel')?.toLowerCase() ?? null;
      if (url !== null && rel !== null && /(?:^|\s)(?:stylesheet|preload|modulepreload)(?:\s|$)/.test(rel)) {
        add({ element: 'link', url, rel, as: attribute('as'), type: attribute('type'), integrity: attribute('integrity'), crossorigin: attribute('crossorigin') });
      }
    } else if (element.name === 'meta' && element.attributes.has('content') && (element.attributes.has('http-equiv') || element.attributes.has('name'))) {
      if (metas.length < CAPTURE_LIMITS.metas) metas.push({ httpEquiv: attribute('http-equiv'), name: attribute('name'), content: attribute('content') ?? '' });
    }
  });
  return { url: pageUrl, contentType, takenAt, tags, inlineScriptCount, metas, truncated: totalTags > tags.length || html.truncated, totalTags };
}

const CONTENT_REPOSITORY: ContentRepository = Object.fromEntries(
  Object.entries((contentData as { components: Record<string, Record<string, string[]>> }).components).map(([component, extractors]) => [component, { extractors, vulnerabilities: [] }]),
);

function isScript(entry: Entry): boolean {
  if (entry.resourceType !== null) return entry.resourceType === 'script';
  const type = (entry.content.mimeType || (firstHeader(entry.headers, 'content-type') ?? '')).toLowerCase();
  return /javascript|ecmascript/.test(type);
}

/** Libraries named in the bodies of the page's scripts, for scripts whose URL named none. */
export function contentLibraries(entries: readonly Entry[]): ContentLibraryHit[] {
  const hits: ContentLibraryHit[] = [];
  let scanned = 0;
  for (const entry of entries) {
    if (scanned >= CONTENT_SCAN_LIMITS.scripts) break;
    if (!isScript(entry) || entry.status < 200 || entry.status > 299 || detectFromUrl(entry.url).length > 0) continue;
    const body = decodeBody(entry.content, firstHeader(entry.headers, 'content-type'));
    if (!body.ok || body.text.length > CONTENT_SCAN_LIMITS.bodyChars) continue;
    scanned++;
    for (const detection of scanContent(body.text, CONTENT_REPOSITORY)) {
      if (!hits.some((hit) => hit.url === entry.url && hit.component === detection.component && hit.version === detection.version)) {
        hits.push({ url: entry.url, component: detection.component, version: detection.version });
      }
    }
  }
  return hits;
}
