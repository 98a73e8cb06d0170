/**
 * The JSON report. `url`, `grade`, `score` and each test's `result`, `scoreModifier` and
 * `pass` keep the names and meaning of the Observatory's API (v2 `/analyze` response),
 * so scripts written against one read the other.
 *
 * The shape is a published contract: docs/report-schema.md explains it and
 * docs/report-schema.json validates it (test/core/report-schema.test.ts keeps them in step).
 * Adding a field keeps `schemaVersion`; renaming, removing or changing the meaning of one
 * raises it.
 */
import type { Grade, GradeStatus, ObservatoryGrade } from '../checks/observatory/grade-types';
import { hasGrade, statusOf, testsInOrder } from './common';

export interface JsonTestReport {
  result: string;
  scoreModifier: number;
  pass: boolean;
  expectation: string;
  title: string;
  explanation: string;
  mdnUrl: string;
  potentialGain: number;
  data: Record<string, unknown>;
  notes: string[];
}

/** Raised only for changes that can break a reader (see docs/report-schema.md). */
export const REPORT_SCHEMA_VERSION = 1;

export interface JsonReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  url: string;
  /** Null when there is no grade (the page was loading or never loaded): see `status`. */
  grade: Grade | null;
  score: number | null;
  status: GradeStatus;
  algorithm: string;
  testsPassed: number;
  testsFailed: number;
  testsQuantity: number;
  tests: Record<string, JsonTestReport>;
  notes: string[];
}

export function toJsonReport(grade: ObservatoryGrade): JsonReport {
  const tests: Record<string, JsonTestReport> = {};
  for (const test of testsInOrder(grade)) {
    tests[test.name] = {
      result: test.result,
      scoreModifier: test.scoreModifier,
      pass: test.pass,
      expectation: test.expectation,
      title: test.title,
      explanation: test.explanation,
      mdnUrl: test.mdnUrl,
      potentialGain: test.potentialGain,
      data: test.data,
      notes: test.notes,
    };
  }
  const graded = hasGrade(grade);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    url: grade.url,
    grade: graded ? grade.grade : null,
    score: graded ? grade.score : null,
    status: statusOf(grade),
    algorithm: grade.algorithm,
    testsPassed: grade.testsPassed,
    testsFailed: grade.testsFailed,
    testsQuantity: grade.testsQuantity,
    tests,
    notes: grade.notes,
  };
}

/** Pretty-printed, with a final newline, for files and pipes. */
export function formatJson(grade: ObservatoryGrade): string {
  return `${JSON.stringify(toJsonReport(grade), null, 2)}\n`;
}
