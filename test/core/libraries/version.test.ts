import { describe, expect, it } from 'vitest';
import { cleanVersion, compareVersions, isStableVersion, majorOf } from '../../../src/core/libraries/version';

describe('cleanVersion: what counts as a version', () => {
  it.each([
    ['3.4.1', '3.4.1'],
    ['v3.4.1', '3.4.1'],
    [' 1.12.4 ', '1.12.4'],
    ['1.12.4-aem', '1.12.4-aem'],
    ['3.0.0-rc.1', '3.0.0-rc.1'],
    ['1.9.0b1', '1.9.0b1'],
    ['3.5', '3.5'],
    ['2', '2'],
  ])('accepts %j as %j', (text, expected) => {
    expect(cleanVersion(text)).toBe(expected);
  });

  it.each(['', 'latest', '<img src=x onerror=alert(1)>', '1..2', '1.2.', '.1.2', 'x1.2', '1.2.3 4', '1'.repeat(41), '1.2.3\n'.repeat(2)])(
    'rejects %j',
    (text) => {
      expect(cleanVersion(text)).toBeNull();
    },
  );

  it('fails fast on long near-misses (no catastrophic backtracking)', () => {
    const started = performance.now();
    for (let index = 0; index < 1000; index++) cleanVersion(`${'1a'.repeat(19)}!`);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('compareVersions: retire.js order', () => {
  it.each([
    ['3.5.0', '3.5.0', 0],
    ['3.5', '3.5.0', 0],
    ['3.5.0-beta', '3.5.0', -1],
    ['3.5.0', '3.5.0-beta', 1],
    ['3.10.0', '3.9.9', 1],
    ['1.12.4-aem', '1.12.4', -1],
    // `0b1` is not a number, so retire.js orders it before 0: a beta of 1.9.0.
    ['1.9.0b1', '1.9.0', -1],
    ['2', '1.99.99', 1],
  ])('%s vs %s → %i', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe('majorOf and isStableVersion', () => {
  it('reads the major number', () => {
    expect(majorOf('3.4.1')).toBe(3);
    expect(majorOf('10.0.0-rc.1')).toBe(10);
    expect(majorOf('beta')).toBeNull();
  });

  it('calls only x.y.z stable', () => {
    expect(isStableVersion('3.5.0')).toBe(true);
    expect(isStableVersion('3.5.0-beta')).toBe(false);
    expect(isStableVersion('3.5')).toBe(false);
  });
});
