/**
 * The two tests algorithm 6 (Observatory 1.7.0) added: Cross-Origin-Opener-Policy and
 * Cross-Origin-Embedder-Policy, every result id and the reading rules they share.
 */
import { describe, expect, it } from 'vitest';
import type { HttpHeader, PageCapture } from '../../../../src/core/capture';
import { COEP_RESULTS, crossOriginEmbedderPolicyTest } from '../../../../src/core/checks/observatory/cross-origin-embedder-policy';
import { COOP_RESULTS, crossOriginOpenerPolicyTest } from '../../../../src/core/checks/observatory/cross-origin-opener-policy';
import { SCORING_1_6_3, SCORING_1_7_0 } from '../../../../src/core/checks/observatory/scoring';
import type { ObservatoryTest, ObservatoryTestResult } from '../../../../src/core/checks/observatory/types';
import { gradeCapture } from '../../../../src/core/grade';
import { captureFrom, captureFromFixtures } from '../../../helpers/fixtures';
import { fixedTests } from '../../../helpers/fixed-tests';

const seen = new Set<string>();
function run(test: ObservatoryTest, capture: PageCapture): ObservatoryTestResult {
  const result = test.run(capture, { isHstsPreloaded: () => null });
  seen.add(result.result);
  return result;
}
const coop = (value: string | string[]): ObservatoryTestResult =>
  run(crossOriginOpenerPolicyTest, captureFrom({ headers: ([] as string[]).concat(value).map((v) => ({ name: 'Cross-Origin-Opener-Policy', value: v })) }));
const coep = (value: string | string[]): ObservatoryTestResult =>
  run(crossOriginEmbedderPolicyTest, captureFrom({ headers: ([] as string[]).concat(value).map((v) => ({ name: 'Cross-Origin-Embedder-Policy', value: v })) }));

describe('cross-origin-opener-policy', () => {
  it.each([
    ['same-origin', 'coop-implemented-with-same-origin', 10],
    ['same-origin-allow-popups', 'coop-implemented-with-same-origin-allow-popups', 10],
    ['noopener-allow-popups', 'coop-implemented-with-noopener-allow-popups', 10],
    ['unsafe-none', 'coop-implemented-with-unsafe-none', 0],
  ])('%s → %s (%i), passing', (value, result, modifier) => {
    expect(coop(value)).toMatchObject({ result, scoreModifier: modifier, pass: true, data: { http: true, value } });
  });

  it('is not implemented when absent, with no document, or with an empty value (passes, 0)', () => {
    expect(run(crossOriginOpenerPolicyTest, captureFrom({ headers: [] }))).toMatchObject({ result: 'coop-not-implemented', pass: true, scoreModifier: 0, data: { http: false } });
    expect(run(crossOriginOpenerPolicyTest, captureFrom())).toMatchObject({ result: 'coop-not-implemented' });
    expect(coop('')).toMatchObject({ result: 'coop-not-implemented', pass: true });
  });

  it.each([
    ['a quoted string', '"same-origin"'],
    ['an unknown token', 'same-site'],
    ['upper case (tokens compare as written)', 'SAME-ORIGIN'],
    ['two values on one line (a list, not an item)', 'same-origin, unsafe-none'],
    ['spaces inside', 'same origin'],
    ['only spaces', '   '],
    ['a number', '1'],
    ['parameters that do not parse', 'same-origin; report-to=a b'],
  ])('is invalid for %s (−5, failing)', (_name, value) => {
    expect(coop(value)).toMatchObject({ result: 'coop-header-invalid', pass: false, scoreModifier: -5 });
  });

  it('ignores parameters that parse, and trims the value', () => {
    expect(coop('  same-origin; report-to="coop-endpoint"  ')).toMatchObject({ result: 'coop-implemented-with-same-origin', data: { value: 'same-origin; report-to="coop-endpoint"' } });
    expect(run(crossOriginOpenerPolicyTest, captureFromFixtures('coop-with-report-to')).result).toBe('coop-implemented-with-same-origin-allow-popups');
  });

  it('is invalid when sent twice, even with the same good value, and says why', () => {
    const result = run(crossOriginOpenerPolicyTest, captureFromFixtures('coop-repeated'));
    expect(result).toMatchObject({ result: 'coop-header-invalid', pass: false });
    expect(result.notes.join(' ')).toMatch(/more than once/);
  });

  it('reads only the first 1024 characters', () => {
    // Past the cut, anything goes: the first 1024 characters are a valid item.
    const padded = `same-origin;a=${'x'.repeat(1024 - 'same-origin;a='.length)}`;
    expect(padded).toHaveLength(1024);
    expect(coop(`${padded}, garbage`).result).toBe('coop-implemented-with-same-origin');
    expect(coop(`${padded.slice(0, 1023)}" trailing`).result).toBe('coop-header-invalid');
  });

  it('never reads a <meta> tag', () => {
    const capture = captureFrom({ headers: [], html: '<meta http-equiv="Cross-Origin-Opener-Policy" content="same-origin">' });
    expect(run(crossOriginOpenerPolicyTest, capture).result).toBe('coop-not-implemented');
  });

  it('reaches every result it declares', () => {
    expect(COOP_RESULTS.filter((result) => !seen.has(result))).toEqual([]);
  });
});

describe('cross-origin-embedder-policy', () => {
  it.each([
    ['require-corp', 'coep-implemented-with-require-corp', 10],
    ['credentialless', 'coep-implemented-with-credentialless', 10],
    ['unsafe-none', 'coep-implemented-with-unsafe-none', 0],
  ])('%s → %s (%i), passing', (value, result, modifier) => {
    expect(coep(value)).toMatchObject({ result, scoreModifier: modifier, pass: true });
  });

  it('is not implemented when absent or empty, invalid otherwise', () => {
    expect(run(crossOriginEmbedderPolicyTest, captureFrom({ headers: [] }))).toMatchObject({ result: 'coep-not-implemented', pass: true, scoreModifier: 0 });
    expect(coep('')).toMatchObject({ result: 'coep-not-implemented' });
    expect(run(crossOriginEmbedderPolicyTest, captureFromFixtures('coep-invalid'))).toMatchObject({ result: 'coep-header-invalid', pass: false, scoreModifier: -5 });
    expect(coep('"require-corp"').result).toBe('coep-header-invalid');
    expect(coep(['require-corp', 'require-corp']).result).toBe('coep-header-invalid');
    expect(coep('require-corp; report-to="e"').result).toBe('coep-implemented-with-require-corp');
    expect(run(crossOriginEmbedderPolicyTest, captureFromFixtures('coep-credentialless')).result).toBe('coep-implemented-with-credentialless');
  });

  it('reaches every result it declares', () => {
    expect(COEP_RESULTS.filter((result) => !seen.has(result))).toEqual([]);
  });
});

describe('COOP and COEP in the grade', () => {
  const strong: HttpHeader[] = [
    { name: 'Content-Type', value: 'text/html; charset=utf-8' },
    { name: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; form-action 'none'" },
    { name: 'Strict-Transport-Security', value: 'max-age=63072000' },
    { name: 'X-Content-Type-Options', value: 'nosniff' },
    { name: 'Referrer-Policy', value: 'no-referrer' },
    { name: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  ];
  const isolation: HttpHeader[] = [
    { name: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { name: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
  ];

  it('scores twelve tests, and the two bonuses count once the score before bonuses reaches 90', () => {
    const without = gradeCapture(captureFrom({ headers: strong }));
    const withIsolation = gradeCapture(captureFrom({ headers: [...strong, ...isolation] }));
    expect(withIsolation.testsQuantity).toBe(12);
    expect(withIsolation.score - without.score).toBe(20);
    expect(withIsolation.tests['cross-origin-opener-policy']?.scoreModifier).toBe(10);
  });

  it('withholds the two bonuses below 90, but always counts an invalid header', () => {
    // No HSTS and no XCTO: 100 − 20 − 5 = 75 before bonuses.
    const weak = strong.filter((header) => !['Strict-Transport-Security', 'X-Content-Type-Options'].includes(header.name));
    const plain = gradeCapture(captureFrom({ headers: weak }));
    expect(gradeCapture(captureFrom({ headers: [...weak, ...isolation] })).score).toBe(plain.score);
    const invalid = gradeCapture(captureFrom({ headers: [...weak, { name: 'Cross-Origin-Opener-Policy', value: 'same_origin' }] }));
    expect(invalid.score).toBe(plain.score - 5);
  });

  it('puts the bonus over the line exactly at 90 before bonuses', () => {
    // Fixed results: HSTS −10 leaves exactly 90; the COOP and COEP +10s then count.
    const at90 = gradeCapture(captureFrom({ headers: [] }), {}, {
      tests: fixedTests({
        'strict-transport-security': 'hsts-implemented-max-age-less-than-six-months',
        'cross-origin-opener-policy': 'coop-implemented-with-same-origin',
        'cross-origin-embedder-policy': 'coep-implemented-with-credentialless',
      }),
    });
    expect(at90.score).toBe(110);
    const at85 = gradeCapture(captureFrom({ headers: [] }), {}, {
      tests: fixedTests({
        'strict-transport-security': 'hsts-implemented-max-age-less-than-six-months',
        'x-content-type-options': 'x-content-type-options-not-implemented',
        'cross-origin-opener-policy': 'coop-implemented-with-same-origin',
      }),
    });
    expect(at85.score).toBe(85);
  });

  it('the 1.6.3 algorithm neither runs nor scores them', () => {
    const old = gradeCapture(captureFrom({ headers: [...strong, ...isolation] }), {}, { table: SCORING_1_6_3 });
    expect(old).toMatchObject({ algorithm: '1.6.3', testsQuantity: 10 });
    expect(old.tests['cross-origin-opener-policy']).toBeUndefined();
    expect(old.score).toBe(gradeCapture(captureFrom({ headers: strong }), {}, { table: SCORING_1_6_3 }).score);
    expect(SCORING_1_7_0.tests).toHaveLength(12);
  });
});
