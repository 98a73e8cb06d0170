import type { Finding } from '../../core/findings';
import { FindingItem } from '../../popup/components/FindingItem';

/** The findings for one response, each expandable to why it matters and what to send. */
export function ResponseFindings({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return <p class="empty" data-testid="no-findings">Nothing to report for this response.</p>;
  return (
    <ul class="findings" data-testid="response-findings">
      {findings.map((finding, index) => (
        <FindingItem key={`${finding.id}-${index}`} finding={finding} testId="response-finding" />
      ))}
    </ul>
  );
}
