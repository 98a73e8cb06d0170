import type { Stack } from '../../core/findings';
import type { StackDetection } from '../../core/stack';
import { FIX_LAYERS, LAYER_LABELS, LAYER_OF_STACK, type FixLayer, type LayerChoice, type StackLayers } from '../../core/stack-layers';
import { STACK_LABELS } from '../../core/report-view';
import { ALL_STACKS } from '../../core/checks/tabgrade/fixes';

function stacksOf(layer: FixLayer): Stack[] {
  return ALL_STACKS.filter((stack) => LAYER_OF_STACK[stack] === layer);
}

/**
 * Whose fixes the popup shows, one picker per layer (application, web server, host):
 * detected from the response, correctable by the user (remembered per site).
 */
export function StackPicker({ detection, layers, onChange }: { detection: StackDetection; layers: StackLayers; onChange: (choice: LayerChoice) => void }) {
  const detected = detection.guesses.filter((guess) => guess.confidence !== 'low').map((guess) => (guess.version ? `${guess.label} ${guess.version}` : guess.label));
  const choose = (layer: FixLayer, value: string) => {
    const choice: LayerChoice = {};
    for (const other of FIX_LAYERS) choice[other] = layers[other] ?? 'none';
    choice[layer] = value === '' ? 'none' : (value as Stack);
    onChange(choice);
  };
  return (
    <div class="stack-picker">
      <span>Fixes for</span>
      {FIX_LAYERS.map((layer) => (
        <label key={layer}>
          <span class="muted">{LAYER_LABELS[layer]}</span>{' '}
          <select data-testid={`stack-picker-${layer}`} value={layers[layer] ?? ''} onChange={(event) => choose(layer, (event.currentTarget as HTMLSelectElement).value)}>
            <option value="">{layer === 'host' ? 'none' : 'unknown'}</option>
            {stacksOf(layer).map((candidate) => (
              <option key={candidate} value={candidate}>
                {STACK_LABELS[candidate]}
                {detection.stacks.includes(candidate) ? ' (detected)' : ''}
              </option>
            ))}
          </select>
        </label>
      ))}
      {detected.length > 0 && <span class="muted" data-testid="detected-stack"> Detected: {detected.join(', ')}</span>}
    </div>
  );
}
