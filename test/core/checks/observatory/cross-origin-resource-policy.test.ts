import { describe, expect, it } from 'vitest';
import type { PageCapture } from '../../../../src/core/capture';
import { CORP_RESULTS, crossOriginResourcePolicyTest } from '../../../../src/core/checks/observatory/cross-origin-resource-policy';
import type { ObservatoryTestResult } from '../../../../src/core/checks/observatory/types';
import { captureFrom, captureFromFixtures } from '../../../helpers/fixtures';

const seen = new Set<string>();
function run(capture: PageCapture): ObservatoryTestResult {
  const result = crossOriginResourcePolicyTest.run(capture, { isHstsPreloaded: () => null });
  seen.add(result.result);
  return result;
}

describe('cross-origin-resource-policy', () => {
  it('rewards same-origin', () => {
    expect(run(captureFromFixtures('corp-same-origin'))).toMatchObject({ result: 'corp-implemented-with-same-origin', pass: true, scoreModifier: 10 });
  });

  it('rewards same-site, read case-insensitively', () => {
    const result = run(captureFromFixtures('corp-same-site'));
    expect(result).toMatchObject({ result: 'corp-implemented-with-same-site', pass: true, scoreModifier: 10, data: { value: 'same-site' } });
  });

  it('passes cross-origin without bonus', () => {
    expect(run(captureFromFixtures('corp-cross-origin'))).toMatchObject({ result: 'corp-implemented-with-cross-origin', pass: true, scoreModifier: 0 });
  });

  it('fails an unknown value', () => {
    expect(run(captureFromFixtures('corp-invalid'))).toMatchObject({ result: 'corp-header-invalid', pass: false, scoreModifier: -5 });
  });

  it('fails a header sent twice, even with the same good value (1.6.3)', () => {
    const result = run(captureFromFixtures('corp-repeated'));
    expect(result).toMatchObject({ result: 'corp-header-invalid', pass: false });
    expect(result.notes.join(' ')).toMatch(/more than once/);
  });

  it('fails two values joined on one line', () => {
    expect(run(captureFrom({ headers: [{ name: 'Cross-Origin-Resource-Policy', value: 'same-origin, same-site' }] })).result).toBe('corp-header-invalid');
  });

  it('passes without bonus when missing or blank', () => {
    expect(run(captureFromFixtures('csp-missing'))).toMatchObject({ result: 'corp-not-implemented', pass: true, scoreModifier: 0 });
    expect(run(captureFrom({ headers: [{ name: 'Cross-Origin-Resource-Policy', value: '   ' }] })).result).toBe('corp-not-implemented');
    expect(run(captureFrom()).result).toBe('corp-not-implemented');
  });

  it('ignores a meta tag, which CORP does not have', () => {
    const capture = captureFrom({
      headers: [{ name: 'Content-Type', value: 'text/html' }],
      html: '<meta http-equiv="Cross-Origin-Resource-Policy" content="same-origin">',
    });
    expect(run(capture).result).toBe('corp-not-implemented');
  });

  it('returned every result id it declares', () => {
    expect([...seen].sort()).toEqual([...CORP_RESULTS].sort());
  });
});
