import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PageCapture } from '../../../../src/core/capture';
import { REFERRER_POLICY_RESULTS, lastKnownPolicy, referrerPolicyTest } from '../../../../src/core/checks/observatory/referrer-policy';
import type { ObservatoryTestResult } from '../../../../src/core/checks/observatory/types';
import { captureFrom, captureFromFixtures } from '../../../helpers/fixtures';

const seen = new Set<string>();
function run(capture: PageCapture): ObservatoryTestResult {
  const result = referrerPolicyTest.run(capture, { isHstsPreloaded: () => null });
  seen.add(result.result);
  return result;
}

describe('referrer-policy', () => {
  it('rewards a private policy', () => {
    const result = run(captureFromFixtures('referrer-policy-private'));
    expect(result).toMatchObject({ result: 'referrer-policy-private', pass: true, scoreModifier: 5 });
    expect(result.data).toMatchObject({ http: true, meta: false, policy: 'strict-origin-when-cross-origin' });
  });

  it.each(['no-referrer', 'same-origin', 'strict-origin', 'STRICT-ORIGIN-WHEN-CROSS-ORIGIN'])('counts %s as private', (value) => {
    expect(run(captureFrom({ headers: [{ name: 'Referrer-Policy', value }] })).result).toBe('referrer-policy-private');
  });

  it.each(['origin', 'origin-when-cross-origin', 'unsafe-url', 'no-referrer-when-downgrade'])('counts %s as unsafe', (value) => {
    expect(run(captureFrom({ headers: [{ name: 'Referrer-Policy', value }] })).result).toBe('referrer-policy-unsafe');
  });

  it('fails an unsafe policy', () => {
    expect(run(captureFromFixtures('referrer-policy-unsafe'))).toMatchObject({ result: 'referrer-policy-unsafe', pass: false, scoreModifier: -5 });
  });

  it('fails a value browsers do not know', () => {
    expect(run(captureFromFixtures('referrer-policy-invalid'))).toMatchObject({
      result: 'referrer-policy-header-invalid',
      pass: false,
      scoreModifier: -5,
    });
  });

  it('passes, without bonus, when no policy is set', () => {
    expect(run(captureFromFixtures('csp-missing'))).toMatchObject({ result: 'referrer-policy-not-implemented', pass: true, scoreModifier: 0 });
  });

  it('uses the last recognised value of a fallback list, skipping unknown ones', () => {
    const result = run(captureFromFixtures('referrer-policy-fallback-list'));
    expect(result.result).toBe('referrer-policy-unsafe');
    expect(result.data.policy).toBe('unsafe-url');
  });

  it('joins repeated headers, so the last header wins', () => {
    expect(run(captureFromFixtures('referrer-policy-repeated')).result).toBe('referrer-policy-unsafe');
  });

  it('reads the last <meta name=referrer>, after any header', () => {
    const metaOnly = run(captureFromFixtures('html-only', 'referrer-meta-no-referrer'));
    expect(metaOnly.result).toBe('referrer-policy-private');
    expect(metaOnly.data).toMatchObject({ http: false, meta: true, policy: 'no-referrer' });
    const both = run(captureFromFixtures('referrer-policy-unsafe', 'referrer-meta-no-referrer'));
    expect(both.result).toBe('referrer-policy-private');
  });

  it('ignores a referrer meta that also has http-equiv, or an empty content', () => {
    expect(run(captureFromFixtures('html-only', 'referrer-meta-with-http-equiv')).result).toBe('referrer-policy-not-implemented');
    const empty = captureFrom({ headers: [{ name: 'Content-Type', value: 'text/html' }], html: '<meta name="referrer" content="">' });
    expect(run(empty).result).toBe('referrer-policy-not-implemented');
  });

  it('counts an empty header as set but invalid', () => {
    expect(run(captureFrom({ headers: [{ name: 'Referrer-Policy', value: '' }] })).result).toBe('referrer-policy-header-invalid');
  });

  it('does not pass without a document response', () => {
    expect(run(captureFrom())).toMatchObject({ result: 'referrer-policy-not-implemented', pass: false });
  });

  it('returned every result id it declares', () => {
    expect([...seen].sort()).toEqual([...REFERRER_POLICY_RESULTS].sort());
  });
});

describe('lastKnownPolicy', () => {
  /** Every token read front to back, the last known one kept: the Observatory's reading. */
  function frontToBack(value: string): string {
    let policy = '';
    for (const token of value.split(',')) {
      const normalised = token.trim().toLowerCase();
      if (['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin', 'origin', 'origin-when-cross-origin', 'unsafe-url', 'no-referrer-when-downgrade'].includes(normalised)) policy = normalised;
    }
    return policy;
  }

  it('keeps the last known token, as reading every token does', () => {
    const piece = fc.constantFrom(',', ', ', ' ', '\t', 'no-referrer', 'NO-REFERRER', 'unsafe-url', 'Origin', 'strict-origin', 'bogus', 'same-origin ', ' strict-origin-when-cross-origin', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const value = pieces.join('');
        expect(lastKnownPolicy(value)).toBe(frontToBack(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a leading, trailing or lone comma as an empty token', () => {
    expect([lastKnownPolicy(',origin'), lastKnownPolicy('origin,'), lastKnownPolicy(','), lastKnownPolicy('')]).toEqual(['origin', 'origin', '', '']);
  });
});
