/**
 * Observatory test `cross-origin-opener-policy` (algorithm 6 / Observatory 1.7.0): does the
 * document put itself in its own browsing context group? Reading rules in
 * `isolation-policy.ts`. Every result but an invalid header passes.
 */
import { readIsolationHeader } from './isolation-policy';
import { scoreModifier } from './scoring';
import type { ObservatoryTest, ObservatoryTestResult } from './types';

export const COOP_RESULTS = [
  'coop-not-implemented',
  'coop-implemented-with-same-origin',
  'coop-implemented-with-same-origin-allow-popups',
  'coop-implemented-with-noopener-allow-popups',
  'coop-implemented-with-unsafe-none',
  'coop-header-invalid',
] as const;
export type CoopResult = (typeof COOP_RESULTS)[number];

const EXPECTATION: CoopResult = 'coop-not-implemented';

const BY_TOKEN: Readonly<Record<string, CoopResult>> = {
  'same-origin': 'coop-implemented-with-same-origin',
  'same-origin-allow-popups': 'coop-implemented-with-same-origin-allow-popups',
  'noopener-allow-popups': 'coop-implemented-with-noopener-allow-popups',
  'unsafe-none': 'coop-implemented-with-unsafe-none',
};

export const crossOriginOpenerPolicyTest: ObservatoryTest = {
  name: 'cross-origin-opener-policy',
  title: 'Cross Origin Opener Policy',
  needs: ['document'],
  possibleResults: COOP_RESULTS,
  run(capture): ObservatoryTestResult {
    const reading = readIsolationHeader(capture, 'cross-origin-opener-policy');
    const notes: string[] = [];
    let result: CoopResult = 'coop-not-implemented';
    let value: string | null = null;
    if (reading.kind === 'repeated') {
      result = 'coop-header-invalid';
      notes.push('Cross-Origin-Opener-Policy was sent more than once; the Observatory counts that as invalid.');
    } else if (reading.kind === 'invalid') {
      result = 'coop-header-invalid';
      value = reading.value;
    } else if (reading.kind === 'token') {
      value = reading.value;
      result = Object.hasOwn(BY_TOKEN, reading.token) ? (BY_TOKEN[reading.token] ?? 'coop-header-invalid') : 'coop-header-invalid';
    }
    return {
      name: 'cross-origin-opener-policy',
      result,
      expectation: EXPECTATION,
      pass: result !== 'coop-header-invalid',
      scoreModifier: scoreModifier('cross-origin-opener-policy', result),
      data: { http: reading.kind !== 'absent', value },
      notes,
    };
  },
};
