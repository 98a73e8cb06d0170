/**
 * The top of the popup (document line and grade card) as a few plain values, carried in
 * the popup's own address so that its first frame needs no message at all.
 *
 * Why: a click on the toolbar icon opens the page `action.setPopup` last set for that tab.
 * The worker sets it, per tab, to `src/popup/index.html?card=…` each time it grades the
 * tab (beside the badge), so the popup's early script can paint the grade from
 * `location.search` the moment it runs, instead of after a round trip to a worker that has
 * to serialise the whole capture and report first. The worker's answer then confirms it
 * (or repaints it, should the capture have changed since) and the app takes over.
 *
 * Both browsers drop a tab's popup setting when the tab navigates, so a card never outlives
 * its page; the worker also resets it when a tab has nothing to grade.
 *
 * Types only are imported: the popup's early script must stay tiny.
 */
import type { PageCapture } from '../core/capture';
import type { Report } from '../core/report';

export interface EarlyCard {
  /** The page's address (page-controlled: always rendered as text). */
  url: string;
  statusCode: number;
  /** The status line as received (page-controlled text). */
  statusLine: string;
  state: PageCapture['state'];
  /** The Tabgrade grade. */
  grade: string;
  observatoryGrade: string;
  observatoryScore: number;
  testsPassed: number;
  testsQuantity: number;
  /** The Observatory release whose rules were applied. */
  algorithm: string;
  /** Whether Tabgrade's findings lowered the Observatory-compatible letter. */
  capped: boolean;
}

/** The query parameter that carries the card. */
export const EARLY_CARD_PARAM = 'card';

/**
 * Popup addresses are kept short: a card whose URL would make it longer than this is not
 * carried (the popup then paints from the worker's answer, as without a card).
 */
export const EARLY_CARD_MAX_PARAM_LENGTH = 4_096;

/** The card the popup's grade card would show for this capture and report, or null when it would show none. */
export function earlyCardOf(capture: PageCapture | null, report: Report | null): EarlyCard | null {
  if (capture === null || report === null || capture.document === null || capture.error !== null) return null;
  const { observatory, verdict } = report;
  const status = observatory.status ?? 'graded';
  if (verdict.grade === null || status === 'pending' || status === 'unavailable') return null;
  return {
    url: capture.url,
    statusCode: capture.document.statusCode,
    statusLine: capture.document.statusLine,
    state: capture.state,
    grade: verdict.grade,
    observatoryGrade: observatory.grade,
    observatoryScore: observatory.score,
    testsPassed: observatory.testsPassed,
    testsQuantity: observatory.testsQuantity,
    algorithm: observatory.algorithm,
    capped: verdict.capped,
  };
}

/** The card as the value of `EARLY_CARD_PARAM`, or null when it is too long to carry. */
export function earlyCardParam(card: EarlyCard): string | null {
  const value = JSON.stringify([
    card.url, card.statusCode, card.statusLine, card.state, card.grade, card.observatoryGrade,
    card.observatoryScore, card.testsPassed, card.testsQuantity, card.algorithm, card.capped,
  ]);
  return value.length > EARLY_CARD_MAX_PARAM_LENGTH ? null : value;
}

const STATES: ReadonlySet<string> = new Set<PageCapture['state']>(['loading', 'complete', 'error']);
/** Grade letters as the report writes them (A+ … F). */
const GRADE = /^[A-F][+-]?$/;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1_000;
}

/**
 * The card in a popup address's query (`location.search`), or null when there is none or
 * it is not exactly what `earlyCardParam` writes: anyone can open the popup's page with any
 * query, so every field is checked before anything is painted from it.
 */
export function earlyCardFromSearch(search: string): EarlyCard | null {
  const raw = new URLSearchParams(search).get(EARLY_CARD_PARAM);
  if (raw === null || raw.length > EARLY_CARD_MAX_PARAM_LENGTH) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || fields.length !== 11) return null;
  const [url, statusCode, statusLine, state, grade, observatoryGrade, observatoryScore, testsPassed, testsQuantity, algorithm, capped] = fields as unknown[];
  if (typeof url !== 'string' || typeof statusLine !== 'string' || typeof algorithm !== 'string' || typeof capped !== 'boolean') return null;
  if (typeof state !== 'string' || !STATES.has(state)) return null;
  if (typeof grade !== 'string' || !GRADE.test(grade) || typeof observatoryGrade !== 'string' || !GRADE.test(observatoryGrade)) return null;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 999) return null;
  if (typeof observatoryScore !== 'number' || !Number.isInteger(observatoryScore) || observatoryScore < 0 || observatoryScore > 1_000) return null;
  if (!isCount(testsPassed) || !isCount(testsQuantity) || testsPassed > testsQuantity) return null;
  return {
    url, statusCode, statusLine, state: state as PageCapture['state'], grade, observatoryGrade,
    observatoryScore, testsPassed, testsQuantity, algorithm, capped,
  };
}
