import { describe, expect, it } from 'vitest';
import { schemePartMatches, urlMatchesExpression, urlMatchesSourceList } from '../../../src/core/csp-builder/source-matching';

const HTTPS_PAGE = new URL('https://www.example.com/page');
const HTTP_PAGE = new URL('http://localhost:8000/');

/** [expression, url, page, matches] — each a rule of CSP3 §6.7.2. */
const CASES: Array<[string, string, URL, boolean]> = [
  // Exact origins: scheme, host and port must agree; http: upgrades to https:.
  ['https://cdn.example.com', 'https://cdn.example.com/lib.js', HTTPS_PAGE, true],
  ['https://cdn.example.com', 'http://cdn.example.com/lib.js', HTTPS_PAGE, false],
  ['http://cdn.example.com', 'https://cdn.example.com/lib.js', HTTPS_PAGE, true],
  ['https://cdn.example.com', 'https://cdn.example.com:8443/lib.js', HTTPS_PAGE, false],
  ['https://cdn.example.com:8443', 'https://cdn.example.com:8443/lib.js', HTTPS_PAGE, true],
  ['http://127.0.0.1:4000', 'http://127.0.0.1:4000/x.js', HTTP_PAGE, true],
  ['http://127.0.0.1:4000', 'http://127.0.0.1:4001/x.js', HTTP_PAGE, false],
  ['https://cdn.example.com:*', 'https://cdn.example.com:9999/a', HTTPS_PAGE, true],
  ['CDN.Example.com', 'https://cdn.example.com/a', HTTPS_PAGE, true],
  // A scheme-less host takes the page's scheme (and its upgrade).
  ['cdn.example.com', 'http://cdn.example.com/a', HTTPS_PAGE, false],
  ['cdn.example.com', 'https://cdn.example.com/a', HTTP_PAGE, true],
  // Wildcard hosts: subdomains only.
  ['https://*.example.com', 'https://a.b.example.com/x', HTTPS_PAGE, true],
  ['https://*.example.com', 'https://example.com/x', HTTPS_PAGE, false],
  // Paths: a trailing slash is a prefix, otherwise exact.
  ['https://cdn.example.com/libs/', 'https://cdn.example.com/libs/a.js', HTTPS_PAGE, true],
  ['https://cdn.example.com/libs/a.js', 'https://cdn.example.com/libs/b.js', HTTPS_PAGE, false],
  // Scheme sources.
  ['https:', 'https://anything.example/', HTTPS_PAGE, true],
  ['data:', 'data:image/png;base64,AA', HTTPS_PAGE, true],
  ['https:', 'data:image/png;base64,AA', HTTPS_PAGE, false],
  ['wss:', 'wss://live.example/', HTTPS_PAGE, true],
  // '*' is any network scheme, never data:.
  ['*', 'https://x.example/', HTTPS_PAGE, true],
  ['*', 'data:text/plain,x', HTTPS_PAGE, false],
  // 'self': the page's origin, its https/wss upgrade, and ws: on an http page.
  ["'self'", 'https://www.example.com/a.js', HTTPS_PAGE, true],
  ["'self'", 'wss://www.example.com/socket', HTTPS_PAGE, true],
  ["'self'", 'https://example.com/a.js', HTTPS_PAGE, false],
  ["'self'", 'http://localhost:8000/a.js', HTTP_PAGE, true],
  ["'self'", 'ws://localhost:8000/socket', HTTP_PAGE, true],
  ["'self'", 'http://localhost:8001/a.js', HTTP_PAGE, false],
  // Keywords, nonces and hashes never match a URL.
  ["'none'", 'https://www.example.com/', HTTPS_PAGE, false],
  ["'nonce-abc'", 'https://www.example.com/', HTTPS_PAGE, false],
  ["'sha256-abc'", 'https://www.example.com/', HTTPS_PAGE, false],
  ["'unsafe-inline'", 'https://www.example.com/', HTTPS_PAGE, false],
];

describe('urlMatchesExpression', () => {
  it.each(CASES)('%s against %s → %s', (expression, url, page, matches) => {
    expect(urlMatchesExpression(expression, new URL(url), page)).toBe(matches);
  });
});

describe('urlMatchesSourceList', () => {
  it('matches when any source does; an empty list matches nothing', () => {
    const url = new URL('https://cdn.example.com/a.js');
    expect(urlMatchesSourceList(["'self'", 'https://cdn.example.com'], url, HTTPS_PAGE)).toBe(true);
    expect(urlMatchesSourceList([], url, HTTPS_PAGE)).toBe(false);
  });
});

describe('schemePartMatches', () => {
  it('follows the CSP3 upgrade table', () => {
    expect(schemePartMatches('http', 'https')).toBe(true);
    expect(schemePartMatches('https', 'http')).toBe(false);
    expect(schemePartMatches('ws', 'https')).toBe(true);
    expect(schemePartMatches('wss', 'ws')).toBe(false);
  });
});
