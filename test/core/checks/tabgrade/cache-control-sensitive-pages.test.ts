import { afterAll, describe, expect, it } from 'vitest';
import { cacheControlSensitivePagesCheck, parseCacheControl } from '../../../../src/core/checks/tabgrade/cache-control-sensitive-pages';
import type { RedirectHop } from '../../../../src/core/capture';
import { harness } from './support';

const check = harness(cacheControlSensitivePagesCheck);
afterAll(() => check.expectAllFindingsCovered());

describe('cache-control-sensitive-pages', () => {
  it('says nothing about caching on pages without a session (caching public pages is good)', () => {
    expect(check.fixture('public-page-cached')).toEqual([]);
    expect(check.fixture('html-page-plain')).toEqual([]);
  });

  it('reports high when a shared cache may store a response that sets a session cookie', () => {
    expect(check.fixture('session-cookie-cache-public')).toMatchObject([
      { id: 'cache-session-response-shared-cacheable', severity: 'high', data: { sessionCookies: ['sessionid'], cacheHit: false } },
    ]);
  });

  it('reports high when a CDN says the response came from its cache', () => {
    expect(check.fixture('session-cookie-cdn-hit')).toMatchObject([{ id: 'cache-session-response-shared-cacheable', data: { cacheHit: true } }]);
  });

  it('reports low when a session response says nothing about caching', () => {
    expect(check.fixture('session-cookie-no-cache-control')).toMatchObject([{ id: 'cache-session-response-cacheable', severity: 'low', recommendation: 'Cache-Control: no-store' }]);
  });

  it('counts a session set by the redirect that led here (after a login)', () => {
    const login: RedirectHop = {
      url: 'https://example.com/login',
      statusCode: 302,
      statusLine: 'HTTP/1.1 302 Found',
      location: 'https://example.com/account',
      headers: [{ name: 'Set-Cookie', value: 'sessionid=abc; Secure; HttpOnly; SameSite=Lax; Path=/' }],
      internal: false,
    };
    expect(check.ids(check.fixture('html-page-plain', undefined, { redirects: [login], url: 'https://example.com/account' }))).toEqual(['cache-session-response-cacheable']);
  });

  it('accepts the framework defaults: Rails private, PHP no-store', () => {
    expect(check.fixture('session-cookie-cache-private')).toEqual([]);
    expect(check.fixture('session-cookie-php-no-store')).toEqual([]);
  });

  it('ignores a session cookie being deleted', () => {
    expect(check.fixture('session-cookie-deleted-cache-public')).toEqual([]);
  });

  it('reads Cache-Control directives case-insensitively', () => {
    expect(parseCacheControl('Public, S-MaxAge=60, max-age="10"')).toMatchObject({ public: true, sMaxAge: 60, maxAge: 10 });
    expect(parseCacheControl(null)).toMatchObject({ noStore: false, private: false, maxAge: null });
  });
});
