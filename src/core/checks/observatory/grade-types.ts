/** The shape of an Observatory-compatible grade, as every view and export reads it. */
import type { ObservatoryTestName, ObservatoryTestResult } from './types';

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
  tests: Record<ObservatoryTestName, GradedTest>;
  /** Why the grade could not be fully computed or may differ from a live scan. */
  notes: string[];
}
