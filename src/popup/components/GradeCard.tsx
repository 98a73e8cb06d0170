import { useLayoutEffect } from 'preact/hooks';
import type { ObservatoryGrade } from '../../core/checks/observatory/grade-types';

/**
 * For `npm run bench` (popup open to grade on screen): marks the first frame that shows a
 * grade letter. The DOM holds the letter when a layout effect runs; the next animation
 * frame is the one the browser paints it in.
 */
const GRADE_SHOWN_MARK = 'tabgrade:grade-shown';
function useGradeShownMark(shown: boolean): void {
  useLayoutEffect(() => {
    if (!shown || performance.getEntriesByName(GRADE_SHOWN_MARK).length > 0) return;
    requestAnimationFrame(() => {
      if (performance.getEntriesByName(GRADE_SHOWN_MARK).length === 0) performance.mark(GRADE_SHOWN_MARK);
    });
  }, [shown]);
}

function gradeClass(grade: string): string {
  return `grade-${grade.charAt(0).toLowerCase()}`;
}

/**
 * The Observatory-compatible grade: the letter and the score. Free of heavy imports on
 * purpose: it is what the popup shows first, from the grade the worker already computed.
 */
export function GradeCard({ grade }: { grade: ObservatoryGrade }) {
  const status = grade.status ?? 'graded';
  const letterShown = status !== 'pending' && status !== 'unavailable';
  useGradeShownMark(letterShown);
  if (!letterShown) {
    return (
      <section class="grade-card grade-none" data-testid="grade-card" data-status={status}>
        <div class="grade-letter" aria-hidden="true">–</div>
        <div>
          <p class="grade-caption">{status === 'pending' ? 'Waiting for the page’s response to grade it.' : 'No response to grade.'}</p>
          {grade.notes.map((note, index) => <p key={index} class="note">{note}</p>)}
        </div>
      </section>
    );
  }
  return (
    <>
      <section class={`grade-card ${gradeClass(grade.grade)}`} data-testid="grade-card" data-status={status}>
        <div class="grade-letter" data-testid="grade" aria-label={`Grade ${grade.grade}`}>{grade.grade}</div>
        <div>
          <p class="grade-score">
            <span data-testid="score">{grade.score}</span>
            <span class="muted">/100</span>
          </p>
          <p class="grade-caption">
            {grade.testsPassed} of {grade.testsQuantity} Observatory tests passed · rules of MDN HTTP Observatory {grade.algorithm}
          </p>
        </div>
      </section>
      {grade.notes.length > 0 && (
        <ul class="notes" data-testid="grade-notes">
          {grade.notes.map((note, index) => <li key={index}>{note}</li>)}
        </ul>
      )}
    </>
  );
}
