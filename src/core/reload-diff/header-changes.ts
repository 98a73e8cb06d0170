/**
 * Changes of single headers between two loads, written the way a developer says them:
 * "HSTS max-age 300 → 31536000", "CSP added", "Cookie sessionid: HttpOnly removed".
 * HSTS, CSP and Set-Cookie are read field by field; other headers compare as text.
 */
import { readHstsHeader } from '../checks/observatory/strict-transport-security';
import { splitPolicyList } from '../checks/observatory/csp-parser';
import { clip } from '../checks/tabgrade/shared';
import { parseSetCookie, setCookieLines, type ParsedSetCookie } from '../cookies/set-cookie';
import { HEADER_RULES, WEAKENING_CSP_SOURCES, type HeaderRule } from './header-rules';
import type { ChangeDirection, ReloadChange } from './types';

/** Longest quoted value in a change's text; the detail view shows headers in full. */
const QUOTE_CHARS = 80;

function q(value: string): string {
  return clip(value.trim(), QUOTE_CHARS);
}

function change(subject: string, text: string, direction: ChangeDirection, minor = false): ReloadChange {
  return { topic: 'header', subject, text, direction, minor };
}

/** Added / removed / changed for a header compared as text; `shown` is its name as received. */
export function plainChange(name: string, shown: string, rule: HeaderRule | undefined, before: string | null, after: string | null): ReloadChange[] {
  const label = rule?.label ?? shown;
  const polarity = rule?.polarity ?? 'neutral';
  const minor = rule === undefined;
  if (before === null && after !== null) {
    const direction = polarity === 'protective' ? 'better' : polarity === 'disclosure' ? 'worse' : 'neutral';
    return [change(name, `${label} added: ${q(after)}`, direction, minor)];
  }
  if (before !== null && after === null) {
    const direction = polarity === 'protective' ? 'worse' : polarity === 'disclosure' ? 'better' : 'neutral';
    return [change(name, `${label} removed (was ${q(before)})`, direction, minor)];
  }
  if (before !== null && after !== null && before !== after) {
    return [change(name, `${label} ${q(before)} → ${q(after)}`, 'neutral', minor)];
  }
  return [];
}

export function hstsChanges(before: string | null, after: string | null): ReloadChange[] {
  const name = 'strict-transport-security';
  if (before === after) return [];
  if (before === null && after !== null) {
    const reading = readHstsHeader(after);
    return [change(name, reading.maxAge === null ? `HSTS added: ${q(after)}` : `HSTS added (max-age ${reading.maxAge})`, 'better')];
  }
  if (before === null || after === null) return plainChange(name, 'Strict-Transport-Security', HEADER_RULES[name], before, after);
  const a = readHstsHeader(before);
  const b = readHstsHeader(after);
  if (a.maxAge === null || b.maxAge === null) return [change(name, `HSTS ${q(before)} → ${q(after)}`, b.maxAge === null ? 'worse' : 'better')];
  const changes: ReloadChange[] = [];
  if (a.maxAge !== b.maxAge) {
    changes.push(change(name, `HSTS max-age ${a.maxAge} → ${b.maxAge}`, b.maxAge > a.maxAge ? 'better' : 'worse'));
  }
  if (a.includeSubDomains !== b.includeSubDomains) {
    changes.push(change(name, `HSTS includeSubDomains ${b.includeSubDomains ? 'added' : 'removed'}`, b.includeSubDomains ? 'better' : 'worse'));
  }
  if (a.preload !== b.preload) {
    changes.push(change(name, `HSTS preload ${b.preload ? 'added' : 'removed'}`, 'neutral'));
  }
  // Same reading, different text (spacing, order): still say so, quietly.
  if (changes.length === 0) changes.push(change(name, `HSTS rewritten: ${q(before)} → ${q(after)}`, 'neutral', true));
  return changes;
}

/** A policy's directives: name → sources (lower-cased names, sources as written). */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const tokens = part.trim().split(/\s+/).filter((token) => token !== '');
    const name = tokens[0]?.toLowerCase();
    // Browsers keep the first of a repeated directive (CSP3 §2.2.1).
    if (name !== undefined && !map.has(name)) map.set(name, tokens.slice(1));
  }
  return map;
}

function sourceDirection(before: readonly string[], after: readonly string[]): ChangeDirection {
  const lower = (list: readonly string[]) => new Set(list.map((source) => source.toLowerCase()));
  const a = lower(before);
  const b = lower(after);
  const weakenedBy = [...b].some((source) => !a.has(source) && WEAKENING_CSP_SOURCES.has(source));
  const strengthenedBy = [...a].some((source) => !b.has(source) && WEAKENING_CSP_SOURCES.has(source));
  if (weakenedBy && !strengthenedBy) return 'worse';
  if (strengthenedBy && !weakenedBy) return 'better';
  return 'neutral';
}

export function cspChanges(name: 'content-security-policy' | 'content-security-policy-report-only', before: string | null, after: string | null): ReloadChange[] {
  const rule = HEADER_RULES[name];
  const label = rule?.label ?? name;
  if (before === null && after !== null) return [change(name, `${label} added`, name === 'content-security-policy' ? 'better' : 'neutral')];
  if (before !== null && after === null) return [change(name, `${label} removed`, name === 'content-security-policy' ? 'worse' : 'neutral')];
  if (before === null || after === null || before === after) return [];
  const a = splitPolicyList([before]);
  const b = splitPolicyList([after]);
  // Several policies at once are compared as a whole: which directive moved where is not clear-cut.
  if (a.length !== 1 || b.length !== 1) return [change(name, `${label} changed: ${q(before)} → ${q(after)}`, 'neutral')];
  const da = directives(a[0] ?? '');
  const db = directives(b[0] ?? '');
  const changes: ReloadChange[] = [];
  for (const [directive, sources] of db) {
    const previous = da.get(directive);
    if (previous === undefined) changes.push(change(name, `${label} ${directive} added${sources.length > 0 ? `: ${q(sources.join(' '))}` : ''}`, 'better'));
    else if (previous.join(' ') !== sources.join(' ')) {
      changes.push(change(name, `${label} ${directive}: ${q(previous.join(' '))} → ${q(sources.join(' '))}`, sourceDirection(previous, sources)));
    }
  }
  for (const directive of da.keys()) {
    if (!db.has(directive)) changes.push(change(name, `${label} ${directive} removed`, 'worse'));
  }
  if (changes.length === 0) changes.push(change(name, `${label} rewritten (same directives)`, 'neutral', true));
  return changes;
}

const SAME_SITE_RANK: Readonly<Record<string, number>> = { none: 0, unset: 1, lax: 2, strict: 3 };

function cookiesByName(values: readonly string[]): Map<string, ParsedSetCookie> {
  const map = new Map<string, ParsedSetCookie>();
  for (const line of setCookieLines(values)) {
    const cookie = parseSetCookie(line);
    if (cookie !== null) map.set(cookie.name, cookie);
  }
  return map;
}

/** Cookies compared by name and attributes; values are ignored (session ids change on every load). */
export function setCookieChanges(before: readonly string[], after: readonly string[]): ReloadChange[] {
  const a = cookiesByName(before);
  const b = cookiesByName(after);
  const changes: ReloadChange[] = [];
  const name = 'set-cookie';
  for (const [cookieName, cookie] of b) {
    const shown = q(cookieName);
    const previous = a.get(cookieName);
    if (previous === undefined) {
      changes.push(change(name, `Cookie ${shown} now set`, 'neutral'));
      continue;
    }
    for (const flag of ['secure', 'httpOnly'] as const) {
      if (previous[flag] !== cookie[flag]) {
        const label = flag === 'secure' ? 'Secure' : 'HttpOnly';
        changes.push(change(name, `Cookie ${shown}: ${label} ${cookie[flag] ? 'added' : 'removed'}`, cookie[flag] ? 'better' : 'worse'));
      }
    }
    const sa = previous.sameSite ?? 'unset';
    const sb = cookie.sameSite ?? 'unset';
    if (sa !== sb) {
      const rankA = SAME_SITE_RANK[sa] ?? 1;
      const rankB = SAME_SITE_RANK[sb] ?? 1;
      changes.push(change(name, `Cookie ${shown}: SameSite ${sa} → ${sb}`, rankB > rankA ? 'better' : rankB < rankA ? 'worse' : 'neutral'));
    }
    if (previous.domain !== cookie.domain) changes.push(change(name, `Cookie ${shown}: Domain ${q(previous.domain ?? 'host-only')} → ${q(cookie.domain ?? 'host-only')}`, cookie.domain === null ? 'better' : 'neutral'));
    if (previous.path !== cookie.path) changes.push(change(name, `Cookie ${shown}: Path ${q(previous.path ?? 'default')} → ${q(cookie.path ?? 'default')}`, 'neutral', true));
  }
  for (const cookieName of a.keys()) {
    if (!b.has(cookieName)) changes.push(change(name, `Cookie ${q(cookieName)} no longer set`, 'neutral'));
  }
  return changes;
}
