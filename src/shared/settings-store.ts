/** Reading and watching the user's settings from any extension page or the worker. */
import browser from './browser-api';
import { SETTINGS_KEY, parseSettings, type Settings } from '../core/settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY).catch(() => ({}) as Record<string, unknown>);
  return parseSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

export function onSettingsChange(listener: (settings: Settings) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(parseSettings(changes[SETTINGS_KEY]?.newValue));
  });
}
