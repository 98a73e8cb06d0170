/**
 * How captures are laid out in `storage.session`, so that a write copies only what changed.
 *
 * Profiling the worker over the bench's pages (`npm run profile`) showed 39 % of its CPU
 * time in one place: writing each capture whole, every time it changed — on a heavy page
 * 200 sub-resources and 2,000 tags, serialised again for every batch of sub-resources. A
 * capture is therefore stored in parts, each written only when it changes:
 *
 *   capture:<tab>          the capture without its HTML, sub-resources and DOM snapshot,
 *                          plus `parts` saying which of the others belong to it (small)
 *   capture:<tab>:sub:<i>  { navigationId, json }: the sub-resources, in the batches
 *                          they arrived in (captures only ever append to the list)
 *   capture:<tab>:dom      { navigationId, json }: the latest DOM snapshot
 *
 * The large parts are stored as JSON text: measured in the worker, `storage.session.set`
 * of a 2,000-tag snapshot blocks it for 62 ms as an object (the browser converts it value
 * by value) and for a fraction of that as one string (JSON.stringify itself takes 1 ms).
 *
 * Parts carry the navigation id, so a part left over from the tab's previous page is never
 * mixed into the new page's capture. This module is pure (plain data in, a plan of writes
 * out); capture-store.ts carries the plans out.
 */
import type { DomSnapshot, PageCapture, ResponseCapture } from '../core/capture';

export const KEY_PREFIX = 'capture:';
const MAIN_KEY = /^capture:(\d+)$/;
/** Past this many batches the list is written again as one part, to keep reads short. */
const MAX_CHUNKS = 32;

export const mainKey = (tabId: number): string => `${KEY_PREFIX}${tabId}`;
export const chunkKey = (tabId: number, index: number): string => `${KEY_PREFIX}${tabId}:sub:${index}`;
export const domKey = (tabId: number): string => `${KEY_PREFIX}${tabId}:dom`;

interface Parts {
  navigationId: string;
  subresourceChunks: number;
  dom: boolean;
}
interface StoredMain extends PageCapture {
  parts?: Parts;
}
/** A part: JSON text of the sub-resources batch or of the snapshot. */
interface StoredPart {
  navigationId: string;
  json: string;
}

/** What is in storage for one tab, as far as this worker knows. */
export interface PersistedState {
  navigationId: string;
  /** How many of the capture's sub-resources are stored, and the last of them (by identity). */
  subresourceCount: number;
  lastSubresource: ResponseCapture | undefined;
  chunks: number;
  /** The snapshot stored (by identity), null when none is. */
  dom: DomSnapshot | null;
}

export interface WritePlan {
  set: Record<string, unknown>;
  remove: string[];
  state: PersistedState | undefined;
}

function allKeys(tabId: number, state: PersistedState | undefined): string[] {
  if (state === undefined) return [mainKey(tabId)];
  const keys = [mainKey(tabId), ...Array.from({ length: state.chunks }, (_, index) => chunkKey(tabId, index))];
  if (state.dom !== null) keys.push(domKey(tabId));
  return keys;
}

/** The keys of everything stored for the tab: what to remove to forget it. */
export function keysOf(tabId: number, state: PersistedState | undefined): string[] {
  return allKeys(tabId, state);
}

/**
 * The writes that bring storage from `state` to `capture` (undefined: the tab's capture is
 * gone). Sub-resources appended since the last write go in one new part; anything else (a
 * new page, a list that was not appended to) rewrites the list.
 */
export function planWrite(tabId: number, state: PersistedState | undefined, capture: PageCapture | undefined): WritePlan {
  if (capture === undefined) return { set: {}, remove: allKeys(tabId, state), state: undefined };
  const set: Record<string, unknown> = {};
  const remove = new Set<string>();
  const samePage = state !== undefined && state.navigationId === capture.navigationId;
  const { subresources, navigationId } = capture;

  let chunks = samePage ? state.chunks : 0;
  const appended =
    samePage &&
    subresources.length >= state.subresourceCount &&
    (state.subresourceCount === 0 || subresources[state.subresourceCount - 1] === state.lastSubresource) &&
    chunks < MAX_CHUNKS;
  if (appended) {
    if (subresources.length > state.subresourceCount) {
      set[chunkKey(tabId, chunks)] = { navigationId, json: JSON.stringify(subresources.slice(state.subresourceCount)) } satisfies StoredPart;
      chunks++;
    }
  } else {
    for (let index = 0; index < (state?.chunks ?? 0); index++) remove.add(chunkKey(tabId, index));
    chunks = 0;
    if (subresources.length > 0) {
      set[chunkKey(tabId, 0)] = { navigationId, json: JSON.stringify(subresources) } satisfies StoredPart;
      chunks = 1;
    }
  }

  const dom = capture.dom;
  if (!samePage || dom !== state.dom) {
    if (dom !== null) set[domKey(tabId)] = { navigationId, json: JSON.stringify(dom) } satisfies StoredPart;
    else if (state?.dom != null) remove.add(domKey(tabId));
  }

  const parts: Parts = { navigationId, subresourceChunks: chunks, dom: dom !== null };
  set[mainKey(tabId)] = { ...capture, html: null, subresources: [], dom: null, parts } satisfies StoredMain;
  for (const key of Object.keys(set)) remove.delete(key);
  return {
    set,
    remove: [...remove],
    state: { navigationId, subresourceCount: subresources.length, lastSubresource: subresources.at(-1), chunks, dom },
  };
}

function isCapture(value: unknown): value is StoredMain {
  return typeof value === 'object' && value !== null && (value as { schemaVersion?: unknown }).schemaVersion === 1;
}

function isParts(value: unknown): value is Parts {
  if (typeof value !== 'object' || value === null) return false;
  const parts = value as Record<string, unknown>;
  return typeof parts.navigationId === 'string' && Number.isSafeInteger(parts.subresourceChunks) && typeof parts.dom === 'boolean';
}

/** The part's value when it belongs to `navigationId` and reads back; undefined otherwise. */
function partOf(value: unknown, navigationId: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const part = value as Partial<StoredPart>;
  if (part.navigationId !== navigationId || typeof part.json !== 'string') return undefined;
  try {
    return JSON.parse(part.json) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The captures (and what is stored of each) in what `storage.session.get(null)` returned.
 * A missing or stale part leaves that part empty rather than the capture unreadable.
 */
export function assembleStored(stored: Record<string, unknown>): Map<number, { capture: PageCapture; state: PersistedState }> {
  const found = new Map<number, { capture: PageCapture; state: PersistedState }>();
  for (const [key, value] of Object.entries(stored)) {
    const match = MAIN_KEY.exec(key);
    if (match === null || !isCapture(value)) continue;
    const tabId = Number(match[1]);
    if (!Number.isSafeInteger(tabId)) continue;
    const { parts, ...capture } = value;
    if (!isParts(parts) || parts.navigationId !== capture.navigationId) {
      // Written whole (by an older version of the worker, or the parts are unreadable).
      const subresources = Array.isArray(capture.subresources) ? capture.subresources : [];
      found.set(tabId, {
        capture: { ...capture, subresources },
        state: { navigationId: capture.navigationId, subresourceCount: 0, lastSubresource: undefined, chunks: 0, dom: null },
      });
      continue;
    }
    const subresources: ResponseCapture[] = [];
    for (let index = 0; index < parts.subresourceChunks; index++) {
      const responses = partOf(stored[chunkKey(tabId, index)], parts.navigationId);
      if (Array.isArray(responses)) subresources.push(...(responses as ResponseCapture[]));
    }
    const storedDom = parts.dom ? partOf(stored[domKey(tabId)], parts.navigationId) : undefined;
    const dom = typeof storedDom === 'object' && storedDom !== null ? (storedDom as DomSnapshot) : null;
    const assembled: PageCapture = { ...capture, subresources, dom };
    found.set(tabId, {
      capture: assembled,
      // Keys that may exist are all counted, so forgetting the tab removes every one of them.
      state: { navigationId: parts.navigationId, subresourceCount: subresources.length, lastSubresource: subresources.at(-1), chunks: parts.subresourceChunks, dom },
    });
  }
  return found;
}
