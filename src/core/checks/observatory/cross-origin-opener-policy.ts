/**
 * Observatory test `cross-origin-opener-policy` (algorithm 6 / Observatory 1.7.0): does the
 * document put itself in its own browsing context group? Reading rules in
 * `isolation-policy.ts`. Every result but an invalid header passes.
 */
import { isolationTest } from './isolation-policy';

export const COOP_RESULTS = [
  'coop-not-implemented',
  'coop-implemented-with-same-origin',
  'coop-implemented-with-same-origin-allow-popups',
  'coop-implemented-with-noopener-allow-popups',
  'coop-implemented-with-unsafe-none',
  'coop-header-invalid',
] as const;
export type CoopResult = (typeof COOP_RESULTS)[number];

export const crossOriginOpenerPolicyTest = isolationTest<CoopResult>({
  name: 'cross-origin-opener-policy',
  title: 'Cross Origin Opener Policy',
  header: 'cross-origin-opener-policy',
  headerLabel: 'Cross-Origin-Opener-Policy',
  results: COOP_RESULTS,
  notImplemented: 'coop-not-implemented',
  invalid: 'coop-header-invalid',
  byToken: {
    'same-origin': 'coop-implemented-with-same-origin',
    'same-origin-allow-popups': 'coop-implemented-with-same-origin-allow-popups',
    'noopener-allow-popups': 'coop-implemented-with-noopener-allow-popups',
    'unsafe-none': 'coop-implemented-with-unsafe-none',
  },
});
