/**
 * Reads the tags Tabgrade cares about from a document. Runs in the content script's
 * isolated world, so a page that redefines `document.querySelectorAll` or
 * `Element.prototype.getAttribute` cannot change what is read here.
 */
import { CAPTURE_LIMITS, type DomSnapshot, type ExternalResourceTag, type MetaTag } from '../core/capture';
import { isExecutableScriptType } from '../core/libraries/script-tags';
import { resolveFast, urlBase, type UrlBase } from './fast-url';

/** `<link rel>` values whose target is a script or stylesheet the page will use. */
const RESOURCE_LINK_RELS = ['stylesheet', 'preload', 'modulepreload'];

export function linkResourceRel(link: HTMLLinkElement): string | null {
  const rel = (link.getAttribute('rel') ?? '').toLowerCase();
  // The usual case, one token: no split (a 5,000-tag page has thousands of links).
  if (RESOURCE_LINK_RELS.includes(rel)) return rel;
  const tokens = rel.split(/\s+/);
  return RESOURCE_LINK_RELS.some((wanted) => tokens.includes(wanted)) ? rel : null;
}

/** What `script.src` returns, without asking the element when the attribute is plain (fast-url.ts). */
export function scriptUrl(script: HTMLScriptElement, src: string, base: UrlBase | null): string {
  return resolveFast(src, base) ?? script.src;
}

/** What `link.href` returns, likewise. */
export function linkUrl(link: HTMLLinkElement, href: string, base: UrlBase | null): string {
  return resolveFast(href, base) ?? link.href;
}

/**
 * Remembers when each tag was first seen, so that tags added after the first scan (a widget
 * injecting its own jQuery) are told apart from the ones the HTML parser created.
 */
export class TagClock {
  private readonly seen = new WeakMap<Element, { origin: ExternalResourceTag['origin']; ms: number }>();
  private readonly startedAt = performance.now();
  private firstScanDone = false;
  /** The time of the scan in progress: one clock read per scan, not one per tag. */
  private scanMs: number | null = null;

  firstSeen(element: Element): { origin: ExternalResourceTag['origin']; ms: number } {
    const known = this.seen.get(element);
    if (known !== undefined) return known;
    // Tags present at the first scan (after load) came from the parser or from scripts
    // that ran while it parsed; everything later was added after the document was parsed.
    const entry = {
      origin: this.firstScanDone ? ('added-after-load' as const) : ('parser' as const),
      ms: this.scanMs ?? Math.round(performance.now() - this.startedAt),
    };
    this.seen.set(element, entry);
    return entry;
  }

  markFirstScanDone(): void {
    this.firstScanDone = true;
  }

  /** Starts a scan: tags first seen until `endScan` share its time (a scan is synchronous). */
  beginScan(): void {
    this.scanMs = Math.round(performance.now() - this.startedAt);
  }

  endScan(): void {
    this.scanMs = null;
  }
}

/** A `<meta>` that can carry policy (`http-equiv`, or `name=referrer`), as read; null for others. */
export function metaOfInterest(meta: Element): MetaTag | null {
  const httpEquiv = meta.getAttribute('http-equiv');
  const name = meta.getAttribute('name');
  if (httpEquiv === null && (name === null || name.toLowerCase() !== 'referrer')) return null;
  return { httpEquiv, name, content: (meta.getAttribute('content') ?? '').slice(0, CAPTURE_LIMITS.headerValueChars) };
}

/**
 * Every tag read afresh: the reference for IncrementalSnapshot (incremental-snapshot.ts),
 * which the content script uses, and the first snapshot's cost in the bench.
 */
export function takeSnapshot(doc: Document, clock: TagClock): DomSnapshot {
  clock.beginScan();
  try {
    return readDocument(doc, clock);
  } finally {
    clock.endScan();
  }
}

function readDocument(doc: Document, clock: TagClock): DomSnapshot {
  const tags: ExternalResourceTag[] = [];
  let totalTags = 0;
  let inlineScriptCount = 0;
  const base = urlBase(doc.baseURI);

  // Live collections walked by index: no copy of thousands of elements (the snapshot runs
  // synchronously, so nothing changes them meanwhile).
  const scripts = doc.getElementsByTagName('script');
  for (let index = 0; index < scripts.length; index++) {
    const script = scripts[index] as HTMLScriptElement;
    const src = script.getAttribute('src');
    const type = script.getAttribute('type');
    if (src === null) {
      if (isExecutableScriptType(type)) inlineScriptCount++;
      continue;
    }
    totalTags++;
    if (tags.length >= CAPTURE_LIMITS.tagsPerSnapshot) continue;
    const seen = clock.firstSeen(script);
    tags.push({
      element: 'script',
      url: scriptUrl(script, src, base),
      rel: null,
      as: null,
      type,
      integrity: script.getAttribute('integrity'),
      crossorigin: script.getAttribute('crossorigin'),
      origin: seen.origin,
      firstSeenMs: seen.ms,
    });
  }

  const links = doc.getElementsByTagName('link');
  for (let index = 0; index < links.length; index++) {
    const link = links[index] as HTMLLinkElement;
    const rel = linkResourceRel(link);
    const href = rel === null ? null : link.getAttribute('href');
    if (href === null) continue;
    totalTags++;
    if (tags.length >= CAPTURE_LIMITS.tagsPerSnapshot) continue;
    const seen = clock.firstSeen(link);
    tags.push({
      element: 'link',
      url: linkUrl(link, href, base),
      rel,
      as: link.getAttribute('as'),
      type: link.getAttribute('type'),
      integrity: link.getAttribute('integrity'),
      crossorigin: link.getAttribute('crossorigin'),
      origin: seen.origin,
      firstSeenMs: seen.ms,
    });
  }

  const metas: MetaTag[] = [];
  const metaElements = doc.getElementsByTagName('meta');
  for (let index = 0; index < metaElements.length; index++) {
    const meta = metaElements[index] as HTMLMetaElement;
    const read = metaOfInterest(meta);
    if (read === null) continue;
    if (metas.length >= CAPTURE_LIMITS.metas) break;
    metas.push(read);
  }

  return {
    url: doc.URL,
    contentType: doc.contentType,
    takenAt: Date.now(),
    tags,
    inlineScriptCount,
    metas,
    truncated: totalTags > tags.length,
    totalTags,
  };
}

const READ_ELEMENTS: ReadonlySet<string> = new Set(['SCRIPT', 'LINK', 'META', 'BASE']);

function holdsReadElement(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  if (READ_ELEMENTS.has(node.nodeName)) return true;
  return (node as Element).firstElementChild !== null && (node as Element).querySelector('script,link,meta,base') !== null;
}

/**
 * True when a mutation may change the snapshot: a script, link, meta or base element (or
 * one inside a subtree) added or removed, or an attribute the snapshot reads changed on one.
 */
export function mutationsTouchTags(records: readonly MutationRecord[]): boolean {
  for (const record of records) {
    if (record.type === 'attributes') {
      if (READ_ELEMENTS.has(record.target.nodeName)) return true;
      continue;
    }
    for (const node of Array.from(record.addedNodes)) if (holdsReadElement(node)) return true;
    for (const node of Array.from(record.removedNodes)) if (holdsReadElement(node)) return true;
  }
  return false;
}
