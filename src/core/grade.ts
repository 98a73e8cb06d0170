/**
 * The Observatory-compatible grade of a capture: runs the tests the chosen algorithm
 * scores (twelve for 1.7.0, ten for 1.6.3) and scores them the way the MDN HTTP
 * Observatory does (`src/scanner/index.js`, `src/grader/grader.js`):
 * start at 100, add every test's modifier, count bonuses only when the penalties alone
 * leave at least 90, never go below 0, then map the score to a letter.
 *
 * Scoring numbers are data (`checks/observatory/scoring.ts`); words and links too
 * (`checks/observatory/explanations.ts`). This file only orchestrates.
 */
import type { PageCapture } from './capture';
import { headerValues, hasHeader } from './headers';
import { DROPPED_HEADERS_NAME } from './normalize';
import { NOT_RUN_EXPLANATION, TEST_ERROR_EXPLANATION, TEST_INFO, explanationFor } from './checks/observatory/explanations';
import type { GradeStatus, GradedTest, ObservatoryGrade } from './checks/observatory/grade-types';
import { OBSERVATORY_TESTS } from './checks/observatory/index';
import {
  CURRENT_SCORING,
  bestModifier,
  gradeForScore,
  scoreEntry,
  scoreFromModifiers,
  type ScoringTable,
} from './checks/observatory/scoring';
import type { ObservatoryContext, ObservatoryTest, ObservatoryTestName, ObservatoryTestResult } from './checks/observatory/types';

/** Result id of a test that threw: Tabgrade's own, never an Observatory id. */
export const TEST_ERROR_RESULT = 'tabgrade-test-error';
/** Result id of a test that was not run because there is no document response. */
export const NOT_RUN_RESULT = 'tabgrade-not-run';

export interface GradeOptions {
  /** Tests to run; defaults to the Observatory's ten. */
  tests?: readonly ObservatoryTest[];
  /** Scoring rules; defaults to the current release's. */
  table?: ScoringTable;
}

/** Without preload data, every host's preload status is unknown (tests then treat it as not preloaded). */
const UNKNOWN_PRELOAD: ObservatoryContext['isHstsPreloaded'] = () => null;

/** HTTP statuses the Observatory agrees to grade (it refuses the scan otherwise). */
function observatoryAcceptsStatus(status: number): boolean {
  return status >= 200 && (status < 400 || status === 401 || status === 403);
}

export function gradeCapture(capture: PageCapture, context?: Partial<ObservatoryContext>, options: GradeOptions = {}): ObservatoryGrade {
  const table = options.table ?? CURRENT_SCORING;
  const tests = options.tests ?? OBSERVATORY_TESTS;
  const fullContext: ObservatoryContext = { isHstsPreloaded: context?.isHstsPreloaded ?? UNKNOWN_PRELOAD };
  const document = capture.document;
  const url = document?.url ?? capture.url;

  // No usable document response: the Observatory would give no grade at all, so neither
  // does Tabgrade. The placeholder grade must not be shown (see `status`).
  if (document === null || document.statusCode === 0 || document.error !== undefined) {
    const pending = capture.state === 'loading' && capture.error === null;
    return notGraded(capture, url, table, pending ? 'pending' : 'unavailable');
  }

  const notes: string[] = [];
  const graded = new Map<ObservatoryTestName, TestOutcome>();
  for (const test of tests) {
    // A test the chosen algorithm does not score (COOP under 1.6.3) is not run at all.
    // A dozen names: `includes` is as quick as a set here, and allocates nothing per grade.
    if (!table.tests.includes(test.name)) continue;
    const outcome = runTest(test, capture, fullContext, table);
    graded.set(test.name, outcome);
    if (outcome.errored) notes.push(`The ${test.title} test could not run because of an error in Tabgrade; it counts as failed and adds no points, so the real grade may differ.`);
  }

  const counted = table.tests.filter((name) => graded.has(name));
  const modifiers = counted.map((name) => graded.get(name)?.modifier ?? 0);
  const score = scoreFromModifiers(modifiers, table);

  const testsRecord = {} as Record<ObservatoryTestName, GradedTest>;
  let testsPassed = 0;
  for (const [index, name] of counted.entries()) {
    const entry = graded.get(name);
    if (!entry) continue;
    if (entry.result.pass) testsPassed++;
    testsRecord[name] = gradedTest(entry, {
      scoreModifier: entry.modifier,
      title: TEST_INFO[name].title,
      explanation: entry.errored ? TEST_ERROR_EXPLANATION : explanationFor(entry.result.result, entry.result.data),
      mdnUrl: TEST_INFO[name].mdnUrl,
      potentialGain: entry.errored ? 0 : potentialGain(modifiers, index, bestModifier(name, table), score, table),
    });
  }
  // A test the table counts but the registry lacks would otherwise leave a hole in `tests`.
  for (const name of table.tests) {
    if (testsRecord[name] !== undefined) continue;
    testsRecord[name] = placeholder(name, table, TEST_ERROR_RESULT, 'Tabgrade has no implementation of this test.', TEST_ERROR_EXPLANATION);
    notes.push(`Tabgrade has no ${TEST_INFO[name].title} test; it counts as failed and adds no points.`);
  }

  notes.push(...captureNotes(capture, context));
  let anyErrored = counted.length < table.tests.length;
  for (const entry of graded.values()) anyErrored ||= entry.errored;
  const status: GradeStatus = anyErrored ? 'partial' : 'graded';

  return {
    algorithm: table.algorithm,
    url,
    grade: gradeForScore(score, table),
    score,
    testsPassed,
    testsFailed: table.tests.length - testsPassed,
    testsQuantity: table.tests.length,
    tests: testsRecord,
    notes,
    status,
  };
}

/** Runs one test; a throw or a malformed answer becomes a failing result with no points. */
/** A test's result as the grader keeps it. */
interface TestOutcome {
  result: ObservatoryTestResult;
  modifier: number;
  errored: boolean;
  /** `result` has exactly `RESULT_KEYS`, in order (true for every result `runTest` writes out). */
  plain: boolean;
}

function runTest(
  test: ObservatoryTest,
  capture: PageCapture,
  context: ObservatoryContext,
  table: ScoringTable,
): TestOutcome {
  let result: ObservatoryTestResult;
  try {
    result = test.run(capture, context);
  } catch (error) {
    return { result: errorResult(test.name, table, error), modifier: 0, errored: true, plain: true };
  }
  if (typeof result !== 'object' || result === null || typeof result.result !== 'string') {
    return { result: errorResult(test.name, table, new Error('the test returned no result')), modifier: 0, errored: true, plain: true };
  }
  const entry = scoreEntry(test.name, result.result, table);
  const notes = Array.isArray(result.notes) ? [...result.notes] : [];
  if (entry === undefined) {
    // The Observatory's grader also scores an unknown result as 0.
    notes.push(`Tabgrade's scoring table for Observatory ${table.algorithm} has no entry for this result, so it adds no points.`);
  }
  const modifier = entry?.modifier ?? 0;
  if (!hasOnlyResultKeys(result)) return { result: { ...result, name: test.name, notes, scoreModifier: modifier }, modifier, errored: false, plain: false };
  // The same object as the spread above would make, written out (see `hasOnlyResultKeys`).
  return {
    result: { name: test.name, result: result.result, expectation: result.expectation, pass: result.pass, scoreModifier: modifier, data: result.data, notes },
    modifier,
    errored: false,
    plain: true,
  };
}

/** The keys of a test result, in the order every test writes them. */
const RESULT_KEYS: readonly string[] = ['name', 'result', 'expectation', 'pass', 'scoreModifier', 'data', 'notes'];

/**
 * True when `result` has exactly `RESULT_KEYS`, in that order (as the Observatory tests'
 * results do), so that writing its fields out gives the same object as spreading it.
 * Spreading ten results of ten different shapes and adding keys to the copies is slow in
 * V8: it took about a tenth of a whole grade.
 */
function hasOnlyResultKeys(result: object): boolean {
  const keys = Object.keys(result);
  if (keys.length !== RESULT_KEYS.length || Object.getOwnPropertySymbols(result).length > 0) return false;
  return keys.every((key, index) => key === RESULT_KEYS[index]);
}

type GradedTestExtras = Pick<GradedTest, 'scoreModifier' | 'title' | 'explanation' | 'mdnUrl' | 'potentialGain'>;

/** `{ ...result, ...extras }`, written out when the result has the usual keys. */
function gradedTest({ result, plain }: TestOutcome, extras: GradedTestExtras): GradedTest {
  if (!plain) return { ...result, ...extras };
  return {
    name: result.name,
    result: result.result,
    expectation: result.expectation,
    pass: result.pass,
    scoreModifier: extras.scoreModifier,
    data: result.data,
    notes: result.notes,
    title: extras.title,
    explanation: extras.explanation,
    mdnUrl: extras.mdnUrl,
    potentialGain: extras.potentialGain,
  };
}

function errorResult(name: ObservatoryTestName, table: ScoringTable, error: unknown): ObservatoryTestResult {
  // The message may quote page data (e.g. an unparsable URL): keep it in `data`, not in notes.
  const message = error instanceof Error ? error.message : String(error);
  return {
    name,
    result: TEST_ERROR_RESULT,
    expectation: table.expectations[name] ?? '',
    pass: false,
    scoreModifier: 0,
    data: { error: message.slice(0, 500) },
    notes: ['This test could not run because of an error in Tabgrade. It counts as failed and adds no points.'],
  };
}

/**
 * How much the final score would rise if only this test reached its best result, under
 * the grader's own rules (so a fix that lifts the penalties-only score to 90 also
 * unlocks the other tests' bonuses, and a fix below that threshold earns no bonus).
 */
function potentialGain(modifiers: readonly number[], index: number, best: number, current: number, table: ScoringTable): number {
  const modifier = modifiers[index] ?? 0;
  if (modifier >= best) return 0;
  const improved = [...modifiers];
  improved[index] = best;
  return Math.max(0, scoreFromModifiers(improved, table) - current);
}

function placeholder(name: ObservatoryTestName, table: ScoringTable, result: string, note: string, explanation: string): GradedTest {
  return {
    name,
    result,
    expectation: table.expectations[name] ?? '',
    pass: false,
    scoreModifier: 0,
    data: {},
    notes: [note],
    title: TEST_INFO[name].title,
    explanation,
    mdnUrl: TEST_INFO[name].mdnUrl,
    potentialGain: 0,
  };
}

function notGraded(capture: PageCapture, url: string, table: ScoringTable, status: 'pending' | 'unavailable'): ObservatoryGrade {
  const tests = {} as Record<ObservatoryTestName, GradedTest>;
  for (const name of table.tests) {
    tests[name] = placeholder(name, table, NOT_RUN_RESULT, 'Not run: there is no document response to test.', NOT_RUN_EXPLANATION);
  }
  const notes =
    status === 'pending'
      ? ['The page is still loading: Tabgrade has no response for its document yet, so there is no grade.']
      : [
          capture.error !== null || capture.document?.error !== undefined
            ? 'The page did not load (the navigation ended in a network error), so there is nothing to grade.'
            : 'Tabgrade saw no response for this page’s document, so there is nothing to grade. Reload the page with Tabgrade enabled.',
        ];
  return {
    algorithm: table.algorithm,
    url,
    grade: 'F',
    score: 0,
    testsPassed: 0,
    testsFailed: 0,
    testsQuantity: table.tests.length,
    tests,
    notes,
    status,
  };
}

/**
 * Which HSTS preload list the grade used, said once: the Observatory reads the current
 * list, so a host added or removed since the bundled list's date can score differently.
 */
function hstsPreloadNote(context: Partial<ObservatoryContext> | undefined): string | null {
  if (context?.isHstsPreloaded === undefined) {
    return 'Tabgrade has no HSTS preload list here, so no host counts as preloaded; a preloaded site can score a few points lower than on the Observatory.';
  }
  const date = context.hstsPreloadListDate;
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return `Preloaded hosts are looked up in the HSTS preload list of ${date}; the Observatory reads the current list, so a host added to it or removed since then can score differently.`;
}

/** Grade-level caveats about the capture itself. Never quotes page-controlled text. */
function captureNotes(capture: PageCapture, context: Partial<ObservatoryContext> | undefined): string[] {
  const notes: string[] = [];
  const document = capture.document;
  if (document === null) return notes;
  if (capture.state === 'loading') {
    notes.push('The page was still loading when graded; results that read the HTML may change once it finishes.');
  } else if (capture.error !== null) {
    notes.push('The navigation reported an error after the document arrived, so what Tabgrade saw of the page may be incomplete.');
  }
  if (!observatoryAcceptsStatus(document.statusCode)) {
    notes.push(`The page answered with HTTP status ${document.statusCode}. The Observatory refuses to grade such a response; Tabgrade grades it anyway.`);
  }
  if (hasHeader(document.headers, DROPPED_HEADERS_NAME)) {
    const dropped = headerValues(document.headers, DROPPED_HEADERS_NAME)[0] ?? '';
    notes.push(`The response had more headers than Tabgrade keeps${/^\d+$/.test(dropped) ? ` (${dropped} dropped)` : ''}; a header that matters may be missing from the grade.`);
  }
  if (capture.html?.truncated) {
    notes.push('The page’s HTML was longer than Tabgrade keeps, so tags near its end were not checked.');
  }
  const preloadNote = hstsPreloadNote(context);
  if (preloadNote !== null) notes.push(preloadNote);
  return notes;
}
