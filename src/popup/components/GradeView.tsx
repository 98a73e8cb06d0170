import type { GradedTest, ObservatoryGrade } from '../../core/checks/observatory/grade-types';

function gradeClass(grade: string): string {
  return `grade-${grade.charAt(0).toLowerCase()}`;
}

function modifierText(modifier: number): string {
  return modifier > 0 ? `+${modifier}` : String(modifier);
}

/** The Observatory-compatible grade: the letter, the score and every test, biggest gains first. */
export function GradeView({ grade }: { grade: ObservatoryGrade }) {
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
  const tests = Object.values(grade.tests).sort(
    (a, b) => b.potentialGain - a.potentialGain || Number(a.pass) - Number(b.pass) || a.title.localeCompare(b.title),
  );
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
      <section class="panel" aria-label="Observatory tests">
        <h2>Observatory tests</h2>
        <ul class="tests" data-testid="tests">
          {tests.map((test) => <TestRow key={test.name} test={test} />)}
        </ul>
      </section>
    </>
  );
}

function TestRow({ test }: { test: GradedTest }) {
  return (
    <li class={`test ${test.pass ? 'pass' : 'fail'}`} data-testid="test-row" data-test={test.name} data-result={test.result} data-pass={String(test.pass)}>
      <details>
        <summary>
          <span class="test-icon" aria-label={test.pass ? 'passed' : 'failed'}>{test.pass ? '✓' : '✗'}</span>
          <span class="test-title">{test.title}</span>
          <span class={`modifier ${test.scoreModifier < 0 ? 'negative' : test.scoreModifier > 0 ? 'positive' : ''}`} data-testid="modifier">
            {modifierText(test.scoreModifier)}
          </span>
          {test.potentialGain > 0 && <span class="gain" data-testid="gain">fix: +{test.potentialGain}</span>}
        </summary>
        <div class="test-body">
          <p class="result-id"><code>{test.result}</code></p>
          <p>{test.explanation}</p>
          {test.notes.map((note, index) => <p key={index} class="note">{note}</p>)}
          <p>
            <a href={test.mdnUrl} target="_blank" rel="noopener noreferrer">Read about it on MDN</a>
          </p>
        </div>
      </details>
    </li>
  );
}
