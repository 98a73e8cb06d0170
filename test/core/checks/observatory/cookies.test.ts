import { describe, expect, it } from 'vitest';
import { COOKIES_RESULTS, cookiesTest } from '../../../../src/core/checks/observatory/cookies';
import { captureFrom, captureFromFixtures, loadHeaders } from '../../../helpers/fixtures';
import { hop, preloadContext } from '../../../helpers/chains';

const run = (capture: ReturnType<typeof captureFrom>, context = preloadContext()) => cookiesTest.run(capture, context);
const resultOf = (fixture: string) => run(captureFromFixtures(fixture)).result;

describe('cookies', () => {
  it.each([
    ['cookies-none', 'cookies-not-found', true, 0],
    ['cookies-all-secure-with-samesite', 'cookies-secure-with-httponly-sessions-and-samesite', true, 5],
    ['cookies-secure-without-samesite', 'cookies-secure-with-httponly-sessions', true, 0],
    ['cookies-insecure-protected-by-hsts', 'cookies-without-secure-flag-but-protected-by-hsts', false, -5],
    ['cookies-insecure-without-hsts', 'cookies-without-secure-flag', false, -20],
    ['cookies-session-insecure-protected-by-hsts', 'cookies-session-without-secure-flag-but-protected-by-hsts', false, -10],
    ['cookies-session-insecure-without-hsts', 'cookies-session-without-secure-flag', false, -40],
    ['cookies-session-without-httponly', 'cookies-session-without-httponly-flag', false, -30],
    ['cookies-samesite-invalid-value', 'cookies-samesite-flag-invalid', false, -20],
    ['cookies-samesite-none-without-secure', 'cookies-samesite-flag-invalid', false, -20],
    ['cookies-csrf-without-samesite', 'cookies-anticsrf-without-samesite-flag', false, -20],
  ])('%s → %s', (fixture, result, pass, modifier) => {
    expect(run(captureFromFixtures(fixture))).toMatchObject({ result, pass, scoreModifier: modifier });
  });

  it('reports the stored cookies as a list', () => {
    expect(run(captureFromFixtures('cookies-all-secure-with-samesite')).data).toEqual({
      sameSite: true,
      cookies: [
        { name: 'sessionid', domain: 'example.com', expires: null, httponly: true, 'max-age': null, path: '/', samesite: 'lax', secure: true },
        { name: 'theme', domain: 'example.com', expires: null, httponly: false, 'max-age': null, path: '/', samesite: 'strict', secure: true },
      ],
    });
  });

  it('ignores heroku-session-affinity', () => {
    expect(resultOf('cookies-heroku-affinity-only')).toBe('cookies-not-found');
  });

  it('counts only what the jar would store', () => {
    expect(resultOf('cookies-rejected-by-jar')).toBe('cookies-not-found');
  });

  it('counts a deletion (Max-Age=0) as a cookie, as the Observatory’s jar keeps it', () => {
    expect(resultOf('cookies-deletion-counts')).toBe('cookies-session-without-httponly-flag');
  });

  it('keeps the worst finding: a session cookie without HttpOnly beats a missing SameSite on a CSRF token', () => {
    const headers = [...loadHeaders('cookies-csrf-without-samesite'), ...loadHeaders('cookies-session-without-httponly')];
    expect(run(captureFrom({ headers })).result).toBe('cookies-session-without-httponly-flag');
  });

  it('reports cookies-not-found even when a rejected line had a bad SameSite', () => {
    expect(run(captureFrom({ headers: [{ name: 'Set-Cookie', value: 'broken; SameSite=Sometimes' }] })).result).toBe('cookies-not-found');
  });

  it('reads Firefox’s newline-joined Set-Cookie values', () => {
    const headers = [
      { name: 'Strict-Transport-Security', value: 'max-age=31536000' },
      { name: 'Set-Cookie', value: 'theme=dark; Secure; SameSite=Lax\nsessionid=1; Secure; SameSite=Lax' },
    ];
    const result = run(captureFrom({ headers }));
    expect(result.result).toBe('cookies-session-without-httponly-flag');
    expect(result.data.cookies).toHaveLength(2);
  });

  it('takes cookies from the HTTPS hops of the navigation, not from plain-HTTP hops or browser-made ones', () => {
    const capture = captureFrom({
      url: 'https://www.example.com/',
      headers: loadHeaders('cookies-all-secure-with-samesite'),
      redirects: [
        hop('http://example.com/', 'http://www.example.com/', { headers: [{ name: 'Set-Cookie', value: 'plain=1' }] }),
        hop('http://www.example.com/', 'https://www.example.com/', { internal: true, headers: [{ name: 'Set-Cookie', value: 'invented=1' }] }),
        hop('https://www.example.com/', 'https://www.example.com/home', { headers: [{ name: 'Set-Cookie', value: 'hop_session=1; Secure; SameSite=Lax' }] }),
      ],
    });
    const result = run(capture);
    expect((result.data.cookies as Array<{ name: string }>).map((cookie) => cookie.name)).toEqual(['hop_session', 'sessionid', 'theme']);
    expect(result.result).toBe('cookies-session-without-httponly-flag');
    expect(result.notes.join(' ')).toMatch(/browser made part of the redirect chain/);
  });

  it('reads the whole chain of a plain-HTTP page', () => {
    const capture = captureFrom({
      url: 'http://www.example.com/',
      headers: [],
      redirects: [hop('http://example.com/', 'http://www.example.com/', { headers: [{ name: 'Set-Cookie', value: 'pref=1; Domain=example.com' }] })],
    });
    expect(run(capture).result).toBe('cookies-without-secure-flag');
  });

  it('checks the raw SameSite only on the final response', () => {
    const capture = captureFrom({
      url: 'https://example.com/home',
      headers: loadHeaders('cookies-secure-without-samesite'),
      redirects: [hop('https://example.com/', 'https://example.com/home', { headers: [{ name: 'Set-Cookie', value: 'a=1; Secure; SameSite=odd' }] })],
    });
    expect(run(capture).result).toBe('cookies-secure-with-httponly-sessions');
  });

  it('uses the HSTS preload list through the HSTS test', () => {
    const capture = captureFromFixtures('cookies-insecure-without-hsts', undefined, { url: 'https://preloaded.example/' });
    expect(run(capture, preloadContext(['preloaded.example'])).result).toBe('cookies-without-secure-flag-but-protected-by-hsts');
  });

  it('notes a missing document', () => {
    const result = run(captureFrom({ overrides: { state: 'loading' } }));
    expect(result.result).toBe('cookies-not-found');
    expect(result.notes.join(' ')).toMatch(/No document response/);
  });

  it('declares the ten Observatory results', () => {
    expect(COOKIES_RESULTS).toHaveLength(10);
  });
});
