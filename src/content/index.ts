/**
 * Content script: snapshots the page's script/link/meta tags once the page has loaded and
 * again (debounced, incrementally: incremental-snapshot.ts) whenever mutations touch them,
 * and hands each snapshot that says something new to the worker. It does
 * no analysis: that happens in core, off the page's main thread. The worker injects it once
 * the page has loaded (src/background/content-injection.ts), so it adds nothing to the
 * page's own loading; a second injection into the same document does nothing.
 */
import { answerWorker, sendToWorker } from './extension-api';
import { CAPTURE_LIMITS } from '../core/capture';
import { TagClock, mutationsTouchTags } from './snapshot';
import { ATTRIBUTES_READ, IncrementalSnapshot } from './incremental-snapshot';
import type { DomSnapshotMessage, ServedHtmlReply } from '../shared/messages';

const SNAPSHOT_DEBOUNCE_MS = 250;

const clock = new TagClock();
const snapshots = new IncrementalSnapshot(clock);
let pending: ReturnType<typeof setTimeout> | null = null;
let observer: MutationObserver | null = null;
let firstDone = false;
/** Set when the worker must get the next snapshot even if it says nothing new (a page back from the bfcache). */
let forceNext = false;

function sendSnapshot(): void {
  pending = null;
  // Records not delivered yet still invalidate what they touched.
  if (observer !== null) snapshots.invalidate(observer.takeRecords());
  const snapshot = snapshots.takeIfChanged(document, forceNext);
  forceNext = false;
  if (snapshot === null) return;
  const message: DomSnapshotMessage = { type: 'dom-snapshot', snapshot };
  sendToWorker(message).catch(() => {
    // The extension was reloaded or updated: this script is orphaned, stop watching.
    observer?.disconnect();
  });
}

function scheduleSnapshot(): void {
  // Before the first snapshot there is nothing to update: it will see every tag anyway.
  if (!firstDone) return;
  if (pending === null) pending = setTimeout(sendSnapshot, SNAPSHOT_DEBOUNCE_MS);
}

/**
 * The first snapshot (and the library probe it triggers) waits until the page has loaded
 * and the browser is idle, so that Tabgrade never competes with the page's own loading. A
 * page that never finishes loading (injected a few seconds after its document arrived)
 * still gets one a second later. Tags seen by then count as the parser's.
 */
const FIRST_SNAPSHOT_FALLBACK_MS = 1000;
function firstSnapshot(): void {
  if (firstDone) return;
  firstDone = true;
  sendSnapshot();
  clock.markFirstScanDone();
}
function whenIdle(): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(firstSnapshot, { timeout: 300 });
  else setTimeout(firstSnapshot, 0);
}
/**
 * Reads the document as the server sent it, for checks that must see the HTML before
 * scripts changed it (the Observatory's SRI and meta-CSP tests). `force-cache` lets the
 * browser answer from its cache when it still holds the page.
 */
async function readServedHtml(): Promise<ServedHtmlReply> {
  try {
    const response = await fetch(location.href, { cache: 'force-cache', credentials: 'include', redirect: 'follow' });
    const type = response.headers.get('content-type') ?? '';
    if (!/html/i.test(type)) return { html: null, error: `the document is ${type || 'of unknown type'}, not HTML` };
    const text = await response.text();
    return { html: text.slice(0, CAPTURE_LIMITS.htmlChars), error: null };
  } catch (error) {
    return { html: null, error: error instanceof Error ? error.message : String(error) };
  }
}

function start(): void {
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
  setTimeout(firstSnapshot, FIRST_SNAPSHOT_FALLBACK_MS);

  observer = new MutationObserver((records) => {
    snapshots.invalidate(records);
    if (mutationsTouchTags(records)) scheduleSnapshot();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ATTRIBUTES_READ });

  // A page restored from the back/forward cache is a different document from the one the
  // worker captured last: send a fresh snapshot so the worker can tell.
  window.addEventListener('pageshow', (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    forceNext = true;
    scheduleSnapshot();
  });

  answerWorker((message) => {
    if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'read-served-html') {
      // A view is open and wants this page now. Once the page has loaded, the first snapshot
      // only waits for an idle moment, which a tab in the background may not get for a
      // while (the popup opened as a tab in front of it): take it now.
      if (document.readyState === 'complete') firstSnapshot();
      return readServedHtml();
    }
    return undefined;
  });
}

/** Isolated-world globals live as long as the document: the first injection claims it. */
const CLAIM = '__tabgradeContentScript';
const scope = globalThis as Record<string, unknown>;
if (scope[CLAIM] !== true) {
  scope[CLAIM] = true;
  start();
}
