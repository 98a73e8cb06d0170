/**
 * What each response of a page should carry, by what kind of resource it is — the
 * DevTools panel's per-row badges and findings. The expectations are data (which checks a
 * kind gets); each check is one file under `response-checks/`. Pure: runs in the worker,
 * in tests and anywhere else.
 *
 * These read one response at a time, its headers only. The full report of the page (the
 * popup's) remains the reference for the document: it also reads the HTML, the redirects
 * and the Observatory's own probes.
 */
import type { ResourceType } from './capture';
import { SEVERITY_ORDER, type Finding } from './findings';
import { contentTypeCheck } from './response-checks/content-type';
import { cookiesCheck } from './response-checks/cookies';
import { corsCheck } from './response-checks/cors';
import { crossOriginResourcePolicyCheck } from './response-checks/cross-origin-resource-policy';
import { documentPoliciesCheck } from './response-checks/document-policies';
import { frameEmbedderPolicyCheck } from './response-checks/frame-embedder-policy';
import { nosniffCheck } from './response-checks/nosniff';
import type { CheckedResponse, ResponseBadge, ResponseCheck, ResponseCheckContext, ResponseKind } from './response-checks/types';

export type { BadgeState, CheckedResponse, ResponseBadge, ResponseCheckContext, ResponseKind } from './response-checks/types';

export const KIND_OF_TYPE: Readonly<Record<ResourceType, ResponseKind>> = {
  main_frame: 'document',
  sub_frame: 'frame',
  script: 'script',
  stylesheet: 'stylesheet',
  xmlhttprequest: 'fetch',
  font: 'font',
  image: 'image',
  media: 'media',
  object: 'other',
  ping: 'other',
  csp_report: 'other',
  websocket: 'other',
  webtransport: 'other',
  webbundle: 'other',
  other: 'other',
};

/** The type column, in the words of DevTools' Network panel where it has them. */
export const TYPE_LABELS: Readonly<Record<ResourceType, string>> = {
  main_frame: 'document',
  sub_frame: 'sub_frame',
  script: 'script',
  stylesheet: 'stylesheet',
  xmlhttprequest: 'xhr/fetch',
  font: 'font',
  image: 'image',
  media: 'media',
  object: 'object',
  ping: 'ping',
  csp_report: 'csp_report',
  websocket: 'websocket',
  webtransport: 'webtransport',
  webbundle: 'webbundle',
  other: 'other',
};

/** Every per-response check, by id. */
export const RESPONSE_CHECKS: Readonly<Record<string, ResponseCheck>> = {
  [documentPoliciesCheck.id]: documentPoliciesCheck,
  [nosniffCheck.id]: nosniffCheck,
  [contentTypeCheck.id]: contentTypeCheck,
  [corsCheck.id]: corsCheck,
  [crossOriginResourcePolicyCheck.id]: crossOriginResourcePolicyCheck,
  [frameEmbedderPolicyCheck.id]: frameEmbedderPolicyCheck,
  [cookiesCheck.id]: cookiesCheck,
};

/**
 * The headers that matter for each kind of response, as the checks that read them, in
 * badge order. `nosniff` on fetches and other responses judges JSON only; the CORP check
 * speaks only for cross-origin assets (always when CORP blocks, under COEP when it is
 * missing); cookies are judged on any response that sets them.
 */
export const EXPECTATIONS: Readonly<Record<ResponseKind, readonly string[]>> = {
  document: ['document-policies', 'nosniff', 'cookies'],
  frame: ['document-policies', 'frame-embedder-policy', 'nosniff', 'cookies'],
  script: ['nosniff', 'content-type', 'cross-origin-resource-policy', 'cookies'],
  stylesheet: ['nosniff', 'content-type', 'cross-origin-resource-policy', 'cookies'],
  fetch: ['cors', 'nosniff', 'cookies'],
  font: ['cors', 'cookies'],
  image: ['cross-origin-resource-policy', 'cookies'],
  media: ['cross-origin-resource-policy', 'cookies'],
  other: ['nosniff', 'cross-origin-resource-policy', 'cookies'],
};

export interface ResponseCheckResult {
  kind: ResponseKind;
  badges: ResponseBadge[];
  /** Most severe first. */
  findings: Finding[];
  /** Findings above `info`: what makes a row stand out. */
  problems: number;
}

/** Runs the checks the response's kind expects. A check that throws is skipped with a note, never a crash. */
export function checkResponse(response: CheckedResponse, context: ResponseCheckContext): ResponseCheckResult {
  const kind = KIND_OF_TYPE[response.type] ?? 'other';
  const badges: ResponseBadge[] = [];
  const findings: Finding[] = [];
  for (const id of EXPECTATIONS[kind]) {
    const check = RESPONSE_CHECKS[id];
    if (check === undefined) continue;
    try {
      const output = check.run(response, kind, context);
      badges.push(...output.badges);
      findings.push(...output.findings);
    } catch (error) {
      findings.push({
        id: 'response-check-error',
        checkId: `response/${id}`,
        severity: 'info',
        group: 'server',
        title: `Tabgrade could not complete the “${check.title}” check for this response`,
        detail: error instanceof Error ? error.message.slice(0, 300) : 'Unknown error',
      });
    }
  }
  findings.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  return { kind, badges, findings, problems: findings.filter((finding) => finding.severity !== 'info').length };
}
