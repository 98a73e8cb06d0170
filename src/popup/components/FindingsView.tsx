import { SCANNER_MYTHS } from '../../core/checks/tabgrade/scanner-myths';
import type { Finding, Stack } from '../../core/findings';
import { FINDING_GROUPS } from '../../core/report-view';
import { matchesFilter } from '../filter';
import { FindingItem } from './FindingItem';
import { FixSnippets } from './FixSnippets';

/** Tabgrade's own findings, grouped, each expandable to why it matters and the fix for the stack. */
export function FindingsView({ findings, stacks, filter }: { findings: Finding[]; stacks: readonly Stack[]; filter: string }) {
  const shown = findings.filter((finding) => matchesFilter(filter, finding.title, finding.detail, finding.subject, finding.id, finding.severity));
  return (
    <section class="panel" aria-label="Tabgrade findings" data-testid="findings">
      <h2>
        Beyond the grade <span class="count">{shown.length}</span>
      </h2>
      <p class="muted">Tabgrade’s own findings. They never change the Observatory-compatible score; the serious ones cap the Tabgrade grade (see the caps above).</p>
      {FINDING_GROUPS.map(({ group, title }) => {
        const inGroup = shown.filter((finding) => finding.group === group);
        if (inGroup.length === 0) return null;
        return (
          <div class="finding-group" key={group} data-testid="finding-group" data-group={group}>
            <h3>{title}</h3>
            <ul class="findings">
              {inGroup.map((finding, index) => (
                <FindingItem key={`${finding.id}-${index}`} finding={finding} testId="finding">
                  <FixSnippets id={finding.id} stacks={stacks} />
                </FindingItem>
              ))}
            </ul>
          </div>
        );
      })}
      {shown.length === 0 && <p class="empty">{filter === '' ? 'Nothing to report beyond the grade.' : 'No finding matches the filter.'}</p>}
      <details class="myths" data-testid="scanner-myths">
        <summary>Scanner myths: what other scanners flag that Tabgrade does not</summary>
        <ul>
          {SCANNER_MYTHS.map((myth) => (
            <li key={myth.id}>
              <p><strong>{myth.claim}</strong></p>
              <p>{myth.reality}</p>
              <p class="muted">{myth.tabgrade}</p>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
