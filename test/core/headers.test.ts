import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstHeader, hasHeader, headerNameIs, headerValues, joinedHeader } from '../../src/core/headers';

describe('header lookup', () => {
  const headers = [
    { name: 'Content-Type', value: 'text/html' },
    { name: 'set-cookie', value: 'a=1' },
    { name: 'SET-COOKIE', value: 'b=2' },
  ];

  it('finds names in any case, in the order received', () => {
    expect(headerValues(headers, 'set-cookie')).toEqual(['a=1', 'b=2']);
    expect(joinedHeader(headers, 'Set-Cookie')).toBe('a=1, b=2');
    expect(firstHeader(headers, 'content-type')).toBe('text/html');
    expect(hasHeader(headers, 'CONTENT-TYPE')).toBe(true);
    expect(hasHeader(headers, 'content-typ')).toBe(false);
    expect(joinedHeader(headers, 'x-frame-options')).toBeNull();
  });

  it('matches exactly when lower-casing would: Unicode names included', () => {
    // The Kelvin sign lower-cases to "k"; U+0130 grows into two characters.
    expect(headerNameIs('\u212Aey', 'key')).toBe(true);
    expect(headerNameIs('\u0130d', 'i\u0307d')).toBe(true);
    expect(headerNameIs('Id', 'i\u0307d')).toBe(false);
    expect(headerNameIs('X-Frame-Options', 'x-frame-options')).toBe(true);
    expect(headerNameIs('X-Frame-Option', 'x-frame-options')).toBe(false);
    expect(headerNameIs('x_frame-options', 'x-frame-options')).toBe(false);
  });

  it('agrees with toLowerCase() on random names', () => {
    const pieces = fc.constantFrom('a', 'Z', 'k', 'K', '\u212A', 'i', 'I', '\u0130', '\u0307', '-', '_', '@', '[', '`', '{', 'é', 'É', 'ß', 'Σ', 'σ');
    const name = fc.array(pieces, { maxLength: 6 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(name, name, (left, right) => {
        const wanted = right.toLowerCase();
        expect(headerNameIs(left, wanted)).toBe(left.toLowerCase() === wanted);
        expect(headerNameIs(left, left.toLowerCase())).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });
});
