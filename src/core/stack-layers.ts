/**
 * A real site is layers: an application framework, a web server or proxy in front of it,
 * sometimes a CDN or static host. Each fix belongs to the layer that can make it (Django's
 * settings for cookies and HSTS, Apache's `ServerTokens` for the Server header), so views
 * show the fix of every layer Tabgrade knows, the application's first.
 */
import type { Stack } from './findings';
import type { StackDetection } from './stack';

export type FixLayer = 'application' | 'server' | 'host';

/** Layers in the order their fixes are shown: settings at the source before server-wide headers. */
export const FIX_LAYERS: readonly FixLayer[] = ['application', 'server', 'host'];

export const LAYER_LABELS: Readonly<Record<FixLayer, string>> = {
  application: 'Application',
  server: 'Web server',
  host: 'Host / CDN',
};

export const LAYER_OF_STACK: Readonly<Record<Stack, FixLayer>> = {
  django: 'application',
  rails: 'application',
  laravel: 'application',
  express: 'application',
  aspnet: 'application',
  php: 'application',
  apache: 'server',
  nginx: 'server',
  caddy: 'server',
  iis: 'server',
  netlify: 'host',
};

/** The stack of each layer; null where Tabgrade does not know it. */
export type StackLayers = Readonly<Record<FixLayer, Stack | null>>;

/** The user's corrections, per layer: a stack, or `none` when the site has no such layer. */
export type LayerChoice = Partial<Record<FixLayer, Stack | 'none'>>;

/** The first detected stack of each layer (detection lists the most useful first). */
export function detectedLayers(detection: Pick<StackDetection, 'stacks'>): StackLayers {
  const layers: Record<FixLayer, Stack | null> = { application: null, server: null, host: null };
  for (const stack of detection.stacks) {
    const layer = LAYER_OF_STACK[stack];
    if (layers[layer] === null) layers[layer] = stack;
  }
  return layers;
}

/** Detected layers with the user's corrections applied; a stack chosen for the wrong layer is ignored. */
export function chosenLayers(detected: StackLayers, choice: LayerChoice): StackLayers {
  const layers: Record<FixLayer, Stack | null> = { ...detected };
  for (const layer of FIX_LAYERS) {
    const picked = choice[layer];
    if (picked === undefined) continue;
    if (picked === 'none') layers[layer] = null;
    else if (LAYER_OF_STACK[picked] === layer) layers[layer] = picked;
  }
  return layers;
}

/** The layers' stacks in fix order, without the unknown ones. */
export function layerStacks(layers: StackLayers): Stack[] {
  return FIX_LAYERS.map((layer) => layers[layer]).filter((stack): stack is Stack => stack !== null);
}

/** Reads a stored choice, dropping anything that is not a known stack of the right layer. */
export function parseLayerChoice(value: unknown): LayerChoice {
  if (typeof value !== 'object' || value === null) return {};
  const record = value as Record<string, unknown>;
  const choice: LayerChoice = {};
  for (const layer of FIX_LAYERS) {
    const picked = record[layer];
    if (picked === 'none') choice[layer] = 'none';
    else if (typeof picked === 'string' && Object.hasOwn(LAYER_OF_STACK, picked) && LAYER_OF_STACK[picked as Stack] === layer) choice[layer] = picked as Stack;
  }
  return choice;
}
