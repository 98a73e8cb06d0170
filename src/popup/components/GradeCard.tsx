import type { ObservatoryGrade } from '../../core/checks/observatory/grade-types';

function gradeClass(grade: string): string {
  return `grade-${grade.charAt(0).toLowerCase()}`;
}

/**
 * The Observatory-compatible grade: the letter and the score. Free of heavy imports on
 * purpose: it is what the popup shows first, from the grade the worker already computed.
 */
export function GradeCard({ grade }: { grade: ObservatoryGrade }) {
  const status = grade.status ?? 'graded';
  if (status === 'pending' || status === 'unavailable') {
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
