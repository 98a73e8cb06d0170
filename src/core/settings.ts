/**
 * The user's switches. Stored in `storage.local`; read as `unknown` and validated, so a
 * corrupted or older stored value falls back to the defaults field by field.
 */
export interface Settings {
  /** Show the grade on the toolbar icon. */
  badge: boolean;
  /** Remember each audit per origin (never in private windows). */
  history: boolean;
  /**
   * Make the extra requests the grade needs to the audited origin only (`http://` probe,
   * CORS probe, policy files), without credentials.
   */
  probes: boolean;
}

export const DEFAULT_SETTINGS: Settings = { badge: true, history: true, probes: true };

export const SETTINGS_KEY = 'settings';

export function parseSettings(value: unknown): Settings {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const flag = (key: keyof Settings): boolean => (typeof record[key] === 'boolean' ? (record[key] as boolean) : DEFAULT_SETTINGS[key]);
  return { badge: flag('badge'), history: flag('history'), probes: flag('probes') };
}
