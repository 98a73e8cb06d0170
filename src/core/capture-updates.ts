/**
 * Pure updates of a PageCapture as browser events arrive. The background adapter calls
 * these; keeping them here means the bookkeeping (caps, ordering, which event belongs to
 * which navigation) is unit-tested without a browser.
 */
import {
  CAPTURE_LIMITS,
  emptyCapture,
  type DomSnapshot,
  type DocumentHtml,
  type PageCapture,
  type Probes,
  type RedirectHop,
  type ResponseCapture,
  type SriVerification,
} from './capture';
import { withoutFragment } from './url-fragment';

export function startNavigation(
  tabId: number | null,
  navigationId: string,
  url: string,
  startedAt: number,
): PageCapture {
  return emptyCapture({ navigationId, tabId, url, startedAt });
}

export function addRedirect(capture: PageCapture, hop: RedirectHop): PageCapture {
  if (capture.redirects.length >= CAPTURE_LIMITS.redirects) return capture;
  return { ...capture, redirects: [...capture.redirects, hop], url: hop.location };
}

export function setDocument(capture: PageCapture, response: ResponseCapture): PageCapture {
  return { ...capture, document: response, url: response.url };
}

/**
 * Responses of sub-frames and sub-resources, a batch at a time: kept oldest first up to the
 * cap, then only counted.
 */
export function addSubresources(capture: PageCapture, responses: readonly ResponseCapture[]): PageCapture {
  if (responses.length === 0) return capture;
  const room = Math.max(0, CAPTURE_LIMITS.subresourcesPerPage - capture.subresources.length);
  const kept = responses.slice(0, room);
  return {
    ...capture,
    subresources: kept.length === 0 ? capture.subresources : [...capture.subresources, ...kept],
    droppedSubresources: capture.droppedSubresources + (responses.length - kept.length),
  };
}

/**
 * Attaches a DOM snapshot when it belongs to this capture's document. A snapshot from a
 * page the tab has already left (a late message) is ignored rather than mixed in.
 * Same-document navigations (history.pushState) change the URL but keep the document,
 * so a snapshot is accepted when it comes from the same origin after the document arrived.
 */
export function attachDom(capture: PageCapture, snapshot: DomSnapshot): PageCapture {
  if (!snapshotBelongs(capture, snapshot)) return capture;
  return { ...capture, dom: snapshot };
}

export function snapshotBelongs(capture: PageCapture, snapshot: DomSnapshot): boolean {
  if (withoutFragment(snapshot.url) === withoutFragment(capture.url)) return true;
  if (capture.document === null) return false;
  try {
    return new URL(snapshot.url).origin === new URL(capture.url).origin && snapshot.takenAt >= capture.startedAt;
  } catch {
    return false;
  }
}

export function attachHtml(capture: PageCapture, html: DocumentHtml): PageCapture {
  return { ...capture, html };
}

export function mergeProbes(capture: PageCapture, probes: Probes): PageCapture {
  return { ...capture, probes: { ...capture.probes, ...probes } };
}

export function completeNavigation(capture: PageCapture, at: number): PageCapture {
  if (capture.state !== 'loading') return capture;
  return { ...capture, state: 'complete', completedAt: at };
}

export function failNavigation(capture: PageCapture, error: string, at: number): PageCapture {
  return { ...capture, state: 'error', error, completedAt: at };
}

/** Cuts HTML to the capture limit, saying so. */
export function boundedHtml(text: string, source: DocumentHtml['source'], limit: number = CAPTURE_LIMITS.htmlChars): DocumentHtml {
  return text.length > limit
    ? { text: text.slice(0, limit), source, truncated: true }
    : { text, source, truncated: false };
}

/** Library hits kept per document, however many probes run. */
export const MAX_RUNTIME_LIBRARY_HITS = 100;

/** One run of the main-world library probe, already validated by the worker. */
export type LibraryProbeRun =
  | { at: number; href: string; hits: Array<{ component: string; version: string; via: string }>; rejected: number }
  | { at: number; error: string };

/**
 * Merges a probe run into the capture. Hits accumulate (a library that was loaded and then
 * removed was still on the page); a run whose URL belongs to another document is ignored,
 * like a late DOM snapshot.
 */
export function mergeRuntimeLibraries(capture: PageCapture, run: LibraryProbeRun): PageCapture {
  const previous = capture.runtimeLibraries ?? { probes: 0, lastProbedAt: 0, hits: [], rejected: 0, error: null };
  if ('error' in run) {
    return { ...capture, runtimeLibraries: { ...previous, probes: previous.probes + 1, lastProbedAt: run.at, error: run.error } };
  }
  if (!probeBelongs(capture, run.href, run.at)) return capture;
  const hits = [...previous.hits];
  const known = new Set(hits.map((hit) => `${hit.component}\n${hit.version}\n${hit.via}`));
  for (const hit of run.hits) {
    const key = `${hit.component}\n${hit.version}\n${hit.via}`;
    if (known.has(key) || hits.length >= MAX_RUNTIME_LIBRARY_HITS) continue;
    known.add(key);
    hits.push({ ...hit, firstSeenMs: Math.max(0, Math.round(run.at - capture.startedAt)) });
  }
  return {
    ...capture,
    runtimeLibraries: { probes: previous.probes + 1, lastProbedAt: run.at, hits, rejected: previous.rejected + run.rejected, error: null },
  };
}

/** The same rule as `snapshotBelongs`, for a probe that reports only its URL and time. */
function probeBelongs(capture: PageCapture, href: string, at: number): boolean {
  if (withoutFragment(href) === withoutFragment(capture.url)) return true;
  if (capture.document === null) return false;
  try {
    return new URL(href).origin === new URL(capture.url).origin && at >= capture.startedAt;
  } catch {
    return false;
  }
}

/** Records the latest "verify hashes" state for this document. */
export function setSriVerification(capture: PageCapture, verification: SriVerification): PageCapture {
  return { ...capture, sriVerification: verification };
}
