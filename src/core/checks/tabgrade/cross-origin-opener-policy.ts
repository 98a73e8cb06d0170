/**
 * Cross-Origin-Opener-Policy: does the page keep other windows from holding a handle to it?
 *
 * COOP is a structured-field item (HTML §7.1.3.1, "obtain a cross-origin opener policy"):
 * a token, optionally with a `report-to` parameter. Anything that does not parse — a typo,
 * or the header sent twice, which arrives as a list — leaves the default `unsafe-none`.
 * Browsers ignore COOP outside secure contexts, so plain-HTTP pages are not judged here.
 */
import { parseItem, Token } from 'structured-headers';
import type { PageCapture } from '../../capture';
import type { Finding, TabgradeCheck } from '../../findings';
import { joinedHeader } from '../../headers';
import { clip, documentHeaders, documentUrl, findingMaker, isHtmlDocument, isSecureContextUrl, MDN_HEADERS } from './shared';

export const COOP_VALUES = ['same-origin', 'same-origin-allow-popups', 'noopener-allow-popups', 'unsafe-none'] as const;
export type CoopValue = (typeof COOP_VALUES)[number];

const LEARN_MORE = `${MDN_HEADERS}/Cross-Origin-Opener-Policy`;
const RECOMMENDED = 'same-origin';
const DOES_NOT_APPLY =
  'If the page opens a cross-origin popup that must talk back through window.opener (OAuth or payment popups), use same-origin-allow-popups instead.';

const make = findingMaker('cross-origin-opener-policy', 'server');

/** The COOP value a browser would apply, or null when the header does not parse. */
export function parseCoop(value: string): CoopValue | null {
  try {
    const [bare] = parseItem(value);
    if (!(bare instanceof Token)) return null;
    const token = bare.toString();
    return (COOP_VALUES as readonly string[]).includes(token) ? (token as CoopValue) : null;
  } catch {
    return null;
  }
}

function judge(capture: PageCapture): Finding[] {
  if (!isHtmlDocument(capture) || !isSecureContextUrl(documentUrl(capture))) return [];
  const headers = documentHeaders(capture);
  const raw = joinedHeader(headers, 'cross-origin-opener-policy');
  const reportOnly = joinedHeader(headers, 'cross-origin-opener-policy-report-only');

  if (raw === null) {
    if (reportOnly !== null) {
      return [
        make({
          id: 'coop-report-only',
          severity: 'info',
          title: 'Cross-Origin-Opener-Policy is only reported, not enforced',
          detail: `A report-only COOP shows what would break without protecting anything yet. Once the reports are clean, send the same value as Cross-Origin-Opener-Policy. ${DOES_NOT_APPLY}`,
          subject: 'Cross-Origin-Opener-Policy-Report-Only',
          recommendation: `Cross-Origin-Opener-Policy: ${RECOMMENDED}`,
          learnMoreUrl: LEARN_MORE,
          data: { reportOnlyValue: clip(reportOnly) },
        }),
      ];
    }
    return [
      make({
        id: 'coop-missing',
        severity: 'low',
        title: 'No Cross-Origin-Opener-Policy',
        detail: `Without COOP, a site that opens this page in a popup (or that this page opens) keeps a reference to its window, which enables cross-site leaks (XS-Leaks) and keeps it in a process other sites can share. ${DOES_NOT_APPLY}`,
        subject: 'Cross-Origin-Opener-Policy',
        recommendation: `Cross-Origin-Opener-Policy: ${RECOMMENDED}`,
        learnMoreUrl: LEARN_MORE,
      }),
    ];
  }

  const value = parseCoop(raw);
  if (value === null) {
    return [
      make({
        id: 'coop-invalid',
        severity: 'low',
        title: 'Cross-Origin-Opener-Policy is not valid, so browsers ignore it',
        detail: `The value must be one token: ${COOP_VALUES.join(', ')}. Browsers fall back to unsafe-none when it does not parse — for instance when the header is sent twice, which arrives as a list. ${DOES_NOT_APPLY}`,
        subject: 'Cross-Origin-Opener-Policy',
        recommendation: `Cross-Origin-Opener-Policy: ${RECOMMENDED}`,
        learnMoreUrl: LEARN_MORE,
        data: { value: clip(raw) },
      }),
    ];
  }
  if (value === 'unsafe-none') {
    return [
      make({
        id: 'coop-unsafe-none',
        severity: 'info',
        title: 'Cross-Origin-Opener-Policy explicitly opts out (unsafe-none)',
        detail: `unsafe-none is the default: other windows keep their reference to this page. That is right only if a cross-origin opener must script this window; otherwise prefer ${RECOMMENDED}. ${DOES_NOT_APPLY}`,
        subject: 'Cross-Origin-Opener-Policy',
        recommendation: `Cross-Origin-Opener-Policy: ${RECOMMENDED}`,
        learnMoreUrl: LEARN_MORE,
        data: { value },
      }),
    ];
  }
  return [];
}

export const crossOriginOpenerPolicyCheck: TabgradeCheck = {
  id: 'cross-origin-opener-policy',
  title: 'Cross-Origin-Opener-Policy',
  group: 'server',
  needs: ['document'],
  possibleFindings: ['coop-missing', 'coop-invalid', 'coop-unsafe-none', 'coop-report-only'],
  // Algorithm 6 scores COOP: its results say these three already (the report-only policy it never reads).
  saidByObservatoryTest: {
    'coop-missing': 'cross-origin-opener-policy',
    'coop-invalid': 'cross-origin-opener-policy',
    'coop-unsafe-none': 'cross-origin-opener-policy',
  },
  run: judge,
};
