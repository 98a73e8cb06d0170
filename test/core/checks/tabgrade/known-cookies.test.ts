import { describe, expect, it } from 'vitest';
import { classifyCookie } from '../../../../src/core/checks/tabgrade/known-cookies';

describe('known cookies', () => {
  it.each([
    ['sessionid', 'session', 'django'],
    ['csrftoken', 'csrf', 'django'],
    ['_storefront_session', 'session', 'rails'],
    ['laravel_session', 'session', 'laravel'],
    ['XSRF-TOKEN', 'csrf', null],
    ['PHPSESSID', 'session', 'php'],
    ['connect.sid', 'session', 'express'],
    ['ASP.NET_SessionId', 'session', 'aspnet'],
    ['.AspNetCore.Session', 'session', 'aspnet'],
    ['.AspNetCore.Cookies', 'session', 'aspnet'],
    ['.AspNetCore.Antiforgery.Xyz12', 'csrf', 'aspnet'],
    ['__RequestVerificationToken', 'csrf', 'aspnet'],
    ['JSESSIONID', 'session', 'java'],
    ['wordpress_logged_in_0123456789abcdef0123456789abcdef', 'session', 'wordpress'],
    ['AWSALB', 'affinity', 'aws-elb'],
    ['ARRAffinity', 'affinity', 'azure-app-service'],
    ['__cf_bm', 'infrastructure', 'cloudflare'],
    ['BIGipServerpool_web', 'affinity', 'f5-big-ip'],
  ])('%s is a %s cookie of %s', (name, role, technology) => {
    expect(classifyCookie(name)).toMatchObject({ role, technology, known: expect.anything() });
  });

  it('knows which CSRF cookies JavaScript reads on purpose', () => {
    expect(classifyCookie('csrftoken').readByScript).toBe(true);
    expect(classifyCookie('XSRF-TOKEN').readByScript).toBe(true);
    expect(classifyCookie('__RequestVerificationToken').readByScript).toBe(false);
  });

  it('guesses cautiously from unknown names, CSRF before session', () => {
    expect(classifyCookie('csrf_session_token')).toMatchObject({ role: 'csrf', known: null });
    expect(classifyCookie('shop_session')).toMatchObject({ role: 'session', known: null });
    expect(classifyCookie('remember_web_59ba36')).toMatchObject({ role: 'session', known: null });
    expect(classifyCookie('theme')).toMatchObject({ role: 'other', known: null });
    expect(classifyCookie('consid')).toMatchObject({ role: 'other' });
  });

  it('matches names case-sensitively, as servers set them', () => {
    expect(classifyCookie('phpsessid').known).toBeNull();
  });
});
