/**
 * How a draft would be judged once enforced: the Observatory's own CSP test and CSP
 * Evaluator's review (the same code that grades the site), run on a copy of the capture
 * whose only policy is the draft, sent as Content-Security-Policy.
 *
 * The copy drops the page's HTML and DOM snapshot, so a `<meta>` policy of the page does
 * not mix in, and the nonce placeholder is replaced by a well-formed sample nonce: CSP
 * Evaluator checks a nonce's length and alphabet, and the real one will be random base64.
 */
import type { HttpHeader, PageCapture } from '../capture';
import { contentSecurityPolicyTest } from '../checks/observatory/content-security-policy';
import type { ObservatoryTestResult } from '../checks/observatory/types';
import { cspReviewCheck } from '../checks/tabgrade/csp-review';
import type { Finding } from '../findings';
import { NONCE_PLACEHOLDER, type DraftPolicy } from './draft';

/** 16 bytes of base64, the size web.dev and the frameworks' nonce helpers use. */
const SAMPLE_NONCE = 'rAnd0mN0nceV4lue16Byt3=';

export interface DraftEvaluation {
  observatory: ObservatoryTestResult;
  evaluator: Finding[];
}

const POLICY_HEADERS: ReadonlySet<string> = new Set(['content-security-policy', 'content-security-policy-report-only']);

/** A copy of `capture` whose only policy is `policyText`, enforced. */
export function captureWithPolicy(capture: PageCapture, policyText: string): PageCapture {
  const document = capture.document ?? {
    url: capture.url,
    method: 'GET',
    statusCode: 200,
    statusLine: 'HTTP/1.1 200 OK',
    headers: [{ name: 'Content-Type', value: 'text/html' }],
    type: 'main_frame' as const,
    timeStamp: capture.startedAt,
    fromCache: false,
  };
  const headers: HttpHeader[] = [
    ...document.headers.filter((header) => !POLICY_HEADERS.has(header.name.toLowerCase())),
    { name: 'Content-Security-Policy', value: policyText },
  ];
  return { ...capture, document: { ...document, headers }, html: null, dom: null };
}

export function evaluateDraft(policy: DraftPolicy, capture: PageCapture): DraftEvaluation {
  const text = policy.text.split(NONCE_PLACEHOLDER).join(SAMPLE_NONCE);
  const judged = captureWithPolicy(capture, text);
  return {
    // The CSP test reads no HSTS preload data; the context is only there to satisfy the signature.
    observatory: contentSecurityPolicyTest.run(judged, { isHstsPreloaded: () => null }),
    evaluator: cspReviewCheck.run(judged, { now: capture.completedAt ?? capture.startedAt }),
  };
}
