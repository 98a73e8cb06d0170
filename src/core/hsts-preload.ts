/**
 * The HSTS preload list, looked up the way the MDN HTTP Observatory does
 * (`isHstsPreloaded` in its `src/analyzer/hsts.js`):
 * - the host itself counts when its entry's mode is `force-https`;
 * - otherwise each parent domain (`b.example.com`, `example.com`, `com`) counts when its
 *   entry is `force-https` AND has `include_subdomains`.
 * The answer carries the matched entry's `includeSubDomains`.
 *
 * Tabgrade bundles no list (no maintained npm package ships Chromium's
 * `transport_security_state_static.json`), so the default list is empty and every lookup
 * answers null — "unknown", which the tests treat as "not preloaded" and say so. A list can
 * be built at run time from an opt-in source with `parseChromiumPreloadJson`.
 */
import bundled from './data/hsts-preload.json' with { type: 'json' };

export interface HstsPreloadStatus {
  preloaded: boolean;
  includeSubDomains: boolean;
}

export interface HstsPreloadList {
  /** Where the entries come from, in words. */
  source: string;
  /** ISO date the entries were taken, or null when unknown. */
  date: string | null;
  /** Host (lower case) → whether the entry includes subdomains. Only `force-https` entries. */
  entries: ReadonlyMap<string, boolean>;
}

/** A list from `[name, includeSubDomains]` pairs (names are lower-cased and trimmed). */
export function createHstsPreloadList(source: string, date: string | null, entries: Iterable<readonly [string, boolean]>): HstsPreloadList {
  const map = new Map<string, boolean>();
  for (const [name, includeSubDomains] of entries) map.set(name.trim().toLowerCase(), includeSubDomains);
  return { source, date, entries: map };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads Chromium's `net/http/transport_security_state_static.json` (whole-line `//`
 * comments allowed, as in the original). Keeps `mode: "force-https"` entries only, like the
 * Observatory. Throws when the text is not that format.
 */
export function parseChromiumPreloadJson(text: string, source: string, date: string | null): HstsPreloadList {
  // The Observatory strips `//…` to the end of each line; Chromium's file only has whole-line comments.
  const parsed: unknown = JSON.parse(text.replace(/^\s*\/\/.*$/gm, ''));
  if (!isRecord(parsed) || !Array.isArray(parsed.entries)) throw new Error('not a Chromium HSTS preload file: no entries array');
  const entries: Array<[string, boolean]> = [];
  for (const entry of parsed.entries) {
    if (!isRecord(entry) || typeof entry.name !== 'string' || entry.mode !== 'force-https') continue;
    entries.push([entry.name, entry.include_subdomains === true]);
  }
  return createHstsPreloadList(source, date, entries);
}

function bundledList(): HstsPreloadList {
  const entries: Array<[string, boolean]> = [];
  for (const entry of bundled.entries as unknown[]) {
    if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'boolean') entries.push([entry[0], entry[1]]);
  }
  return createHstsPreloadList(bundled.source, bundled.date, entries);
}

/** The list shipped with Tabgrade (empty unless a build fills `data/hsts-preload.json`). */
export const BUNDLED_HSTS_PRELOAD: HstsPreloadList = bundledList();

/**
 * Whether `host` is preloaded according to `list`: null when the list is empty (unknown),
 * else the Observatory's answer.
 */
export function lookupHstsPreload(list: HstsPreloadList, host: string): HstsPreloadStatus | null {
  if (list.entries.size === 0) return null;
  const name = host.trim().toLowerCase().replace(/\.$/, '');
  const own = list.entries.get(name);
  if (own !== undefined) return { preloaded: true, includeSubDomains: own };
  const labels = name.split('.');
  for (let i = 1; i < labels.length; i++) {
    const parent = labels.slice(i).join('.');
    if (list.entries.get(parent) === true) return { preloaded: true, includeSubDomains: true };
  }
  return { preloaded: false, includeSubDomains: false };
}

/** An `ObservatoryContext.isHstsPreloaded` over a list. */
export function hstsPreloadLookup(list: HstsPreloadList = BUNDLED_HSTS_PRELOAD): (host: string) => HstsPreloadStatus | null {
  return (host) => lookupHstsPreload(list, host);
}
