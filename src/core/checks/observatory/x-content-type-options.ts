/**
 * Observatory test `x-content-type-options`: does the document forbid MIME sniffing?
 * Mirrors MDN HTTP Observatory v1.6.3 `src/analyzer/tests/x-content-type-options.js`.
 */
import { joinedHeader } from '../../headers';
import { scoreModifier } from './scoring';
import type { ObservatoryTest, ObservatoryTestResult } from './types';

export const XCTO_RESULTS = [
  'x-content-type-options-nosniff',
  'x-content-type-options-header-invalid',
  'x-content-type-options-not-implemented',
] as const;
export type XctoResult = (typeof XCTO_RESULTS)[number];

const EXPECTATION: XctoResult = 'x-content-type-options-nosniff';
/** The Observatory reads at most this much of the header. */
const MAX_VALUE_CHARS = 256;

export const xContentTypeOptionsTest: ObservatoryTest = {
  name: 'x-content-type-options',
  title: 'X-Content-Type-Options',
  needs: ['document'],
  possibleResults: XCTO_RESULTS,
  run(capture): ObservatoryTestResult {
    let result: XctoResult = 'x-content-type-options-not-implemented';
    let value: string | null = null;
    const response = capture.document;
    if (response !== null) {
      // Repeated headers are joined with ", " first, so `nosniff, nosniff` is invalid,
      // as in the Observatory (whose HTTP client joins them).
      const header = joinedHeader(response.headers, 'x-content-type-options');
      if (header) {
        value = header.slice(0, MAX_VALUE_CHARS);
        result = value.trim().toLowerCase() === 'nosniff' ? 'x-content-type-options-nosniff' : 'x-content-type-options-header-invalid';
      }
    }
    return {
      name: 'x-content-type-options',
      result,
      expectation: EXPECTATION,
      pass: result === EXPECTATION,
      scoreModifier: scoreModifier('x-content-type-options', result),
      data: { value },
      notes: [],
    };
  },
};
