import type { Report } from '../../core/report';
import { GRADE_SHOWN_MARK, usePaintMark } from '../paint-marks';

function gradeClass(grade: string): string {
  return `grade-${grade.charAt(0).toLowerCase()}`;
}

/**
 * The verdict, first: the Tabgrade grade as the big letter, the Observatory-compatible
 * grade and score beside it, every cap with what lifts it, the score arithmetic where
 * bonuses were withheld, and the production projection on development hosts. Free of
 * heavy imports on purpose: it is what the popup shows first, from the worker's report.
 */
export function GradeCard({ report }: { report: Report }) {
  const { verdict, observatory, arithmetic, projection } = report;
  const status = observatory.status ?? 'graded';
  const letterShown = verdict.grade !== null && status !== 'pending' && status !== 'unavailable';
  usePaintMark(GRADE_SHOWN_MARK, letterShown);
  if (!letterShown || verdict.grade === null) {
    return (
      <section class="grade-card grade-none" data-testid="grade-card" data-status={status}>
        <div class="grade-letter" aria-hidden="true">–</div>
        <div>
          <p class="grade-caption">{status === 'pending' ? 'Waiting for the page’s response to grade it.' : 'No response to grade.'}</p>
          {report.notes.map((note, index) => <p key={index} class="note">{note}</p>)}
        </div>
      </section>
    );
  }
  return (
    <>
      <section class={`grade-card ${gradeClass(verdict.grade)}`} data-testid="grade-card" data-status={status} data-capped={String(verdict.capped)}>
        <div class="grade-letter" data-testid="grade" aria-label={`Tabgrade grade ${verdict.grade}`}>{verdict.grade}</div>
        <div>
          <p class="grade-observatory">
            Observatory-compatible: <strong data-testid="observatory-grade">{observatory.grade}</strong> ·{' '}
            <span data-testid="score">{observatory.score}</span>
            <span class="muted">/100</span>
          </p>
          <p class="grade-caption">
            {observatory.testsPassed} of {observatory.testsQuantity} Observatory tests passed · rules of MDN HTTP Observatory {observatory.algorithm}
            {verdict.capped ? ' · capped by Tabgrade’s findings' : ''}
          </p>
        </div>
      </section>
      {verdict.caps.length > 0 && (
        <section class="caps" aria-label="Grade caps">
          <ul data-testid="caps">
            {verdict.caps.map((cap, index) => (
              <li key={index} class={cap.binding ? 'cap binding' : 'cap'} data-testid="cap" data-rule={cap.rule} data-grade={cap.grade} data-binding={String(cap.binding)} title={cap.why}>
                <span class="cap-grade">≤ {cap.grade}</span> {cap.reason}
                {!cap.binding && <span class="muted"> (the score is already at or below this)</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {arithmetic.explanation !== null && (
        <p class="arithmetic" data-testid="bonus-withheld">{arithmetic.explanation}</p>
      )}
      {projection !== null && (
        <section class="projection" data-testid="projection" aria-label="Projection for production">
          <p>
            <strong>Projection, not a measurement:</strong> in production over HTTPS this page would score{' '}
            <span data-testid="projected-score">{projection.score}</span>/100 (<span data-testid="projected-grade">{projection.grade}</span>), Tabgrade grade{' '}
            <span data-testid="projected-tabgrade">{projection.tabgradeGrade ?? projection.grade}</span>.
          </p>
          <p class="muted">{projection.note}</p>
        </section>
      )}
      {report.notes.length > 0 && (
        <ul class="notes" data-testid="grade-notes">
          {report.notes.map((note, index) => <li key={index}>{note}</li>)}
        </ul>
      )}
    </>
  );
}
