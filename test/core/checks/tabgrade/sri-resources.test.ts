import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastOrigin, resourceKind, sriRows } from '../../../../src/core/checks/tabgrade/sri-resources';
import { originOf } from '../../../../src/core/page-tags';
import { link, pageWith, script, subresource } from '../../../helpers/page-capture';

const GOOD = 'sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW';
const CDN = 'https://cdn.example.net/lib.js';

function rowFor(...args: Parameters<typeof pageWith>) {
  const [row] = sriRows(pageWith(...args));
  if (row === undefined) throw new Error('no row');
  return row;
}

describe('which tags SRI applies to', () => {
  it.each([
    [script(CDN), 'script'],
    [script(CDN, { type: 'module' }), 'script'],
    [link(CDN), 'style'],
    [link(CDN, { rel: 'modulepreload' }), 'script'],
    [link(CDN, { rel: 'preload', as: 'script' }), 'script'],
    [link(CDN, { rel: 'preload', as: 'style' }), 'style'],
    // rel tokens are case-insensitive, and may come with others.
    [link(CDN, { rel: 'Alternate StyleSheet' }), 'style'],
    [link(CDN, { rel: 'PRELOAD', as: 'Script' }), 'script'],
  ])('%#: %o is a %s', (tag, kind) => {
    expect(resourceKind(tag)?.kind).toBe(kind);
  });

  it('ignores data blocks (scripts of a non-JavaScript type are never fetched)', () => {
    expect(resourceKind(script(CDN, { type: 'text/plain' }))).toBeNull();
    expect(resourceKind(script(CDN, { type: 'text/x-handlebars-template' }))).toBeNull();
    expect(resourceKind(script(CDN, { type: 'application/javascript; charset=utf-8' }))?.kind).toBe('script');
    expect(resourceKind(script(CDN, { type: 'text/javascript1.5' }))?.kind).toBe('script');
    expect(resourceKind(script(CDN, { type: '' }))?.kind).toBe('script');
  });

  it('ignores font and image preloads', () => {
    expect(resourceKind(link(CDN, { rel: 'preload', as: 'font' }))).toBeNull();
    expect(sriRows(pageWith([link(CDN, { rel: 'preload', as: 'image' })]))).toEqual([]);
  });
});

describe('sriRows', () => {
  it('same-origin without integrity: fine, no problem', () => {
    expect(rowFor([script('https://www.example.com/app.js')])).toMatchObject({ sameOrigin: true, status: 'same-origin', problems: [] });
  });

  it('cross-origin without integrity: missing', () => {
    expect(rowFor([script(CDN)])).toMatchObject({ status: 'missing', problems: ['missing-integrity'] });
  });

  it('cross-origin with integrity and crossorigin: protected', () => {
    expect(rowFor([script(CDN, { integrity: GOOD, crossorigin: 'anonymous' })])).toMatchObject({ status: 'protected', problems: [] });
  });

  it('integrity without crossorigin on a classic script or stylesheet: blocked', () => {
    expect(rowFor([script(CDN, { integrity: GOOD })])).toMatchObject({ status: 'blocked', problems: ['missing-crossorigin'] });
    expect(rowFor([link('https://cdn.example.net/a.css', { integrity: GOOD })]).problems).toEqual(['missing-crossorigin']);
  });

  it('module scripts and modulepreload use CORS without the attribute', () => {
    expect(rowFor([script(CDN, { integrity: GOOD, type: 'module' })]).problems).toEqual([]);
    expect(rowFor([link(CDN, { integrity: GOOD, rel: 'modulepreload' })]).problems).toEqual([]);
  });

  it('an empty crossorigin attribute means anonymous', () => {
    expect(rowFor([script(CDN, { integrity: GOOD, crossorigin: '' })]).problems).toEqual([]);
  });

  it('CORS refused by the captured response: blocked', () => {
    const row = rowFor([script(CDN, { integrity: GOOD, crossorigin: 'anonymous' })], { subresources: [subresource(CDN)] });
    expect(row).toMatchObject({ status: 'blocked', problems: ['cors-not-allowed'] });
    const allowed = rowFor([script(CDN, { integrity: GOOD, crossorigin: 'anonymous' })], { subresources: [subresource(CDN, [['Access-Control-Allow-Origin', '*']])] });
    expect(allowed.problems).toEqual([]);
    const credentials = rowFor([script(CDN, { integrity: GOOD, crossorigin: 'use-credentials' })], {
      subresources: [subresource(CDN, [['Access-Control-Allow-Origin', '*']])],
    });
    expect(credentials.problems).toEqual(['cors-not-allowed']);
  });

  it('malformed integrity: unchecked, or blocked when the length is wrong', () => {
    expect(rowFor([script(CDN, { integrity: 'sha1-abc', crossorigin: 'anonymous' })])).toMatchObject({ status: 'malformed', problems: ['malformed-integrity'] });
    expect(rowFor([script(CDN, { integrity: 'sha384-abc', crossorigin: 'anonymous' })])).toMatchObject({ status: 'blocked', problems: ['malformed-integrity'] });
    expect(rowFor([script('https://www.example.com/a.js', { integrity: '' })])).toMatchObject({ status: 'malformed', problems: ['malformed-integrity'] });
  });

  it('sha256 only, and the Chromium-only prefix', () => {
    expect(rowFor([script(CDN, { integrity: 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=', crossorigin: 'anonymous' })]).problems).toEqual(['sha256-only']);
    expect(rowFor([script(CDN, { integrity: GOOD.replace('sha384', 'sha-384'), crossorigin: 'anonymous' })]).problems).toEqual(['non-standard-prefix']);
  });

  it('mixed content on an https page, but not from loopback nor on an http page', () => {
    expect(rowFor([script('http://cdn.example.net/lib.js')]).problems).toEqual(['mixed-content', 'missing-integrity']);
    expect(rowFor([script('http://127.0.0.1:8080/lib.js')]).problems).toEqual(['missing-integrity']);
    expect(rowFor([script('http://cdn.example.net/lib.js')], { url: 'http://www.example.com/' }).problems).toEqual(['missing-integrity']);
  });

  it('remembers how the tag got there', () => {
    expect(rowFor([script(CDN, { origin: 'added-after-load', firstSeenMs: 1000 })])).toMatchObject({ addedAfterLoad: true, firstSeenMs: 1000 });
  });
});

describe('fastOrigin', () => {
  it.each([
    'https://cdn.example.net/lib.js',
    'https://cdn.example.net:8443/lib.js?x#y',
    'http://127.0.0.1:3000/a',
    'https://cdn.example.net',
    'https://CDN.Example.net/lib.js',
    'https://cdn.example.net:443/lib.js',
    'http://cdn.example.net:80/lib.js',
    'https://user:pw@cdn.example.net/lib.js',
    'https://xn--bcher-kva.example/lib.js',
    'data:text/javascript,1',
    'not a url',
  ])('agrees with URL on %s', (url) => {
    expect(fastOrigin(url)).toBe(originOf(url));
  });
});

describe('fastOrigin, scanned by character', () => {
  /** The former implementation, a regular expression: the scan must answer exactly as it did. */
  const SIMPLE_ORIGIN = /^(https?):\/\/([a-z0-9.-]+)(?::(\d+))?(?=[/?#]|$)/;
  const byRegExp = (url: string): string | null => {
    const match = SIMPLE_ORIGIN.exec(url);
    if (match === null) return originOf(url);
    const [origin, scheme, , port] = match;
    if (port !== undefined && (port === '' || (scheme === 'http' && port === '80') || (scheme === 'https' && port === '443') || port.startsWith('0'))) return originOf(url);
    return origin ?? null;
  };
  const hosts = fc.constantFrom('cdn.example.net', 'CDN.example.net', '127.0.0.1', 'a', '', 'xn--bcher-kva.example', 'user:pw@host', '[::1]', 'h_st', 'höst');
  const ports = fc.constantFrom('', ':', ':80', ':443', ':8443', ':08', ':65536', ':x');
  const rests = fc.constantFrom('', '/', '/lib.js', '?q', '#f', '/a:b', ' /x');
  const urls = fc.oneof(
    fc.tuple(fc.constantFrom('http://', 'https://', 'HTTP://', 'ftp://', ''), hosts, ports, rests).map((parts) => parts.join('')),
    fc.string({ maxLength: 20 }),
  );

  it('equals the regular expression it replaced on random URLs', () => {
    fc.assert(
      fc.property(urls, (url) => {
        expect(fastOrigin(url)).toBe(byRegExp(url));
      }),
      { numRuns: 5_000 },
    );
  });
});
