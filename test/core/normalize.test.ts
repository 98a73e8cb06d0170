import { describe, expect, it } from 'vitest';
import { CAPTURE_LIMITS } from '../../src/core/capture';
import { DROPPED_HEADERS_NAME, TRUNCATION_MARK, normaliseHeaders } from '../../src/core/normalize';

describe('normaliseHeaders', () => {
  it('keeps order, casing and duplicates', () => {
    const headers = normaliseHeaders([
      { name: 'Set-Cookie', value: 'a=1' },
      { name: 'X-Frame-Options', value: 'DENY' },
      { name: 'set-cookie', value: 'b=2' },
    ]);
    expect(headers).toEqual([
      { name: 'Set-Cookie', value: 'a=1' },
      { name: 'X-Frame-Options', value: 'DENY' },
      { name: 'set-cookie', value: 'b=2' },
    ]);
  });

  it('splits Firefox’s newline-joined Set-Cookie into one header per cookie', () => {
    const headers = normaliseHeaders([{ name: 'Set-Cookie', value: 'a=1; Secure\nb=2; HttpOnly\n' }]);
    expect(headers).toEqual([
      { name: 'Set-Cookie', value: 'a=1; Secure' },
      { name: 'Set-Cookie', value: 'b=2; HttpOnly' },
    ]);
  });

  it('does not split other headers on newlines', () => {
    expect(normaliseHeaders([{ name: 'X-Odd', value: 'a\nb' }])).toEqual([{ name: 'X-Odd', value: 'a\nb' }]);
  });

  it('decodes binaryValue as Latin-1 octets', () => {
    expect(normaliseHeaders([{ name: 'X-Bin', binaryValue: [0x63, 0x61, 0x66, 0xe9] }])).toEqual([{ name: 'X-Bin', value: 'café' }]);
  });

  it('skips entries that are not headers and survives garbage', () => {
    expect(normaliseHeaders(null)).toEqual([]);
    expect(normaliseHeaders('Set-Cookie: a')).toEqual([]);
    expect(normaliseHeaders([null, 3, { value: 'x' }, { name: '' }, { name: 'Ok' }])).toEqual([{ name: 'Ok', value: '' }]);
  });

  it('cuts giant values and says so', () => {
    const [header] = normaliseHeaders([{ name: 'Content-Security-Policy', value: 'x'.repeat(CAPTURE_LIMITS.headerValueChars * 3) }]);
    expect(header?.value.length).toBe(CAPTURE_LIMITS.headerValueChars + TRUNCATION_MARK.length);
    expect(header?.value.endsWith(TRUNCATION_MARK)).toBe(true);
  });

  it('caps the number of headers and records how many were dropped', () => {
    const many = Array.from({ length: CAPTURE_LIMITS.headersPerResponse + 7 }, (_, index) => ({ name: `X-${index}`, value: 'v' }));
    const headers = normaliseHeaders(many);
    expect(headers).toHaveLength(CAPTURE_LIMITS.headersPerResponse + 1);
    expect(headers.at(-1)).toEqual({ name: DROPPED_HEADERS_NAME, value: '7' });
  });
});
