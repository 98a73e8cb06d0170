/**
 * Deep CSP review with Google's CSP Evaluator (csp_evaluator, Apache-2.0): bypassable
 * allowlists, missing object-src/base-uri, unsafe keywords, syntax slips — the things the
 * Observatory's pass/fail CSP test does not explain. Findings are mapped to Tabgrade's by
 * the table in `csp-evaluator-mapping.ts`, which documents the severity mapping.
 *
 * What is reviewed: every enforced policy of the document, from Content-Security-Policy
 * headers (one header may hold several policies, separated by commas) and from
 * `<meta http-equiv>` (where frame-ancestors, report-uri and sandbox are ignored, HTML
 * §4.2.5.3). The browser enforces all policies at once (CSP3 §4.1), so a weakness in one
 * policy is dropped when another policy restricts the same directive without a weakness as
 * severe. When only a report-only policy exists, it is reviewed too, at `info`, since it
 * enforces nothing yet. No CSP at all is the Observatory test's business, not this one's.
 */
import { DEFAULT_CHECKS } from 'csp_evaluator/dist/evaluator.js';
import type { CheckerFunction } from 'csp_evaluator/dist/checks/checker.js';
import { checkStrictDynamicNotStandalone } from 'csp_evaluator/dist/checks/strictcsp_checks.js';
import { Version, type Csp } from 'csp_evaluator/dist/csp.js';
import { Severity as EvaluatorSeverity, Type as EvaluatorType, type Finding as EvaluatorFinding } from 'csp_evaluator/dist/finding.js';
import { CspParser } from 'csp_evaluator/dist/parser.js';
import type { PageCapture } from '../../capture';
import type { Finding, Severity, TabgradeCheck } from '../../findings';
import { headerValues } from '../../headers';
import { parseDocumentMarkup } from '../../html';
import { TRUNCATION_MARK } from '../../normalize';
import { DIRECTIVES_IGNORED_IN_META, splitPolicyList } from '../observatory/csp-parser';
import {
  DIRECTIVES_UNKNOWN_TO_EVALUATOR,
  DIRECTIVES_WITH_LEGACY_VALUES,
  EVALUATOR_SEVERITY,
  EVALUATOR_TYPES,
  SCRIPT_FINDING_TYPES,
  type EvaluatorTypeInfo,
} from './csp-evaluator-mapping';
import { clip, findingMaker, MDN_HEADERS } from './shared';

const LEARN_MORE = `${MDN_HEADERS}/Content-Security-Policy`;
const STRICT_CSP_GUIDE = 'https://web.dev/articles/strict-csp';
const make = findingMaker('csp-review', 'content');

/** Checks run on every policy: the evaluator's defaults, plus the one strict-CSP check that catches a broken policy. */
const CHECKS: CheckerFunction[] = [...DEFAULT_CHECKS, checkStrictDynamicNotStandalone];

/** The finding types those checks can report (csp_evaluator 1.1.8, checks/*.ts). */
const REVIEWED_TYPES: readonly EvaluatorType[] = [
  EvaluatorType.SCRIPT_UNSAFE_INLINE,
  EvaluatorType.SCRIPT_UNSAFE_HASHES,
  EvaluatorType.SCRIPT_UNSAFE_EVAL,
  EvaluatorType.PLAIN_URL_SCHEMES,
  EvaluatorType.PLAIN_WILDCARD,
  EvaluatorType.MISSING_DIRECTIVES,
  EvaluatorType.SCRIPT_ALLOWLIST_BYPASS,
  EvaluatorType.OBJECT_ALLOWLIST_BYPASS,
  EvaluatorType.IP_SOURCE,
  EvaluatorType.NONCE_LENGTH,
  EvaluatorType.NONCE_CHARSET,
  EvaluatorType.SRC_HTTP,
  EvaluatorType.DEPRECATED_DIRECTIVE,
  EvaluatorType.UNKNOWN_DIRECTIVE,
  EvaluatorType.MISSING_SEMICOLON,
  EvaluatorType.INVALID_KEYWORD,
  EvaluatorType.STRICT_DYNAMIC_NOT_STANDALONE,
];

export interface ReviewedPolicy {
  delivery: 'header' | 'meta';
  /** Position among the reviewed policies, from 1, as a view would number them. */
  index: number;
  text: string;
  truncated: boolean;
  csp: Csp;
  findings: EvaluatorFinding[];
  /** Evaluator checks that threw on this policy (it throws on some malformed sources). */
  failedChecks: number;
}

/** Parses and evaluates one policy with CSP Evaluator, as a CSP3 browser would see it. */
export function reviewPolicy(text: string, delivery: 'header' | 'meta', index: number): ReviewedPolicy {
  const truncated = text.endsWith(TRUNCATION_MARK);
  const cleaned = truncated ? text.slice(0, -TRUNCATION_MARK.length) : text;
  const csp = new CspParser(cleaned).csp;
  if (delivery === 'meta') {
    for (const directive of DIRECTIVES_IGNORED_IN_META) delete csp.directives[directive];
  }
  const { findings: raw, failedChecks } = evaluate(csp);
  const findings = raw.filter((finding) => {
    if (finding.type === EvaluatorType.UNKNOWN_DIRECTIVE && DIRECTIVES_UNKNOWN_TO_EVALUATOR.has(finding.directive)) return false;
    if (finding.type === EvaluatorType.INVALID_KEYWORD && DIRECTIVES_WITH_LEGACY_VALUES.has(finding.directive)) return false;
    return EVALUATOR_SEVERITY[finding.severity] !== null;
  });
  return { delivery, index, text: cleaned, truncated, csp, findings: dedupe(findings), failedChecks };
}

/**
 * What `CspEvaluator.evaluate` does (checks on the policy as a CSP3 browser sees it), one
 * check at a time: a few of the evaluator's checks throw on malformed sources (e.g.
 * `new URL` on "?1" in checkIpSource), and one bad source must not cost the whole review.
 */
function evaluate(csp: Csp): { findings: EvaluatorFinding[]; failedChecks: number } {
  const findings: EvaluatorFinding[] = [];
  let effective: Csp;
  try {
    effective = csp.getEffectiveCsp(Version.CSP3, findings);
  } catch {
    return { findings: [], failedChecks: CHECKS.length };
  }
  let failedChecks = 0;
  for (const check of CHECKS) {
    try {
      findings.push(...check(effective));
    } catch {
      failedChecks += 1;
    }
  }
  return { findings, failedChecks };
}

/** Identical findings (same type, directive, value) say nothing new; keep one of each. */
function dedupe(findings: EvaluatorFinding[]): EvaluatorFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.type}|${finding.directive}|${finding.value ?? ''}|${finding.severity}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The directive a finding is about, for comparing policies (see SCRIPT_FINDING_TYPES). */
function logicalDirective(finding: EvaluatorFinding): string {
  return finding.directive === 'default-src' && SCRIPT_FINDING_TYPES.has(finding.type) ? 'script-src' : finding.directive;
}

/** True when `other` restricts the finding's directive with nothing as severe there. */
function covers(other: ReviewedPolicy, finding: EvaluatorFinding): boolean {
  const directive = other.csp.getEffectiveDirective(logicalDirective(finding));
  if (!(directive in other.csp.directives)) return false;
  return other.findings.every(
    (candidate) => !EVALUATOR_TYPES[candidate.type].coverable || candidate.directive !== directive || candidate.severity > finding.severity,
  );
}

/** A policy that restricts no fetch at all (e.g. only frame-ancestors or upgrade-insecure-requests). */
function restrictsNoFetch(policy: ReviewedPolicy): boolean {
  return !Object.keys(policy.csp.directives).some((directive) => directive.endsWith('-src'));
}

interface Kept {
  finding: EvaluatorFinding;
  policy: ReviewedPolicy;
}

function keptFindings(policies: readonly ReviewedPolicy[]): Kept[] {
  const kept: Kept[] = [];
  for (const policy of policies) {
    for (const finding of policy.findings) {
      const info = EVALUATOR_TYPES[finding.type];
      // "script-src/object-src missing" on a policy that restricts no fetch at all is
      // reported once below as a note, not as two high findings.
      if (finding.type === EvaluatorType.MISSING_DIRECTIVES && finding.directive !== 'base-uri' && restrictsNoFetch(policy)) continue;
      if (info.coverable && policies.some((other) => other !== policy && covers(other, finding))) continue;
      kept.push({ finding, policy });
    }
  }
  return kept;
}

/** The wording a finding gets: its type's, or the type's gentler `maybe` variant. */
function describe(finding: EvaluatorFinding): Pick<EvaluatorTypeInfo, 'id' | 'title' | 'why'> & { severity: Severity } {
  const info = EVALUATOR_TYPES[finding.type];
  const maybe = finding.severity === EvaluatorSeverity.HIGH_MAYBE || finding.severity === EvaluatorSeverity.MEDIUM_MAYBE;
  if (maybe && info.maybe) return info.maybe;
  return { id: info.id, title: info.title, why: info.why, severity: info.severity ?? EVALUATOR_SEVERITY[finding.severity] ?? 'info' };
}

/**
 * One Tabgrade finding per finding kind and directive, listing the values and policies
 * involved. Script findings reported on default-src count as script-src, so two policies
 * with the same weakness make one finding.
 */
function toFindings(kept: readonly Kept[], reportOnly: boolean): Finding[] {
  const groups = new Map<string, Kept[]>();
  for (const entry of kept) {
    const key = `${describe(entry.finding).id}|${logicalDirective(entry.finding)}`;
    const group = groups.get(key) ?? [];
    group.push(entry);
    groups.set(key, group);
  }
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    const kind = describe(first.finding);
    const directive = logicalDirective(first.finding);
    const values = [...new Set(group.map((entry) => entry.finding.value).filter((value): value is string => value !== undefined))];
    findings.push(
      make({
        id: kind.id,
        severity: reportOnly ? 'info' : kind.severity,
        title: reportOnly ? `Report-only CSP: ${kind.title}` : kind.title,
        detail: reportOnly
          ? `${kind.why} This policy is report-only, so nothing is enforced yet; fix this before switching it to Content-Security-Policy.`
          : kind.why,
        subject: clip(directive, 80),
        recommendation: 'See the fix for your stack, and start any change as Content-Security-Policy-Report-Only',
        learnMoreUrl: first.finding.type === EvaluatorType.SCRIPT_ALLOWLIST_BYPASS || first.finding.type === EvaluatorType.STRICT_DYNAMIC ? STRICT_CSP_GUIDE : LEARN_MORE,
        data: {
          directive: clip(directive, 80),
          // As written in each policy (default-src when a policy has no script-src).
          directives: [...new Set(group.map((entry) => clip(entry.finding.directive, 80)))],
          values: values.slice(0, 20).map((value) => clip(value, 200)),
          policies: [...new Set(group.map((entry) => entry.policy.index))],
          delivery: [...new Set(group.map((entry) => entry.policy.delivery))],
          reportOnly,
          truncated: group.some((entry) => entry.policy.truncated),
          // The evaluator's own words, e.g. which JSONP host allows a bypass (page-controlled).
          evaluator: [...new Set(group.map((entry) => clip(entry.finding.description, 300)))].slice(0, 10),
        },
      }),
    );
  }
  return findings;
}

function noXssPolicyNote(policies: readonly ReviewedPolicy[], reportOnly: boolean): Finding[] {
  if (policies.length === 0 || !policies.every(restrictsNoFetch)) return [];
  return [
    make({
      id: 'csp-no-script-restriction',
      severity: 'info',
      title: reportOnly ? 'The report-only CSP does not restrict scripts' : 'The CSP does not restrict scripts',
      detail:
        'The policy sets other things (such as frame-ancestors or upgrade-insecure-requests) but no script-src or default-src, so it does not limit which scripts run and gives no protection against XSS. That is a fine first step; the next one is a script policy, ideally nonce-based.',
      subject: 'Content-Security-Policy',
      recommendation: "Add script-src with nonces (or default-src 'self'), object-src 'none' and base-uri 'self'",
      learnMoreUrl: STRICT_CSP_GUIDE,
      data: { policies: policies.map((policy) => policy.index), reportOnly },
    }),
  ];
}

/** The document's policies: enforced ones (headers then meta) and report-only ones. */
export function documentPolicies(capture: PageCapture): { enforced: ReviewedPolicy[]; reportOnly: ReviewedPolicy[] } {
  const response = capture.document;
  if (!response) return { enforced: [], reportOnly: [] };
  const texts: Array<{ text: string; delivery: 'header' | 'meta' }> = [];
  for (const text of splitPolicyList(headerValues(response.headers, 'content-security-policy'))) {
    if (text !== '') texts.push({ text, delivery: 'header' });
  }
  for (const meta of parseDocumentMarkup(capture)?.metas ?? []) {
    // A meta policy is one serialised policy (CSP3 §3.3): it is not split on commas.
    if (meta.httpEquiv?.trim().toLowerCase() === 'content-security-policy' && meta.content.trim() !== '') {
      texts.push({ text: meta.content.trim(), delivery: 'meta' });
    }
  }
  // A meta policy made only of directives meta ignores (frame-ancestors …) enforces nothing.
  const enforced = texts
    .map((entry, position) => reviewPolicy(entry.text, entry.delivery, position + 1))
    .filter((policy) => Object.keys(policy.csp.directives).length > 0);
  const reportOnly = splitPolicyList(headerValues(response.headers, 'content-security-policy-report-only'))
    .filter((text) => text !== '')
    .map((text, position) => reviewPolicy(text, 'header', position + 1));
  return { enforced, reportOnly };
}

function incompleteNote(policies: readonly ReviewedPolicy[]): Finding[] {
  const incomplete = policies.filter((policy) => policy.failedChecks > 0);
  if (incomplete.length === 0) return [];
  return [
    make({
      id: 'csp-review-incomplete',
      severity: 'info',
      title: 'Part of the CSP review could not run',
      detail:
        'Some of CSP Evaluator’s checks stopped on a source expression they could not read, usually a malformed one that browsers ignore too. The other checks ran and are reported; check the policy’s syntax.',
      subject: 'Content-Security-Policy',
      recommendation: 'Check the policy for malformed sources',
      learnMoreUrl: LEARN_MORE,
      data: { policies: incomplete.map((policy) => policy.index), failedChecks: incomplete.reduce((sum, policy) => sum + policy.failedChecks, 0) },
    }),
  ];
}

function review(policies: readonly ReviewedPolicy[], reportOnly: boolean): Finding[] {
  return [...noXssPolicyNote(policies, reportOnly), ...toFindings(keptFindings(policies), reportOnly), ...incompleteNote(policies)];
}

function judge(capture: PageCapture): Finding[] {
  const { enforced, reportOnly } = documentPolicies(capture);
  if (enforced.length > 0) return review(enforced, false);
  if (reportOnly.length > 0) return review(reportOnly, true);
  return [];
}

export const cspReviewCheck: TabgradeCheck = {
  id: 'csp-review',
  title: 'Content Security Policy in depth',
  group: 'content',
  needs: ['document', 'html'],
  possibleFindings: [
    'csp-no-script-restriction',
    'csp-review-incomplete',
    ...REVIEWED_TYPES.flatMap((type) => {
      const info = EVALUATOR_TYPES[type];
      return info.maybe ? [info.id, info.maybe.id] : [info.id];
    }),
  ],
  run: judge,
};
