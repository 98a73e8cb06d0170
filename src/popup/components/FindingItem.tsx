import type { ComponentChildren } from 'preact';
import type { Finding } from '../../core/findings';

/**
 * One finding, expandable to why it matters, what to do and (through `children`) the fix for
 * the user's stack. Shared by the popup and the DevTools panel so both say the same thing.
 */
export function FindingItem({ finding, testId, children }: { finding: Finding; testId: string; children?: ComponentChildren }) {
  return (
    <li class={`finding finding-${finding.severity}`} data-testid={testId} data-finding={finding.id} data-severity={finding.severity}>
      <details>
        <summary>
          <span class={`severity severity-${finding.severity}`}>{finding.severity}</span>
          <span class="finding-title">{finding.title}</span>
        </summary>
        <div class="finding-body">
          {finding.subject !== undefined && <p class="mono subject">{finding.subject}</p>}
          <p>{finding.detail}</p>
          {finding.recommendation !== undefined && <p><strong>Recommended:</strong> {finding.recommendation}</p>}
          {children}
          {finding.learnMoreUrl !== undefined && (
            <p><a href={finding.learnMoreUrl} target="_blank" rel="noopener noreferrer">Learn more</a></p>
          )}
        </div>
      </details>
    </li>
  );
}
