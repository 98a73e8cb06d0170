import { describe, expect, it } from 'vitest';
import type { PageCapture } from '../../src/core/capture';
import { RESULT_EXPLANATIONS, TEST_INFO } from '../../src/core/checks/observatory/explanations';
import type { Grade } from '../../src/core/checks/observatory/grade-types';
import { OBSERVATORY_TESTS } from '../../src/core/checks/observatory/index';
import {
  CURRENT_ALGORITHM,
  CURRENT_SCORING,
  SCORING_1_6_3,
  SCORING_1_7_0,
  SCORING_TABLES,
  type ScoringTable,
  bestModifier,
  gradeForScore,
  scoreFromModifiers,
} from '../../src/core/checks/observatory/scoring';
import type { ObservatoryTestName } from '../../src/core/checks/observatory/types';
import { NOT_RUN_RESULT, TEST_ERROR_RESULT, gradeCapture } from '../../src/core/grade';
import { captureFrom, captureFromFixtures, loadHeaders } from '../helpers/fixtures';
import { fixedTest, fixedTests } from '../helpers/fixed-tests';

const table = CURRENT_SCORING;
const TEST_NAMES = table.tests;

const page = (): PageCapture => captureFromFixtures('html-only');

describe('scoring tables (Observatory 1.7.0 and 1.6.3)', () => {
  it('is the current algorithm and is registered by version', () => {
    expect(CURRENT_ALGORITHM).toBe('1.7.0');
    expect(SCORING_TABLES['1.7.0']).toBe(CURRENT_SCORING);
    expect(SCORING_TABLES['1.6.3']).toBe(SCORING_1_6_3);
  });

  it('lists the registry tests, in the Observatory order', () => {
    expect(OBSERVATORY_TESTS.map((test) => test.name)).toEqual([...TEST_NAMES]);
    expect(new Set(TEST_NAMES).size).toBe(12);
  });

  it.each(OBSERVATORY_TESTS.map((test) => [test.name, test] as const))('covers every result %s can return', (name, test) => {
    expect(test.possibleResults, `${name} should declare possibleResults`).toBeDefined();
    const declared = test.possibleResults ?? [];
    expect(declared.length).toBeGreaterThan(0);
    const scored = Object.keys(table.results[name] ?? {});
    // A test may declare fewer results than the Observatory scores (one the live scanner can
    // never reach), never one the table does not know.
    expect(declared.filter((result) => !scored.includes(result))).toEqual([]);
  });

  it('scores exactly the result ids of the Observatory tests, per algorithm', () => {
    const countsOf = (scoring: ScoringTable) => Object.fromEntries(scoring.tests.map((name) => [name, Object.keys(scoring.results[name] ?? {}).length]));
    // From the tests' possibleResults in mdn/mdn-http-observatory v1.6.3 (SRI also returns html-not-parseable).
    const tenTests = {
      'content-security-policy': 11,
      cookies: 10,
      'cross-origin-resource-sharing': 4,
      redirection: 8,
      'referrer-policy': 4,
      'strict-transport-security': 7,
      'subresource-integrity': 9,
      'x-content-type-options': 3,
      'x-frame-options': 5,
      'cross-origin-resource-policy': 5,
    };
    expect(countsOf(SCORING_1_6_3)).toEqual(tenTests);
    // Algorithm 6 (main 94042bb) adds COOP (6 results) and COEP (5).
    expect(countsOf(SCORING_1_7_0)).toEqual({ ...tenTests, 'cross-origin-opener-policy': 6, 'cross-origin-embedder-policy': 5 });
    expect(SCORING_1_7_0.tests.slice(0, 10)).toEqual(SCORING_1_6_3.tests);
  });

  it('has an expectation per test that is one of its results', () => {
    for (const name of TEST_NAMES) expect(Object.keys(table.results[name] ?? {})).toContain(table.expectations[name]);
  });

  it('has words and links for every test and result', () => {
    for (const name of TEST_NAMES) {
      expect(TEST_INFO[name].title.length).toBeGreaterThan(0);
      expect(TEST_INFO[name].mdnUrl).toMatch(/^https:\/\/developer\.mozilla\.org\/en-US\/docs\//);
      for (const result of Object.keys(table.results[name] ?? {})) {
        expect(RESULT_EXPLANATIONS[result], result).toMatch(/\w.{40,}/);
      }
    }
  });

  it('keeps the modifiers the Observatory changed or is known for', () => {
    const modifier = (name: ObservatoryTestName, result: string) => table.results[name]?.[result]?.modifier;
    expect(modifier('x-frame-options', 'x-frame-options-sameorigin-or-deny')).toBe(5); // 0 before 1.5.0
    expect(modifier('content-security-policy', 'csp-not-implemented')).toBe(-25);
    expect(modifier('cookies', 'cookies-session-without-secure-flag')).toBe(-40);
    expect(modifier('cross-origin-resource-sharing', 'cross-origin-resource-sharing-implemented-with-universal-access')).toBe(-50);
    expect(modifier('subresource-integrity', 'sri-not-implemented-and-external-scripts-not-loaded-securely')).toBe(-50);
    expect(modifier('cross-origin-resource-policy', 'corp-implemented-with-same-site')).toBe(10);
    const bonuses = TEST_NAMES.reduce((sum, name) => sum + bestModifier(name), 0);
    expect(bonuses).toBe(65); // the most extra credit a site can earn under 1.7.0: 165 points in all
    expect(SCORING_1_6_3.tests.reduce((sum, name) => sum + bestModifier(name, SCORING_1_6_3), 0)).toBe(45); // 145 under 1.6.3
    expect(modifier('cross-origin-opener-policy', 'coop-header-invalid')).toBe(-5);
    expect(modifier('cross-origin-embedder-policy', 'coep-implemented-with-credentialless')).toBe(10);
  });
});

describe('grade boundaries', () => {
  it.each<[number, Grade]>([
    [145, 'A+'], [100, 'A+'], [99, 'A'], [95, 'A'], [90, 'A'], [89, 'A-'], [85, 'A-'], [80, 'B+'],
    [79, 'B'], [70, 'B'], [65, 'B-'], [60, 'C+'], [55, 'C'], [50, 'C'], [45, 'C-'], [40, 'D+'],
    [35, 'D'], [30, 'D'], [25, 'D-'], [24, 'F'], [0, 'F'], [-30, 'F'],
  ])('grades %i as %s', (score, grade) => {
    expect(gradeForScore(score)).toBe(grade);
  });
});

describe('score', () => {
  it('starts at 100', () => {
    const grade = gradeCapture(page(), {}, { tests: fixedTests({}) });
    expect(grade).toMatchObject({ score: 100, grade: 'A+', status: 'graded', algorithm: '1.7.0', testsPassed: 12, testsFailed: 0, testsQuantity: 12 });
    const old = gradeCapture(page(), {}, { tests: fixedTests({}), table: SCORING_1_6_3 });
    expect(old).toMatchObject({ score: 100, algorithm: '1.6.3', testsPassed: 10, testsQuantity: 10 });
    expect(Object.keys(old.tests)).toEqual([...SCORING_1_6_3.tests]);
  });

  it('uses the table modifier, not the one a test reports', () => {
    const grade = gradeCapture(page(), {}, { tests: fixedTests({ 'x-content-type-options': 'x-content-type-options-header-invalid' }) });
    expect(grade.tests['x-content-type-options'].scoreModifier).toBe(-5);
    expect(grade.score).toBe(95);
  });

  it('adds extra credit when the penalties alone leave at least 90', () => {
    const tests = fixedTests({
      'strict-transport-security': 'hsts-implemented-max-age-less-than-six-months', // -10 → 90
      'content-security-policy': 'csp-implemented-with-no-unsafe-default-src-none', // +10
      'cross-origin-resource-policy': 'corp-implemented-with-same-origin', // +10
    });
    expect(gradeCapture(page(), {}, { tests })).toMatchObject({ score: 110, grade: 'A+' });
  });

  it('withholds all extra credit when the penalties alone leave less than 90', () => {
    const tests = fixedTests({
      'strict-transport-security': 'hsts-implemented-max-age-less-than-six-months', // -10
      'x-content-type-options': 'x-content-type-options-not-implemented', // -5 → 85
      'content-security-policy': 'csp-implemented-with-no-unsafe-default-src-none', // +10, not counted
      'cross-origin-resource-policy': 'corp-implemented-with-same-origin', // +10, not counted
    });
    expect(gradeCapture(page(), {}, { tests })).toMatchObject({ score: 85, grade: 'A-' });
  });

  it('never goes below 0', () => {
    const tests = fixedTests({
      'content-security-policy': 'csp-not-implemented',
      cookies: 'cookies-session-without-secure-flag',
      'cross-origin-resource-sharing': 'cross-origin-resource-sharing-implemented-with-universal-access',
      'subresource-integrity': 'sri-not-implemented-and-external-scripts-not-loaded-securely',
    });
    expect(gradeCapture(page(), {}, { tests })).toMatchObject({ score: 0, grade: 'F' });
    expect(scoreFromModifiers([-25, -40, -50, -50])).toBe(0);
  });

  it('counts passes and failures from the tests', () => {
    const tests = fixedTests({});
    tests[0] = fixedTest('content-security-policy', 'csp-not-implemented', false);
    expect(gradeCapture(page(), {}, { tests })).toMatchObject({ testsPassed: 11, testsFailed: 1 });
  });
});

describe('potential gain', () => {
  it('is the score gained by reaching the best result, bonus included when the grader grants it', () => {
    const grade = gradeCapture(page(), {}, { tests: fixedTests({ 'x-frame-options': 'x-frame-options-not-implemented' }) });
    expect(grade.score).toBe(80);
    // -20 → +5 lifts the penalties-only score back to 100, so the +5 counts too.
    expect(grade.tests['x-frame-options'].potentialGain).toBe(25);
    // A bonus-only improvement earns nothing while the penalties keep the score below 90.
    expect(grade.tests['cross-origin-resource-policy'].potentialGain).toBe(0);
    expect(grade.tests['cross-origin-resource-sharing'].potentialGain).toBe(0);
  });

  it('counts the bonuses a fix unlocks on other tests', () => {
    const tests = fixedTests({
      'content-security-policy': 'csp-not-implemented', // -25
      'cross-origin-resource-policy': 'corp-implemented-with-same-origin', // +10, withheld
      'referrer-policy': 'referrer-policy-private', // +5, withheld
    });
    const grade = gradeCapture(page(), {}, { tests });
    expect(grade.score).toBe(75);
    // Fixing CSP to +10 gives 100 + 10 + 10 + 5.
    expect(grade.tests['content-security-policy'].potentialGain).toBe(125 - 75);
  });

  it('is 0 for a test already at its best', () => {
    const grade = gradeCapture(page(), {}, { tests: fixedTests({ 'content-security-policy': 'csp-implemented-with-no-unsafe-default-src-none' }) });
    expect(grade.tests['content-security-policy'].potentialGain).toBe(0);
  });
});

describe('robustness', () => {
  it('turns a test that throws into a failing result with a note, and grades the rest', () => {
    const tests = fixedTests({ 'x-content-type-options': 'x-content-type-options-not-implemented' });
    tests[7] = {
      ...fixedTest('x-content-type-options', 'unused'),
      run: () => {
        throw new TypeError('boom');
      },
    };
    const grade = gradeCapture(page(), {}, { tests });
    expect(grade.status).toBe('partial');
    expect(grade.tests['x-content-type-options']).toMatchObject({ result: TEST_ERROR_RESULT, pass: false, scoreModifier: 0, potentialGain: 0 });
    expect(grade.tests['x-content-type-options'].data).toEqual({ error: 'boom' });
    expect(grade.score).toBe(100);
    expect(grade.testsFailed).toBe(1);
    expect(grade.notes.join(' ')).toMatch(/X-Content-Type-Options test could not run/);
  });

  it('scores an unknown result id as 0, like the Observatory, and says so', () => {
    const grade = gradeCapture(page(), {}, { tests: fixedTests({ cookies: 'cookies-from-the-future' }) });
    expect(grade.tests.cookies.scoreModifier).toBe(0);
    expect(grade.tests.cookies.notes.join(' ')).toMatch(/no entry/);
    expect(grade.status).toBe('graded');
  });

  it('still fills every test when the registry lacks one', () => {
    const grade = gradeCapture(page(), {}, { tests: fixedTests({}).slice(1) });
    expect(grade.status).toBe('partial');
    expect(grade.tests['content-security-policy'].result).toBe(TEST_ERROR_RESULT);
    expect(Object.keys(grade.tests).sort()).toEqual([...TEST_NAMES].sort());
  });
});

describe('captures without a document', () => {
  it('is pending while the page loads, with no grade to show', () => {
    const capture = captureFrom({ overrides: { state: 'loading', completedAt: null } });
    const grade = gradeCapture(capture);
    expect(grade).toMatchObject({ status: 'pending', grade: 'F', score: 0, testsPassed: 0, testsFailed: 0, testsQuantity: 12 });
    expect(grade.notes.join(' ')).toMatch(/still loading/);
    for (const name of TEST_NAMES) expect(grade.tests[name]).toMatchObject({ result: NOT_RUN_RESULT, potentialGain: 0 });
  });

  it('is unavailable when the navigation failed', () => {
    const capture = captureFrom({ overrides: { state: 'error', error: 'net::ERR_CONNECTION_REFUSED' } });
    expect(gradeCapture(capture)).toMatchObject({ status: 'unavailable' });
    expect(gradeCapture(capture).notes.join(' ')).toMatch(/did not load/);
  });

  it('is unavailable when the document request failed before any response', () => {
    const capture = captureFrom({ headers: [], statusCode: 0 });
    expect(gradeCapture(capture).status).toBe('unavailable');
  });

  it('is unavailable for a finished capture that never saw its document', () => {
    expect(gradeCapture(captureFrom()).status).toBe('unavailable');
  });
});

describe('notes about the capture', () => {
  it('says the preload list is unknown unless the caller provides one', () => {
    expect(gradeCapture(page()).notes.join(' ')).toMatch(/no HSTS preload list/);
    const known = gradeCapture(page(), { isHstsPreloaded: () => ({ preloaded: false, includeSubDomains: false }) });
    expect(known.notes.join(' ')).not.toMatch(/no HSTS preload list/);
  });

  it('states the date of the preload list once when the caller gives a dated list', () => {
    const dated = gradeCapture(page(), { isHstsPreloaded: () => ({ preloaded: false, includeSubDomains: false }), hstsPreloadListDate: '2026-06-01' });
    expect(dated.notes.filter((note) => note.includes('HSTS preload list of 2026-06-01'))).toHaveLength(1);
    expect(dated.notes.join(' ')).not.toMatch(/no HSTS preload list/);
    expect(gradeCapture(page()).notes.join(' ')).not.toMatch(/HSTS preload list of/);
  });

  it('warns about a status the Observatory would refuse', () => {
    expect(gradeCapture(captureFrom({ headers: loadHeaders('html-only'), statusCode: 404 })).notes.join(' ')).toMatch(/status 404/);
    expect(gradeCapture(captureFrom({ headers: loadHeaders('html-only'), statusCode: 403 })).notes.join(' ')).not.toMatch(/status 403/);
  });

  it('warns when the page was still loading or the navigation failed after the document', () => {
    const loading = captureFrom({ headers: loadHeaders('html-only'), overrides: { state: 'loading', completedAt: null } });
    expect(gradeCapture(loading)).toMatchObject({ status: 'graded' });
    expect(gradeCapture(loading).notes.join(' ')).toMatch(/still loading when graded/);
    const failed = captureFrom({ headers: loadHeaders('html-only'), overrides: { state: 'error', error: 'net::ERR_ABORTED' } });
    expect(gradeCapture(failed).notes.join(' ')).toMatch(/may be incomplete/);
  });

  it('warns when headers were dropped or the HTML cut', () => {
    const capture = captureFrom({
      headers: [...loadHeaders('html-only'), { name: 'x-tabgrade-dropped-headers', value: '12' }],
      overrides: { html: { text: '<p>', source: 'served', truncated: true } },
    });
    const notes = gradeCapture(capture).notes.join(' ');
    expect(notes).toMatch(/12 dropped/);
    expect(notes).toMatch(/HTML was longer/);
  });
});

describe('full grade with the real tests', () => {
  it('grades a bare HTTPS page and keeps the score consistent with its tests', () => {
    const grade = gradeCapture(page());
    expect(grade.status).toBe('graded');
    expect(grade.tests['content-security-policy'].result).toBe('csp-not-implemented');
    expect(grade.tests['x-frame-options'].result).toBe('x-frame-options-not-implemented');
    expect(grade.tests['x-content-type-options'].result).toBe('x-content-type-options-not-implemented');
    const modifiers = TEST_NAMES.map((name) => grade.tests[name]?.scoreModifier ?? 0);
    expect(grade.score).toBe(scoreFromModifiers(modifiers));
    expect(grade.grade).toBe(gradeForScore(grade.score));
    for (const name of TEST_NAMES) {
      expect(grade.tests[name]?.name).toBe(name);
      expect(grade.tests[name]?.explanation.length).toBeGreaterThan(0);
    }
  });

  it('rewards the headers this project owns on a well-configured page', () => {
    const capture = captureFrom({
      headers: [
        ...loadHeaders('csp-default-src-none'),
        { name: 'X-Content-Type-Options', value: 'nosniff' },
        { name: 'Referrer-Policy', value: 'no-referrer' },
        { name: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
        { name: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
      ],
    });
    const grade = gradeCapture(capture);
    expect(grade.tests['content-security-policy'].scoreModifier).toBe(10);
    expect(grade.tests['x-frame-options'].result).toBe('x-frame-options-implemented-via-csp');
    expect(grade.tests['referrer-policy'].scoreModifier).toBe(5);
    expect(grade.tests['cross-origin-resource-policy'].scoreModifier).toBe(10);
    expect(grade.tests['x-content-type-options'].scoreModifier).toBe(0);
    expect(grade.score).toBe(scoreFromModifiers(TEST_NAMES.map((name) => grade.tests[name]?.scoreModifier ?? 0)));
  });
});
