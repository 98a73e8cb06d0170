/**
 * Audit history in `storage.local`, one key per origin plus an index of when each origin
 * was last audited (to keep the number of origins bounded).
 */
import browser from './browser-api';
import { appendEntry, historyUrl, originsToEvict, type HistoryEntry } from '../core/history';

const KEY_PREFIX = 'history:';
const INDEX_KEY = 'history-index';

function isEntry(value: unknown): value is HistoryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.at === 'number' && typeof entry.lastSeen === 'number' && typeof entry.grade === 'string'
    && typeof entry.score === 'number' && typeof entry.url === 'string' && typeof entry.navigationId === 'string' && typeof entry.results === 'object' && entry.results !== null
    && (entry.tabgrade === undefined || typeof entry.tabgrade === 'string')
    && (entry.caps === undefined || (Array.isArray(entry.caps) && entry.caps.every((rule) => typeof rule === 'string')));
}

export async function readHistory(origin: string): Promise<HistoryEntry[]> {
  const key = KEY_PREFIX + origin;
  const stored = await browser.storage.local.get(key).catch(() => ({}) as Record<string, unknown>);
  const value = stored[key];
  // Entries stored before URLs were redacted lose their query values here, and in storage at the next audit of the origin.
  return Array.isArray(value) ? value.filter(isEntry).map((entry) => ({ ...entry, url: historyUrl(entry.url) })) : [];
}

/** Serialises writes: two audits finishing together must not overwrite each other. */
let writing: Promise<unknown> = Promise.resolve();

export function recordAudit(origin: string, entry: HistoryEntry): Promise<void> {
  const run = async (): Promise<void> => {
    const entries = appendEntry(await readHistory(origin), entry);
    const stored = await browser.storage.local.get(INDEX_KEY);
    const index = new Map<string, number>(Object.entries((stored[INDEX_KEY] as Record<string, number> | undefined) ?? {}));
    index.set(origin, entry.at);
    const evicted = originsToEvict(index);
    for (const old of evicted) index.delete(old);
    await browser.storage.local.set({ [KEY_PREFIX + origin]: entries, [INDEX_KEY]: Object.fromEntries(index) });
    if (evicted.length > 0) await browser.storage.local.remove(evicted.map((old) => KEY_PREFIX + old));
  };
  const result = writing.then(run, run);
  writing = result.catch(() => undefined);
  return result;
}

export async function clearHistory(): Promise<void> {
  const all = await browser.storage.local.get(null);
  await browser.storage.local.remove(Object.keys(all).filter((key) => key.startsWith(KEY_PREFIX) || key === INDEX_KEY));
}

export async function countHistory(): Promise<{ origins: number; entries: number }> {
  const all = await browser.storage.local.get(null);
  let origins = 0;
  let entries = 0;
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(KEY_PREFIX) || !Array.isArray(value)) continue;
    origins++;
    entries += value.length;
  }
  return { origins, entries };
}
