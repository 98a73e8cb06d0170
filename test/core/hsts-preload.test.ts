import { describe, expect, it } from 'vitest';
import type { PageCapture } from '../../src/core/capture';
import { gradeCapture } from '../../src/core/grade';
import { createHstsPreloadList, hstsPreloadContext, hstsPreloadLookup, lookupHstsPreload, parseChromiumPreloadJson } from '../../src/core/hsts-preload';
import { captureFrom } from '../helpers/fixtures';

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
    expect(list.size).toBe(3);
    expect([list.entry('google'), list.entry('accounts.example.com'), list.entry('example.org')]).toEqual([true, false, true]);
    expect(list.entry('pinned-only.example.com')).toBeUndefined();
    expect(list.entry('Example.ORG')).toBeUndefined();
  });

  it('matches the host itself whatever its includeSubDomains', () => {
    expect(lookupHstsPreload(list, 'accounts.example.com')).toEqual({ preloaded: true, includeSubDomains: false });
    expect(lookupHstsPreload(list, 'EXAMPLE.org')).toEqual({ preloaded: true, includeSubDomains: true });
    expect(lookupHstsPreload(list, 'example.org.')).toEqual({ preloaded: true, includeSubDomains: true });
  });

  it('matches a parent only when it includes subdomains', () => {
    expect(lookupHstsPreload(list, 'www.example.org')).toEqual({ preloaded: true, includeSubDomains: true });
    expect(lookupHstsPreload(list, 'mail.google')).toEqual({ preloaded: true, includeSubDomains: true });
    expect(lookupHstsPreload(list, 'x.accounts.example.com')).toEqual({ preloaded: false, includeSubDomains: false });
    expect(lookupHstsPreload(list, 'pinned-only.example.com')).toEqual({ preloaded: false, includeSubDomains: false });
    expect(lookupHstsPreload(list, 'example.com')).toEqual({ preloaded: false, includeSubDomains: false });
  });

  it('answers null (unknown) from an empty list', () => {
    expect(hstsPreloadLookup(createHstsPreloadList('empty', null, []))('example.com')).toBeNull();
    expect(lookupHstsPreload(createHstsPreloadList('empty', null, []), 'example.com')).toBeNull();
  });

  it('refuses text that is not the Chromium format', () => {
    expect(() => parseChromiumPreloadJson('{"hosts": []}', 'x', null)).toThrow(/entries/);
  });
});

describe('the grading context of a list', () => {
  const capture: PageCapture = captureFrom({ url: 'https://www.example.org/', headers: [{ name: 'content-type', value: 'text/html' }] });
  const list = parseChromiumPreloadJson(chromiumExcerpt, 'test excerpt', '2026-11-25');

  it('looks hosts up in the list and states its date once, without the missing-list caveats', () => {
    const grade = gradeCapture(capture, hstsPreloadContext(list));
    const notes = grade.notes.join(' ');
    expect(grade.tests['strict-transport-security'].result).toBe('hsts-preloaded');
    expect(notes.match(/HSTS preload list of 2026-11-25/g)).toHaveLength(1);
    expect(notes).not.toMatch(/no HSTS preload list|preload status unknown/);
    for (const test of Object.values(grade.tests)) expect(test.notes.join(' ')).not.toMatch(/preload status unknown/);
  });

  it('gives no lookup when no list could be had, so the grade says preload status is unknown', () => {
    expect(hstsPreloadContext(null)).toEqual({});
    expect(hstsPreloadContext(createHstsPreloadList('empty', null, []))).toEqual({});
    const notes = gradeCapture(capture, hstsPreloadContext(null)).notes.join(' ');
    expect(notes).toMatch(/no HSTS preload list/);
    expect(notes).not.toMatch(/HSTS preload list of/);
  });
});
