/**
 * The stack part of a report (which layers run the site, whose fixes are shown) and the
 * same report with the user's layer corrections. Apart from report.ts so that the popup can
 * apply a correction without loading the report builder and every check with it.
 */
import { deployChecklist } from './deploy-checklist';
import type { Report } from './report';
import type { StackDetection } from './stack';
import { chosenLayers, detectedLayers, FIX_LAYERS, layerStacks, type LayerChoice } from './stack-layers';

export function stackPart(detection: StackDetection, choice: LayerChoice): Report['stack'] {
  const layers = chosenLayers(detectedLayers(detection), choice);
  return { detection, layers, choice, stacks: layerStacks(layers) };
}

/**
 * The same report with the user's layer corrections (the popup's pickers), for exports: the
 * verdict and the findings do not depend on them, only which fixes are shown.
 */
export function withLayerChoice(report: Report, choice: LayerChoice): Report {
  const same = FIX_LAYERS.every((layer) => report.stack.choice[layer] === choice[layer]);
  if (same) return report;
  const stack = stackPart(report.stack.detection, choice);
  // The checklist is the application layer's: a correction of that layer changes it.
  return { ...report, stack, deployChecklist: deployChecklist(report.observatory, report.findings, stack.layers.application) };
}
