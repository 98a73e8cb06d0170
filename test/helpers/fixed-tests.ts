/**
 * Observatory tests that always answer a chosen result, for grading a page with exactly the
 * results a case names: the real grader then scores them from the real table.
 */
import { TEST_INFO } from '../../src/core/checks/observatory/explanations';
import { CURRENT_SCORING } from '../../src/core/checks/observatory/scoring';
import type { ObservatoryTest, ObservatoryTestName } from '../../src/core/checks/observatory/types';

/** A zero-modifier result for every test, so a case only names the results it changes. */
export const NEUTRAL_RESULTS: Readonly<Record<ObservatoryTestName, string>> = {
  'content-security-policy': 'csp-implemented-with-unsafe-inline-in-style-src-only',
  cookies: 'cookies-not-found',
  'cross-origin-resource-sharing': 'cross-origin-resource-sharing-not-implemented',
  redirection: 'redirection-to-https',
  'referrer-policy': 'referrer-policy-not-implemented',
  'strict-transport-security': 'hsts-implemented-max-age-at-least-six-months',
  'subresource-integrity': 'sri-not-implemented-but-no-scripts-loaded',
  'x-content-type-options': 'x-content-type-options-nosniff',
  'x-frame-options': 'x-frame-options-allow-from-origin',
  'cross-origin-resource-policy': 'corp-not-implemented',
  'cross-origin-opener-policy': 'coop-not-implemented',
  'cross-origin-embedder-policy': 'coep-not-implemented',
};

/**
 * A test that always answers `result`. Its own `scoreModifier` is a nonsense 999: the
 * grader must score results from the table, and a test that copied the test's number
 * would show it.
 */
export function fixedTest(name: ObservatoryTestName, result: string, pass = true): ObservatoryTest {
  return {
    name,
    title: TEST_INFO[name].title,
    needs: ['document'],
    run: () => ({ name, result, expectation: CURRENT_SCORING.expectations[name] ?? '', pass, scoreModifier: 999, data: {}, notes: [] }),
  };
}

/** All ten tests: the given results, neutral ones for the others. */
export function fixedTests(results: Partial<Record<ObservatoryTestName, string>>): ObservatoryTest[] {
  return CURRENT_SCORING.tests.map((name) => fixedTest(name, results[name] ?? NEUTRAL_RESULTS[name]));
}
