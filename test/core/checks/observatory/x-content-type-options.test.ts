import { describe, expect, it } from 'vitest';
import type { PageCapture } from '../../../../src/core/capture';
import { XCTO_RESULTS, xContentTypeOptionsTest } from '../../../../src/core/checks/observatory/x-content-type-options';
import type { ObservatoryTestResult } from '../../../../src/core/checks/observatory/types';
import { captureFrom, captureFromFixtures } from '../../../helpers/fixtures';

const seen = new Set<string>();
function run(capture: PageCapture): ObservatoryTestResult {
  const result = xContentTypeOptionsTest.run(capture, { isHstsPreloaded: () => null });
  seen.add(result.result);
  return result;
}

describe('x-content-type-options', () => {
  it('passes nosniff', () => {
    expect(run(captureFromFixtures('x-content-type-options-nosniff'))).toMatchObject({
      result: 'x-content-type-options-nosniff',
      pass: true,
      scoreModifier: 0,
      data: { value: 'nosniff' },
    });
  });

  it('accepts any case and surrounding spaces', () => {
    expect(run(captureFrom({ headers: [{ name: 'x-content-type-options', value: '  NoSniff ' }] })).result).toBe('x-content-type-options-nosniff');
  });

  it('fails another value', () => {
    expect(run(captureFromFixtures('x-content-type-options-invalid'))).toMatchObject({
      result: 'x-content-type-options-header-invalid',
      pass: false,
      scoreModifier: -5,
    });
  });

  it('fails a header sent twice, which arrives as "nosniff, nosniff"', () => {
    expect(run(captureFromFixtures('x-content-type-options-repeated')).result).toBe('x-content-type-options-header-invalid');
  });

  it('fails a missing header, whatever the document type', () => {
    expect(run(captureFromFixtures('csp-missing'))).toMatchObject({ result: 'x-content-type-options-not-implemented', pass: false, scoreModifier: -5 });
    expect(run(captureFrom({ headers: [{ name: 'X-Content-Type-Options', value: '' }] })).result).toBe('x-content-type-options-not-implemented');
    expect(run(captureFrom()).result).toBe('x-content-type-options-not-implemented');
  });

  it('returned every result id it declares', () => {
    expect([...seen].sort()).toEqual([...XCTO_RESULTS].sort());
  });
});
