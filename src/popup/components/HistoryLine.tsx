import { useEffect, useState } from 'preact/hooks';
import { compareHistory, entryFromReport, type HistoryComparison } from '../../core/history';
import { scoreEntry } from '../../core/checks/observatory/scoring';
import type { ObservatoryTestName } from '../../core/checks/observatory/types';
import { originOf } from '../../core/page-tags';
import type { Report } from '../../core/report';
import { scoringTableOf } from '../../core/verdict/score-arithmetic';
import { readHistory } from '../../shared/history-store';

const DATE = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/**
 * "D- → B+ since 3 May", which of the two grades changed since the last visit (the Tabgrade
 * grade, the Observatory-compatible one, or both) and which results and caps changed.
 */
export function HistoryLine({ report, navigationId }: { report: Report; navigationId: string }) {
  const [comparison, setComparison] = useState<HistoryComparison | null>(null);
  useEffect(() => {
    const origin = originOf(report.url);
    const current = entryFromReport(report, navigationId, Date.now());
    if (origin === null || current === null) return;
    const table = scoringTableOf(report.observatory.algorithm);
    const modifierOf = (test: string, result: string): number | undefined => scoreEntry(test as ObservatoryTestName, result, table)?.modifier;
    let cancelled = false;
    void readHistory(origin).then((entries) => {
      if (!cancelled) setComparison(compareHistory(entries, current, modifierOf));
    });
    return () => {
      cancelled = true;
    };
  }, [report, navigationId]);

  if (comparison === null) return null;
  const { first, changes, gradeChanges, capChanges } = comparison;
  const letter = report.verdict.grade ?? report.observatory.grade;
  const firstLetter = first.tabgrade ?? first.grade;
  const since = DATE.format(new Date(first.at));
  const changed: string[] = [];
  if (gradeChanges.tabgrade !== null) changed.push(`Tabgrade grade ${gradeChanges.tabgrade.from} → ${gradeChanges.tabgrade.to}`);
  if (gradeChanges.observatory !== null) changed.push(`Observatory-compatible ${gradeChanges.observatory.from} → ${gradeChanges.observatory.to}`);
  return (
    <section class="history" data-testid="history" aria-label="History of this site">
      <p>
        {firstLetter === letter && changes.length === 0 && changed.length === 0 ? (
          <span>
            {letter} since {since}
          </span>
        ) : (
          <span data-testid="history-trend">
            {firstLetter} → {letter} since {since}
          </span>
        )}
      </p>
      {changed.length > 0 && (
        <p class="muted" data-testid="history-grades-changed">
          Since the last visit: {changed.join('; ')}.
        </p>
      )}
      {(changes.length > 0 || capChanges.added.length > 0 || capChanges.removed.length > 0) && (
        <ul class="history-changes">
          {capChanges.removed.map((rule) => (
            <li key={`-${rule}`} class="improved" data-testid="history-cap-change">▲ cap lifted: {rule}</li>
          ))}
          {capChanges.added.map((rule) => (
            <li key={`+${rule}`} class="regressed" data-testid="history-cap-change">▼ new cap: {rule}</li>
          ))}
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
