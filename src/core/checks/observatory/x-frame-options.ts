/**
 * Observatory test `x-frame-options`: is the page protected from being framed
 * (clickjacking)? Mirrors MDN HTTP Observatory v1.6.3 `src/analyzer/tests/x-frame-options.js`.
 *
 * Only the header counts: the Observatory ignores `<meta http-equiv=x-frame-options>`,
 * as browsers do.
 */
import { joinedHeader } from '../../headers';
import { analyzeContentSecurityPolicy } from './content-security-policy';
import { scoreModifier } from './scoring';
import type { ObservatoryTest, ObservatoryTestResult } from './types';

export const XFO_RESULTS = [
  'x-frame-options-implemented-via-csp',
  'x-frame-options-sameorigin-or-deny',
  'x-frame-options-allow-from-origin',
  'x-frame-options-not-implemented',
  'x-frame-options-header-invalid',
] as const;
export type XfoResult = (typeof XFO_RESULTS)[number];

const EXPECTATION: XfoResult = 'x-frame-options-sameorigin-or-deny';
const PASSING: ReadonlySet<XfoResult> = new Set<XfoResult>([
  EXPECTATION,
  'x-frame-options-allow-from-origin',
  'x-frame-options-implemented-via-csp',
]);
/** The Observatory reads at most this much of the header ("code against malicious headers"). */
const MAX_VALUE_CHARS = 1024;

export const xFrameOptionsTest: ObservatoryTest = {
  name: 'x-frame-options',
  title: 'X-Frame-Options',
  needs: ['document', 'html'],
  possibleResults: XFO_RESULTS,
  run(capture): ObservatoryTestResult {
    const notes: string[] = [];
    let result: XfoResult = 'x-frame-options-not-implemented';
    let value: string | null = null;
    const response = capture.document;

    if (response !== null) {
      // Repeated headers arrive joined with ", " (as the Observatory's HTTP client joins
      // them), so `DENY, DENY` is not recognised.
      const header = joinedHeader(response.headers, 'x-frame-options');
      if (header) {
        value = header.slice(0, MAX_VALUE_CHARS);
        const normalised = value.trim().toLowerCase();
        if (normalised === 'deny' || normalised === 'sameorigin') result = 'x-frame-options-sameorigin-or-deny';
        else if (normalised.startsWith('allow-from')) result = 'x-frame-options-allow-from-origin';
        else result = 'x-frame-options-header-invalid';
      }
    }

    // A CSP frame-ancestors directive supersedes the header. The Observatory reads it from
    // the combined header + meta policy here, even though a meta frame-ancestors does
    // nothing in browsers; Tabgrade matches the grade and says so.
    const csp = analyzeContentSecurityPolicy(capture);
    const frameAncestors = csp.directives?.['frame-ancestors'];
    if (frameAncestors !== undefined) {
      result = 'x-frame-options-implemented-via-csp';
      if (csp.headerFrameAncestors === null) {
        notes.push('frame-ancestors appears only in a meta tag, which browsers ignore; the Observatory still counts it, so this page may be frameable.');
      } else if (csp.policy !== null && !csp.policy.antiClickjacking) {
        notes.push('The CSP has a frame-ancestors directive, but it lets any site frame the page; the Observatory still counts it.');
      }
    }

    return {
      name: 'x-frame-options',
      result,
      expectation: EXPECTATION,
      pass: PASSING.has(result),
      scoreModifier: scoreModifier('x-frame-options', result),
      data: { value, frameAncestors: frameAncestors ?? null },
      notes,
    };
  },
};
