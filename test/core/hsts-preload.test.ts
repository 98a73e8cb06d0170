import { describe, expect, it } from 'vitest';
import { BUNDLED_HSTS_PRELOAD, createHstsPreloadList, hstsPreloadLookup, lookupHstsPreload, parseChromiumPreloadJson } from '../../src/core/hsts-preload';

const chromiumExcerpt = `{
  // Comments like this one are in Chromium's file.
  "entries": [
    // Google
    { "name": "google", "policy": "public-suffix", "mode": "force-https", "include_subdomains": true },
    { "name": "accounts.example.com", "policy": "custom", "mode": "force-https" },
    { "name": "pinned-only.example.com", "policy": "custom", "include_subdomains_for_pinning": true },
    { "name": "Example.ORG", "policy": "bulk-18-weeks", "mode": "force-https", "include_subdomains": true }
  ]
}`;

describe('HSTS preload lookup', () => {
  const list = parseChromiumPreloadJson(chromiumExcerpt, 'test excerpt', '2026-11-25');

  it('keeps force-https entries only, names lower-cased', () => {
    expect([...list.entries]).toEqual([
      ['google', true],
      ['accounts.example.com', false],
      ['example.org', true],
    ]);
  });

  it('matches the host itself whatever its includeSubDomains', () => {
    expect(lookupHstsPreload(list, 'accounts.example.com')).toEqual({ preloaded: true, includeSubDomains: false });
    expect(lookupHstsPreload(list, 'EXAMPLE.org')).toEqual({ preloaded: true, includeSubDomains: true });
  });

  it('matches a parent only when it includes subdomains', () => {
    expect(lookupHstsPreload(list, 'www.example.org')).toEqual({ preloaded: true, includeSubDomains: true });
    expect(lookupHstsPreload(list, 'mail.google')).toEqual({ preloaded: true, includeSubDomains: true });
    expect(lookupHstsPreload(list, 'x.accounts.example.com')).toEqual({ preloaded: false, includeSubDomains: false });
    expect(lookupHstsPreload(list, 'pinned-only.example.com')).toEqual({ preloaded: false, includeSubDomains: false });
  });

  it('answers null (unknown) from an empty list, which is what ships', () => {
    expect(BUNDLED_HSTS_PRELOAD.entries.size).toBe(0);
    expect(hstsPreloadLookup()('example.com')).toBeNull();
    expect(lookupHstsPreload(createHstsPreloadList('empty', null, []), 'example.com')).toBeNull();
  });

  it('refuses text that is not the Chromium format', () => {
    expect(() => parseChromiumPreloadJson('{"hosts": []}', 'x', null)).toThrow(/entries/);
  });
});
