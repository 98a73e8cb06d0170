/**
 * The CSP builder in one call: drafts from observations (one page's, or a learned site's),
 * each with its Observatory result and CSP Evaluator findings, what it would block on the
 * current page, and what will break. Views render this; they decide nothing.
 */
import type { PageCapture } from '../capture';
import { breakagesOf, type Breakage } from './breakages';
import { draftPolicies, type DraftPolicy } from './draft';
import { evaluateDraft, type DraftEvaluation } from './evaluate-draft';
import type { SiteObservations } from './observations';
import { wouldBlock, type BlockedResource } from './would-block';

export interface DraftReport {
  policy: DraftPolicy;
  evaluation: DraftEvaluation;
  /** The current page's requests this draft would block (none when it is complete). */
  blocked: BlockedResource[];
  breakages: Breakage[];
}

export interface CspBuilderReport {
  observations: SiteObservations;
  strict: DraftReport;
  allowList: DraftReport;
}

function report(policy: DraftPolicy, breakages: readonly Breakage[], capture: PageCapture): DraftReport {
  return {
    policy,
    evaluation: evaluateDraft(policy, capture),
    blocked: wouldBlock(policy.text, capture),
    breakages: breakages.filter((breakage) => breakage.variants.includes(policy.variant)),
  };
}

export function buildCspReport(observations: SiteObservations, capture: PageCapture): CspBuilderReport {
  const drafts = draftPolicies(observations);
  const breakages = breakagesOf(observations);
  return { observations, strict: report(drafts.strict, breakages, capture), allowList: report(drafts.allowList, breakages, capture) };
}

export { observePage } from './observe-page';
export { mergeObservations } from './merge';
export { parseObservations, type SiteObservations } from './observations';
export { policySnippet, headerName, type PolicyMode } from './stack-snippets';
export { ROLLOUT_STEPS, ENFORCE_HOW, DRAFT_LIMITS } from './rollout';
export { sriSuggestions, type SriRuns, type SriTagSuggestion } from './sri-tags';
export { wouldBlock, type BlockedResource } from './would-block';
export type { Breakage } from './breakages';
export type { DraftPolicy, DraftDirective, DraftVariant } from './draft';
