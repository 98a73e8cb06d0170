/**
 * The content script's snapshot after the first one: the same result as `takeSnapshot`
 * (snapshot.ts, the reference), but each element is read once and remembered until a
 * mutation record says one of the attributes read from it changed. A page that keeps
 * adding tags (a widget, an infinite list) costs a walk over the tag collections and a map
 * lookup per tag, instead of reading and resolving every attribute of every tag again; a
 * snapshot that equals the last one sent is not sent at all.
 *
 * What a cached reading depends on, and how each is watched:
 * - the element's own attributes → `attributes` mutation records (ATTRIBUTES_READ);
 * - the document's base URL (relative `src`/`href` resolve against it: a `<base>` or a
 *   `history.pushState`) → `document.baseURI` compared at each snapshot;
 * - the element's place in the document → not cached: the live collections are walked in
 *   document order every time, as the full snapshot does.
 * A tag's URL and its other attributes are read only when the tag is kept (the first 2,000):
 * resolving is most of the cost of reading a tag, and a tag beyond the cap is only counted.
 */
import { CAPTURE_LIMITS, type DomSnapshot, type ExternalResourceTag, type MetaTag } from '../core/capture';
import { urlBase, type UrlBase } from './fast-url';
import { isExecutableScriptType } from '../core/libraries/script-tags';
import { linkResourceRel, linkUrl, metaOfInterest, scriptUrl, type TagClock } from './snapshot';

/** Every attribute the snapshot reads: the observer's attributeFilter. */
export const ATTRIBUTES_READ = ['src', 'type', 'integrity', 'crossorigin', 'rel', 'href', 'as', 'http-equiv', 'name', 'content'];

type Reading =
  | { kind: 'inline'; executable: boolean }
  | { kind: 'skip' }
  /**
   * `raw` is the `src`/`href` attribute; `tag` is made the first time the tag is kept (its
   * other attributes read and its URL resolved then; its first-seen time never changes after).
   */
  | { kind: 'script'; raw: string; tag: ExternalResourceTag | null }
  | { kind: 'link'; raw: string; rel: string; tag: ExternalResourceTag | null };

function readScript(script: HTMLScriptElement): Reading {
  const src = script.getAttribute('src');
  if (src === null) return { kind: 'inline', executable: isExecutableScriptType(script.getAttribute('type')) };
  return { kind: 'script', raw: src, tag: null };
}

function readLink(link: HTMLLinkElement): Reading {
  const rel = linkResourceRel(link);
  const href = rel === null ? null : link.getAttribute('href');
  if (rel === null || href === null) return { kind: 'skip' };
  return { kind: 'link', raw: href, rel, tag: null };
}

/** The tag as takeSnapshot reads it (same fields, same key order: the two are compared as JSON). */
function keptTag(element: Element, reading: Extract<Reading, { kind: 'script' | 'link' }>, base: UrlBase | null, seen: { origin: ExternalResourceTag['origin']; ms: number }): ExternalResourceTag {
  if (reading.kind === 'script') {
    const script = element as HTMLScriptElement;
    return {
      element: 'script', url: scriptUrl(script, reading.raw, base), rel: null, as: null, type: script.getAttribute('type'),
      integrity: script.getAttribute('integrity'), crossorigin: script.getAttribute('crossorigin'), origin: seen.origin, firstSeenMs: seen.ms,
    };
  }
  const link = element as HTMLLinkElement;
  return {
    element: 'link', url: linkUrl(link, reading.raw, base), rel: reading.rel, as: link.getAttribute('as'), type: link.getAttribute('type'),
    integrity: link.getAttribute('integrity'), crossorigin: link.getAttribute('crossorigin'), origin: seen.origin, firstSeenMs: seen.ms,
  };
}

export class IncrementalSnapshot {
  private readings = new WeakMap<Element, Reading>();
  private metaReadings = new WeakMap<Element, MetaTag | null>();
  private baseUrl: string | null = null;
  private last: DomSnapshot | null = null;

  constructor(private readonly clock: TagClock) {}

  /** Forgets what the records say may have changed. */
  invalidate(records: readonly MutationRecord[]): void {
    for (const record of records) {
      if (record.type !== 'attributes') continue;
      this.readings.delete(record.target as Element);
      this.metaReadings.delete(record.target as Element);
    }
  }


  /** The snapshot `takeSnapshot(doc, clock)` would take now (but for `takenAt`). */
  take(doc: Document): DomSnapshot {
    this.clock.beginScan();
    try {
      return this.read(doc);
    } finally {
      this.clock.endScan();
    }
  }

  private read(doc: Document): DomSnapshot {
    if (doc.baseURI !== this.baseUrl) {
      this.readings = new WeakMap();
      this.baseUrl = doc.baseURI;
    }
    const base: UrlBase | null = urlBase(doc.baseURI);
    const tags: ExternalResourceTag[] = [];
    let totalTags = 0;
    let inlineScriptCount = 0;
    const keep = (element: Element, reading: Reading): void => {
      if (reading.kind !== 'script' && reading.kind !== 'link') return;
      totalTags++;
      if (tags.length >= CAPTURE_LIMITS.tagsPerSnapshot) return;
      reading.tag ??= keptTag(element, reading, base, this.clock.firstSeen(element));
      tags.push(reading.tag);
    };
    // Live collections walked by index, as in takeSnapshot.
    const scripts = doc.getElementsByTagName('script');
    for (let index = 0; index < scripts.length; index++) {
      const script = scripts[index] as HTMLScriptElement;
      let reading = this.readings.get(script);
      if (reading === undefined) this.readings.set(script, (reading = readScript(script)));
      if (reading.kind === 'inline') {
        if (reading.executable) inlineScriptCount++;
      } else keep(script, reading);
    }
    const links = doc.getElementsByTagName('link');
    for (let index = 0; index < links.length; index++) {
      const link = links[index] as HTMLLinkElement;
      let reading = this.readings.get(link);
      if (reading === undefined) this.readings.set(link, (reading = readLink(link)));
      keep(link, reading);
    }

    const metas: MetaTag[] = [];
    const metaElements = doc.getElementsByTagName('meta');
    for (let index = 0; index < metaElements.length; index++) {
      const meta = metaElements[index] as HTMLMetaElement;
      let reading = this.metaReadings.get(meta);
      if (reading === undefined) this.metaReadings.set(meta, (reading = metaOfInterest(meta)));
      if (reading === null) continue;
      if (metas.length >= CAPTURE_LIMITS.metas) break;
      metas.push(reading);
    }
    return { url: doc.URL, contentType: doc.contentType, takenAt: Date.now(), tags, inlineScriptCount, metas, truncated: totalTags > tags.length, totalTags };
  }

  /**
   * The snapshot, or null when it says nothing the last one returned did not (no need to
   * send it) — unless `force`.
   */
  takeIfChanged(doc: Document, force = false): DomSnapshot | null {
    const snapshot = this.take(doc);
    const last = this.last;
    if (!force && last !== null && sameContent(last, snapshot)) return null;
    this.last = snapshot;
    return snapshot;
  }
}

/** Same tags and metas (the cached objects, so identity is equality), counts and document. */
function sameContent(a: DomSnapshot, b: DomSnapshot): boolean {
  const same = <T,>(x: readonly T[], y: readonly T[]) => x.length === y.length && x.every((item, index) => item === y[index]);
  return (
    a.url === b.url && a.contentType === b.contentType && a.inlineScriptCount === b.inlineScriptCount && a.totalTags === b.totalTags &&
    a.truncated === b.truncated && same(a.tags, b.tags) && same(a.metas, b.metas)
  );
}
