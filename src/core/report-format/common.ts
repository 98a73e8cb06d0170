/** What every output format shows the same way: test order, grade status words. */
import type { GradedTest, GradeStatus, ObservatoryGrade } from '../checks/observatory/grade-types';

/** `status` is optional on a grade; absent means the grade is complete. */
export function statusOf(grade: ObservatoryGrade): GradeStatus {
  return grade.status ?? 'graded';
}

/** False when `grade` and `score` are placeholders that must not be shown (grade-types.ts). */
export function hasGrade(grade: ObservatoryGrade): boolean {
  const status = statusOf(grade);
  return status === 'graded' || status === 'partial';
}

/** One line per status, shown next to (or instead of) the grade. */
export const STATUS_SUMMARY: Readonly<Record<GradeStatus, string | null>> = {
  graded: null,
  partial: 'partial grade: some tests could not run (see the notes)',
  pending: 'no grade yet: the page was still loading',
  unavailable: 'no grade: the navigation ended without a document response',
};

/** Tests in the grade's own (the Observatory's) order. */
export function testsInOrder(grade: ObservatoryGrade): GradedTest[] {
  return Object.values(grade.tests);
}

/** Biggest potential gain first; failing before passing; ties keep the Observatory's order. */
export function testsByGain(grade: ObservatoryGrade): GradedTest[] {
  return testsInOrder(grade)
    .map((test, order) => ({ test, order }))
    .sort((a, b) => b.test.potentialGain - a.test.potentialGain || Number(a.test.pass) - Number(b.test.pass) || a.order - b.order)
    .map(({ test }) => test);
}

/** `+5`, `-25`, `0`. */
export function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}
