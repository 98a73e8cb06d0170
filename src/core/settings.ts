/**
 * The user's switches. Stored in `storage.local`; read as `unknown` and validated, so a
 * corrupted or older stored value falls back to the defaults field by field.
 */
import { ALGORITHMS, CURRENT_ALGORITHM, type Algorithm } from './checks/observatory/algorithms';

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
  /**
   * Which letter the badge shows: the Tabgrade grade (the Observatory-compatible grade
   * capped by Tabgrade's findings), or the Observatory-compatible grade alone.
   */
  badgeGrade: BadgeGrade;
  /** Which Observatory release's rules grade pages (1.7.0 scores COOP and COEP; 1.6.3 does not). */
  algorithm: Algorithm;
}

export const BADGE_GRADES = ['tabgrade', 'observatory'] as const;
export type BadgeGrade = (typeof BADGE_GRADES)[number];

export const DEFAULT_SETTINGS: Settings = { badge: true, history: true, probes: true, badgeGrade: 'tabgrade', algorithm: CURRENT_ALGORITHM };

/** The on/off switches (every setting but the choices `badgeGrade` and `algorithm`). */
export type SettingSwitch = 'badge' | 'history' | 'probes';

export const SETTINGS_KEY = 'settings';

export function parseSettings(value: unknown): Settings {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const flag = (key: SettingSwitch): boolean => (typeof record[key] === 'boolean' ? (record[key] as boolean) : DEFAULT_SETTINGS[key]);
  const badgeGrade = BADGE_GRADES.find((choice) => choice === record.badgeGrade) ?? DEFAULT_SETTINGS.badgeGrade;
  const algorithm = ALGORITHMS.find((choice) => choice === record.algorithm) ?? DEFAULT_SETTINGS.algorithm;
  return { badge: flag('badge'), history: flag('history'), probes: flag('probes'), badgeGrade, algorithm };
}
