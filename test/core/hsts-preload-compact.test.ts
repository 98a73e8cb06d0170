/**
 * The compact form of the HSTS preload list: what the build script writes, the core reads
 * back, entry for entry; anything else is refused rather than half-read.
 */
import { describe, expect, it } from 'vitest';
import { packHstsPreload } from '../../scripts/lib/hsts-preload-coder.mjs';
import { encodeHstsPreload } from '../../scripts/lib/hsts-preload-format.mjs';
import { unpackHstsPreload } from '../../src/core/hsts-preload-coder';
import { lookupHstsPreload } from '../../src/core/hsts-preload';
import { decodeHstsPreload, HstsPreloadFormatError } from '../../src/core/hsts-preload-compact';

const META = { source: 'test list', date: '2026-06-01' };

/** Names that sort next to each other in tricky ways: a prefix of another, `-` before `.`, one label. */
const ENTRIES: Array<[string, boolean]> = [
  ['example.com', true],
  ['www.example.com', false],
  ['example-shop.com', false],
  ['a.example-shop.com', true],
  ['examples.com', true],
  ['dev', true],
  ['1.0.0.1', false],
  ['accounts.google.com', true],
  ['xn--80ak6aa92e.com', true],
];

function roundTrip(entries: ReadonlyArray<readonly [string, boolean]>) {
  return decodeHstsPreload(encodeHstsPreload(entries, META));
}

describe('compact HSTS preload list', () => {
  const list = roundTrip(ENTRIES);

  it('keeps the source, the date and every entry with its include_subdomains', () => {
    expect(list).toMatchObject({ source: 'test list', date: '2026-06-01', size: ENTRIES.length });
    for (const [name, includeSubDomains] of ENTRIES) expect(list.entry(name), name).toBe(includeSubDomains);
  });

  it('lists nothing else: no parent, prefix or neighbour of an entry', () => {
    for (const name of ['com', 'google.com', 'xample.com', 'example.co', 'example.comm', 'www.examples.com.', 'shop.com', 'example', '0.0.1', 'EXAMPLE.COM', '']) {
      expect(list.entry(name), name).toBeUndefined();
    }
  });

  it('answers lookups the Observatory way', () => {
    expect(lookupHstsPreload(list, 'www.example.com')).toEqual({ preloaded: true, includeSubDomains: false });
    expect(lookupHstsPreload(list, 'deep.www.example.com')).toEqual({ preloaded: true, includeSubDomains: true });
    expect(lookupHstsPreload(list, 'x.example-shop.com')).toEqual({ preloaded: false, includeSubDomains: false });
    expect(lookupHstsPreload(list, 'web.dev')).toEqual({ preloaded: true, includeSubDomains: true });
    expect(lookupHstsPreload(list, 'google.com')).toEqual({ preloaded: false, includeSubDomains: false });
  });

  it('reads the same list from the packed form that ships', () => {
    const packed = decodeHstsPreload(unpackHstsPreload(packHstsPreload(encodeHstsPreload(ENTRIES, META))));
    expect(packed).toMatchObject({ source: 'test list', date: '2026-06-01', size: ENTRIES.length });
    for (const [name, includeSubDomains] of ENTRIES) expect(packed.entry(name), name).toBe(includeSubDomains);
  });

  it('reads an empty list', () => {
    expect(roundTrip([]).size).toBe(0);
  });

  it('refuses names that are not lower-case hosts, and repeats', () => {
    expect(() => encodeHstsPreload([['Example.com', true]], META)).toThrow(/host/);
    expect(() => encodeHstsPreload([['a..b', true]], META)).toThrow(/host/);
    expect(() => encodeHstsPreload([['a.b', true], ['a.b', false]], META)).toThrow(/twice/);
  });

  it('refuses another format, a truncated list and names out of order', () => {
    const bytes = encodeHstsPreload(ENTRIES, META);
    expect(() => decodeHstsPreload(new TextEncoder().encode('{"format":"other","version":1}\n'))).toThrow(HstsPreloadFormatError);
    expect(() => decodeHstsPreload(bytes.subarray(0, bytes.length - 3))).toThrow(/truncated/);
    expect(() => decodeHstsPreload(new Uint8Array([...bytes, 0x61]))).toThrow(HstsPreloadFormatError);
    // Swap two entries' first characters: the second no longer sorts after the first.
    const header = `${JSON.stringify({ format: 'tabgrade-hsts-preload', version: 1, source: 's', date: null, entries: 2 })}\n`;
    const unsorted = new TextEncoder().encode(`${header}\u0000\u0000com.b\ncom.a\n`);
    expect(() => decodeHstsPreload(unsorted)).toThrow(/out of order/);
  });
});
