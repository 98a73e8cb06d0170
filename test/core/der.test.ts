/** The little DER reader behind certificate key sizes (src/core/der.ts). */
import { describe, expect, it } from 'vitest';
import { magnitudeBits, namedCurveOid, rsaModulusBits } from '../../src/core/der';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('DER', () => {
  it('reads named curves, including arcs longer than one byte', () => {
    expect(namedCurveOid(bytes(0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07))).toBe('1.2.840.10045.3.1.7');
    expect(namedCurveOid(bytes(0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22))).toBe('1.3.132.0.34');
    // specifiedCurve / implicitCurve (not an OID): no name.
    expect(namedCurveOid(bytes(0x05, 0x00))).toBeNull();
  });

  it('counts an RSA modulus without the zero byte that keeps it positive, with short and long lengths', () => {
    expect(rsaModulusBits(bytes(0x30, 0x07, 0x02, 0x02, 0x00, 0xc1, 0x02, 0x01, 0x03))).toBe(8);
    const modulus = [0x00, 0x80, ...new Array<number>(255).fill(0xff)];
    const integer = [0x02, 0x82, 0x01, 0x01, ...modulus];
    const exponent = [0x02, 0x03, 0x01, 0x00, 0x01];
    const body = [...integer, ...exponent];
    expect(rsaModulusBits(bytes(0x30, 0x82, body.length >> 8, body.length & 0xff, ...body))).toBe(2048);
  });

  it('refuses what is not well-formed rather than reading past it', () => {
    expect(() => rsaModulusBits(bytes(0x30, 0x05, 0x02, 0x09, 0x01))).toThrow(/longer than its input/);
    expect(() => rsaModulusBits(bytes(0x04, 0x00))).toThrow(/SEQUENCE/);
    expect(() => rsaModulusBits(bytes(0x30, 0x80))).toThrow(/indefinite/);
    expect(() => rsaModulusBits(bytes())).toThrow(/truncated/);
  });

  it('sizes magnitudes bit by bit', () => {
    expect(magnitudeBits(bytes(0x00, 0x01))).toBe(1);
    expect(magnitudeBits(bytes(0x7f, 0xff))).toBe(15);
    expect(magnitudeBits(bytes(0x00))).toBe(0);
  });
});
