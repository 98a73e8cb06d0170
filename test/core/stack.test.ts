import { describe, expect, it } from 'vitest';
import type { RedirectHop } from '../../src/core/capture';
import { detectStack } from '../../src/core/stack';
import { TECHNOLOGIES } from '../../src/core/stack-signatures';
import { captureFrom, captureFromFixtures } from '../helpers/fixtures';

function detect(fixture: string, url?: string, redirects?: RedirectHop[]) {
  return detectStack(captureFromFixtures(`tabgrade/${fixture}`, undefined, { ...(url ? { url } : {}), ...(redirects ? { redirects } : {}) }));
}

describe('detectStack', () => {
  it('recognises Django behind nginx from cookies and the Server header', () => {
    const detection = detect('stack-django-on-nginx');
    expect(detection.framework).toMatchObject({ technology: 'django', confidence: 'high', fixStack: 'django' });
    expect(detection.framework?.evidence).toContain('cookies csrftoken and sessionid');
    expect(detection.server).toMatchObject({ technology: 'nginx', version: '1.24.0', evidence: ['Server: nginx/1.24.0'] });
    expect(detection.stacks).toEqual(['django', 'nginx']);
  });

  it('gives csrftoken alone only medium confidence, raised by a second clue', () => {
    const lone = detectStack(captureFrom({ headers: [{ name: 'Set-Cookie', value: 'csrftoken=abc; Path=/; Secure' }] }));
    expect(lone.framework).toMatchObject({ technology: 'django', confidence: 'medium' });
    // runserver's Server header and the csrftoken cookie: two medium clues.
    expect(detect('server-django-runserver').framework).toMatchObject({ technology: 'django', confidence: 'high' });
  });

  it('guesses nothing from a page that gives nothing away', () => {
    expect(detect('html-page-plain')).toEqual({ guesses: [], framework: null, server: null, stacks: [] });
  });

  it('recognises Laravel from XSRF-TOKEN with an <app>_session cookie, and PHP with it', () => {
    const detection = detect('stack-laravel-on-nginx');
    expect(detection.framework).toMatchObject({ technology: 'laravel', confidence: 'high' });
    expect(detection.guesses.map((guess) => guess.technology)).toEqual(['laravel', 'php', 'nginx']);
    expect(detection.stacks).toEqual(['laravel', 'php', 'nginx']);
  });

  it('combines two medium clues for Rails (X-Runtime and a _<app>_session cookie) into high', () => {
    expect(detect('cookies-rails-session').framework).toMatchObject({ technology: 'rails', confidence: 'high' });
    expect(detect('debug-rails-web-console').framework).toMatchObject({ technology: 'rails', confidence: 'medium' });
  });

  it('recognises ASP.NET on IIS, with versions', () => {
    const detection = detect('server-iis-version');
    expect(detection.framework).toMatchObject({ technology: 'aspnet', version: '4.0.30319' });
    expect(detection.server).toMatchObject({ technology: 'iis', version: '10.0' });
    expect(detection.stacks).toEqual(['aspnet', 'iis']);
  });

  it('maps Kestrel to ASP.NET fixes', () => {
    expect(detect('stack-kestrel').stacks).toEqual(['aspnet']);
  });

  it('recognises WordPress on Apache, offering PHP and Apache fixes', () => {
    const detection = detect('stack-wordpress-on-apache');
    expect(detection.framework).toMatchObject({ technology: 'wordpress', fixStack: 'php' });
    expect(detection.stacks).toEqual(['php', 'apache']);
  });

  it('recognises Express, PHP, Java and Symfony clues', () => {
    expect(detect('x-powered-by-express').stacks).toEqual(['express']);
    expect(detect('x-powered-by-php').framework).toMatchObject({ technology: 'php', version: '8.1.2', confidence: 'high' });
    expect(detect('cookies-java-session').framework).toMatchObject({ technology: 'java', fixStack: null });
    expect(detect('debug-symfony-profiler').guesses.map((guess) => guess.technology)).toContain('symfony');
  });

  it('recognises hosting platforms: Netlify, Cloudflare Pages (same _headers file), Caddy', () => {
    expect(detect('stack-netlify')).toMatchObject({ server: { technology: 'netlify' }, stacks: ['netlify'] });
    const pages = detect('stack-cloudflare-pages', 'https://docs-site.pages.dev/');
    expect(pages.stacks).toEqual(['netlify']);
    expect(pages.guesses.map((guess) => guess.technology).sort()).toEqual(['cloudflare', 'cloudflare-pages']);
    expect(detect('stack-cloudflare-pages').stacks).toEqual([]);
    expect(detect('stack-caddy').stacks).toEqual(['caddy']);
  });

  it('reads redirect hops too', () => {
    const hop: RedirectHop = {
      url: 'http://example.com/',
      statusCode: 301,
      statusLine: 'HTTP/1.1 301',
      location: 'https://example.com/',
      headers: [{ name: 'Server', value: 'Apache/2.4.58' }],
      internal: false,
    };
    expect(detect('html-page-plain', undefined, [hop]).server).toMatchObject({ technology: 'apache', version: '2.4.58' });
  });

  it('keeps page-controlled evidence bounded and never treats it as a key', () => {
    const detection = detect('stack-spoofed-values');
    expect(detection.guesses.map((guess) => guess.technology)).toEqual(['nginx']);
    expect(detection.server?.evidence[0]?.length).toBeLessThanOrEqual('Server: '.length + 121);
  });

  it('knows a fix stack or none for every technology it can name', () => {
    for (const info of Object.values(TECHNOLOGIES)) expect(info.label.length).toBeGreaterThan(0);
  });
});
