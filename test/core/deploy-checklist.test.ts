/**
 * Django's `check --deploy` warnings judged from outside: each status follows from what the
 * page sent, and agrees with the Observatory results in the same report.
 */
import { describe, expect, it } from 'vitest';
import type { HttpHeader } from '../../src/core/capture';
import { buildReport, withLayerChoice } from '../../src/core/report';
import { formatMarkdown, formatText } from '../../src/core/report-format';
import { captureFrom } from '../helpers/fixtures';

const DJANGO_COOKIES: HttpHeader[] = [
  { name: 'Set-Cookie', value: 'csrftoken=abcdefgh12; Path=/; SameSite=Lax' },
  { name: 'Set-Cookie', value: 'sessionid=ijklmnop34; Path=/; HttpOnly; SameSite=Lax' },
];

function statuses(headers: HttpHeader[], url = 'https://shop.example/'): Record<string, string> {
  const report = buildReport(captureFrom({ url, headers: [{ name: 'Content-Type', value: 'text/html' }, ...headers] }), { now: 0 });
  return Object.fromEntries((report.deployChecklist?.items ?? []).map((item) => [item.id, item.status]));
}

describe('the Django deploy checklist', () => {
  it('appears only for a Django application layer', () => {
    expect(buildReport(captureFrom({ headers: [{ name: 'Server', value: 'nginx' }] }), { now: 0 }).deployChecklist).toBeNull();
    const django = buildReport(captureFrom({ headers: DJANGO_COOKIES }), { now: 0 });
    expect(django.deployChecklist?.command).toBe('python manage.py check --deploy');
    expect(withLayerChoice(django, { application: 'aspnet' }).deployChecklist).toBeNull();
    expect(withLayerChoice(django, { application: 'rails' }).deployChecklist?.framework).toBe('rails');
  });

  it('confirms what a weak deployment shows from outside, and says what it cannot see', () => {
    const found = statuses(DJANGO_COOKIES);
    expect(found).toMatchObject({
      'security.W001': 'confirmed', // no nosniff, no Referrer-Policy
      'security.W002': 'confirmed',
      'security.W004': 'confirmed',
      'security.W005': 'unseen',
      'security.W012': 'confirmed', // sessionid without Secure
      'security.W015': 'fine', // sessionid is HttpOnly
      'security.W016': 'confirmed',
      'security.W009': 'unseen',
      'security.W020': 'unseen',
      'security.W022': 'confirmed',
    });
  });

  it('looks fine for a hardened deployment', () => {
    const found = statuses([
      { name: 'Set-Cookie', value: 'csrftoken=abcdefgh12; Path=/; Secure; SameSite=Lax' },
      { name: 'Set-Cookie', value: 'sessionid=ijklmnop34; Path=/; Secure; HttpOnly; SameSite=Lax' },
      { name: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains; preload' },
      { name: 'X-Frame-Options', value: 'DENY' },
      { name: 'X-Content-Type-Options', value: 'nosniff' },
      { name: 'Referrer-Policy', value: 'same-origin' },
      { name: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ]);
    for (const id of ['security.W001', 'security.W002', 'security.W004', 'security.W005', 'security.W012', 'security.W016', 'security.W019', 'security.W021', 'security.W022', 'security.E024']) {
      expect(found[id], id).toBe('fine');
    }
  });

  it('cannot see HSTS on a plain-HTTP development page, and confirms X_FRAME_OPTIONS other than DENY', () => {
    const found = statuses([...DJANGO_COOKIES, { name: 'X-Frame-Options', value: 'SAMEORIGIN' }], 'http://localhost:8000/');
    expect(found['security.W004']).toBe('unseen');
    expect(found['security.W019']).toBe('confirmed');
    expect(found['security.W008']).toBe('confirmed');
  });

  it('is in the Markdown and text reports, with the fix for confirmed warnings', () => {
    const report = buildReport(captureFrom({ headers: DJANGO_COOKIES }), { now: 0 });
    const markdown = formatMarkdown(report);
    expect(markdown).toContain('### Deploy checklist (`python manage.py check --deploy`, seen from outside)');
    expect(markdown).toContain('`security.W012` `SESSION_COOKIE_SECURE`');
    expect(markdown).toContain('Fix: `SESSION_COOKIE_SECURE = True`');
    expect(formatText(report)).toMatch(/CONFIRMED {3}security\.W012 SESSION_COOKIE_SECURE/);
  });
});
