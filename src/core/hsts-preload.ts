/**
 * The HSTS preload list, looked up the way the MDN HTTP Observatory does
 * (`isHstsPreloaded` in its `src/analyzer/hsts.js`):
 * - the host itself counts when its entry's mode is `force-https`;
 * - otherwise each parent domain (`b.example.com`, `example.com`, `com`) counts when its
 *   entry is `force-https` AND has `include_subdomains`.
 * The answer carries the matched entry's `includeSubDomains`.
 *
 * Tabgrade bundles Chromium's list (`data/hsts-preload/`, see SOURCE.md there) in the compact
 * form of `hsts-preload-compact.ts`. Core never loads it: the adapters do (the worker fetches
 * it on first need, the CLI carries it) and hand the list over through
 * `hstsPreloadContext`. Without a list every lookup is null — "unknown", which the tests
 * treat as "not preloaded" and say so.
 */
import type { ObservatoryContext } from './checks/observatory/types';

export interface HstsPreloadStatus {
  preloaded: boolean;
  includeSubDomains: boolean;
}

export interface HstsPreloadList {
  /** Where the entries come from, in words. */
  source: string;
  /** ISO date the entries were taken, or null when unknown. */
  date: string | null;
  /** How many hosts are listed. Only `force-https` entries count. */
  size: number;
  /** The entry for exactly `name` (lower case, no trailing dot): its include_subdomains, or undefined when not listed. */
  entry(name: string): boolean | undefined;
}

/** A list from `[name, includeSubDomains]` pairs (names are lower-cased and trimmed). */
export function createHstsPreloadList(source: string, date: string | null, entries: Iterable<readonly [string, boolean]>): HstsPreloadList {
  const map = new Map<string, boolean>();
  for (const [name, includeSubDomains] of entries) map.set(name.trim().toLowerCase(), includeSubDomains);
  return { source, date, size: map.size, entry: (name) => map.get(name) };
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

/**
 * Whether `host` is preloaded according to `list`: null when the list is empty (unknown),
 * else the Observatory's answer.
 */
export function lookupHstsPreload(list: HstsPreloadList, host: string): HstsPreloadStatus | null {
  if (list.size === 0) return null;
  const name = host.trim().toLowerCase().replace(/\.$/, '');
  const own = list.entry(name);
  if (own !== undefined) return { preloaded: true, includeSubDomains: own };
  for (let dot = name.indexOf('.'); dot !== -1; dot = name.indexOf('.', dot + 1)) {
    if (list.entry(name.slice(dot + 1)) === true) return { preloaded: true, includeSubDomains: true };
  }
  return { preloaded: false, includeSubDomains: false };
}

/** An `ObservatoryContext.isHstsPreloaded` over a list. */
export function hstsPreloadLookup(list: HstsPreloadList): (host: string) => HstsPreloadStatus | null {
  return (host) => lookupHstsPreload(list, host);
}

/**
 * The context facts for grading with `list`, or none when no list could be had (a failed
 * load): the grade then says that preload status is unknown.
 */
export function hstsPreloadContext(list: HstsPreloadList | null): Partial<ObservatoryContext> {
  if (list === null || list.size === 0) return {};
  return { isHstsPreloaded: hstsPreloadLookup(list), hstsPreloadListDate: list.date };
}
