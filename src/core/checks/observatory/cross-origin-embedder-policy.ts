/**
 * Observatory test `cross-origin-embedder-policy` (algorithm 6 / Observatory 1.7.0): does
 * the document load only cross-origin resources that opt in (or load them without
 * credentials)? Reading rules in `isolation-policy.ts`. Every result but an invalid
 * header passes.
 */
import { readIsolationHeader } from './isolation-policy';
import { scoreModifier } from './scoring';
import type { ObservatoryTest, ObservatoryTestResult } from './types';

export const COEP_RESULTS = [
  'coep-not-implemented',
  'coep-implemented-with-require-corp',
  'coep-implemented-with-credentialless',
  'coep-implemented-with-unsafe-none',
  'coep-header-invalid',
] as const;
export type CoepResult = (typeof COEP_RESULTS)[number];

const EXPECTATION: CoepResult = 'coep-not-implemented';

const BY_TOKEN: Readonly<Record<string, CoepResult>> = {
  'require-corp': 'coep-implemented-with-require-corp',
  credentialless: 'coep-implemented-with-credentialless',
  'unsafe-none': 'coep-implemented-with-unsafe-none',
};

export const crossOriginEmbedderPolicyTest: ObservatoryTest = {
  name: 'cross-origin-embedder-policy',
  title: 'Cross Origin Embedder Policy',
  needs: ['document'],
  possibleResults: COEP_RESULTS,
  run(capture): ObservatoryTestResult {
    const reading = readIsolationHeader(capture, 'cross-origin-embedder-policy');
    const notes: string[] = [];
    let result: CoepResult = 'coep-not-implemented';
    let value: string | null = null;
    if (reading.kind === 'repeated') {
      result = 'coep-header-invalid';
      notes.push('Cross-Origin-Embedder-Policy was sent more than once; the Observatory counts that as invalid.');
    } else if (reading.kind === 'invalid') {
      result = 'coep-header-invalid';
      value = reading.value;
    } else if (reading.kind === 'token') {
      value = reading.value;
      result = Object.hasOwn(BY_TOKEN, reading.token) ? (BY_TOKEN[reading.token] ?? 'coep-header-invalid') : 'coep-header-invalid';
    }
    return {
      name: 'cross-origin-embedder-policy',
      result,
      expectation: EXPECTATION,
      pass: result !== 'coep-header-invalid',
      scoreModifier: scoreModifier('cross-origin-embedder-policy', result),
      data: { http: reading.kind !== 'absent', value },
      notes,
    };
  },
};
