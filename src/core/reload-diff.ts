/**
 * What changed between two loads of the same URL, response by response: the status, the
 * headers that matter (HSTS, CSP and cookies field by field, others as text) and the
 * per-response findings. The DevTools panel shows it after a reload ("HSTS max-age
 * 300 → 31536000 ✓", "CSP added"). Headers that differ on every response (Date, ETag,
 * request ids …) are never compared. Pure.
 */
import type { HttpHeader } from './capture';
import type { Finding } from './findings';
import { headerValues } from './headers';
import { cspChanges, hstsChanges, plainChange, setCookieChanges } from './reload-diff/header-changes';
import { HEADER_RULES, VOLATILE_HEADERS } from './reload-diff/header-rules';
import type { ChangeDirection, ReloadChange } from './reload-diff/types';

export type { ChangeDirection, ReloadChange } from './reload-diff/types';

/** One load's response, as far as the diff reads it. */
export interface LoadedResponse {
  statusCode: number;
  headers: readonly HttpHeader[];
  findings: readonly Finding[];
}

/** How a response compares with the same request in the previous load. */
export interface ResponseComparison {
  /** `new`: the previous load had no such request; `changed`: at least one change that is not minor. */
  status: 'new' | 'unchanged' | 'changed';
  changes: ReloadChange[];
}

function statusOk(code: number): boolean {
  return code >= 200 && code < 400;
}

export function statusChange(before: number, after: number): ReloadChange[] {
  if (before === after) return [];
  const direction: ChangeDirection = statusOk(after) && !statusOk(before) ? 'better' : statusOk(before) && !statusOk(after) ? 'worse' : 'neutral';
  const shown = (code: number) => (code === 0 ? 'failed' : String(code));
  return [{ topic: 'status', subject: 'status', text: `Status ${shown(before)} → ${shown(after)}`, direction, minor: false }];
}

/** Header names in first-seen order (lower-cased, with the spelling first received), volatile ones left out. */
function comparedNames(before: readonly HttpHeader[], after: readonly HttpHeader[]): Array<{ name: string; shown: string }> {
  const names: Array<{ name: string; shown: string }> = [];
  const seen = new Set<string>();
  for (const header of [...before, ...after]) {
    const name = header.name.toLowerCase();
    if (seen.has(name) || VOLATILE_HEADERS.has(name)) continue;
    seen.add(name);
    names.push({ name, shown: header.name });
  }
  return names;
}

function joined(headers: readonly HttpHeader[], name: string): string | null {
  const values = headerValues(headers, name);
  return values.length === 0 ? null : values.join(', ');
}

export function headerChanges(before: readonly HttpHeader[], after: readonly HttpHeader[]): ReloadChange[] {
  const changes: ReloadChange[] = [];
  for (const { name, shown } of comparedNames(before, after)) {
    if (name === 'set-cookie') {
      changes.push(...setCookieChanges(headerValues(before, name), headerValues(after, name)));
      continue;
    }
    const a = joined(before, name);
    const b = joined(after, name);
    if (a === b) continue;
    if (name === 'strict-transport-security') changes.push(...hstsChanges(a, b));
    else if (name === 'content-security-policy' || name === 'content-security-policy-report-only') changes.push(...cspChanges(name, a, b));
    else changes.push(...plainChange(name, shown, HEADER_RULES[name], a, b));
  }
  return changes;
}

/** Findings are the same when their id and subject are (a cookie, a header value …). */
function findingKey(finding: Finding): string {
  return `${finding.id}\u0000${finding.subject ?? ''}`;
}

export function findingChanges(before: readonly Finding[], after: readonly Finding[]): ReloadChange[] {
  const had = new Map(before.map((finding) => [findingKey(finding), finding]));
  const has = new Map(after.map((finding) => [findingKey(finding), finding]));
  const changes: ReloadChange[] = [];
  for (const [key, finding] of has) {
    if (!had.has(key)) changes.push({ topic: 'finding', subject: finding.id, text: `New: ${finding.title}`, direction: finding.severity === 'info' ? 'neutral' : 'worse', minor: false });
  }
  for (const [key, finding] of had) {
    if (!has.has(key)) changes.push({ topic: 'finding', subject: finding.id, text: `Resolved: ${finding.title}`, direction: finding.severity === 'info' ? 'neutral' : 'better', minor: false });
  }
  return changes;
}

/** Every change from `before` to `after`: status first, then headers, then findings. */
export function diffResponses(before: LoadedResponse, after: LoadedResponse): ReloadChange[] {
  return [...statusChange(before.statusCode, after.statusCode), ...headerChanges(before.headers, after.headers), ...findingChanges(before.findings, after.findings)];
}

/** The comparison for a row; `before` is null when the previous load did not make this request. */
export function compareWithPrevious(before: LoadedResponse | null, after: LoadedResponse): ResponseComparison {
  if (before === null) return { status: 'new', changes: [] };
  const changes = diffResponses(before, after);
  return { status: changes.some((change) => !change.minor) ? 'changed' : 'unchanged', changes };
}

/** Counts for a summary line ("3 changes: 2 better, 1 worse"); minor changes are left out. */
export function countChanges(changes: readonly ReloadChange[]): Record<ChangeDirection, number> {
  const counts: Record<ChangeDirection, number> = { better: 0, worse: 0, neutral: 0 };
  for (const change of changes) if (!change.minor) counts[change.direction]++;
  return counts;
}
