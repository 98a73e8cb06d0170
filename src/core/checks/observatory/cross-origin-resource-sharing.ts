/**
 * Observatory test `cross-origin-resource-sharing`: can other sites read the page?
 * Mirrors MDN HTTP Observatory v1.6.3 `src/analyzer/tests/cors.js`, which judges only the
 * answer to a preflight-style request: `OPTIONS <final URL>` with
 * `Origin: https://http-observatory.security.mozilla.org` and
 * `Access-Control-Request-Method: GET`. (It no longer reads `crossdomain.xml` or
 * `clientaccesspolicy.xml`, so neither does this test.)
 *
 * One live-scanner quirk decides a whole result: the test compares the allowed origin with
 * the `Origin` of its own request, but reads that from an object that never carries it.
 * So an echoed origin with `Access-Control-Allow-Credentials: true` — the dangerous case —
 * scores as "restricted access", and "universal access" never happens. Tabgrade gives the
 * same result and says so in a note.
 */
import type { HttpHeader, PageCapture } from '../../capture';
import { joinedHeader } from '../../headers';
import { scoreModifier } from './scoring';
import type { ObservatoryTest, ObservatoryTestResult } from './types';

/** What the live Observatory can return (universal access is unreachable, see above). */
export const CORS_RESULTS = [
  'cross-origin-resource-sharing-not-implemented',
  'cross-origin-resource-sharing-implemented-with-public-access',
  'cross-origin-resource-sharing-implemented-with-restricted-access',
] as const;
export type CorsResult = (typeof CORS_RESULTS)[number];

const EXPECTATION: CorsResult = 'cross-origin-resource-sharing-not-implemented';
/** The Origin the Observatory sends (its `retriever.corsOrigin` default). */
export const OBSERVATORY_CORS_ORIGIN = 'https://http-observatory.security.mozilla.org';
/** It reads at most this much of the header. */
const MAX_VALUE_CHARS = 256;

/** The Observatory's reading of one response's CORS headers. */
export function judgeCorsHeaders(headers: readonly HttpHeader[]): {
  result: CorsResult;
  allowOrigin: string | null;
  /** A specific origin is allowed together with `Access-Control-Allow-Credentials: true`. */
  originWithCredentials: boolean;
  /** The allowed origin is the one the probe sent (the Observatory's, or the extension's own). */
  echoesProbeOrigin: boolean;
} {
  // Repeated headers arrive joined with ", " (so `*, *` is not `*`).
  const allowOrigin = joinedHeader(headers, 'access-control-allow-origin');
  if (!allowOrigin) {
    return { result: 'cross-origin-resource-sharing-not-implemented', allowOrigin: null, originWithCredentials: false, echoesProbeOrigin: false };
  }
  const value = allowOrigin.slice(0, MAX_VALUE_CHARS).trim().toLowerCase();
  if (value === '*') {
    return { result: 'cross-origin-resource-sharing-implemented-with-public-access', allowOrigin: value, originWithCredentials: false, echoesProbeOrigin: false };
  }
  const credentials = joinedHeader(headers, 'access-control-allow-credentials');
  const withCredentials = credentials !== null && credentials.trim().toLowerCase() === 'true';
  // Anything but `*` is "restricted", even an origin that is not the site's own.
  return {
    result: 'cross-origin-resource-sharing-implemented-with-restricted-access',
    allowOrigin: value,
    originWithCredentials: withCredentials,
    echoesProbeOrigin: value === OBSERVATORY_CORS_ORIGIN || /^(chrome|moz)-extension:\/\//.test(value),
  };
}

function judge(capture: PageCapture): { headers: readonly HttpHeader[] | null; from: 'cors-probe' | 'document' | null; notes: string[] } {
  const probe = capture.probes.cors;
  if (probe) {
    if (probe.response && !probe.response.error && probe.response.statusCode > 0) {
      return { headers: probe.response.headers, from: 'cors-probe', notes: [] };
    }
    // The Observatory's preflight failing (timeout, refused) also means "not implemented".
    return { headers: null, from: 'cors-probe', notes: [`The CORS preflight probe failed${probe.error ? ` (${probe.error})` : ''}.`] };
  }
  if (capture.document) {
    return {
      headers: capture.document.headers,
      from: 'document',
      notes: ['No CORS preflight probe was made; judged from the page’s own response headers, which a preflight usually matches when they are not origin-specific.'],
    };
  }
  return { headers: null, from: null, notes: ['No CORS preflight probe and no document response: nothing to judge.'] };
}

export const crossOriginResourceSharingTest: ObservatoryTest = {
  name: 'cross-origin-resource-sharing',
  title: 'Cross Origin Resource Sharing (CORS)',
  needs: ['probes.cors'],
  possibleResults: CORS_RESULTS,
  run(capture: PageCapture): ObservatoryTestResult {
    const { headers, from, notes } = judge(capture);
    const judged = headers ? judgeCorsHeaders(headers) : null;
    const result: CorsResult = judged?.result ?? 'cross-origin-resource-sharing-not-implemented';
    if (judged?.originWithCredentials) {
      notes.push(
        judged.echoesProbeOrigin
          ? 'The server echoed the probe’s Origin and allows credentials: any site can read this page as the signed-in user. The Observatory cannot see this (it scores it as restricted access), so the grade does not reflect it.'
          : 'The server allows a specific origin together with credentials; if it echoes any Origin back, any site could read this page as the signed-in user. The Observatory scores this as restricted access.',
      );
    }
    return {
      name: 'cross-origin-resource-sharing',
      result,
      expectation: EXPECTATION,
      // All three results the live scanner can give pass.
      pass: true,
      scoreModifier: scoreModifier('cross-origin-resource-sharing', result),
      data: {
        allowOrigin: judged?.allowOrigin ?? null,
        originWithCredentials: judged?.originWithCredentials ?? false,
        echoesProbeOrigin: judged?.echoesProbeOrigin ?? false,
        judgedFrom: from,
      },
      notes,
    };
  },
};
