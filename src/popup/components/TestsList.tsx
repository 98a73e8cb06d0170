import type { GradedTest, ObservatoryGrade } from '../../core/checks/observatory/grade-types';
import type { Stack } from '../../core/findings';
import { matchesFilter } from '../filter';
import { FixSnippets } from './FixSnippets';

function modifierText(modifier: number): string {
  return modifier > 0 ? `+${modifier}` : String(modifier);
}

/** Every Observatory test with its result, modifier and fix, biggest gains first. */
export function TestsList({
  grade,
  stacks,
  filter,
  withheld,
  explanation,
}: {
  grade: ObservatoryGrade;
  stacks: readonly Stack[];
  filter: string;
  /** Tests whose bonus the score does not count (see `verdict/score-arithmetic.ts`). */
  withheld: ReadonlySet<string>;
  /** Why bonuses were withheld; null when none were. */
  explanation: string | null;
}) {
  const status = grade.status ?? 'graded';
  if (status === 'pending' || status === 'unavailable') return null;
  const tests = Object.values(grade.tests)
    .filter((test) => matchesFilter(filter, test.title, test.name, test.result, test.explanation))
    .sort((a, b) => b.potentialGain - a.potentialGain || Number(a.pass) - Number(b.pass) || a.title.localeCompare(b.title));
  return (
    <section class="panel" aria-label="Observatory tests">
      <h2>Observatory tests</h2>
      {explanation !== null && <p class="arithmetic" data-testid="tests-bonus-withheld">{explanation}</p>}
      <ul class="tests" data-testid="tests">
        {tests.map((test) => <TestRow key={test.name} test={test} stacks={stacks} withheld={withheld.has(test.name) && test.scoreModifier > 0} />)}
      </ul>
    </section>
  );
}

function TestRow({ test, stacks, withheld }: { test: GradedTest; stacks: readonly Stack[]; withheld: boolean }) {
  return (
    <li class={`test ${test.pass ? 'pass' : 'fail'}`} data-testid="test-row" data-test={test.name} data-result={test.result} data-pass={String(test.pass)}>
      <details>
        <summary>
          <span class="test-icon" aria-label={test.pass ? 'passed' : 'failed'}>{test.pass ? '✓' : '✗'}</span>
          <span class="test-title">{test.title}</span>
          <span
            class={`modifier ${test.scoreModifier < 0 ? 'negative' : test.scoreModifier > 0 ? 'positive' : ''}${withheld ? ' withheld' : ''}`}
            data-testid="modifier"
            data-withheld={String(withheld)}
            title={withheld ? 'Not counted: bonuses count only once the score before bonuses reaches 90' : undefined}
          >
            {modifierText(test.scoreModifier)}
          </span>
          {withheld && <span class="muted withheld-label">withheld</span>}
          {test.potentialGain > 0 && <span class="gain" data-testid="gain">fix: +{test.potentialGain}</span>}
        </summary>
        <div class="test-body">
          <p class="result-id"><code>{test.result}</code></p>
          <p>{test.explanation}</p>
          {test.notes.map((note, index) => <p key={index} class="note">{note}</p>)}
          {test.potentialGain > 0 || !test.pass ? <FixSnippets id={test.result} stacks={stacks} /> : null}
          <p>
            <a href={test.mdnUrl} target="_blank" rel="noopener noreferrer">Read about it on MDN</a>
          </p>
        </div>
      </details>
    </li>
  );
}
