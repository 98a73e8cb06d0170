/**
 * The snapshot's fast URL resolution (src/content/fast-url.ts) against the WHATWG URL
 * parser (Node's, which browsers follow): wherever it answers, it answers what
 * `new URL(attribute, document.baseURI).href` — what `script.src` returns — and it does
 * answer for the shapes pages use. Chromium itself: test/e2e/incremental-snapshot.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveFast, urlBase } from '../../src/content/fast-url';
import { attributeValue, baseUri } from '../helpers/url-shapes';

const parsed = (raw: string, base: string) => new URL(raw, base).href;

describe('fast URL resolution', () => {
  it('equals the URL parser wherever it answers (random attributes and bases)', () => {
    let answered = 0;
    fc.assert(
      fc.property(attributeValue(), baseUri(), (raw, base) => {
        const fast = resolveFast(raw, urlBase(base));
        if (fast === null) return;
        answered++;
        expect(fast).toBe(parsed(raw, base));
      }),
      { numRuns: 20_000 },
    );
    // Not vacuous: a fair share of the random values took the fast path.
    expect(answered).toBeGreaterThan(1_000);
  });

  it('answers for the plain shapes pages use', () => {
    const base = urlBase('https://www.example.com/shop/page.html?q=1');
    expect(resolveFast('/js/chunk-12.js', base)).toBe('https://www.example.com/js/chunk-12.js');
    expect(resolveFast('js/app.js?v=3', base)).toBe('https://www.example.com/shop/js/app.js?v=3');
    expect(resolveFast('https://cdn.example.net/lib/jquery-3.7.1.min.js', base)).toBe('https://cdn.example.net/lib/jquery-3.7.1.min.js');
    expect(resolveFast('https://cdn.example.net:8443/a.js', base)).toBe('https://cdn.example.net:8443/a.js');
  });

  it('leaves to the browser what the parser rewrites', () => {
    const base = urlBase('https://www.example.com/shop/');
    for (const raw of [
      '../up.js', './here.js', '/a/%2e%2e/b.js', 'HTTPS://cdn.example.net/a.js', 'https://CDN.example.net/a.js', 'https://cdn.example.net',
      'https://cdn.example.net:443/a.js', 'http://0x7f.1/a.js', 'http://127.0.0.1/a.js', '//cdn.example.net/a.js', ' /a.js', "/a.js?q='x'",
      '/a b.js', '/é.js', 'javascript:alert(1)', 'data:text/javascript,1', '', '?only-query', '#frag',
    ]) {
      expect(resolveFast(raw, base), raw).toBeNull();
    }
    expect(urlBase('about:blank')).toBeNull();
    expect(resolveFast('/a.js', urlBase('file:///tmp/page.html'))).toBeNull();
  });
});
