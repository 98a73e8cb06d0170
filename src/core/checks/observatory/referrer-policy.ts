/**
 * Observatory test `referrer-policy`: how much of the page URL the browser sends to other
 * sites. Reads the `Referrer-Policy` header and `<meta name=referrer>`, as MDN HTTP
 * Observatory v1.6.3 does (`src/analyzer/tests/referrer-policy.js`,
 * `src/retriever/utils.js#parseHttpEquivHeaders`).
 */
import { headerValues } from '../../headers';
import { parseDocumentMarkup } from '../../html';
import { scoreModifier } from './scoring';
import type { ObservatoryTest, ObservatoryTestResult } from './types';

export const REFERRER_POLICY_RESULTS = [
  'referrer-policy-private',
  'referrer-policy-not-implemented',
  'referrer-policy-unsafe',
  'referrer-policy-header-invalid',
] as const;
export type ReferrerPolicyResult = (typeof REFERRER_POLICY_RESULTS)[number];

const EXPECTATION: ReferrerPolicyResult = 'referrer-policy-private';
const PASSING: ReadonlySet<ReferrerPolicyResult> = new Set<ReferrerPolicyResult>([
  'referrer-policy-private',
  'referrer-policy-not-implemented',
]);

/** Policies that never send a path or query to another site, nor anything over a downgrade. */
const PRIVATE_POLICIES: ReadonlySet<string> = new Set([
  'no-referrer',
  'same-origin',
  'strict-origin',
  'strict-origin-when-cross-origin',
]);
const UNSAFE_POLICIES: ReadonlySet<string> = new Set([
  'origin',
  'origin-when-cross-origin',
  'unsafe-url',
  'no-referrer-when-downgrade',
]);

function isKnownPolicy(token: string): boolean {
  return PRIVATE_POLICIES.has(token) || UNSAFE_POLICIES.has(token);
}

/**
 * The last comma-separated token of `value` that is a known policy, trimmed and
 * lower-cased ('' when there is none): what reading every token and keeping the last known
 * one gives, read from the end so that a long list of fallbacks costs one token, not all.
 */
export function lastKnownPolicy(value: string): string {
  let end = value.length;
  for (;;) {
    // `lastIndexOf(',', -1)` would still look at index 0: a first token needs no search.
    const comma = end === 0 ? -1 : value.lastIndexOf(',', end - 1);
    const token = value.slice(comma + 1, end).trim().toLowerCase();
    if (isKnownPolicy(token)) return token;
    if (comma < 0) return '';
    end = comma;
  }
}

export const referrerPolicyTest: ObservatoryTest = {
  name: 'referrer-policy',
  title: 'Referrer Policy',
  needs: ['document', 'html'],
  possibleResults: REFERRER_POLICY_RESULTS,
  run(capture): ObservatoryTestResult {
    const response = capture.document;
    const notes: string[] = [];
    const finish = (result: ReferrerPolicyResult, pass: boolean, data: Record<string, unknown>): ObservatoryTestResult => ({
      name: 'referrer-policy',
      result,
      expectation: EXPECTATION,
      pass,
      scoreModifier: scoreModifier('referrer-policy', result),
      data,
      notes,
    });
    if (response === null) return finish('referrer-policy-not-implemented', false, { http: false, meta: false, value: null, policy: null });

    const fromHeaders = headerValues(response.headers, 'referrer-policy');
    // Only the last non-empty `<meta name=referrer>` counts, and only one without
    // http-equiv (the Observatory's meta scan checks http-equiv first).
    const markup = parseDocumentMarkup(capture);
    let metaValue: string | null = null;
    for (const tag of markup?.metas ?? []) {
      if (tag.content === '' || tag.httpEquiv !== null) continue;
      if (tag.name !== null && tag.name.trim().toLowerCase() === 'referrer') metaValue = tag.content;
    }
    const fromMeta = metaValue === null ? [] : [metaValue];
    const http = fromHeaders.length > 0;
    const meta = fromMeta.length > 0;
    if (!http && !meta) return finish('referrer-policy-not-implemented', true, { http, meta, value: null, policy: null });
    if (meta && markup?.source === 'dom') {
      notes.push('The referrer meta tag was read from the live page rather than the HTML the server sent; a script may have added or changed it.');
    }

    // Header values first, then the meta tag; the last recognised token wins, which is
    // how browsers let a site list fallbacks ("no-referrer, strict-origin-when-cross-origin").
    const value = [...fromHeaders, ...fromMeta].join(', ');
    const policy = lastKnownPolicy(value);

    let result: ReferrerPolicyResult;
    if (PRIVATE_POLICIES.has(policy)) result = 'referrer-policy-private';
    else if (UNSAFE_POLICIES.has(policy)) result = 'referrer-policy-unsafe';
    else result = 'referrer-policy-header-invalid';
    return finish(result, PASSING.has(result), { http, meta, value, policy: policy === '' ? null : policy });
  },
};
