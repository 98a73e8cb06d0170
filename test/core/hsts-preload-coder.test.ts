/**
 * The packed form of the HSTS preload list: `packHstsPreload` (the build script's) and
 * `unpackHstsPreload` (the extension's and the CLI's) give back exactly the compact form,
 * for small, odd and random lists; damaged or truncated bytes are refused, never hung on
 * and never read as some other list.
 */
import { describe, expect, it } from 'vitest';
import { packHstsPreload } from '../../scripts/lib/hsts-preload-coder.mjs';
import { encodeHstsPreload } from '../../scripts/lib/hsts-preload-format.mjs';
import { unpackHstsPreload } from '../../src/core/hsts-preload-coder';
import { decodeHstsPreload, HstsPreloadFormatError } from '../../src/core/hsts-preload-compact';
import { seededRandom as random } from '../helpers/seeded-random';

const META = { source: 'test list', date: '2026-06-01' };

function expectRoundTrip(entries: ReadonlyArray<readonly [string, boolean]>, parameters?: { limit?: number; priorCount?: number }): Uint8Array {
  const v1 = encodeHstsPreload(entries, META);
  const packed = packHstsPreload(v1, parameters);
  expect(Buffer.from(unpackHstsPreload(packed)).equals(Buffer.from(v1))).toBe(true);
  return packed;
}


const LDH = 'abcdefghijklmnopqrstuvwxyz0123456789-';

/** Random hosts, some under others (what front coding and the contexts feed on), some long. */
function randomList(next: () => number): Array<[string, boolean]> {
  const label = (max: number): string => {
    const length = 1 + Math.floor(next() * max);
    let text = '';
    for (let i = 0; i < length; i++) text += LDH[Math.floor(next() * (i === 0 ? 36 : LDH.length))];
    return text;
  };
  const names = new Set<string>();
  const size = Math.floor(next() * 60);
  const tlds = ['com', 'de', 'org', 'io', label(4)];
  while (names.size < size) {
    const parents = [...names];
    const name = parents.length > 0 && next() < 0.4 ? `${label(8)}.${parents[Math.floor(next() * parents.length)]}` : `${label(next() < 0.1 ? 63 : 10)}.${tlds[Math.floor(next() * tlds.length)]}`;
    if (name.length <= 253) names.add(name);
  }
  return [...names].map((name) => [name, next() < 0.8]);
}

describe('packed HSTS preload list', () => {
  it('unpacks an empty list and a one-entry list', () => {
    expect(decodeHstsPreload(unpackHstsPreload(expectRoundTrip([]))).size).toBe(0);
    expectRoundTrip([['example.com', true]]);
    expectRoundTrip([['dev', false]]);
  });

  it('unpacks every symbol, in names that share all, some or none of the one before', () => {
    const entries: Array<[string, boolean]> = [
      ['abcdefghijklmnopqrstuvwxyz-0123456789.example', true],
      ['example', true],
      ['www.example', false],
      ['www-2.example', true],
      ['a.www.example', false],
      ['0.1', true],
      ['9-9.1', false],
      ['z', true],
    ];
    const list = decodeHstsPreload(unpackHstsPreload(expectRoundTrip(entries)));
    for (const [name, includeSubDomains] of entries) expect(list.entry(name), name).toBe(includeSubDomains);
  });

  it('unpacks names of 253 characters, and chains of them sharing almost everything', () => {
    const long = (end: string) => `${'a'.repeat(62)}.${'b'.repeat(61)}.${'c'.repeat(61)}.${'d'.repeat(63 - end.length)}${end}`;
    expect(long('x')).toHaveLength(250);
    const entries: Array<[string, boolean]> = [
      [`xx.${long('x')}`, true],
      [`x.${long('x')}`, false],
      [long('x'), true],
      [long('y'), false],
      [`${'e'.repeat(63)}.${'f'.repeat(63)}.${'g'.repeat(63)}.${'h'.repeat(61)}`, true],
    ];
    expect(entries[0]?.[0]).toHaveLength(253);
    expectRoundTrip(entries);
  });

  it('round-trips 300 random lists, with the default and other parameters', () => {
    const next = random(0x0c0de);
    for (let run = 0; run < 300; run++) {
      const entries = randomList(next);
      const parameters = run % 3 === 0 ? undefined : { limit: 1 + Math.floor(next() * 15), priorCount: Math.floor(next() * 16) };
      const v1 = encodeHstsPreload(entries, META);
      const unpacked = unpackHstsPreload(packHstsPreload(v1, parameters));
      if (!Buffer.from(unpacked).equals(Buffer.from(v1))) throw new Error(`run ${run}: ${JSON.stringify(entries)}`);
    }
  });

  it('refuses what is not a packed list', () => {
    expect(() => unpackHstsPreload(new Uint8Array(0))).toThrow(HstsPreloadFormatError);
    expect(() => unpackHstsPreload(encodeHstsPreload([['a.b', true]], META))).toThrow(/not a packed/);
  });

  it('refuses every truncation of a packed list', () => {
    const packed = expectRoundTrip(randomList(random(7)).concat([['truncated.example', true]]));
    for (let length = 0; length < packed.length; length++) {
      expect(() => unpackHstsPreload(packed.subarray(0, length)), `${length} of ${packed.length} bytes`).toThrow(HstsPreloadFormatError);
    }
  });

  it('never unpacks garbled bytes (one byte changed, anywhere) to another list, and always ends', () => {
    const entries = randomList(random(11)).concat([['garbled.example', false]]);
    const v1 = encodeHstsPreload(entries, META);
    const packed = packHstsPreload(v1);
    const next = random(99);
    let refused = 0;
    for (let at = 0; at < packed.length; at++) {
      const garbled = packed.slice();
      garbled[at] = ((garbled[at] ?? 0) + 1 + Math.floor(next() * 255)) & 0xff;
      try {
        // A prior no context of this list used, or the last bytes of the range coder's flush,
        // may change no decision: then the list unpacks, and must be exactly the one packed.
        expect(Buffer.from(unpackHstsPreload(garbled)).equals(Buffer.from(v1)), `byte ${at}`).toBe(true);
      } catch (error) {
        if (!(error instanceof HstsPreloadFormatError)) throw error;
        refused++;
      }
    }
    // Everything but the 1,520 bytes of priors and the flush is refused.
    expect(refused).toBeGreaterThan(packed.length - 1520 - 5);
  });

  it('refuses a packed list whose announced sizes are impossible, without allocating them', () => {
    const packed = expectRoundTrip([['example.com', true]]);
    const huge = packed.slice();
    huge.set([0xff, 0xff, 0xff, 0x7f], 8); // the v1 length
    expect(() => unpackHstsPreload(huge)).toThrow(/sizes/);
    const many = packed.slice();
    many.set([0xff, 0xff, 0xff, 0xff], 4); // the entry count
    expect(() => unpackHstsPreload(many)).toThrow(HstsPreloadFormatError);
  });

  it('refuses to pack what is not the compact form', () => {
    expect(() => packHstsPreload(new TextEncoder().encode('no header'))).toThrow();
    const header = `${JSON.stringify({ format: 'tabgrade-hsts-preload', version: 1, source: 's', date: null, entries: 1 })}\n`;
    expect(() => packHstsPreload(new TextEncoder().encode(`${header}\u0000EXAMPLE\n`))).toThrow(/not a host name character/);
  });
});
