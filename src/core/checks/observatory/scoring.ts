/**
 * The Observatory's scoring rules as data, one table per algorithm release.
 *
 * Source: mdn/mdn-http-observatory v1.6.3 (July 2026) — `src/grader/charts.js`
 * (SCORE_TABLE, GRADE_CHART, MINIMUM_SCORE_FOR_EXTRA_CREDIT), `src/scanner/index.js`
 * (baseline 100, extra-credit rule) and `src/grader/grader.js` (floor at 0, grade of a
 * score). Descriptions are Tabgrade's own one-line summaries; the longer, user-facing
 * paragraphs live in `explanations.ts`.
 *
 * A later release (1.7.0, which scores COOP/COEP) is a new table in `SCORING_TABLES`,
 * never conditions in the grader.
 */
import type { Grade } from './grade-types';
import type { ObservatoryTestName } from './types';

export interface ScoreEntry {
  /** Points added to (or taken from) the baseline score for this result. */
  modifier: number;
  /** One line saying what the result means. */
  description: string;
}

export interface ScoringTable {
  /** The Observatory release these rules come from, e.g. `1.6.3`. */
  algorithm: string;
  /** Where and when the numbers were read. */
  source: string;
  /** Score every scan starts from. */
  baseline: number;
  /**
   * Positive modifiers ("extra credit") count only when the score after the penalties
   * alone is at least this much; otherwise only the penalties count.
   */
  extraCreditMinimum: number;
  /** Score → grade: the first boundary whose `minScore` the (rounded-down) score reaches. */
  gradeBoundaries: ReadonlyArray<{ minScore: number; grade: Grade }>;
  /** Tests that count towards the grade, in the Observatory's order. */
  tests: readonly ObservatoryTestName[];
  /** The result each test expects of a good site (the Observatory's default `expectation`); only the tests this table scores. */
  expectations: Readonly<Partial<Record<ObservatoryTestName, string>>>;
  /** Test → result id → modifier and description. Result ids keep the Observatory's spelling. */
  results: Readonly<Partial<Record<ObservatoryTestName, Readonly<Record<string, ScoreEntry>>>>>;
}

/** Rules of MDN HTTP Observatory v1.6.3. */
export const SCORING_1_6_3: ScoringTable = {
  algorithm: '1.6.3',
  source: 'mdn/mdn-http-observatory v1.6.3, src/grader/charts.js + src/scanner/index.js, read 2026-11-25',
  baseline: 100,
  extraCreditMinimum: 90,
  // Scores are rounded down to a multiple of 5 and capped at 100 before this lookup.
  gradeBoundaries: [
    { minScore: 100, grade: 'A+' },
    { minScore: 90, grade: 'A' },
    { minScore: 85, grade: 'A-' },
    { minScore: 80, grade: 'B+' },
    { minScore: 70, grade: 'B' },
    { minScore: 65, grade: 'B-' },
    { minScore: 60, grade: 'C+' },
    { minScore: 50, grade: 'C' },
    { minScore: 45, grade: 'C-' },
    { minScore: 40, grade: 'D+' },
    { minScore: 30, grade: 'D' },
    { minScore: 25, grade: 'D-' },
    { minScore: 0, grade: 'F' },
  ],
  tests: [
    'content-security-policy',
    'cookies',
    'cross-origin-resource-sharing',
    'redirection',
    'referrer-policy',
    'strict-transport-security',
    'subresource-integrity',
    'x-content-type-options',
    'x-frame-options',
    'cross-origin-resource-policy',
  ],
  expectations: {
    'content-security-policy': 'csp-implemented-with-no-unsafe',
    cookies: 'cookies-secure-with-httponly-sessions',
    'cross-origin-resource-sharing': 'cross-origin-resource-sharing-not-implemented',
    redirection: 'redirection-to-https',
    'referrer-policy': 'referrer-policy-private',
    'strict-transport-security': 'hsts-implemented-max-age-at-least-six-months',
    'subresource-integrity': 'sri-implemented-and-external-scripts-loaded-securely',
    'x-content-type-options': 'x-content-type-options-nosniff',
    'x-frame-options': 'x-frame-options-sameorigin-or-deny',
    'cross-origin-resource-policy': 'corp-implemented-with-same-site',
  },
  results: {
    'content-security-policy': {
      'csp-implemented-with-no-unsafe-default-src-none': { modifier: 10, description: "CSP set with default-src 'none' and nothing unsafe." },
      'csp-implemented-with-no-unsafe': { modifier: 5, description: "CSP set without 'unsafe-inline' or 'unsafe-eval'." },
      'csp-implemented-with-unsafe-inline-in-style-src-only': { modifier: 0, description: 'CSP set, but style-src allows inline styles, data: or overly broad sources.' },
      'csp-implemented-with-insecure-scheme-in-passive-content-only': { modifier: -10, description: 'CSP set, but this HTTPS site lets images or media load over HTTP.' },
      'csp-implemented-with-unsafe-eval': { modifier: -10, description: "CSP set, but it allows 'unsafe-eval'." },
      'csp-implemented-with-unsafe-inline': { modifier: -20, description: 'CSP set, but scripts or plugins are not restricted (inline, data:, broad or missing sources).' },
      'csp-implemented-with-insecure-scheme': { modifier: -20, description: 'CSP set, but this HTTPS site lets resources load over HTTP.' },
      'csp-implemented-but-duplicate-directives': { modifier: 0, description: 'CSP set and passing, but it repeats report-uri or report-to.' },
      'csp-header-invalid': { modifier: -25, description: 'The CSP cannot be parsed.' },
      'csp-not-implemented': { modifier: -25, description: 'No Content Security Policy.' },
      'csp-not-implemented-but-reporting-enabled': { modifier: -25, description: 'Only a report-only CSP: nothing is enforced.' },
    },
    cookies: {
      'cookies-secure-with-httponly-sessions-and-samesite': { modifier: 5, description: 'All cookies Secure, session cookies HttpOnly, and SameSite used.' },
      'cookies-secure-with-httponly-sessions': { modifier: 0, description: 'All cookies Secure and session cookies HttpOnly, but SameSite missing.' },
      'cookies-not-found': { modifier: 0, description: 'No cookies set.' },
      'cookies-without-secure-flag-but-protected-by-hsts': { modifier: -5, description: 'Cookies without Secure, though HSTS keeps them off plain HTTP.' },
      'cookies-session-without-secure-flag-but-protected-by-hsts': { modifier: -10, description: 'A session cookie without Secure, though HSTS keeps it off plain HTTP.' },
      'cookies-without-secure-flag': { modifier: -20, description: 'Cookies without Secure, or set over HTTP.' },
      'cookies-samesite-flag-invalid': { modifier: -20, description: 'A cookie has an invalid SameSite value, or SameSite=None without Secure.' },
      'cookies-anticsrf-without-samesite-flag': { modifier: -20, description: 'An anti-CSRF cookie without SameSite.' },
      'cookies-session-without-httponly-flag': { modifier: -30, description: 'A session cookie without HttpOnly.' },
      'cookies-session-without-secure-flag': { modifier: -40, description: 'A session cookie without Secure, or set over HTTP.' },
    },
    'cross-origin-resource-sharing': {
      'cross-origin-resource-sharing-not-implemented': { modifier: 0, description: 'Content is not shared cross-origin.' },
      'cross-origin-resource-sharing-implemented-with-public-access': { modifier: 0, description: 'Content is public to every origin (Access-Control-Allow-Origin: *).' },
      'cross-origin-resource-sharing-implemented-with-restricted-access': { modifier: 0, description: 'Content is shared with specific origins only.' },
      'cross-origin-resource-sharing-implemented-with-universal-access': { modifier: -50, description: 'Any origin can read content with the user’s credentials.' },
    },
    redirection: {
      'redirection-all-redirects-preloaded': { modifier: 0, description: 'Every host in the redirect chain is HSTS-preloaded.' },
      'redirection-to-https': { modifier: 0, description: 'HTTP redirects first to HTTPS on the same host, ending on HTTPS.' },
      'redirection-not-needed-no-http': { modifier: 0, description: 'The site does not answer over HTTP.' },
      'redirection-off-host-from-http': { modifier: -5, description: 'HTTP redirects to HTTPS on a different host first.' },
      'redirection-not-to-https-on-initial-redirection': { modifier: -10, description: 'HTTP first redirects to another HTTP URL.' },
      'redirection-not-to-https': { modifier: -20, description: 'Redirects end on an HTTP URL.' },
      'redirection-missing': { modifier: -20, description: 'HTTP does not redirect to HTTPS.' },
      'redirection-invalid-cert': { modifier: -20, description: 'An invalid certificate was met while redirecting.' },
    },
    'referrer-policy': {
      'referrer-policy-private': { modifier: 5, description: 'Referrer-Policy keeps paths and queries from other sites.' },
      'referrer-policy-not-implemented': { modifier: 0, description: 'No Referrer-Policy (browsers default to strict-origin-when-cross-origin).' },
      'referrer-policy-unsafe': { modifier: -5, description: 'Referrer-Policy leaks full URLs or origins over insecure or cross-site requests.' },
      'referrer-policy-header-invalid': { modifier: -5, description: 'Referrer-Policy has no recognised value.' },
    },
    'strict-transport-security': {
      'hsts-preloaded': { modifier: 5, description: 'The host is on the HSTS preload list.' },
      'hsts-implemented-max-age-at-least-six-months': { modifier: 0, description: 'HSTS set for at least six months.' },
      'hsts-implemented-max-age-less-than-six-months': { modifier: -10, description: 'HSTS set for less than six months.' },
      'hsts-not-implemented': { modifier: -20, description: 'No Strict-Transport-Security header.' },
      'hsts-header-invalid': { modifier: -20, description: 'The Strict-Transport-Security header cannot be understood.' },
      'hsts-not-implemented-no-https': { modifier: -20, description: 'HSTS needs HTTPS, which the site does not offer.' },
      'hsts-invalid-cert': { modifier: -20, description: 'HSTS cannot work with an invalid certificate chain.' },
    },
    'subresource-integrity': {
      'sri-implemented-and-all-scripts-loaded-securely': { modifier: 5, description: 'SRI used and all scripts come from the site itself.' },
      'sri-implemented-and-external-scripts-loaded-securely': { modifier: 5, description: 'SRI used and external scripts load over HTTPS.' },
      'sri-not-implemented-response-not-html': { modifier: 0, description: 'Not an HTML document: SRI does not apply.' },
      'sri-not-implemented-but-no-scripts-loaded': { modifier: 0, description: 'No scripts on the page.' },
      'sri-not-implemented-but-all-scripts-loaded-from-secure-origin': { modifier: 0, description: 'No SRI, but all scripts come from the site itself.' },
      'sri-not-implemented-but-external-scripts-loaded-securely': { modifier: -5, description: 'External scripts over HTTPS, but without SRI.' },
      'sri-implemented-but-external-scripts-not-loaded-securely': { modifier: -20, description: 'SRI used, but external scripts load over HTTP or protocol-relative URLs.' },
      'sri-not-implemented-and-external-scripts-not-loaded-securely': { modifier: -50, description: 'External scripts over HTTP or protocol-relative URLs, without SRI.' },
      // Generic Observatory result, only ever returned by the SRI test.
      'html-not-parseable': { modifier: -20, description: 'The document claims to be HTML but cannot be parsed.' },
    },
    'x-content-type-options': {
      'x-content-type-options-nosniff': { modifier: 0, description: 'X-Content-Type-Options set to nosniff.' },
      'x-content-type-options-not-implemented': { modifier: -5, description: 'No X-Content-Type-Options header.' },
      'x-content-type-options-header-invalid': { modifier: -5, description: 'X-Content-Type-Options has a value other than nosniff.' },
    },
    'x-frame-options': {
      // Since 1.5.0 DENY/SAMEORIGIN earns the same +5 as CSP frame-ancestors.
      'x-frame-options-implemented-via-csp': { modifier: 5, description: 'Framing controlled by the CSP frame-ancestors directive.' },
      'x-frame-options-sameorigin-or-deny': { modifier: 5, description: 'X-Frame-Options set to DENY or SAMEORIGIN.' },
      'x-frame-options-allow-from-origin': { modifier: 0, description: 'X-Frame-Options uses ALLOW-FROM, which browsers ignore.' },
      'x-frame-options-not-implemented': { modifier: -20, description: 'No framing protection.' },
      'x-frame-options-header-invalid': { modifier: -20, description: 'X-Frame-Options has an unrecognised value.' },
    },
    'cross-origin-resource-policy': {
      'corp-implemented-with-same-origin': { modifier: 10, description: 'CORP same-origin: other origins cannot embed this response.' },
      'corp-implemented-with-same-site': { modifier: 10, description: 'CORP same-site: other sites cannot embed this response.' },
      'corp-implemented-with-cross-origin': { modifier: 0, description: 'CORP cross-origin: anyone may embed this response.' },
      'corp-not-implemented': { modifier: 0, description: 'No CORP header (browsers default to cross-origin).' },
      'corp-header-invalid': { modifier: -5, description: 'The CORP header is unrecognised or sent more than once.' },
    },
  },
};

/**
 * Rules of the Observatory's main branch (mdn/mdn-http-observatory 94042bb, 2026-08-20,
 * release 1.7.0 prepared; the MDN website shows these results): algorithm version 6,
 * which adds Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy as tests 11 and
 * 12. Everything else is as in 1.6.3. The two new tests reward isolation (+10 each) but,
 * like every bonus, only once the score before bonuses reaches 90; an invalid header
 * costs 5 points always.
 */
export const SCORING_1_7_0: ScoringTable = {
  ...SCORING_1_6_3,
  algorithm: '1.7.0',
  source:
    'mdn/mdn-http-observatory main 94042bb (2026-08-20, algorithm 6), src/analyzer/tests/cross-origin-{opener,embedder}-policy.js + src/grader/charts.js, read 2026-12-03',
  tests: [...SCORING_1_6_3.tests, 'cross-origin-opener-policy', 'cross-origin-embedder-policy'],
  expectations: {
    ...SCORING_1_6_3.expectations,
    'cross-origin-opener-policy': 'coop-not-implemented',
    'cross-origin-embedder-policy': 'coep-not-implemented',
  },
  results: {
    ...SCORING_1_6_3.results,
    'cross-origin-opener-policy': {
      'coop-implemented-with-same-origin': { modifier: 10, description: 'COOP same-origin: the page gets a browsing context group of its own.' },
      'coop-implemented-with-same-origin-allow-popups': { modifier: 10, description: 'COOP same-origin-allow-popups: isolated, keeping the popups it opens.' },
      'coop-implemented-with-noopener-allow-popups': { modifier: 10, description: 'COOP noopener-allow-popups: isolated from its opener.' },
      'coop-implemented-with-unsafe-none': { modifier: 0, description: 'COOP unsafe-none: no isolation (the default).' },
      'coop-not-implemented': { modifier: 0, description: 'No COOP header (browsers default to unsafe-none).' },
      'coop-header-invalid': { modifier: -5, description: 'The COOP header is not one valid token, or is sent more than once.' },
    },
    'cross-origin-embedder-policy': {
      'coep-implemented-with-require-corp': { modifier: 10, description: 'COEP require-corp: only resources that opt in load cross-origin.' },
      'coep-implemented-with-credentialless': { modifier: 10, description: 'COEP credentialless: cross-origin resources load without credentials.' },
      'coep-implemented-with-unsafe-none': { modifier: 0, description: 'COEP unsafe-none: no embedder policy (the default).' },
      'coep-not-implemented': { modifier: 0, description: 'No COEP header (browsers default to unsafe-none).' },
      'coep-header-invalid': { modifier: -5, description: 'The COEP header is not one valid token, or is sent more than once.' },
    },
  },
};

/** Every table Tabgrade knows, by Observatory release. */
export const SCORING_TABLES: Readonly<Record<string, ScoringTable>> = {
  '1.7.0': SCORING_1_7_0,
  '1.6.3': SCORING_1_6_3,
};

export { ALGORITHMS, CURRENT_ALGORITHM, isAlgorithm, type Algorithm } from './algorithms';

/** The table of `CURRENT_ALGORITHM` (`algorithms.ts`). */
export const CURRENT_SCORING: ScoringTable = SCORING_1_7_0;

/** The entry for a result of a test, or undefined when the table does not know it. */
export function scoreEntry(
  test: ObservatoryTestName,
  result: string,
  table: ScoringTable = CURRENT_SCORING,
): ScoreEntry | undefined {
  const entries = table.results[test];
  return entries !== undefined && Object.hasOwn(entries, result) ? entries[result] : undefined;
}

/** The modifier of a result; 0 for a result the table does not know (as the Observatory's grader). */
export function scoreModifier(test: ObservatoryTestName, result: string, table: ScoringTable = CURRENT_SCORING): number {
  return scoreEntry(test, result, table)?.modifier ?? 0;
}

const bestByTable = new WeakMap<ScoringTable, Map<ObservatoryTestName, number>>();

/** The highest modifier any result of the test can earn. */
export function bestModifier(test: ObservatoryTestName, table: ScoringTable = CURRENT_SCORING): number {
  let bests = bestByTable.get(table);
  if (bests === undefined) {
    bests = new Map();
    bestByTable.set(table, bests);
  }
  const known = bests.get(test);
  if (known !== undefined) return known;
  let best = Number.NEGATIVE_INFINITY;
  for (const entry of Object.values(table.results[test] ?? {})) best = Math.max(best, entry.modifier);
  const result = Number.isFinite(best) ? best : 0;
  bests.set(test, result);
  return result;
}

/**
 * The grade of a final score: never below 0; above 100 grades as 100; otherwise rounded
 * down to a multiple of 5 first (Observatory `getGradeForScore`).
 */
export function gradeForScore(score: number, table: ScoringTable = CURRENT_SCORING): Grade {
  const bounded = Math.min(Math.max(score, 0), 100);
  const key = bounded - (bounded % 5);
  for (const boundary of table.gradeBoundaries) {
    if (key >= boundary.minScore) return boundary.grade;
  }
  return 'F';
}

/**
 * Final score from the modifiers of all tests: the baseline plus every modifier when the
 * penalties alone leave at least `extraCreditMinimum`, else the baseline plus penalties
 * only; never below 0 (Observatory `scan()` + `getGradeForScore`).
 */
export function scoreFromModifiers(modifiers: readonly number[], table: ScoringTable = CURRENT_SCORING): number {
  let withExtraCredit = table.baseline;
  let penaltiesOnly = table.baseline;
  for (const modifier of modifiers) {
    withExtraCredit += modifier;
    if (modifier < 0) penaltiesOnly += modifier;
  }
  const score = penaltiesOnly >= table.extraCreditMinimum ? withExtraCredit : penaltiesOnly;
  return Math.max(score, 0);
}
