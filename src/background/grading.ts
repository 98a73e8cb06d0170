/**
 * Grades each tab's capture as it changes (debounced): paints the toolbar badge and, once
 * the page has loaded, remembers the audit in the origin's history. The grade itself is
 * computed by core; this file only routes it.
 */
import browser from 'webextension-polyfill';
import type { PageCapture } from '../core/capture';
import { gradeCapture } from '../core/grade';
import { entryFromGrade } from '../core/history';
import { originOf } from '../core/page-tags';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { recordAudit } from '../shared/history-store';
import { loadSettings, onSettingsChange } from '../shared/settings-store';
import { paintBadge } from './badge';

/** Grading is cheap, but sub-resource bursts change a capture many times a second. */
const GRADE_DELAY_MS = 300;
const timers = new Map<number, ReturnType<typeof setTimeout>>();
const latest = new Map<number, PageCapture | null>();

let settings: Settings = DEFAULT_SETTINGS;
const settingsLoaded = loadSettings().then((loaded) => {
  settings = loaded;
});
onSettingsChange((changed) => {
  settings = changed;
});

async function isPrivate(tabId: number): Promise<boolean> {
  try {
    return (await browser.tabs.get(tabId)).incognito;
  } catch {
    return true; // Unknown tab: do not remember anything about it.
  }
}

async function gradeTab(tabId: number): Promise<void> {
  timers.delete(tabId);
  const capture = latest.get(tabId) ?? null;
  latest.delete(tabId);
  await settingsLoaded;
  const grade = capture === null ? null : gradeCapture(capture);
  await paintBadge(tabId, settings.badge ? grade : null);
  if (capture === null || grade === null || capture.state !== 'complete' || !settings.history) return;
  const origin = originOf(capture.url);
  const entry = entryFromGrade(grade, capture.navigationId, Date.now());
  if (origin === null || entry === null || (await isPrivate(tabId))) return;
  await recordAudit(origin, entry).catch(() => undefined);
}

export function scheduleGrading(tabId: number, capture: PageCapture | null): void {
  latest.set(tabId, capture);
  if (!timers.has(tabId)) timers.set(tabId, setTimeout(() => void gradeTab(tabId), GRADE_DELAY_MS));
}
