import { ALL_STACKS } from '../../core/checks/tabgrade/fixes';
import type { Stack } from '../../core/findings';
import type { StackDetection } from '../../core/stack';
import { STACK_LABELS as LABELS } from '../../core/report-view';


/** Which stack the fixes are written for: detected from the response, changeable by the user. */
export function StackPicker({ detection, stack, onChange }: { detection: StackDetection; stack: Stack | null; onChange: (stack: Stack) => void }) {
  const detected = detection.guesses.filter((guess) => guess.confidence !== 'low').map((guess) => (guess.version ? `${guess.label} ${guess.version}` : guess.label));
  return (
    <div class="stack-picker">
      <label>
        Fixes for{' '}
        <select
          data-testid="stack-picker"
          value={stack ?? ''}
          onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value as Stack)}
        >
          {stack === null && <option value="">choose your stack…</option>}
          {ALL_STACKS.map((candidate) => (
            <option key={candidate} value={candidate}>
              {LABELS[candidate]}
              {detection.stacks.includes(candidate) ? ' (detected)' : ''}
            </option>
          ))}
        </select>
      </label>
      {detected.length > 0 && <span class="muted" data-testid="detected-stack"> Detected: {detected.join(', ')}</span>}
    </div>
  );
}
