/**
 * Per-tab captures: kept in memory for speed and mirrored to `storage.session`, which
 * survives the service worker being stopped (Chrome stops idle workers after ~30 s), so
 * a stopped-and-restarted worker loses nothing the popup shows.
 *
 * The served HTML is kept in memory only: it can be large, and when it is lost with the
 * worker the popup simply asks for it again.
 */
import browser from '../shared/browser-api';
import { CAPTURE_LIMITS, type DocumentHtml, type PageCapture } from '../core/capture';
import { assembleStored, keysOf, planWrite, type PersistedState } from './capture-persistence';

/**
 * Writes are coalesced and copy only the parts that changed (capture-persistence.ts): a
 * page load's document events land within a few milliseconds of each other and become one
 * write. Changes made once the page has loaded are written within 100 ms (Chrome stops an
 * idle worker only after 30 s, so nothing is lost in between), later sub-resource batches
 * within a second; while the page loads, within 3 s — in practice at the load's end.
 */
const PERSIST_DELAY_MS = { important: 100, batch: 1_000, loading: 3_000 } as const;

type Listener = (tabId: number, capture: PageCapture | null) => void;

const captures = new Map<number, PageCapture>();
const htmlByNavigation = new Map<string, DocumentHtml>();
const persistTimers = new Map<number, { due: number; timer: ReturnType<typeof setTimeout> }>();
/** What storage holds for each tab, so that the next write copies only what changed. */
const persisted = new Map<number, PersistedState>();
const listeners = new Set<Listener>();

let loading: Promise<void> | null = null;
/** Serialises updates so events apply in arrival order even while storage is being read. */
let queue: Promise<unknown> = Promise.resolve();

/** Reads what an earlier life of this worker stored. */
function ensureLoaded(): Promise<void> {
  loading ??= browser.storage.session.get(null).then((stored) => {
    for (const [tabId, { capture, state }] of assembleStored(stored)) {
      if (captures.has(tabId)) continue;
      captures.set(tabId, capture);
      persisted.set(tabId, state);
    }
  }, () => undefined);
  return loading;
}

async function write(tabId: number, capture: PageCapture | undefined): Promise<void> {
  const plan = planWrite(tabId, persisted.get(tabId), capture);
  if (plan.remove.length > 0) await browser.storage.session.remove(plan.remove);
  if (Object.keys(plan.set).length > 0) await browser.storage.session.set(plan.set);
  if (plan.state === undefined) persisted.delete(tabId);
  else persisted.set(tabId, plan.state);
}

async function forgetStored(tabId: number): Promise<void> {
  const keys = keysOf(tabId, persisted.get(tabId));
  persisted.delete(tabId);
  await browser.storage.session.remove(keys).catch(() => undefined);
}

async function persist(tabId: number): Promise<void> {
  persistTimers.delete(tabId);
  const capture = captures.get(tabId);
  try {
    await write(tabId, capture);
  } catch {
    // Over quota: make room by dropping the oldest other captures, then write this one
    // again from scratch (what was half-written is unknown).
    const others = [...captures.entries()].filter(([id]) => id !== tabId).sort((a, b) => a[1].startedAt - b[1].startedAt);
    for (const [id] of others.slice(0, Math.max(1, Math.floor(others.length / 2)))) {
      captures.delete(id);
      await forgetStored(id);
    }
    await forgetStored(tabId);
    await write(tabId, capture).catch(() => undefined);
  }
}

/** Writes the tab's capture within `delayMs`, together with any other change meanwhile. */
function schedulePersist(tabId: number, delayMs: number): void {
  const due = Date.now() + delayMs;
  const pending = persistTimers.get(tabId);
  if (pending !== undefined) {
    if (pending.due <= due) return;
    clearTimeout(pending.timer);
  }
  persistTimers.set(tabId, { due, timer: setTimeout(() => void persist(tabId), delayMs) });
}

/** Keeps the number of captures bounded however long the browser runs. */
function evictBeyondCap(): void {
  if (captures.size <= CAPTURE_LIMITS.tabs) return;
  const oldest = [...captures.entries()].sort((a, b) => a[1].startedAt - b[1].startedAt);
  for (const [tabId, capture] of oldest.slice(0, captures.size - CAPTURE_LIMITS.tabs)) {
    captures.delete(tabId);
    htmlByNavigation.delete(capture.navigationId);
    schedulePersist(tabId, 0);
  }
}

/**
 * The capture with its HTML put back, the same object for as long as neither changes: the
 * report cache (`reports.ts`) is keyed by the object, so a popup opened on a graded tab
 * finds the report the badge already built instead of building it again.
 */
const withHtmlCache = new WeakMap<PageCapture, { html: DocumentHtml; merged: PageCapture }>();

function withHtml(capture: PageCapture | undefined): PageCapture | null {
  if (capture === undefined) return null;
  const html = htmlByNavigation.get(capture.navigationId);
  if (html === undefined) return capture;
  const cached = withHtmlCache.get(capture);
  if (cached !== undefined && cached.html === html) return cached.merged;
  const merged = { ...capture, html };
  withHtmlCache.set(capture, { html, merged });
  return merged;
}

export function onCaptureChange(listener: Listener): void {
  listeners.add(listener);
}

export async function getCapture(tabId: number): Promise<PageCapture | null> {
  await ensureLoaded();
  await queue;
  return withHtml(captures.get(tabId));
}

/**
 * Applies `change` to the tab's capture (null when there is none). Returning null deletes
 * the capture; returning the same object means nothing changed.
 */
export function updateCapture(
  tabId: number,
  change: (current: PageCapture | null) => PageCapture | null,
  options: { important: boolean },
): Promise<void> {
  const run = async (): Promise<void> => {
    await ensureLoaded();
    const current = captures.get(tabId) ?? null;
    const next = change(current);
    if (next === current) return;
    if (next === null) {
      captures.delete(tabId);
      if (current !== null) htmlByNavigation.delete(current.navigationId);
    } else {
      if (current !== null && current.navigationId !== next.navigationId) htmlByNavigation.delete(current.navigationId);
      if (next.html !== null) htmlByNavigation.set(next.navigationId, next.html);
      captures.set(tabId, { ...next, html: null });
      evictBeyondCap();
    }
    // While the page is still loading nothing is written for a while: a write then competes
    // with the load for the browser's main thread (bench, light and heavy pages), and the
    // load's end (an important change) is written 100 ms after it anyway.
    const delay = next === null ? 0 : next.state === 'loading' ? PERSIST_DELAY_MS.loading : options.important ? PERSIST_DELAY_MS.important : PERSIST_DELAY_MS.batch;
    schedulePersist(tabId, delay);
    const visible = withHtml(captures.get(tabId));
    for (const listener of listeners) listener(tabId, visible);
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
