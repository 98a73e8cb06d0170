import { describe, expect, it } from 'vitest';
import type { PageCapture } from '../../../../src/core/capture';
import { XFO_RESULTS, xFrameOptionsTest } from '../../../../src/core/checks/observatory/x-frame-options';
import type { ObservatoryTestResult } from '../../../../src/core/checks/observatory/types';
import { captureFrom, captureFromFixtures } from '../../../helpers/fixtures';

const seen = new Set<string>();
function run(capture: PageCapture): ObservatoryTestResult {
  const result = xFrameOptionsTest.run(capture, { isHstsPreloaded: () => null });
  seen.add(result.result);
  return result;
}

describe('x-frame-options', () => {
  it.each(['x-frame-options-deny', 'x-frame-options-sameorigin'])('passes with +5 for %s (re-scored in 1.5.0)', (fixture) => {
    expect(run(captureFromFixtures(fixture))).toMatchObject({ result: 'x-frame-options-sameorigin-or-deny', pass: true, scoreModifier: 5 });
  });

  it('passes ALLOW-FROM without bonus', () => {
    expect(run(captureFromFixtures('x-frame-options-allow-from'))).toMatchObject({
      result: 'x-frame-options-allow-from-origin',
      pass: true,
      scoreModifier: 0,
    });
  });

  it('fails an unknown value', () => {
    const result = run(captureFromFixtures('x-frame-options-invalid'));
    expect(result).toMatchObject({ result: 'x-frame-options-header-invalid', pass: false, scoreModifier: -20 });
    expect(result.data.value).toBe('allowall');
  });

  it('fails a header sent twice, which arrives as "DENY, DENY"', () => {
    expect(run(captureFromFixtures('x-frame-options-repeated')).result).toBe('x-frame-options-header-invalid');
  });

  it('fails when there is no header', () => {
    expect(run(captureFromFixtures('csp-missing'))).toMatchObject({ result: 'x-frame-options-not-implemented', pass: false, scoreModifier: -20 });
    expect(run(captureFrom()).result).toBe('x-frame-options-not-implemented');
  });

  it('prefers CSP frame-ancestors over the header, even an invalid header', () => {
    const result = run(captureFromFixtures('x-frame-options-via-csp'));
    expect(result).toMatchObject({ result: 'x-frame-options-implemented-via-csp', pass: true, scoreModifier: 5 });
    expect(result.data.frameAncestors).toEqual(["'self'"]);
  });

  it('counts frame-ancestors from a meta policy, as the Observatory does, and warns', () => {
    const result = run(captureFromFixtures('html-only', 'csp-meta-with-frame-ancestors'));
    expect(result.result).toBe('x-frame-options-implemented-via-csp');
    expect(result.notes.join(' ')).toMatch(/meta tag/);
  });

  it('does not count frame-ancestors when the CSP cannot be parsed', () => {
    const capture = captureFrom({
      headers: [
        { name: 'Content-Security-Policy', value: "frame-ancestors 'none'; frame-ancestors 'self'" },
        { name: 'X-Frame-Options', value: 'DENY' },
      ],
    });
    expect(run(capture).result).toBe('x-frame-options-sameorigin-or-deny');
  });

  it('ignores X-Frame-Options in a meta tag', () => {
    const capture = captureFrom({
      headers: [{ name: 'Content-Type', value: 'text/html' }],
      html: '<meta http-equiv="X-Frame-Options" content="DENY">',
    });
    expect(run(capture).result).toBe('x-frame-options-not-implemented');
  });

  it('reads at most 1024 characters of the header', () => {
    const capture = captureFrom({ headers: [{ name: 'X-Frame-Options', value: `DENY${' '.repeat(1020)}x` }] });
    expect(run(capture).result).toBe('x-frame-options-sameorigin-or-deny');
  });

  it('returned every result id it declares', () => {
    expect([...seen].sort()).toEqual([...XFO_RESULTS].sort());
  });
});
