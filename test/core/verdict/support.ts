/**
 * Helpers for the verdict tests: hand-made findings (for the cap table, whose rules read
 * only a finding's id, severity, check and data) and Observatory-compatible grades computed
 * by the real grader, either from real headers or from fixed test results.
 */
import type { HttpHeader, PageCapture } from '../../../src/core/capture';
import type { Grade, ObservatoryGrade } from '../../../src/core/checks/observatory/grade-types';
import type { ObservatoryTestName } from '../../../src/core/checks/observatory/types';
import type { Finding } from '../../../src/core/findings';
import { gradeCapture } from '../../../src/core/grade';
import { GRADES_BEST_FIRST, isBelow } from '../../../src/core/grade-order';
import { fixedTests } from '../../helpers/fixed-tests';
import { captureFrom } from '../../helpers/fixtures';

/** "Now" for checks that read dates (certificates): 2026-11-26, as the check tests use. */
export const NOW = Date.UTC(2026, 10, 26);

/** A finding with only what a test cares about set; the rest is plausible filler. */
export function finding(overrides: Partial<Finding> & Pick<Finding, 'id'>): Finding {
  return {
    checkId: 'some-check',
    severity: 'medium',
    group: 'server',
    title: `Title of ${overrides.id}`,
    detail: 'Detail.',
    ...overrides,
  };
}

export function headers(entries: Record<string, string>): HttpHeader[] {
  return Object.entries(entries).map(([name, value]) => ({ name, value }));
}

/** The worst of some grades, by `GRADES_BEST_FIRST` order (null for none). */
export function worstOf(grades: readonly Grade[]): Grade | null {
  let worst: Grade | null = null;
  for (const grade of grades) if (worst === null || isBelow(grade, worst)) worst = grade;
  return worst;
}

/** True when `a` is better than `b`. */
export function isBetter(a: Grade, b: Grade): boolean {
  return GRADES_BEST_FIRST.indexOf(a) < GRADES_BEST_FIRST.indexOf(b);
}

/**
 * The real grader's verdict on a page whose ten tests answer `results` (neutral where not
 * named): a real ObservatoryGrade with a chosen score.
 */
export function gradeWithResults(results: Partial<Record<ObservatoryTestName, string>>, capture: PageCapture = captureFrom({ headers: [] })): ObservatoryGrade {
  return gradeCapture(capture, {}, { tests: fixedTests(results) });
}

/** Fixed results that give each letter (scores from the 1.6.3 table, noted beside each). */
export const RESULTS_FOR_GRADE: ReadonlyArray<[Grade, Partial<Record<ObservatoryTestName, string>>]> = [
  ['A+', { 'cross-origin-resource-policy': 'corp-implemented-with-same-origin' }], // 110
  ['A', { 'x-content-type-options': 'x-content-type-options-not-implemented' }], // 95
  ['A-', { 'strict-transport-security': 'hsts-implemented-max-age-less-than-six-months', 'x-content-type-options': 'x-content-type-options-not-implemented' }], // 85
  ['B+', { 'x-frame-options': 'x-frame-options-not-implemented' }], // 80
  ['B', { 'content-security-policy': 'csp-not-implemented' }], // 75
  ['B-', { 'content-security-policy': 'csp-not-implemented', 'x-content-type-options': 'x-content-type-options-not-implemented', 'referrer-policy': 'referrer-policy-unsafe' }], // 65
  ['C+', { redirection: 'redirection-missing', 'strict-transport-security': 'hsts-not-implemented' }], // 60
  ['C', { 'content-security-policy': 'csp-not-implemented', 'x-frame-options': 'x-frame-options-not-implemented' }], // 55
  ['C-', { 'content-security-policy': 'csp-not-implemented', 'x-frame-options': 'x-frame-options-not-implemented', 'x-content-type-options': 'x-content-type-options-not-implemented', 'referrer-policy': 'referrer-policy-unsafe' }], // 45
  ['D+', { cookies: 'cookies-session-without-secure-flag', 'x-frame-options': 'x-frame-options-not-implemented' }], // 40
  ['D', { cookies: 'cookies-session-without-secure-flag', 'x-frame-options': 'x-frame-options-not-implemented', 'x-content-type-options': 'x-content-type-options-not-implemented', 'referrer-policy': 'referrer-policy-unsafe' }], // 30
  ['D-', { cookies: 'cookies-session-without-secure-flag', 'x-frame-options': 'x-frame-options-not-implemented', 'x-content-type-options': 'x-content-type-options-not-implemented', 'referrer-policy': 'referrer-policy-unsafe', 'cross-origin-resource-policy': 'corp-header-invalid' }], // 25
  ['F', { 'cross-origin-resource-sharing': 'cross-origin-resource-sharing-implemented-with-universal-access', 'subresource-integrity': 'sri-not-implemented-and-external-scripts-not-loaded-securely' }], // 0
];
