/**
 * The bundled HSTS preload list (src/core/data/hsts-preload.json, what the CLI carries and
 * the extension ships as data/hsts-preload.bin), unpacked and decoded the way both do,
 * answers exactly as the plain TSV it was
 * built from: for every listed host, and for 10,000 hosts that are not listed — random
 * names, subdomains of listed hosts with and without include_subdomains, and near misses.
 * The reference answer is the same lookup over a plain Map of the TSV.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeHstsPreload } from '../../scripts/lib/hsts-preload-format.mjs';
import bundled from '../../src/core/data/hsts-preload.json' with { type: 'json' };
import { createHstsPreloadList, lookupHstsPreload, type HstsPreloadStatus } from '../../src/core/hsts-preload';
import { unpackHstsPreload } from '../../src/core/hsts-preload-coder';
import { decodeHstsPreload } from '../../src/core/hsts-preload-compact';
import { seededRandom as random } from '../helpers/seeded-random';

const TSV = join(import.meta.dirname, '../../src/core/data/hsts-preload/hsts-preload.tsv');
const rows = readFileSync(TSV, 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => {
    const [name = '', flag] = line.split('\t');
    return [name, flag === '1'] as const;
  });
const plain = createHstsPreloadList('TSV', null, rows);
const compact = decodeHstsPreload(unpackHstsPreload(new Uint8Array(Buffer.from(bundled.data, 'base64'))));

const next = random(0x5eed);
const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789-';
function label(): string {
  const length = 1 + Math.floor(next() * 12);
  let text = pick([...'abcdefghijklmnopqrstuvwxyz']);
  while (text.length < length) text += pick([...LETTERS]);
  return text.replace(/-+$/, '') || 'x';
}

function unlistedHosts(): { random: string[]; underIncluding: string[]; underHostOnly: string[]; nearMisses: string[] } {
  const listed = (name: string) => plain.entry(name) !== undefined;
  const including = rows.filter(([, include]) => include).map(([name]) => name);
  const hostOnly = rows.filter(([, include]) => !include).map(([name]) => name);
  const tlds = ['com', 'de', 'org', 'net', 'io', 'dev', 'app', 'uk', 'co.uk', 'gov', 'example', 'google'];
  const collect = (count: number, make: () => string): string[] => {
    const out = new Set<string>();
    while (out.size < count) {
      const host = make();
      if (!listed(host)) out.add(host);
    }
    return [...out];
  };
  return {
    random: collect(4000, () => [...Array.from({ length: 1 + Math.floor(next() * 3) }, label), pick(tlds)].join('.')),
    underIncluding: collect(2500, () => `${label()}.${pick(including)}`),
    // Only 250 entries lack include_subdomains: their subdomains, one and two levels down.
    underHostOnly: collect(2000, () => (next() < 0.5 ? `${label()}.${pick(hostOnly)}` : `${label()}.${label()}.${pick(hostOnly)}`)),
    nearMisses: collect(1500, () => {
      const name = pick(rows)[0];
      const where = Math.floor(next() * name.length);
      switch (Math.floor(next() * 4)) {
        case 0:
          return `${name.slice(0, where)}${pick([...LETTERS.slice(0, 36)])}${name.slice(where + 1)}`; // one character changed
        case 1:
          return `${name}${pick([...LETTERS.slice(0, 36)])}`; // one character longer
        case 2:
          return name.slice(1); // one character shorter at the front
        default:
          return name.split('.').slice(0, -1).concat('zz').join('.'); // another top-level domain
      }
    }),
  };
}

describe('bundled HSTS preload list', () => {
  it('unpacks to exactly the compact form of the TSV', () => {
    const v1 = encodeHstsPreload(rows, { source: compact.source, date: compact.date });
    expect(Buffer.compare(Buffer.from(unpackHstsPreload(new Uint8Array(Buffer.from(bundled.data, 'base64')))), Buffer.from(v1))).toBe(0);
  });

  it('is the TSV’s list, of its date', () => {
    expect(compact.size).toBe(rows.length);
    expect(compact.size).toBe(bundled.entries);
    expect(compact.date).toBe(bundled.date);
    expect(compact.date).toBe('2026-06-01');
    expect(compact.source).toMatch(/Chromium/);
  });

  it('answers exactly as the TSV for every listed host', () => {
    let mismatches = 0;
    for (const [name, includeSubDomains] of rows) {
      if (compact.entry(name) !== includeSubDomains) mismatches++;
      const expected: HstsPreloadStatus | null = lookupHstsPreload(plain, name);
      const actual = lookupHstsPreload(compact, name);
      if (actual?.preloaded !== expected?.preloaded || actual?.includeSubDomains !== expected?.includeSubDomains) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('answers exactly as the TSV for 10,000 hosts that are not listed', () => {
    const groups = unlistedHosts();
    const all = [...groups.random, ...groups.underIncluding, ...groups.underHostOnly, ...groups.nearMisses];
    expect(new Set(all).size).toBe(10_000);
    const differing = all.filter((host) => {
      const expected = lookupHstsPreload(plain, host);
      const actual = lookupHstsPreload(compact, host);
      return compact.entry(host) !== undefined || actual?.preloaded !== expected?.preloaded || actual?.includeSubDomains !== expected?.includeSubDomains;
    });
    expect(differing).toEqual([]);
    // The groups test what they say: a listed parent with include_subdomains always makes a
    // host preloaded; most subdomains of host-only entries are not.
    expect(groups.underIncluding.every((host) => lookupHstsPreload(compact, host)?.preloaded === true)).toBe(true);
    expect(groups.underHostOnly.filter((host) => lookupHstsPreload(compact, host)?.preloaded === false).length).toBeGreaterThan(1000);
  });

  it('gets well-known hosts right', () => {
    const status = (host: string) => lookupHstsPreload(compact, host);
    const preloadedWithSubdomains = { preloaded: true, includeSubDomains: true };
    const notPreloaded = { preloaded: false, includeSubDomains: false };
    expect(status('github.com')).toEqual(preloadedWithSubdomains);
    expect(status('gist.github.com')).toEqual(preloadedWithSubdomains);
    expect(status('stripe.com')).toEqual(preloadedWithSubdomains);
    expect(status('hstspreload.org')).toEqual(preloadedWithSubdomains);
    // google.com itself is only pinned in Chromium's list, not forced to HTTPS; some of its subdomains are.
    expect(status('google.com')).toEqual(notPreloaded);
    expect(status('www.google.com')).toEqual(notPreloaded);
    expect(status('accounts.google.com')).toEqual(preloadedWithSubdomains);
    expect(status('mail.google.com')).toEqual(preloadedWithSubdomains);
    // Whole top-level domains, with include_subdomains.
    expect(status('dev')).toEqual(preloadedWithSubdomains);
    expect(status('web.dev')).toEqual(preloadedWithSubdomains);
    expect(status('anything.example.app')).toEqual(preloadedWithSubdomains);
    // Listed without include_subdomains: the host counts, its subdomains do not.
    expect(status('paypal.com')).toEqual({ preloaded: true, includeSubDomains: false });
    expect(status('bbc.co.uk')).toEqual({ preloaded: true, includeSubDomains: false });
    expect(status('news.bbc.co.uk')).toEqual(notPreloaded);
    expect(status('facebook.com')).toEqual({ preloaded: true, includeSubDomains: false });
    expect(status('www.facebook.com')).toEqual(preloadedWithSubdomains);
    expect(status('example.com')).toEqual(notPreloaded);
  });
});
