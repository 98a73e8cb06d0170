/**
 * "Learn this site" for the CSP builder: per origin, whether learning is on and what the
 * pages seen so far need (merged by core's `mergeObservations`), in `storage.local`. One
 * key per origin plus an index of when each was last updated, so that at most
 * `MAX_ORIGINS` sites are kept; the oldest is forgotten first. Opt-in: nothing is stored
 * for an origin until the user turns learning on, and turning it off forgets it.
 */
import browser from './browser-api';
import { mergeObservations, parseObservations, type SiteObservations } from '../core/csp-builder';

const KEY_PREFIX = 'csp-learning:';
const INDEX_KEY = 'csp-learning-index';
/** Sites remembered at once; each entry is bounded by core's OBSERVATION_LIMITS. */
export const MAX_ORIGINS = 20;

export interface LearnedSite {
  enabled: boolean;
  /** Merged observations of the pages learned; null before the first. */
  observations: SiteObservations | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readIndex(value: unknown): Map<string, number> {
  const index = new Map<string, number>();
  if (!isRecord(value)) return index;
  for (const [origin, at] of Object.entries(value)) if (typeof at === 'number') index.set(origin, at);
  return index;
}

/** Origins beyond the newest `MAX_ORIGINS`, oldest first. */
function originsToEvict(index: ReadonlyMap<string, number>): string[] {
  const byAge = [...index.entries()].sort((a, b) => a[1] - b[1]).map(([origin]) => origin);
  return byAge.slice(0, Math.max(0, byAge.length - MAX_ORIGINS));
}

export async function readLearnedSite(origin: string): Promise<LearnedSite> {
  const key = KEY_PREFIX + origin;
  const stored = await browser.storage.local.get(key).catch(() => ({}) as Record<string, unknown>);
  const value = stored[key];
  if (!isRecord(value) || value.enabled !== true) return { enabled: false, observations: null };
  const observations = parseObservations(value.observations);
  return { enabled: true, observations: observations?.origin === origin ? observations : null };
}

/** Serialises writes: two popups learning at once must not overwrite each other. */
let writing: Promise<unknown> = Promise.resolve();

function serialised<T>(run: () => Promise<T>): Promise<T> {
  const result = writing.then(run, run);
  writing = result.catch(() => undefined);
  return result;
}

async function write(origin: string, site: LearnedSite): Promise<void> {
  const stored = await browser.storage.local.get(INDEX_KEY);
  const index = readIndex(stored[INDEX_KEY]);
  index.set(origin, Date.now());
  const evicted = originsToEvict(index);
  for (const old of evicted) index.delete(old);
  await browser.storage.local.set({ [KEY_PREFIX + origin]: site, [INDEX_KEY]: Object.fromEntries(index) });
  if (evicted.length > 0) await browser.storage.local.remove(evicted.map((old) => KEY_PREFIX + old));
}

/** Turns learning on (keeping nothing yet) or off (forgetting what was learned). */
export function setLearning(origin: string, enabled: boolean): Promise<void> {
  return serialised(async () => {
    if (enabled) {
      const current = await readLearnedSite(origin);
      await write(origin, { enabled: true, observations: current.observations });
      return;
    }
    const stored = await browser.storage.local.get(INDEX_KEY);
    const index = readIndex(stored[INDEX_KEY]);
    index.delete(origin);
    await browser.storage.local.set({ [INDEX_KEY]: Object.fromEntries(index) });
    await browser.storage.local.remove(KEY_PREFIX + origin);
  });
}

/**
 * Adds one page's observations to its site's, when learning is on there; returns what is
 * known now (the page alone when learning is off).
 */
export function learnPage(page: SiteObservations): Promise<SiteObservations> {
  return serialised(async () => {
    const site = await readLearnedSite(page.origin);
    if (!site.enabled) return page;
    const merged = site.observations === null ? page : mergeObservations(site.observations, page);
    await write(page.origin, { enabled: true, observations: merged });
    return merged;
  });
}

/** Keeps learning on but forgets the pages learned so far. */
export function forgetLearned(origin: string): Promise<void> {
  return serialised(() => write(origin, { enabled: true, observations: null }));
}

/** Forgets every site learned for the CSP builder (the options page's "clear" action). */
export async function clearLearnedSites(): Promise<void> {
  const all = await browser.storage.local.get(null);
  await browser.storage.local.remove(Object.keys(all).filter((key) => key.startsWith(KEY_PREFIX) || key === INDEX_KEY));
}
