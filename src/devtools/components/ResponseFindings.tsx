import type { Finding } from '../../core/findings';

/** The findings for one response, each expandable to why it matters and what to send. */
export function ResponseFindings({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return <p class="empty" data-testid="no-findings">Nothing to report for this response.</p>;
  return (
    <ul class="findings" data-testid="response-findings">
      {findings.map((finding, index) => (
        <li key={`${finding.id}-${index}`} class="finding" data-testid="response-finding" data-finding={finding.id} data-severity={finding.severity}>
          <details>
            <summary>
              <span class={`severity severity-${finding.severity}`}>{finding.severity}</span>
              <span class="finding-title">{finding.title}</span>
            </summary>
            <div class="finding-body">
              {finding.subject !== undefined && <p class="mono subject">{finding.subject}</p>}
              <p>{finding.detail}</p>
              {finding.recommendation !== undefined && <p><strong>Recommended:</strong> <code>{finding.recommendation}</code></p>}
              {finding.learnMoreUrl !== undefined && (
                <p><a href={finding.learnMoreUrl} target="_blank" rel="noopener noreferrer">Learn more</a></p>
              )}
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
