/**
 * Observatory test `strict-transport-security`: does the site tell browsers to use HTTPS
 * only, for long enough — or is it on the HSTS preload list?
 * Mirrors MDN HTTP Observatory v1.6.3 `src/analyzer/tests/strict-transport-security.js`.
 */
import { joinedHeader } from '../../headers';
import { captureUrl, httpSession, httpsFinalResponse, isCertificateError, scannedUrl } from './scan-view';
import { scoreModifier } from './scoring';
import type { ObservatoryContext, ObservatoryTest, ObservatoryTestResult } from './types';
import type { PageCapture } from '../../capture';

export const HSTS_RESULTS = [
  'hsts-preloaded',
  'hsts-implemented-max-age-at-least-six-months',
  'hsts-implemented-max-age-less-than-six-months',
  'hsts-not-implemented',
  'hsts-header-invalid',
  'hsts-not-implemented-no-https',
  'hsts-invalid-cert',
] as const;
export type HstsResult = (typeof HSTS_RESULTS)[number];

const EXPECTATION: HstsResult = 'hsts-implemented-max-age-at-least-six-months';

/**
 * The Observatory's "six months": 180 days rather than 15768000 s, because many sites use
 * 15552000 ("a white lie is in order", its source says).
 */
export const SIX_MONTHS_SECONDS = 15_552_000;
/** It reads at most this much of the header, and of a max-age value 120 digits. */
const MAX_HEADER_CHARS = 1024;

export interface HstsHeaderReading {
  result: 'hsts-implemented-max-age-at-least-six-months' | 'hsts-implemented-max-age-less-than-six-months' | 'hsts-header-invalid';
  /** Seconds; null when absent. `NaN` (unparseable) is reported as null with `maxAgeUnparseable`. */
  maxAge: number | null;
  maxAgeUnparseable: boolean;
  includeSubDomains: boolean;
  preload: boolean;
  /** The header as read (first 1024 characters). */
  value: string;
}

/**
 * Reads an HSTS header exactly as the Observatory does, quirks included:
 * - a `,` anywhere in the first 1024 characters means "set twice" → invalid (so repeated
 *   headers, which its HTTP client joins with `, `, are invalid);
 * - directives are split on `;`, trimmed and lower-cased; `max-age=` must be written with
 *   no space around `=`; the last max-age wins; its value goes through `parseInt`, so
 *   `max-age=abc` or `max-age="31536000"` is NaN — which is not "less than six months", so
 *   it scores as at least six months;
 * - no max-age at all → invalid.
 */
export function readHstsHeader(header: string): HstsHeaderReading {
  const value = header.slice(0, MAX_HEADER_CHARS);
  const reading: HstsHeaderReading = {
    result: 'hsts-header-invalid',
    maxAge: null,
    maxAgeUnparseable: false,
    includeSubDomains: false,
    preload: false,
    value,
  };
  if (value.includes(',')) return reading;
  let maxAge: number | null = null;
  for (const directive of value.split(';').map((part) => part.trim().toLowerCase())) {
    if (directive.startsWith('max-age=')) maxAge = parseInt(directive.slice(8, 128), 10);
    else if (directive === 'includesubdomains') reading.includeSubDomains = true;
    else if (directive === 'preload') reading.preload = true;
  }
  if (maxAge === null) return reading;
  reading.maxAgeUnparseable = Number.isNaN(maxAge);
  reading.maxAge = reading.maxAgeUnparseable ? null : maxAge;
  reading.result = maxAge < SIX_MONTHS_SECONDS ? 'hsts-implemented-max-age-less-than-six-months' : 'hsts-implemented-max-age-at-least-six-months';
  return reading;
}

/** True when the HTTPS request that should have given the page failed on its certificate. */
function httpsFailedOnCertificate(capture: PageCapture): boolean {
  if (!capture.document && isCertificateError(capture.error) && captureUrl(capture, capture.requestedUrl)?.protocol === 'https:') return true;
  const session = httpSession(capture);
  return session.kind === 'certificate-error';
}

export const strictTransportSecurityTest: ObservatoryTest = {
  name: 'strict-transport-security',
  title: 'Strict Transport Security (HSTS)',
  needs: ['document', 'probes.http'],
  possibleResults: HSTS_RESULTS,
  run(capture: PageCapture, context: ObservatoryContext): ObservatoryTestResult {
    const notes: string[] = [];
    const data: Record<string, unknown> = {
      header: null,
      maxAge: null,
      includeSubDomains: false,
      preload: false,
      preloaded: false,
      readFrom: null,
    };
    let result: HstsResult = 'hsts-not-implemented';
    const https = httpsFinalResponse(capture);
    const certificateRefused = !https && httpsFailedOnCertificate(capture);

    if (certificateRefused) {
      // The Observatory retries without verification; the response then exists but is unverified.
      result = 'hsts-invalid-cert';
      notes.push('The HTTPS connection failed on its certificate, so no HSTS header can count.');
    } else if (!https) {
      result = 'hsts-not-implemented-no-https';
      notes.push(
        capture.document
          ? 'The page was not reached over HTTPS and Tabgrade did not try HTTPS itself; the Observatory would, and would read the header there if the site answers.'
          : 'No document response yet: HTTPS could not be checked.',
      );
    } else {
      data.readFrom = https.from;
      if (https.from === 'http-probe') notes.push('Read from the HTTPS page the plain-HTTP probe was redirected to.');
      if (https.from === 'downgraded-document') {
        notes.push('The https:// address redirected to plain HTTP. Like a live scan, Tabgrade reads the header from that final response, although browsers ignore HSTS sent over HTTP (see the finding “HTTPS redirects to plain HTTP”).');
      }
      const header = joinedHeader(https.response.headers, 'strict-transport-security');
      if (header !== null) {
        const reading = readHstsHeader(header);
        result = reading.result;
        data.header = reading.value;
        data.maxAge = reading.maxAge;
        data.includeSubDomains = reading.includeSubDomains;
        data.preload = reading.preload;
        if (reading.maxAgeUnparseable) {
          notes.push('max-age is not a number; the Observatory still counts it as at least six months (browsers ignore such a header).');
        }
      }
    }

    // Whenever an HTTPS response exists (verified or not), the preload list overrides the
    // header (Observatory: "this overrides most anything else").
    if (https || certificateRefused) {
      const host = scannedUrl(capture)?.hostname ?? null;
      const preload = host === null ? null : context.isHstsPreloaded(host);
      if (preload === null) {
        notes.push('HSTS preload status unknown (no preload list available); treated as not preloaded.');
      } else if (preload.preloaded) {
        result = 'hsts-preloaded';
        data.includeSubDomains = preload.includeSubDomains;
        data.preloaded = true;
      }
    }

    const pass = result === EXPECTATION || result === 'hsts-preloaded';
    return {
      name: 'strict-transport-security',
      result,
      expectation: EXPECTATION,
      pass,
      scoreModifier: scoreModifier('strict-transport-security', result),
      data,
      notes,
    };
  },
};
