import { describe, expect, it } from 'vitest';
import { hasInvalidSameSite, parseCookieDate, parseSetCookie, setCookieLines, splitSetCookieValue } from '../../../src/core/cookies/set-cookie';

describe('parseSetCookie', () => {
  it('reads the pair and the attributes, case-insensitively, last one winning', () => {
    expect(parseSetCookie(' sid = abc ; Secure; HTTPONLY; samesite=LAX; Path=/app; Domain=.Example.COM; Max-Age=60; Path=/other')).toEqual({
      name: 'sid',
      value: 'abc',
      expires: null,
      maxAge: 60,
      domain: 'example.com',
      path: '/other',
      secure: true,
      httpOnly: true,
      sameSite: 'lax',
    });
  });

  it('rejects what tough-cookie rejects in non-loose mode', () => {
    expect(parseSetCookie('')).toBeNull();
    expect(parseSetCookie('novalue')).toBeNull();
    expect(parseSetCookie('=value')).toBeNull();
    expect(parseSetCookie('a=b\tc')).toBeNull();
    expect(parseSetCookie('a\u0001=b')).toBeNull();
  });

  it('cuts the pair at CR, LF or NUL', () => {
    expect(parseSetCookie('a=b\nc=d')).toMatchObject({ name: 'a', value: 'b' });
    expect(parseSetCookie('a=b\u0000junk; Secure')).toMatchObject({ name: 'a', value: 'b', secure: true });
  });

  it('keeps only strict, lax and none for SameSite; anything else clears an earlier value', () => {
    expect(parseSetCookie('a=b; SameSite=Strict')?.sameSite).toBe('strict');
    expect(parseSetCookie('a=b; SameSite=None')?.sameSite).toBe('none');
    expect(parseSetCookie('a=b; SameSite=Lax; SameSite=bogus')?.sameSite).toBeNull();
    expect(parseSetCookie('a=b; SameSite')?.sameSite).toBeNull();
  });

  it('counts Secure and HttpOnly whatever value they carry', () => {
    expect(parseSetCookie('a=b; secure=no; httponly=false')).toMatchObject({ secure: true, httpOnly: true });
  });

  it('validates Max-Age, Path, Domain and Expires like RFC 6265', () => {
    expect(parseSetCookie('a=b; Max-Age=1e3')?.maxAge).toBeNull();
    expect(parseSetCookie('a=b; Max-Age=-5')?.maxAge).toBe(-5);
    expect(parseSetCookie(`a=b; Max-Age=${'9'.repeat(400)}`)?.maxAge).toBe('Infinity');
    expect(parseSetCookie('a=b; Path=relative')?.path).toBeNull();
    expect(parseSetCookie('a=b; Domain=')?.domain).toBeNull();
    expect(parseSetCookie('a=b; Expires=Wed, 21 Oct 2015 07:28:00 GMT')?.expires).toBe(Date.UTC(2015, 9, 21, 7, 28, 0));
    expect(parseSetCookie('a=b; Expires=tomorrow')?.expires).toBeNull();
  });
});

describe('parseCookieDate', () => {
  it.each([
    ['Sun, 06 Nov 1994 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Sun Nov  6 08:49:37 1994', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['06 Nov 2069 00:00:00', Date.UTC(2069, 10, 6, 0, 0, 0)],
    ['32 Nov 2020 00:00:00', null],
    ['06 Nov 1500 00:00:00', null],
    ['06 Nov 2020 24:00:00', null],
    ['Nov 2020', null],
  ])('%j', (text, expected) => {
    expect(parseCookieDate(text)).toBe(expected);
  });
});

describe('splitting newline-joined values (Firefox webRequest)', () => {
  it('splits one value into one line per cookie', () => {
    expect(splitSetCookieValue('a=1; Secure\nb=2\r\n\nc=3')).toEqual(['a=1; Secure', 'b=2', 'c=3']);
    expect(setCookieLines(['a=1\nb=2', 'c=3'])).toEqual(['a=1', 'b=2', 'c=3']);
  });
});

describe('hasInvalidSameSite (the Observatory’s raw-line check)', () => {
  it.each([
    ['a=b; SameSite=Lax', false],
    ['a=b; samesite=STRICT', false],
    ['a=b; SameSite=None; Secure', false],
    ['a=b', false],
    ['a=b; SameSite', true],
    ['a=b; SameSite=', true],
    ['a=b; SameSite=Sometimes', true],
    // Its split on "=" keeps only the first two pieces.
    ['a=b; SameSite=Lax=1', false],
    // The pair is checked too: a cookie named SameSite with an odd value is "invalid".
    ['SameSite=yes', true],
  ])('%j → %s', (line, invalid) => {
    expect(hasInvalidSameSite(line)).toBe(invalid);
  });
});
