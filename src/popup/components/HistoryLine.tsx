import { useEffect, useState } from 'preact/hooks';
import { compareHistory, entryFromGrade, type HistoryComparison } from '../../core/history';
import type { ObservatoryGrade } from '../../core/checks/observatory/grade-types';
import { CURRENT_SCORING, scoreEntry } from '../../core/checks/observatory/scoring';
import type { ObservatoryTestName } from '../../core/checks/observatory/types';
import { originOf } from '../../core/page-tags';
import { readHistory } from '../../shared/history-store';

const DATE = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

function modifierOf(test: string, result: string): number | undefined {
  return scoreEntry(test as ObservatoryTestName, result, CURRENT_SCORING)?.modifier;
}

/** "D- → B+ since 3 May", and what changed since the previous audit of this origin. */
export function HistoryLine({ grade, navigationId }: { grade: ObservatoryGrade; navigationId: string }) {
  const [comparison, setComparison] = useState<HistoryComparison | null>(null);
  useEffect(() => {
    const origin = originOf(grade.url);
    const current = entryFromGrade(grade, navigationId, Date.now());
    if (origin === null || current === null) return;
    let cancelled = false;
    void readHistory(origin).then((entries) => {
      if (!cancelled) setComparison(compareHistory(entries, current, modifierOf));
    });
    return () => {
      cancelled = true;
    };
  }, [grade, navigationId]);

  if (comparison === null) return null;
  const { first, changes } = comparison;
  const letter = grade.grade;
  const since = DATE.format(new Date(first.at));
  return (
    <section class="history" data-testid="history" aria-label="History of this site">
      <p>
        {first.grade === letter && changes.length === 0 ? (
          <span>
            {letter} since {since}
          </span>
        ) : (
          <span data-testid="history-trend">
            {first.grade} → {letter} since {since}
          </span>
        )}
      </p>
      {changes.length > 0 && (
        <ul class="history-changes">
          {changes.map((change) => (
            <li key={change.test} class={change.direction} data-testid="history-change">
              {change.direction === 'improved' ? '▲' : change.direction === 'regressed' ? '▼' : '•'} {change.test}: {change.from ?? 'new'} → {change.to}
              {change.delta !== 0 && ` (${change.delta > 0 ? '+' : ''}${change.delta})`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
