/**
 * The stack layers the user corrected in the popup, remembered per site (origin) in
 * `storage.local`, so a Django site behind nginx keeps its fixes from one visit to the next.
 * Never written from a private window; the options page's "clear history" clears it too.
 */
import browser from './browser-api';
import { parseLayerChoice, type LayerChoice } from '../core/stack-layers';

export const STACK_CHOICES_KEY = 'stackChoices';
/** Sites remembered at most; the oldest choice goes first. */
const MAX_SITES = 500;

type Stored = Record<string, { choice: LayerChoice; at: number }>;

async function readAll(): Promise<Stored> {
  const stored = await browser.storage.local.get(STACK_CHOICES_KEY).catch(() => ({}) as Record<string, unknown>);
  const value = stored[STACK_CHOICES_KEY];
  return typeof value === 'object' && value !== null ? (value as Stored) : {};
}

export async function loadStackChoice(origin: string): Promise<LayerChoice> {
  const entry = (await readAll())[origin];
  return parseLayerChoice(entry?.choice);
}

export async function saveStackChoice(origin: string, choice: LayerChoice): Promise<void> {
  if (browser.extension.inIncognitoContext) return;
  const all = await readAll();
  all[origin] = { choice, at: Date.now() };
  const origins = Object.keys(all);
  if (origins.length > MAX_SITES) {
    origins.sort((a, b) => (all[a]?.at ?? 0) - (all[b]?.at ?? 0));
    for (const old of origins.slice(0, origins.length - MAX_SITES)) delete all[old];
  }
  await browser.storage.local.set({ [STACK_CHOICES_KEY]: all });
}

export async function clearStackChoices(): Promise<void> {
  await browser.storage.local.remove(STACK_CHOICES_KEY);
}
