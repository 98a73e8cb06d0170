/** The shape of an Observatory-compatible grade, as every view and export reads it. */
import type { CoreTestName, IsolationTestName, ObservatoryTestName, ObservatoryTestResult } from './types';

export type Grade =
  | 'A+' | 'A' | 'A-'
  | 'B+' | 'B' | 'B-'
  | 'C+' | 'C' | 'C-'
  | 'D+' | 'D' | 'D-'
  | 'F';

/** One test's result with the words and link a view shows beside it. */
export interface GradedTest extends ObservatoryTestResult {
  title: string;
  /** One plain-English paragraph explaining this result. */
  explanation: string;
  /** The MDN page that documents the header or mechanism. */
  mdnUrl: string;
  /**
   * Points the score would gain if this test reached its best result (0 when it is
   * already there). Views sort by this so the biggest gains come first.
   */
  potentialGain: number;
}

export type GradedTests = Record<CoreTestName, GradedTest> & Partial<Record<IsolationTestName, GradedTest>>;

export interface ObservatoryGrade {
  /** Which Observatory release's rules were applied, e.g. `1.6.3`. */
  algorithm: string;
  url: string;
  grade: Grade;
  /** Final score: never below 0; may exceed 100 with extra credit. */
  score: number;
  testsPassed: number;
  testsFailed: number;
  testsQuantity: number;
  /** Every test the algorithm scores: the core ten always, the isolation tests from algorithm 6 on. */
  tests: GradedTests;
  /** Why the grade could not be fully computed or may differ from a live scan. */
  notes: string[];
  /**
   * Whether `grade` and `score` mean anything (absent is read as `graded`):
   * - `graded`: every test ran on the document's response;
   * - `partial`: a grade was computed but at least one test could not run (see `notes`);
   *   that test counts as failed with a modifier of 0;
   * - `pending`: no document response yet (the page is still loading);
   * - `unavailable`: the navigation ended without a document response.
   * For `pending` and `unavailable`, `grade` is a placeholder (`F`, score 0): views must
   * show the status instead, never the grade. The Observatory gives no grade at all there.
   */
  status?: GradeStatus;
}

export type GradeStatus = 'graded' | 'partial' | 'pending' | 'unavailable';
