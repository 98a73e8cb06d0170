import { afterAll, describe, expect, it } from 'vitest';
import { readXssProtection, xXssProtectionCheck } from '../../../../src/core/checks/tabgrade/x-xss-protection';
import { harness } from './support';

const check = harness(xXssProtectionCheck);
afterAll(() => check.expectAllFindingsCovered());

describe('x-xss-protection', () => {
  it('accepts 0 and absence — never demands "1; mode=block"', () => {
    expect(check.fixture('x-xss-protection-zero')).toEqual([]);
    expect(check.fixture('html-page-plain')).toEqual([]);
  });

  it('flags 1; mode=block and plain 1 as low, explaining why', () => {
    const [finding] = check.fixture('x-xss-protection-mode-block');
    expect(finding).toMatchObject({ id: 'x-xss-protection-enabled', severity: 'low', recommendation: 'X-XSS-Protection: 0 (or remove it)' });
    expect(finding?.detail).toMatch(/Chrome removed/);
    expect(check.ids(check.fixture('x-xss-protection-one'))).toEqual(['x-xss-protection-enabled']);
  });

  it('notes values browsers do not understand', () => {
    expect(check.fixture('x-xss-protection-invalid')).toMatchObject([{ id: 'x-xss-protection-invalid', severity: 'info' }]);
  });

  it('reads the mode before the first semicolon', () => {
    expect(readXssProtection(' 0 ; mode=block')).toBe('off');
    expect(readXssProtection('1;report=https://x')).toBe('on');
    expect(readXssProtection('')).toBe('invalid');
  });
});
