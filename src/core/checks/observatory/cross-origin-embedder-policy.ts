/**
 * Observatory test `cross-origin-embedder-policy` (algorithm 6 / Observatory 1.7.0): does
 * the document load only cross-origin resources that opt in (or load them without
 * credentials)? Reading rules in `isolation-policy.ts`. Every result but an invalid
 * header passes.
 */
import { isolationTest } from './isolation-policy';

export const COEP_RESULTS = [
  'coep-not-implemented',
  'coep-implemented-with-require-corp',
  'coep-implemented-with-credentialless',
  'coep-implemented-with-unsafe-none',
  'coep-header-invalid',
] as const;
export type CoepResult = (typeof COEP_RESULTS)[number];

export const crossOriginEmbedderPolicyTest = isolationTest<CoepResult>({
  name: 'cross-origin-embedder-policy',
  title: 'Cross Origin Embedder Policy',
  header: 'cross-origin-embedder-policy',
  headerLabel: 'Cross-Origin-Embedder-Policy',
  results: COEP_RESULTS,
  notImplemented: 'coep-not-implemented',
  invalid: 'coep-header-invalid',
  byToken: {
    'require-corp': 'coep-implemented-with-require-corp',
    credentialless: 'coep-implemented-with-credentialless',
    'unsafe-none': 'coep-implemented-with-unsafe-none',
  },
});
