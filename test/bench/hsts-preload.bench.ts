/**
 * Loading and looking up the bundled HSTS preload list (94,600 hosts).
 *
 *   npx vitest bench --run --project unit test/bench/hsts-preload.bench.ts
 *
 * Targets: loading (unpack + decode, what the worker does once) under 50 ms; a lookup
 * under 0.05 ms. The lookup benches run 1,000 lookups per iteration: divide by 1,000.
 * The worker and the CLI both unpack with src/core/hsts-preload-coder.ts.
 */
import { bench, describe } from 'vitest';
import bundled from '../../src/core/data/hsts-preload.json' with { type: 'json' };
import { lookupHstsPreload } from '../../src/core/hsts-preload';
import { unpackHstsPreload } from '../../src/core/hsts-preload-coder';
import { decodeHstsPreload } from '../../src/core/hsts-preload-compact';

const packed = new Uint8Array(Buffer.from(bundled.data, 'base64'));
const unpacked = unpackHstsPreload(packed);
const list = decodeHstsPreload(unpacked);

/** Typical scanned hosts: listed, under a listed parent, and not listed at all (most pages). */
const HOSTS = [
  'github.com',
  'gist.github.com',
  'www.google.com',
  'accounts.google.com',
  'web.dev',
  'www.example.com',
  'shop.staging.eu.example.co.uk',
  'news.bbc.co.uk',
  'localhost',
  'a.b.c.d.e.f.g.example.org',
];
const MIXED = Array.from({ length: 1000 }, (_, index) => HOSTS[index % HOSTS.length] ?? '');
const UNLISTED = Array.from({ length: 1000 }, (_, index) => `host${index}.sub${index % 7}.example${index % 13}.com`);

describe('HSTS preload list: loading', () => {
  bench('unpack and decode (the worker’s load)', () => {
    decodeHstsPreload(unpackHstsPreload(packed));
  });
  bench('unpack only', () => {
    unpackHstsPreload(packed);
  });
  bench('decode the unpacked form', () => {
    decodeHstsPreload(unpacked);
  });
  bench('base64 → bytes → unpack → decode (the CLI’s first grade)', () => {
    decodeHstsPreload(unpackHstsPreload(new Uint8Array(Buffer.from(bundled.data, 'base64'))));
  });
});

describe('HSTS preload list: 1,000 lookups', () => {
  bench('mixed hosts (listed, subdomains, unlisted)', () => {
    for (const host of MIXED) lookupHstsPreload(list, host);
  });
  bench('unlisted three-label hosts', () => {
    for (const host of UNLISTED) lookupHstsPreload(list, host);
  });
});
