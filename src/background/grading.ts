/**
 * Reports on each tab's capture as it changes (debounced): paints the toolbar badge, puts
 * the grade card into the address the tab's popup opens at (popup-card.ts) and,
 * once the page has loaded, remembers the audit (both grades) in the origin's history. The
 * report is built by core; this file only routes it.
 */
import browser from '../shared/browser-api';
import type { PageCapture } from '../core/capture';
import { originOf } from '../core/page-tags';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { loadSettings, onSettingsChange } from '../shared/settings-store';
import { paintBadge } from './badge';
import { setPopupCard } from './popup-card';
import { hasLeftNavigation } from './tab-navigations';
import { onAlgorithmChange, reportOf } from './reports';
import { loadWorkerCore } from './worker-core-loader';

/** Grading is cheap, but sub-resource bursts change a capture many times a second. */
const GRADE_DELAY_MS = 300;
const timers = new Map<number, { delay: number; timer: ReturnType<typeof setTimeout> }>();
const latest = new Map<number, PageCapture | null>();
/** The capture each tab's badge shows now, so a change of the badge setting or the algorithm repaints every tab at once. */
const painted = new Map<number, PageCapture>();

async function repaintAll(): Promise<void> {
  for (const [tabId, capture] of painted) {
    const report = await reportOf(capture);
    void paintBadge(tabId, settings.badge ? report : null, settings.badgeGrade, capture);
    void setPopupCard(tabId, capture, report);
  }
}

let settings: Settings = DEFAULT_SETTINGS;
let settingsLoaded: Promise<void> | null = null;

/** Read when the first tab is graded, not at each start of the worker (see reports.ts). */
function loadBadgeSettings(): Promise<void> {
  settingsLoaded ??= (() => {
    onSettingsChange((changed) => {
      const repaint = changed.badge !== settings.badge || changed.badgeGrade !== settings.badgeGrade;
      settings = changed;
      if (repaint) void repaintAll();
    });
    onAlgorithmChange(() => void repaintAll());
    return loadSettings().then((loaded) => {
      settings = loaded;
    });
  })();
  return settingsLoaded;
}

async function isPrivate(tabId: number): Promise<boolean> {
  try {
    return (await browser.tabs.get(tabId)).incognito;
  } catch {
    return true; // Unknown tab: do not remember anything about it.
  }
}

/**
 * Whether the tab has gone on from `capture`: a capture of another navigation (or none) is
 * waiting to be graded, or the browser has started another page the store has not applied yet.
 */
function isSuperseded(tabId: number, capture: PageCapture | null): boolean {
  if (capture !== null && hasLeftNavigation(tabId, capture.navigationId)) return true;
  if (!latest.has(tabId)) return false;
  const newer = latest.get(tabId) ?? null;
  return newer === null || capture === null || newer.navigationId !== capture.navigationId;
}

async function gradeTab(tabId: number): Promise<void> {
  timers.delete(tabId);
  const capture = latest.get(tabId) ?? null;
  latest.delete(tabId);
  await loadBadgeSettings();
  const report = capture === null ? null : await reportOf(capture);
  // The tab went on to another page while this report was built: the browser has already
  // reset the badge and popup for it, and the new page's grading is on its way. Painting
  // this one now would put the old page's grade on the new page.
  if (isSuperseded(tabId, capture)) return;
  if (capture === null) painted.delete(tabId);
  else painted.set(tabId, capture);
  await Promise.all([paintBadge(tabId, settings.badge ? report : null, settings.badgeGrade, capture), setPopupCard(tabId, capture, report)]);
  if (capture === null || report === null || capture.state !== 'complete' || !settings.history) return;
  const origin = originOf(capture.url);
  // The history's code comes with the grading engine, which built the report just now.
  const core = await loadWorkerCore();
  const entry = core.entryFromReport(report, capture.navigationId, Date.now());
  if (origin === null || entry === null || (await isPrivate(tabId))) return;
  await core.recordAudit(origin, entry).catch(() => undefined);
}

/**
 * While a page is still loading, once its document has been graded: sub-resource batches
 * change the capture every quarter second on a heavy page, and grading each of them (for a
 * badge whose letter they rarely change) competed with the page's own loading on a 2-core
 * machine (bench, heavy page). The load's end grades at once; a popup or panel asks for
 * its own report whenever it opens.
 */
const LOADING_REGRADE_MS = 2_000;

function alreadyShowsDocument(tabId: number, capture: PageCapture): boolean {
  const shown = painted.get(tabId);
  return shown !== undefined && shown.navigationId === capture.navigationId && shown.document !== null;
}

export function scheduleGrading(tabId: number, capture: PageCapture | null): void {
  latest.set(tabId, capture);
  const waitForLoad = capture !== null && capture.state === 'loading' && alreadyShowsDocument(tabId, capture);
  const pending = timers.get(tabId);
  if (pending !== undefined) {
    // A long wait set while loading gives way to a prompt one when the load has ended.
    if (waitForLoad || pending.delay === GRADE_DELAY_MS) return;
    clearTimeout(pending.timer);
  }
  const delay = waitForLoad ? LOADING_REGRADE_MS : GRADE_DELAY_MS;
  timers.set(tabId, { delay, timer: setTimeout(() => void gradeTab(tabId), delay) });
}
