import { describe, expect, it } from 'vitest';
import { observatoryJar } from '../../../src/core/cookies/observatory-jar';
import { isPublicSuffixCookieDomain, sriRegistrableDomain } from '../../../src/core/domains';

const jarNames = (url: string, lines: string[]) => observatoryJar([{ url, setCookieLines: lines }]).map((cookie) => cookie.name);

describe('observatoryJar', () => {
  it('stores host-only cookies with the request host and the default path', () => {
    expect(observatoryJar([{ url: 'https://www.example.com/shop/cart?x=1', setCookieLines: ['a=1'] }])).toEqual([
      expect.objectContaining({ name: 'a', domain: 'www.example.com', path: '/shop', hostOnly: true }),
    ]);
  });

  it('drops cookies whose Domain is a public suffix or does not match the host', () => {
    const url = 'https://www.example.co.uk/';
    expect(jarNames(url, ['a=1; Domain=co.uk', 'b=1; Domain=uk', 'c=1; Domain=example.co.uk', 'd=1; Domain=other.co.uk', 'e=1; Domain=ww.example.co.uk'])).toEqual(['c']);
    // The private part of the list counts for cookies.
    expect(jarNames('https://me.github.io/', ['a=1; Domain=github.io', 'b=1; Domain=me.github.io'])).toEqual(['b']);
    // An IP-address host only matches itself, and an IP Domain is refused as a "suffix".
    expect(jarNames('http://10.0.0.1/', ['a=1; Domain=0.0.1', 'b=1; Domain=10.0.0.1', 'c=1'])).toEqual(['c']);
    // Special-use names are allowed (tough-cookie's allowSpecialUseDomain).
    expect(jarNames('http://app.localhost/', ['a=1; Domain=app.localhost'])).toEqual(['a']);
  });

  it('applies the __Secure- and __Host- prefix rules', () => {
    const url = 'https://example.com/';
    expect(
      jarNames(url, ['__Secure-a=1', '__Secure-b=1; Secure', '__Host-c=1; Secure', '__Host-d=1; Secure; Domain=example.com', '__Host-e=1; Secure; Path=/x', '__host-f=1']),
    ).toEqual(['__Secure-b', '__Host-c', '__host-f']);
    // The default path counts: a __Host- cookie set from /deep/page has path /deep.
    expect(jarNames('https://example.com/deep/page', ['__Host-g=1; Secure'])).toEqual([]);
  });

  it('keeps expired cookies and replaces same name+domain+path in place', () => {
    const cookies = observatoryJar([
      { url: 'http://example.com/', setCookieLines: ['a=1', 'b=1', 'a=2; Max-Age=0'] },
      { url: 'https://example.com/', setCookieLines: ['b=2; Secure; Path=/x'] },
    ]);
    expect(cookies.map((cookie) => [cookie.name, cookie.value, cookie.path])).toEqual([
      ['a', '2', '/'],
      ['b', '1', '/'],
      ['b', '2', '/x'],
    ]);
  });

  it('skips a response whose URL cannot be parsed', () => {
    expect(observatoryJar([{ url: 'not a url', setCookieLines: ['a=1'] }])).toEqual([]);
  });
});

describe('domains', () => {
  it('gives the SRI test’s registrable domain (ICANN suffixes only)', () => {
    expect(sriRegistrableDomain('https://cdn.example.co.uk/x.js')).toBe('example.co.uk');
    expect(sriRegistrableDomain('a.github.io')).toBe('github.io');
    expect(sriRegistrableDomain('https://192.0.2.1/x.js')).toBeNull();
  });

  it('tells public suffixes for cookie domains (ICANN and private)', () => {
    expect(isPublicSuffixCookieDomain('com')).toBe(true);
    expect(isPublicSuffixCookieDomain('github.io')).toBe(true);
    expect(isPublicSuffixCookieDomain('example.com')).toBe(false);
    expect(isPublicSuffixCookieDomain('test')).toBe(true);
    expect(isPublicSuffixCookieDomain('localhost')).toBe(false);
  });
});
