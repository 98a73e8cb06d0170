/**
 * "Learn this site": what several pages of one origin need, merged into one set of
 * observations, so the draft allows what every page visited loads — not just the last.
 *
 * Merging is a union keyed by identity (a source by kind and expression, inline code by
 * hash, an attribute by element and hash), bounded by `OBSERVATION_LIMITS`. It is
 * idempotent — learning the same page twice changes nothing — so reopening the popup on
 * a page is harmless. Counts of URLs behind a source become lower bounds once more URLs
 * were seen than are kept as examples.
 */
import { OBSERVATION_LIMITS as L, type AttributeCode, type EvalUse, type InlineCode, type ObservedSource, type SiteObservations } from './observations';

function unionBy<T>(older: readonly T[], newer: readonly T[], key: (item: T) => string, max: number): T[] {
  const byKey = new Map<string, T>();
  for (const item of [...older, ...newer]) {
    const k = key(item);
    if (!byKey.has(k) && byKey.size < max) byKey.set(k, item);
  }
  return [...byKey.values()];
}

/** Pages in order of last visit: a page seen again moves to the end; the oldest fall off. */
function mergePages(older: readonly string[], newer: readonly string[]): string[] {
  const pages = [...older.filter((page) => !newer.includes(page)), ...newer];
  return pages.slice(Math.max(0, pages.length - L.pages));
}

function mergeSources(older: readonly ObservedSource[], newer: readonly ObservedSource[]): ObservedSource[] {
  const byKey = new Map<string, ObservedSource>();
  for (const source of [...older, ...newer]) {
    const key = `${source.kind} ${source.expression}`;
    const known = byKey.get(key);
    if (known === undefined) {
      if (byKey.size < L.sources) byKey.set(key, { ...source, examples: [...source.examples] });
      continue;
    }
    const examples = [...new Set([...known.examples, ...source.examples])];
    // Each side counted distinct URLs; without the full lists the union is at least the larger
    // count, and at least the distinct examples known.
    known.count = Math.max(known.count, source.count, examples.length);
    known.examples = examples.slice(0, L.examplesPerSource);
  }
  return [...byKey.values()];
}

const inlineKey = (item: InlineCode): string => item.hash;
const attributeKey = (item: AttributeCode): string => `${item.attribute} ${item.where} ${item.hash ?? item.preview}`;
const evalKey = (item: EvalUse): string => item.what;

/**
 * `older` and `newer` merged. Observations of another origin are not mixed in: `older` is
 * returned as it is (a policy is per site; the store keys by origin).
 */
export function mergeObservations(older: SiteObservations, newer: SiteObservations): SiteObservations {
  if (older.origin !== newer.origin) return older;
  return {
    version: 1,
    origin: older.origin,
    https: older.https || newer.https,
    pages: mergePages(older.pages, newer.pages),
    sources: mergeSources(older.sources, newer.sources),
    inlineScripts: unionBy(older.inlineScripts, newer.inlineScripts, inlineKey, L.inline),
    inlineStyles: unionBy(older.inlineStyles, newer.inlineStyles, inlineKey, L.inline),
    eventHandlers: unionBy(older.eventHandlers, newer.eventHandlers, attributeKey, L.attributes),
    javascriptUrls: unionBy(older.javascriptUrls, newer.javascriptUrls, attributeKey, L.attributes),
    styleAttributes: unionBy(older.styleAttributes, newer.styleAttributes, attributeKey, L.attributes),
    parserScripts: unionBy(older.parserScripts, newer.parserScripts, (url) => url, L.parserScripts),
    plugins: unionBy(older.plugins, newer.plugins, attributeKey, L.attributes),
    evalUses: unionBy(older.evalUses, newer.evalUses, evalKey, L.evalUses),
    // Notes describe the latest page's capture (e.g. "still loading"): keep the newest ones.
    notes: [...new Set(newer.notes)].slice(0, L.notes),
  };
}
