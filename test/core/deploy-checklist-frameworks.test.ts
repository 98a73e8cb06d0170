/**
 * The Rails, Laravel and Express deploy checklists judged from outside, and Django's DEBUG
 * warning confirmed by its debug page: each status follows from what the page sent, and
 * every checklist validates against the published report schema.
 */
import { describe, expect, it } from 'vitest';
import type { HttpHeader } from '../../src/core/capture';
import { buildReport, type Report } from '../../src/core/report';
import { formatJson, formatMarkdown, formatText } from '../../src/core/report-format';
import type { Stack } from '../../src/core/findings';
import { captureFrom, loadHtml } from '../helpers/fixtures';
import { reportSchemaErrors } from '../helpers/report-schema';

const HTML: HttpHeader = { name: 'Content-Type', value: 'text/html; charset=utf-8' };

const HARDENED: HttpHeader[] = [
  { name: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
  { name: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { name: 'X-Content-Type-Options', value: 'nosniff' },
  { name: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
];

interface Page {
  headers?: HttpHeader[];
  url?: string;
  html?: string;
}

function reportFor(application: Stack, page: Page = {}): Report {
  const capture = captureFrom({ url: page.url ?? 'https://shop.example.com/', headers: [HTML, ...(page.headers ?? [])], ...(page.html === undefined ? {} : { html: page.html }) });
  return buildReport(capture, { now: 0, layers: { application } });
}

function statuses(application: Stack, page: Page = {}): Record<string, string> {
  return Object.fromEntries((reportFor(application, page).deployChecklist?.items ?? []).map((item) => [item.id, item.status]));
}

describe('Django’s DEBUG warning (security.W018)', () => {
  it('is confirmed by Django’s technical error page, and unseen without it', () => {
    expect(statuses('django', { html: loadHtml('tabgrade/debug-page-django-404') })['security.W018']).toBe('confirmed');
    const item = reportFor('django', { html: loadHtml('tabgrade/debug-page-django-500') }).deployChecklist?.items.find((candidate) => candidate.id === 'security.W018');
    expect(item?.evidence).toContain('DEBUG = True');
    expect(statuses('django', { html: loadHtml('tabgrade/debug-page-lookalikes') })['security.W018']).toBe('unseen');
  });
});

describe('the Rails deploy checklist', () => {
  it('names the production settings file and Rails’ own setting names', () => {
    const checklist = reportFor('rails').deployChecklist;
    expect(checklist?.framework).toBe('rails');
    expect(checklist?.command).toBe('config/environments/production.rb');
    expect(checklist?.items.map((item) => item.id)).toEqual([
      'config.force_ssl',
      'config.session_store(secure:)',
      'config.session_store(httponly:)',
      'config.action_dispatch.default_headers',
      'config.consider_all_requests_local',
      'config.secret_key_base',
    ]);
  });

  it('confirms what a weak deployment shows', () => {
    expect(
      statuses('rails', {
        headers: [{ name: 'Set-Cookie', value: '_shop_session=abc123; path=/; samesite=lax' }],
        html: loadHtml('tabgrade/debug-page-rails'),
      }),
    ).toMatchObject({
      'config.force_ssl': 'confirmed', // no redirect from HTTP, no HSTS
      'config.session_store(secure:)': 'confirmed',
      'config.session_store(httponly:)': 'confirmed',
      'config.action_dispatch.default_headers': 'confirmed',
      'config.consider_all_requests_local': 'confirmed',
      'config.secret_key_base': 'unseen',
    });
  });

  it('looks fine for a hardened deployment, and cannot see what the page does not show', () => {
    const found = statuses('rails', { headers: [...HARDENED, { name: 'Set-Cookie', value: '_shop_session=abc123; path=/; secure; httponly; samesite=lax' }] });
    expect(found['config.session_store(secure:)']).toBe('fine');
    expect(found['config.session_store(httponly:)']).toBe('fine');
    expect(found['config.action_dispatch.default_headers']).toBe('fine');
    expect(found['config.consider_all_requests_local']).toBe('unseen');
    expect(found['config.force_ssl']).toBe('fine');
    expect(statuses('rails', { url: 'http://shop.example.com/', headers: HARDENED })['config.force_ssl']).toBe('confirmed'); // plain HTTP, not redirected
    expect(statuses('rails')['config.session_store(secure:)']).toBe('unseen');
  });
});

describe('the Laravel deploy checklist', () => {
  it('confirms APP_DEBUG from an Ignition or Whoops page and insecure session cookies', () => {
    for (const fixture of ['debug-page-laravel-ignition', 'debug-page-laravel-whoops']) {
      expect(statuses('laravel', { html: loadHtml(`tabgrade/${fixture}`) }).APP_DEBUG, fixture).toBe('confirmed');
    }
    const found = statuses('laravel', {
      headers: [
        { name: 'Set-Cookie', value: 'XSRF-TOKEN=eyJpdiI6; expires=Thu, 03 Dec 2026 09:00:00 GMT; Max-Age=7200; path=/; samesite=lax' },
        { name: 'Set-Cookie', value: 'laravel_session=eyJpdiI7; expires=Thu, 03 Dec 2026 09:00:00 GMT; Max-Age=7200; path=/; httponly; samesite=lax' },
      ],
    });
    expect(found).toMatchObject({ APP_DEBUG: 'unseen', SESSION_SECURE_COOKIE: 'confirmed', SESSION_HTTP_ONLY: 'fine', 'HTTPS redirect': 'fine', APP_KEY: 'unseen' });
    expect(statuses('laravel', { url: 'http://shop.example.com/' })['HTTPS redirect']).toBe('confirmed');
  });

  it('looks fine when both cookies are Secure, and says the XSRF-TOKEN cookie follows the same setting', () => {
    const report = reportFor('laravel', {
      headers: [
        { name: 'Set-Cookie', value: 'XSRF-TOKEN=eyJpdiI6; path=/; secure; samesite=lax' },
        { name: 'Set-Cookie', value: 'laravel_session=eyJpdiI7; path=/; secure; httponly; samesite=lax' },
      ],
    });
    const item = report.deployChecklist?.items.find((candidate) => candidate.id === 'SESSION_SECURE_COOKIE');
    expect(item?.status).toBe('fine');
    expect(report.deployChecklist?.command).toBe('.env and config/session.php');
    const onlyToken = statuses('laravel', { headers: [{ name: 'Set-Cookie', value: 'XSRF-TOKEN=eyJpdiI6; path=/; samesite=lax' }] });
    expect(onlyToken.SESSION_SECURE_COOKIE).toBe('confirmed');
    expect(onlyToken.SESSION_HTTP_ONLY).toBe('unseen');
  });
});

describe('the Express deploy checklist', () => {
  it('confirms what an Express app without helmet sends, and NODE_ENV from a stack trace', () => {
    const found = statuses('express', {
      headers: [
        { name: 'X-Powered-By', value: 'Express' },
        { name: 'Set-Cookie', value: 'connect.sid=s%3Aabc.def; Path=/; HttpOnly' },
      ],
      html: loadHtml('tabgrade/debug-page-express'),
    });
    expect(found).toEqual({
      'helmet.xPoweredBy': 'confirmed',
      'helmet.strictTransportSecurity': 'confirmed',
      'helmet.xContentTypeOptions': 'confirmed',
      'helmet.xFrameOptions': 'confirmed',
      NODE_ENV: 'confirmed',
      'cookie.secure': 'confirmed',
      'cookie.httpOnly': 'fine',
    });
  });

  it('looks fine behind helmet’s defaults', () => {
    const found = statuses('express', { headers: [...HARDENED, { name: 'Set-Cookie', value: 'connect.sid=s%3Aabc.def; Path=/; HttpOnly; Secure; SameSite=Lax' }] });
    for (const id of ['helmet.xPoweredBy', 'helmet.strictTransportSecurity', 'helmet.xContentTypeOptions', 'helmet.xFrameOptions', 'cookie.secure', 'cookie.httpOnly']) {
      expect(found[id], id).toBe('fine');
    }
    expect(found.NODE_ENV).toBe('unseen');
  });

  it('cannot see HSTS on a plain-HTTP development page', () => {
    expect(statuses('express', { url: 'http://localhost:3000/' })['helmet.strictTransportSecurity']).toBe('unseen');
  });
});

describe('every framework’s checklist', () => {
  it('validates against the report schema and appears in the Markdown and text reports', () => {
    const pages: Array<[Stack, string]> = [
      ['django', 'python manage.py check --deploy'],
      ['rails', 'config/environments/production.rb'],
      ['laravel', '.env and config/session.php'],
      ['express', 'helmet() and express-session options'],
    ];
    for (const [application, command] of pages) {
      const report = reportFor(application, { headers: [{ name: 'X-Powered-By', value: 'Express' }] });
      expect(report.deployChecklist?.framework).toBe(application);
      expect(reportSchemaErrors(JSON.parse(formatJson(report))), application).toEqual([]);
      expect(formatMarkdown(report)).toContain(`### Deploy checklist (\`${command}\`, seen from outside)`);
      expect(formatText(report)).toContain(`Deploy checklist (${command}), seen from outside:`);
    }
  });

  it('is absent for application layers without one', () => {
    expect(reportFor('aspnet').deployChecklist).toBeNull();
    expect(reportFor('php').deployChecklist).toBeNull();
  });
});
