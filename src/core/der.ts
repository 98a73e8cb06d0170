/**
 * Just enough DER (ITU-T X.690) to read the two small structures Tabgrade needs inside a
 * certificate's public key: an RSA key's modulus (RFC 8017 RSAPublicKey) and an EC key's
 * named curve (RFC 5480 ECParameters). `@peculiar/asn1-rsa` and `-ecc` did this, but
 * building their schemas serialised default parameters when the service worker started —
 * 8 ms of every cold start (profiled), for two fields.
 */

interface Element {
  tag: number;
  /** Where the element's content starts and ends in the bytes. */
  start: number;
  end: number;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OBJECT_IDENTIFIER = 0x06;

/** The element at `offset`; throws on anything that is not well-formed definite-length DER. */
function elementAt(bytes: Uint8Array, offset: number): Element {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined || (tag & 0x1f) === 0x1f) throw new Error('DER: truncated or long-form tag');
  let start = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) throw new Error('DER: indefinite or oversized length');
    length = 0;
    for (let index = 0; index < count; index++) {
      lengthByte = bytes[start + index];
      if (lengthByte === undefined) throw new Error('DER: truncated length');
      length = length * 256 + lengthByte;
    }
    start += count;
  }
  const end = start + length;
  if (end > bytes.length) throw new Error('DER: element longer than its input');
  return { tag, start, end };
}

/** Bits of an unsigned big-endian magnitude (leading zero bytes, which keep a DER INTEGER positive, do not count). */
export function magnitudeBits(bytes: Uint8Array): number {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const first = bytes[start] ?? 0;
  return (bytes.length - start - 1) * 8 + (first === 0 ? 0 : Math.floor(Math.log2(first)) + 1);
}

/** RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }: the modulus's size in bits. */
export function rsaModulusBits(der: Uint8Array): number {
  const sequence = elementAt(der, 0);
  if (sequence.tag !== SEQUENCE) throw new Error('RSAPublicKey: not a SEQUENCE');
  const modulus = elementAt(der, sequence.start);
  if (modulus.tag !== INTEGER || modulus.end > sequence.end) throw new Error('RSAPublicKey: no modulus');
  return magnitudeBits(der.subarray(modulus.start, modulus.end));
}

/** ECParameters ::= CHOICE { namedCurve OBJECT IDENTIFIER, … }: the curve's OID, or null for the other choices. */
export function namedCurveOid(der: Uint8Array): string | null {
  const element = elementAt(der, 0);
  if (element.tag !== OBJECT_IDENTIFIER) return null;
  const arcs: number[] = [];
  let value = 0;
  for (let index = element.start; index < element.end; index++) {
    const byte = der[index] ?? 0;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  const [first] = arcs;
  if (first === undefined) return null;
  // The first subidentifier packs the first two arcs (X.690 §8.19.4).
  const top = first < 80 ? Math.floor(first / 40) : 2;
  return [top, first - top * 40, ...arcs.slice(1)].join('.');
}
