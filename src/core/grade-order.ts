/** Letter grades from best to worst, for `--min-grade` (the Observatory's GRADE_CHART order). */
import type { Grade } from './checks/observatory/grade-types';

export const GRADES_BEST_FIRST = ['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F'] as const satisfies readonly Grade[];

// Fails to compile if a grade is added to `Grade` but not listed above.
const everyGradeListed: [Exclude<Grade, (typeof GRADES_BEST_FIRST)[number]>] extends [never] ? true : false = true;
void everyGradeListed;

/** `b+` or `B+` → `B+`; null for anything that is not a grade. */
export function parseGrade(text: string): Grade | null {
  const wanted = text.trim().toUpperCase();
  return GRADES_BEST_FIRST.find((grade) => grade === wanted) ?? null;
}

/** True when `grade` is worse than `minimum`. */
export function isBelow(grade: Grade, minimum: Grade): boolean {
  return GRADES_BEST_FIRST.indexOf(grade) > GRADES_BEST_FIRST.indexOf(minimum);
}

/** The worse of two grades. */
export function worseGrade(a: Grade, b: Grade): Grade {
  return isBelow(a, b) ? a : b;
}
