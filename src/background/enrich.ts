/**
 * Fetches what the browser did not hand the extension by itself:
 * - the extra requests the Observatory's tests need (planned by core), after a page has
 *   loaded or when a view asks, cached per origin for a minute so that opening the popup
 *   repeatedly costs nothing and an edit-reload loop still sees fresh answers;
 * - the document's HTML as served (read by the content script from the page's own
 *   origin), only when a view asks, so browsing costs nothing extra.
 */
import browser from '../shared/browser-api';
import type { PageCapture, ProbeResult, Probes } from '../core/capture';
import { attachHtml, boundedHtml, mergeProbes } from '../core/capture-updates';
import { originOf } from '../core/page-tags';
import type { PlannedProbe } from '../core/probe-plan';
import { isServedHtmlReply, type ReadServedHtmlMessage } from '../shared/messages';
import { loadSettings } from '../shared/settings-store';
import { getCapture, updateCapture } from './capture-store';
import { injectContentScript } from './content-injection';
import { markOwnRequest } from './own-requests';
import { runProbe } from './probe-requests';
import { loadWorkerCore } from './worker-core-loader';

const PROBE_CACHE_MS = 60_000;
const probeCache = new Map<string, { at: number; result: Promise<ProbeResult> }>();
const enriching = new Map<number, Promise<void>>();

export function isEnriching(tabId: number): boolean {
  return enriching.has(tabId);
}

function probeOnce(probe: PlannedProbe): Promise<ProbeResult> {
  const key = `${probe.method} ${probe.url}`;
  const cached = probeCache.get(key);
  if (cached !== undefined && Date.now() - cached.at < PROBE_CACHE_MS) return cached.result;
  const result = runProbe({ url: probe.url, method: probe.method, ...(probe.readBody === true ? { readBody: true } : {}) });
  probeCache.set(key, { at: Date.now(), result });
  for (const [oldKey, entry] of probeCache) if (Date.now() - entry.at >= PROBE_CACHE_MS) probeCache.delete(oldKey);
  return result;
}

async function askForServedHtml(tabId: number): Promise<{ html: string | null; error: string | null }> {
  const message: ReadServedHtmlMessage = { type: 'read-served-html' };
  const reply: unknown = await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  return isServedHtmlReply(reply) ? reply : { html: null, error: 'the page did not answer' };
}

/**
 * Asks the tab's content script for the document as served. A view can ask before the
 * worker injected the script (it waits for the page's load, and the injection itself takes
 * a moment): then nobody answers, so inject it now and ask once more. Without this, a popup
 * opened just after load would never get the HTML as served.
 */
async function readServedHtml(tabId: number, url: string): Promise<{ html: string | null; error: string | null }> {
  const done = markOwnRequest(tabId, url);
  try {
    try {
      return await askForServedHtml(tabId);
    } catch {
      await injectContentScript(tabId);
      return await askForServedHtml(tabId);
    }
  } catch (error) {
    return { html: null, error: error instanceof Error ? error.message : String(error) };
  } finally {
    done();
  }
}

function sameNavigation(navigationId: string, change: (capture: PageCapture) => PageCapture) {
  return (current: PageCapture | null): PageCapture | null =>
    current !== null && current.navigationId === navigationId ? change(current) : current;
}

/**
 * Completes a tab's capture. `forView` adds the served HTML (a view is open and wants the
 * most faithful grade); probes run when the user has not switched them off.
 */
export function enrichCapture(tabId: number, options: { forView: boolean }, onProgress: () => void): Promise<void> {
  // One completion at a time per tab; callers that arrive meanwhile wait for it, then run
  // again (cheap when nothing is missing any more) in case they want more (the HTML).
  const running = enriching.get(tabId);
  if (running !== undefined) return running.then(() => enrichCapture(tabId, options, onProgress));
  const work = enrichNow(tabId, options, onProgress).finally(() => {
    enriching.delete(tabId);
    onProgress();
  });
  enriching.set(tabId, work);
  return work;
}

/** The probes `capture` still calls for under the user's settings: none when probing is off. */
async function pendingProbes(capture: PageCapture): Promise<PlannedProbe[]> {
  if (capture.document === null) return [];
  const settings = await loadSettings();
  if (!settings.probes) return [];
  const origin = originOf(capture.document.url);
  const debugProbe = origin !== null && settings.debugProbeSites.includes(origin);
  // Which probes a page calls for is the grading engine's knowledge (loaded only when probing is on).
  return (await loadWorkerCore()).plannedProbes(capture, { debugProbe });
}

/** Per tab, the navigation whose probes a view last started (see `enrichingForView`). */
const startedForView = new Map<number, string>();

/**
 * Whether a view should show `capture` as still being completed. A view may be sent the
 * capture before anything started its probes (the page's load event, or the view's own
 * request, has not come yet); it must not show the guess it grades without them (the
 * redirection test's "not checked") as the result, so the probes start now and the view
 * is told they are on their way. Started once per navigation, so a capture whose results
 * cannot be stored never restarts them in a loop.
 */
export async function enrichingForView(tabId: number, capture: PageCapture | null, onProgress: () => void): Promise<boolean> {
  if (isEnriching(tabId)) return true;
  if (capture === null || startedForView.get(tabId) === capture.navigationId) return false;
  let pending: PlannedProbe[];
  try {
    pending = await pendingProbes(capture);
  } catch {
    // The engine did not load: the report says so; nothing can be started.
    return isEnriching(tabId);
  }
  if (pending.length === 0 || isEnriching(tabId)) return isEnriching(tabId);
  startedForView.set(tabId, capture.navigationId);
  void enrichCapture(tabId, { forView: false }, onProgress);
  return true;
}

/** Forgets a closed tab. */
export function forgetEnrichment(tabId: number): void {
  startedForView.delete(tabId);
}

async function enrichNow(tabId: number, options: { forView: boolean }, onProgress: () => void): Promise<void> {
  const capture = await getCapture(tabId);
  if (capture === null || capture.document === null) return;
  const probes = await pendingProbes(capture);
  const wantHtml = options.forView && capture.html === null;
  if (probes.length === 0 && !wantHtml) return;
  onProgress();
  const navigationId = capture.navigationId;
  const htmlDone = wantHtml
    ? readServedHtml(tabId, capture.document.url).then(async (served) => {
        if (served.html === null) return;
        const html = boundedHtml(served.html, 'served');
        await updateCapture(tabId, sameNavigation(navigationId, (current) => attachHtml(current, html)), { important: false });
      })
    : Promise.resolve();
  const results = await Promise.all(probes.map(async (probe) => [probe.key, await probeOnce(probe)] as const));
  if (results.length > 0) {
    const found: Probes = Object.fromEntries(results);
    await updateCapture(tabId, sameNavigation(navigationId, (current) => mergeProbes(current, found)), { important: true });
  }
  await htmlDone;
}
