import { describe, expect, it } from 'vitest';
import type { SriVerification, SriVerificationResult } from '../../../src/core/capture';
import { sriSuggestions } from '../../../src/core/csp-builder/sri-tags';
import { link, pageWith, script, subresource } from '../../helpers/page-capture';

const CDN = 'https://cdn.example.net';
const capture = pageWith(
  [
    script(`${CDN}/lib.js?v=1&min=true`),
    script(`${CDN}/mod.js`, { type: 'module' }),
    link(`${CDN}/theme.css`),
    script(`${CDN}/latest.js`),
    script(`${CDN}/down.js`),
    script(`${CDN}/creds.js`, { crossorigin: 'use-credentials' }),
    script('https://www.example.com/own.js'),
  ],
  { subresources: [subresource(`${CDN}/lib.js?v=1&min=true`, [['Access-Control-Allow-Origin', '*']]), subresource(`${CDN}/latest.js`)] },
);

function result(url: string, suggested: string | null, status: SriVerificationResult['status'] = 'computed'): SriVerificationResult {
  return { url, integrity: null, status, algorithm: null, actual: null, suggested, bytes: 10, error: suggested === null ? 'HTTP 404' : null };
}

function run(startedAt: number, latest: string): SriVerification {
  return {
    state: 'done',
    startedAt,
    completedAt: startedAt + 100,
    skipped: 0,
    results: [
      result(`${CDN}/lib.js?v=1&min=true`, 'sha384-LIB'),
      result(`${CDN}/mod.js`, 'sha384-MOD'),
      result(`${CDN}/theme.css`, 'sha384-CSS'),
      result(`${CDN}/latest.js`, latest),
      result(`${CDN}/down.js`, null, 'fetch-failed'),
      result(`${CDN}/creds.js`, 'sha384-CREDS'),
    ],
  };
}

describe('sriSuggestions', () => {
  it('before any fetch: every cross-origin script and stylesheet, pending; same-origin files are left out', () => {
    const suggestions = sriSuggestions(capture, { first: null, second: null });
    expect(suggestions.map((suggestion) => [suggestion.url, suggestion.status])).toEqual([
      [`${CDN}/lib.js?v=1&min=true`, 'pending'],
      [`${CDN}/mod.js`, 'pending'],
      [`${CDN}/theme.css`, 'pending'],
      [`${CDN}/latest.js`, 'pending'],
      [`${CDN}/down.js`, 'pending'],
      [`${CDN}/creds.js`, 'pending'],
    ]);
  });

  it('after two agreeing fetches: the full tag to paste, in the element’s own form, with the URL escaped', () => {
    const byUrl = new Map(sriSuggestions(capture, { first: run(1, 'sha384-A'), second: run(2, 'sha384-A') }).map((suggestion) => [suggestion.url, suggestion]));
    const lib = byUrl.get(`${CDN}/lib.js?v=1&min=true`);
    expect(lib?.status).toBe('ready');
    expect(lib?.tag).toBe(`<script src="${CDN}/lib.js?v=1&amp;min=true" integrity="sha384-LIB" crossorigin="anonymous"></script>`);
    expect(lib?.attributes).toBe('integrity="sha384-LIB" crossorigin="anonymous"');
    expect(lib?.cors).toBe('allowed');
    expect(lib?.note).toBeNull();
    expect(byUrl.get(`${CDN}/mod.js`)?.tag).toBe(`<script type="module" src="${CDN}/mod.js" integrity="sha384-MOD" crossorigin="anonymous"></script>`);
    expect(byUrl.get(`${CDN}/theme.css`)?.tag).toBe(`<link rel="stylesheet" href="${CDN}/theme.css" integrity="sha384-CSS" crossorigin="anonymous">`);
    expect(byUrl.get(`${CDN}/creds.js`)?.attributes).toBe('integrity="sha384-CREDS" crossorigin="use-credentials"');
  });

  it('a file whose two fetches differ is not static: no tag, and says why', () => {
    const latest = sriSuggestions(capture, { first: run(1, 'sha384-A'), second: run(2, 'sha384-B') }).find((suggestion) => suggestion.url === `${CDN}/latest.js`);
    expect(latest?.status).toBe('not-static');
    expect(latest?.tag).toBeNull();
    expect(latest?.note).toContain('this resource is not static, and SRI would break it');
  });

  it('one fetch only is unconfirmed; a failed fetch says so; no CORS header seen is a warning', () => {
    const byUrl = new Map(sriSuggestions(capture, { first: run(1, 'sha384-A'), second: null }).map((suggestion) => [suggestion.url, suggestion]));
    expect(byUrl.get(`${CDN}/latest.js`)?.status).toBe('unconfirmed');
    expect(byUrl.get(`${CDN}/latest.js`)?.tag).not.toBeNull();
    expect(byUrl.get(`${CDN}/latest.js`)?.note).toContain('no Access-Control-Allow-Origin');
    expect(byUrl.get(`${CDN}/down.js`)).toMatchObject({ status: 'fetch-failed', tag: null, note: 'The file could not be fetched: HTTP 404.' });
  });

  it('ignores a run still in progress', () => {
    const running: SriVerification = { ...run(1, 'sha384-A'), state: 'running' };
    expect(sriSuggestions(capture, { first: running, second: null }).every((suggestion) => suggestion.status === 'pending')).toBe(true);
  });
});
