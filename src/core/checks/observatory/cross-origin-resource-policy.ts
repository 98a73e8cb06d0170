/**
 * Observatory test `cross-origin-resource-policy`: may other origins embed the document?
 * Mirrors MDN HTTP Observatory v1.6.3 `src/analyzer/tests/cross-origin-resource-policy.js`,
 * including its 1.6.3 change: sending the header more than once makes it invalid
 * (mdn/mdn-http-observatory#562), since browsers reject a repeated CORP header.
 *
 * CORP has no `<meta http-equiv>` form, and the Observatory never reads one.
 */
import { headerValues } from '../../headers';
import { scoreModifier } from './scoring';
import type { ObservatoryTest, ObservatoryTestResult } from './types';

export const CORP_RESULTS = [
  'corp-not-implemented',
  'corp-implemented-with-same-origin',
  'corp-implemented-with-same-site',
  'corp-implemented-with-cross-origin',
  'corp-header-invalid',
] as const;
export type CorpResult = (typeof CORP_RESULTS)[number];

const EXPECTATION: CorpResult = 'corp-implemented-with-same-site';
/** The Observatory reads at most this much of the header. */
const MAX_VALUE_CHARS = 256;

const BY_VALUE: Readonly<Record<string, CorpResult>> = {
  'same-site': 'corp-implemented-with-same-site',
  'same-origin': 'corp-implemented-with-same-origin',
  'cross-origin': 'corp-implemented-with-cross-origin',
};

export const crossOriginResourcePolicyTest: ObservatoryTest = {
  name: 'cross-origin-resource-policy',
  title: 'Cross Origin Resource Policy',
  needs: ['document'],
  possibleResults: CORP_RESULTS,
  run(capture): ObservatoryTestResult {
    let result: CorpResult = 'corp-not-implemented';
    let value: string | null = null;
    const notes: string[] = [];
    const response = capture.document;
    if (response !== null) {
      const values = headerValues(response.headers, 'cross-origin-resource-policy');
      // Joined the way the Observatory's HTTP client joins repeated headers, so a
      // repeated header is invalid whether it arrives as two lines or one "a, b" line.
      const joined = values.join(', ');
      const normalised = joined.slice(0, MAX_VALUE_CHARS).trim().toLowerCase();
      if (values.length > 1) {
        result = 'corp-header-invalid';
        value = normalised;
        notes.push('Cross-Origin-Resource-Policy was sent more than once; browsers then ignore it, and the Observatory counts it as invalid.');
      } else if (normalised !== '') {
        value = normalised;
        result = Object.hasOwn(BY_VALUE, normalised) ? (BY_VALUE[normalised] ?? 'corp-header-invalid') : 'corp-header-invalid';
      }
    }
    return {
      name: 'cross-origin-resource-policy',
      result,
      expectation: EXPECTATION,
      // Everything but an invalid header passes: CORP is optional for a document.
      pass: result !== 'corp-header-invalid',
      scoreModifier: scoreModifier('cross-origin-resource-policy', result),
      data: { value },
      notes,
    };
  },
};
