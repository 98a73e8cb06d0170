/**
 * The user's switches. Stored in `storage.local`; read as `unknown` and validated, so a
 * corrupted or older stored value falls back to the defaults field by field.
 */
import { ALGORITHMS, CURRENT_ALGORITHM, type Algorithm } from './checks/observatory/algorithms';
import { isResolverUrl } from './dns/doh-lookup';

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
  /**
   * Origins the user opted in to the debug-page probe: one request for a page that does not
   * exist, to see the framework's debug 404 page if DEBUG is on (same rules as the other probes).
   */
  debugProbeSites: string[];
  /**
   * CAA and DNSSEC through DNS-over-HTTPS, off by default: when on, the audited host name and
   * its parent domains are sent to `resolver` (an https URL the user chooses), nothing else.
   */
  dns: DnsSettings;
}

export interface DnsSettings {
  enabled: boolean;
  /** A DoH resolver speaking the JSON API (`?name=…&type=CAA`, `application/dns-json`). */
  resolver: string;
}

export const DEFAULT_DNS_RESOLVER = 'https://cloudflare-dns.com/dns-query';

function parseDnsSettings(value: unknown): DnsSettings {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const resolver = typeof record.resolver === 'string' && record.resolver.length <= 300 && isResolverUrl(record.resolver) ? record.resolver : DEFAULT_DNS_RESOLVER;
  return { enabled: record.enabled === true, resolver };
}

export const BADGE_GRADES = ['tabgrade', 'observatory'] as const;
export type BadgeGrade = (typeof BADGE_GRADES)[number];

export const DEFAULT_SETTINGS: Settings = { badge: true, history: true, probes: true, badgeGrade: 'tabgrade', algorithm: CURRENT_ALGORITHM, debugProbeSites: [], dns: { enabled: false, resolver: DEFAULT_DNS_RESOLVER } };

/** The on/off switches (every setting but the choices `badgeGrade` and `algorithm`). */
export type SettingSwitch = 'badge' | 'history' | 'probes';

export const SETTINGS_KEY = 'settings';

/** Sites remembered for the debug-page probe, at most. */
const MAX_DEBUG_PROBE_SITES = 200;

/** `https://shop.example` or `http://localhost:8000`: an http(s) origin exactly as URL.origin writes it. */
function isOrigin(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 300) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

/** Settings with `origin` opted in to (or out of) the debug-page probe. */
export function withDebugProbe(settings: Settings, origin: string, enabled: boolean): Settings {
  const others = settings.debugProbeSites.filter((site) => site !== origin);
  return { ...settings, debugProbeSites: enabled && isOrigin(origin) ? [...others, origin].slice(-MAX_DEBUG_PROBE_SITES) : others };
}

export function parseSettings(value: unknown): Settings {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const flag = (key: SettingSwitch): boolean => (typeof record[key] === 'boolean' ? (record[key] as boolean) : DEFAULT_SETTINGS[key]);
  const badgeGrade = BADGE_GRADES.find((choice) => choice === record.badgeGrade) ?? DEFAULT_SETTINGS.badgeGrade;
  const algorithm = ALGORITHMS.find((choice) => choice === record.algorithm) ?? DEFAULT_SETTINGS.algorithm;
  const debugProbeSites = Array.isArray(record.debugProbeSites)
    ? [...new Set(record.debugProbeSites.filter(isOrigin))].slice(0, MAX_DEBUG_PROBE_SITES)
    : [];
  return { badge: flag('badge'), history: flag('history'), probes: flag('probes'), badgeGrade, algorithm, debugProbeSites, dns: parseDnsSettings(record.dns) };
}
