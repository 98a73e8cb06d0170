import type { ReloadChange } from '../../core/reload-diff';

/** ✓ for a change that helps security, ✗ for one that hurts it, • otherwise. */
export const CHANGE_MARKS = { better: '✓', worse: '✗', neutral: '•' } as const;

/** Changes since the previous load, most telling first; minor ones folded away. */
export function ChangeList({ changes, testId = 'changes', limit }: { changes: readonly ReloadChange[]; testId?: string; limit?: number }) {
  const major = changes.filter((change) => !change.minor);
  const minor = changes.filter((change) => change.minor);
  const shown = limit === undefined ? major : major.slice(0, limit);
  return (
    <>
      <ul class="changes" data-testid={testId}>
        {shown.map((change, index) => (
          <li key={index} class={`change change-${change.direction}`} data-testid="change" data-direction={change.direction} data-topic={change.topic}>
            <span class="change-text">{change.text}</span> <span class="change-mark" aria-label={change.direction}>{CHANGE_MARKS[change.direction]}</span>
          </li>
        ))}
        {shown.length < major.length && <li class="muted">… and {major.length - shown.length} more</li>}
      </ul>
      {limit === undefined && minor.length > 0 && (
        <details class="minor-changes">
          <summary>{minor.length} other header {minor.length === 1 ? 'change' : 'changes'}</summary>
          <ul class="changes">
            {minor.map((change, index) => (
              <li key={index} class="change change-neutral" data-testid="minor-change">{change.text}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
