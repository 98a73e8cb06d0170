/**
 * Per-origin audit history: what the grade was each time the user visited, so the popup can
 * say "D- → B+ since 3 May" and which results improved or regressed. Pure: the adapter
 * stores the entries (locally, never for private windows).
 */
import type { ObservatoryGrade } from './checks/observatory/grade-types';
import type { Report } from './report';
import { redactUrlSecrets } from './url-secrets';

export const HISTORY_LIMITS = {
  /** Entries kept per origin (oldest dropped first). */
  perOrigin: 50,
  /** Origins kept in total (least recently audited dropped first). */
  origins: 300,
} as const;

export interface HistoryEntry {
  /** When this result was first seen (ms since the epoch). */
  at: number;
  /** When it was last seen unchanged: consecutive identical audits collapse into one entry. */
  lastSeen: number;
  /**
   * The page, with its query values redacted (`historyUrl`): the history is kept for months,
   * and a page reached through a one-time link must not keep its token there.
   */
  url: string;
  /** The navigation it came from: a later, better-informed grade of the same page replaces it. */
  navigationId: string;
  /** The Observatory-compatible grade. */
  grade: string;
  score: number;
  /**
   * The Tabgrade grade (the Observatory-compatible one capped by Tabgrade's findings).
   * Absent in entries recorded before Tabgrade had its own grade.
   */
  tabgrade?: string;
  /** The cap rules that applied (`verdict/cap-table.ts` ids), for saying what changed. */
  caps?: string[];
  /** Observatory test name → result id. */
  results: Record<string, string>;
}

/** A grade that changed between two audits. */
export interface GradeChange {
  from: string;
  to: string;
}

export interface ResultChange {
  test: string;
  from: string | null;
  to: string;
  direction: 'improved' | 'regressed' | 'changed';
  /** The score modifier difference (positive = better). */
  delta: number;
}

export interface HistoryComparison {
  /** The oldest entry kept for this origin (another page load than the current one). */
  first: HistoryEntry;
  /** The latest audit of another page load. */
  previous: HistoryEntry | null;
  /** Changes from `previous` to the current audit. */
  changes: ResultChange[];
  /** Which of the two grades changed since `previous` (null for one that did not). */
  gradeChanges: { tabgrade: GradeChange | null; observatory: GradeChange | null };
  /** Cap rules that appeared or went away since `previous`. */
  capChanges: { added: string[]; removed: string[] };
}

/** The page as the history keeps it: origin and path, query parameter names without their values. */
export function historyUrl(url: string): string {
  return redactUrlSecrets(url);
}

/** The history entry for a graded capture; null when the grade is not a real one. */
export function entryFromGrade(grade: ObservatoryGrade, navigationId: string, at: number): HistoryEntry | null {
  const status = grade.status ?? 'graded';
  if (status !== 'graded' && status !== 'partial') return null;
  const results: Record<string, string> = {};
  for (const [name, test] of Object.entries(grade.tests)) results[name] = test.result;
  return { at, lastSeen: at, url: historyUrl(grade.url), navigationId, grade: grade.grade, score: grade.score, results };
}

/** The history entry for a report: both grades, the caps and the Observatory results. */
export function entryFromReport(report: Report, navigationId: string, at: number): HistoryEntry | null {
  const entry = entryFromGrade(report.observatory, navigationId, at);
  if (entry === null || report.verdict.grade === null) return entry;
  return { ...entry, tabgrade: report.verdict.grade, caps: [...new Set(report.verdict.caps.map((cap) => cap.rule))].sort() };
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every((item, index) => item === right[index]);
}

function sameOutcome(a: HistoryEntry, b: HistoryEntry): boolean {
  if (a.grade !== b.grade || a.score !== b.score || a.tabgrade !== b.tabgrade || !sameList(a.caps, b.caps)) return false;
  const names = new Set([...Object.keys(a.results), ...Object.keys(b.results)]);
  for (const name of names) if (a.results[name] !== b.results[name]) return false;
  return true;
}

/**
 * Adds an audit to an origin's entries (oldest first), collapsing repeats and keeping the cap.
 * Every URL it returns is a `historyUrl`, so what is stored never holds a query value, even
 * from entries written by an older version.
 */
export function appendEntry(stored: readonly HistoryEntry[], added: HistoryEntry, limit: number = HISTORY_LIMITS.perOrigin): HistoryEntry[] {
  const entries = stored.map((old) => (historyUrl(old.url) === old.url ? old : { ...old, url: historyUrl(old.url) }));
  const entry = { ...added, url: historyUrl(added.url) };
  const last = entries.at(-1);
  if (last !== undefined && last.navigationId === entry.navigationId) {
    // The same page graded again with more information (served HTML, probes): replace.
    const before = entries.at(-2);
    const rest = entries.slice(0, -1);
    return before !== undefined && sameOutcome(before, entry)
      ? [...rest.slice(0, -1), { ...before, lastSeen: Math.max(before.lastSeen, entry.at), url: entry.url, navigationId: entry.navigationId }]
      : [...rest, { ...entry, at: last.at }];
  }
  if (last !== undefined && sameOutcome(last, entry)) {
    return [...entries.slice(0, -1), { ...last, lastSeen: Math.max(last.lastSeen, entry.at), url: entry.url, navigationId: entry.navigationId }];
  }
  const next = [...entries, entry];
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/**
 * Compares the current audit with the origin's history: the first audit kept (for "D- → B+
 * since 3 May") and the latest audit of another page load (for what changed). `modifierOf`
 * gives each result's score modifier, so a change can be called an improvement or a regression.
 */
export function compareHistory(
  entries: readonly HistoryEntry[],
  current: HistoryEntry,
  modifierOf: (test: string, result: string) => number | undefined,
): HistoryComparison | null {
  const earlier = entries.filter((entry) => entry.navigationId !== current.navigationId);
  const first = earlier[0];
  if (first === undefined) return null;
  const previous = earlier.at(-1) ?? null;
  const changes: ResultChange[] = [];
  const gradeChanges: HistoryComparison['gradeChanges'] = { tabgrade: null, observatory: null };
  const capChanges: HistoryComparison['capChanges'] = { added: [], removed: [] };
  if (previous !== null) {
    if (previous.grade !== current.grade) gradeChanges.observatory = { from: previous.grade, to: current.grade };
    // An entry from before the Tabgrade grade existed had no caps: its letter was the Observatory's.
    const before = previous.tabgrade ?? previous.grade;
    const now = current.tabgrade ?? current.grade;
    if (before !== now) gradeChanges.tabgrade = { from: before, to: now };
    if (previous.caps !== undefined || current.caps !== undefined) {
      const had = new Set(previous.caps ?? []);
      const has = new Set(current.caps ?? []);
      capChanges.added = [...has].filter((rule) => !had.has(rule));
      capChanges.removed = [...had].filter((rule) => !has.has(rule));
    }
    for (const [test, to] of Object.entries(current.results)) {
      const from = previous.results[test] ?? null;
      if (from === to) continue;
      const delta = (modifierOf(test, to) ?? 0) - (from === null ? 0 : (modifierOf(test, from) ?? 0));
      changes.push({ test, from, to, delta, direction: delta > 0 ? 'improved' : delta < 0 ? 'regressed' : 'changed' });
    }
    changes.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  }
  return { first, previous, changes, gradeChanges, capChanges };
}

/** Keeps at most `limit` origins, dropping those audited least recently. */
export function originsToEvict(lastAudited: ReadonlyMap<string, number>, limit: number = HISTORY_LIMITS.origins): string[] {
  if (lastAudited.size <= limit) return [];
  return [...lastAudited.entries()].sort((a, b) => a[1] - b[1]).slice(0, lastAudited.size - limit).map(([origin]) => origin);
}
