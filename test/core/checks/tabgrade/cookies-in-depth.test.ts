import { afterAll, describe, expect, it } from 'vitest';
import type { RedirectHop } from '../../../../src/core/capture';
import { cookiesInDepthCheck, decodeBigIpCookie } from '../../../../src/core/checks/tabgrade/cookies-in-depth';
import type { Finding } from '../../../../src/core/findings';
import { harness } from './support';

const check = harness(cookiesInDepthCheck);
afterAll(() => check.expectAllFindingsCovered());

/** `cookie name → finding ids` for readable expectations. */
function byCookie(findings: readonly Finding[]): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const finding of findings) (result[finding.subject ?? ''] ??= []).push(finding.id);
  return result;
}

describe('cookies-in-depth', () => {
  describe('Django', () => {
    it('asks the session cookie for Secure, and the CSRF cookie for Secure only — never HttpOnly on csrftoken', () => {
      const findings = check.fixture('cookies-django-defaults');
      expect(byCookie(findings)).toEqual({
        csrftoken: ['cookie-csrf-without-secure'],
        sessionid: ['cookie-session-without-secure'],
      });
      expect(findings.find((finding) => finding.subject === 'csrftoken')).toMatchObject({ severity: 'medium', data: { role: 'csrf', technology: 'django', httpOnly: false } });
      expect(findings.find((finding) => finding.subject === 'sessionid')?.severity).toBe('high');
      expect(findings.find((finding) => finding.subject === 'csrftoken')?.detail).toMatch(/no practical protection/);
    });

    it('has nothing to say about a hardened Django site (csrftoken readable by JavaScript on purpose)', () => {
      expect(check.fixture('cookies-django-hardened')).toEqual([]);
    });
  });

  it('accepts Laravel’s defaults: XSRF-TOKEN is meant to be read by Axios', () => {
    expect(check.fixture('cookies-laravel-defaults')).toMatchObject([
      { id: 'cookie-session-host-prefix', severity: 'info', subject: 'laravel_session' },
    ]);
    expect(check.fixture('cookies-laravel-defaults').some((finding) => finding.subject === 'XSRF-TOKEN')).toBe(false);
  });

  it('recognises a Rails session cookie by its _<app>_session name', () => {
    expect(check.fixture('cookies-rails-session')).toMatchObject([{ id: 'cookie-session-host-prefix', data: { technology: 'rails', recognisedBy: 'known-name' } }]);
  });

  it('gives ASP.NET session and antiforgery cookies their own advice', () => {
    expect(byCookie(check.fixture('cookies-aspnet-classic'))).toEqual({
      'ASP.NET_SessionId': ['cookie-session-without-secure'],
      __RequestVerificationToken: ['cookie-csrf-without-secure', 'cookie-csrf-without-samesite'],
    });
    expect(byCookie(check.fixture('cookies-aspnetcore'))).toEqual({ '.AspNetCore.Identity.Application': ['cookie-session-host-prefix'] });
  });

  it('asks Express and Java session cookies for Secure and SameSite', () => {
    expect(check.ids(check.fixture('cookies-express-session'))).toEqual(['cookie-session-without-secure', 'cookie-session-without-samesite']);
    expect(check.fixture('cookies-java-session')).toMatchObject([
      { id: 'cookie-session-without-secure', data: { technology: 'java' } },
      { id: 'cookie-session-without-samesite' },
    ]);
  });

  it('reports a session cookie without HttpOnly as medium', () => {
    expect(check.fixture('x-powered-by-php').map((finding) => finding.id)).toEqual(['cookie-session-without-secure', 'cookie-session-without-samesite']);
    expect(check.fixture('cookies-guessed-session')).toMatchObject([
      { id: 'cookie-session-without-secure', subject: 'shop_auth_token', data: { recognisedBy: 'name-guess' } },
      { id: 'cookie-session-without-httponly', severity: 'medium', subject: 'shop_auth_token' },
      { id: 'cookie-session-without-samesite', subject: 'shop_auth_token' },
      { id: 'cookie-csrf-without-secure', subject: 'my_csrf' },
      { id: 'cookie-csrf-without-samesite', subject: 'my_csrf' },
    ]);
  });

  it('gives load-balancer and CDN cookies no advice', () => {
    expect(check.fixture('cookies-infrastructure')).toEqual([]);
  });

  it('decodes an unencrypted BIG-IP cookie, and leaves an encrypted one alone', () => {
    expect(check.fixture('cookies-bigip-plain')).toMatchObject([{ id: 'cookie-bigip-internal-address', severity: 'low', data: { internalAddress: '10.1.1.100:80' } }]);
    expect(check.fixture('cookies-bigip-encrypted')).toEqual([]);
    expect(decodeBigIpCookie('1677787402.20480.0000')).toBe('10.1.1.100:80');
    expect(decodeBigIpCookie('99999999999.1.0000')).toBeNull();
  });

  it('reports prefixed cookies that browsers will reject', () => {
    expect(byCookie(check.fixture('cookies-prefix-invalid'))).toEqual({
      '__Host-prefs': ['cookie-prefix-invalid'],
      '__Secure-lang': ['cookie-prefix-invalid', 'cookie-without-secure'],
    });
  });

  it('reports SameSite=None without Secure for any cookie', () => {
    expect(check.ids(check.fixture('cookies-samesite-none-insecure'))).toEqual(['cookie-samesite-none-without-secure', 'cookie-without-secure']);
  });

  it('explains SameSite=None on a session cookie, and a Domain-wide session cookie', () => {
    expect(check.fixture('cookies-session-samesite-none')).toMatchObject([{ id: 'cookie-session-samesite-none', severity: 'info' }]);
    expect(check.fixture('cookies-session-domain-wide')).toMatchObject([{ id: 'cookie-session-domain-wide', severity: 'info' }]);
  });

  it('suggests __Host- only for an otherwise well-set session cookie', () => {
    expect(check.fixture('cookies-session-well-set')).toMatchObject([{ id: 'cookie-session-host-prefix', severity: 'info' }]);
  });

  it('ignores cookie deletions', () => {
    expect(check.fixture('cookies-deletions')).toEqual([]);
  });

  it('asks unknown cookies for Secure on HTTPS sites only', () => {
    expect(check.fixture('cookies-unknown-insecure')).toMatchObject([{ id: 'cookie-without-secure', severity: 'low', subject: 'theme' }]);
    expect(check.fixture('cookies-unknown-insecure', undefined, { url: 'http://example.com/' })).toEqual([]);
  });

  it('tells a plain-HTTP site to move its session to HTTPS', () => {
    const [finding] = check.fixture('cookies-session-well-set', undefined, { url: 'http://example.com/' });
    expect(finding).toMatchObject({ id: 'cookie-session-host-prefix' });
    const [insecure] = check.fixture('cookies-express-session', undefined, { url: 'http://example.com/' });
    expect(insecure?.detail).toMatch(/plain HTTP/);
  });

  it('reads cookies set on redirect hops, the last line for a name winning', () => {
    const hop: RedirectHop = {
      url: 'https://example.com/login',
      statusCode: 302,
      statusLine: 'HTTP/1.1 302',
      location: 'https://example.com/',
      headers: [{ name: 'Set-Cookie', value: 'sessionid=abc; Path=/' }],
      internal: false,
    };
    expect(check.ids(check.fixture('html-page-plain', undefined, { redirects: [hop] }))).toEqual([
      'cookie-session-without-secure',
      'cookie-session-without-httponly',
      'cookie-session-without-samesite',
    ]);
    expect(check.fixture('cookies-session-well-set', undefined, { redirects: [hop] })).toMatchObject([{ id: 'cookie-session-host-prefix' }]);
  });
});
