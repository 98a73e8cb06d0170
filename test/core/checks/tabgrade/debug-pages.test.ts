import { afterAll, describe, expect, it } from 'vitest';
import { debugPagesCheck, SCANNED_CHARS } from '../../../../src/core/checks/tabgrade/debug-pages';
import { fixesFor } from '../../../../src/core/checks/tabgrade/fixes';
import { buildReport } from '../../../../src/core/report';
import { captureFrom, loadHtml } from '../../../helpers/fixtures';
import { harness } from './support';

const check = harness(debugPagesCheck);
afterAll(() => check.expectAllFindingsCovered());

const HTML_HEADERS = [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }];

function served(fixture: string, url = 'https://shop.example.com/', htmlSource: 'served' | 'dom' = 'served') {
  return check.run(captureFrom({ url, headers: HTML_HEADERS, html: loadHtml(`tabgrade/${fixture}`), htmlSource }));
}

describe('debug-pages', () => {
  it.each([
    ['debug-page-django-404', 'debug-page-django'],
    ['debug-page-django-500', 'debug-page-django'],
    ['debug-page-laravel-ignition', 'debug-page-laravel'],
    ['debug-page-laravel-whoops', 'debug-page-laravel'],
    ['debug-page-rails', 'debug-page-rails'],
    ['debug-page-rails-better-errors', 'debug-page-rails'],
    ['debug-page-express', 'debug-page-express'],
    ['debug-page-symfony', 'debug-page-symfony'],
    ['debug-page-flask', 'debug-page-flask'],
  ])('recognises %s as %s, high on a public host', (fixture, id) => {
    const findings = served(fixture);
    expect(check.ids(findings)).toEqual([id]);
    expect(findings[0]).toMatchObject({ severity: 'high', group: 'application', data: { publicHost: true } });
    expect(findings[0]?.recommendation).toBeTruthy();
  });

  it('only mentions a debug page on a development host', () => {
    for (const url of ['http://localhost:8000/', 'http://127.0.0.1:3000/', 'https://shop.test/']) {
      expect(served('debug-page-django-404', url)).toMatchObject([{ id: 'debug-page-django', severity: 'info', data: { publicHost: false } }]);
    }
  });

  it('keeps only a short, tag-free excerpt of the page', () => {
    const [finding] = served('debug-page-express');
    const excerpt = String(finding?.data?.excerpt);
    expect(excerpt.length).toBeLessThanOrEqual(81);
    expect(excerpt).not.toMatch(/[<>]/);
    expect(excerpt.startsWith('TypeError: Cannot read properties')).toBe(true);
    expect(JSON.stringify(finding)).not.toContain('layer.js:95');
  });

  it('says nothing about pages that only talk about debug settings', () => {
    expect(served('debug-page-lookalikes')).toEqual([]);
    // A question quoting Django's text lacks the debug page's own markup.
    expect(served('debug-page-quoted-in-question')).toEqual([]);
    expect(served('no-charset')).toEqual([]);
  });

  it('reads only the served HTML, and only its first 200 KB', () => {
    expect(served('debug-page-flask', 'https://shop.example.com/', 'dom')).toEqual([]);
    expect(check.run(captureFrom({ headers: HTML_HEADERS }))).toEqual([]);
    const late = `<!doctype html><p>${'x'.repeat(SCANNED_CHARS)}</p>${loadHtml('tabgrade/debug-page-flask')}`;
    expect(check.run(captureFrom({ headers: HTML_HEADERS, html: late }))).toEqual([]);
  });

  it('stays fast on a large page without markers', () => {
    const big = `<pre>Error: ${'a'.repeat(250)}<br>${'&nbsp;'.repeat(50_000)}</pre>`.repeat(3);
    const started = performance.now();
    expect(check.run(captureFrom({ headers: HTML_HEADERS, html: big }))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('offers the framework’s own fix, and advice on every other stack', () => {
    expect(fixesFor('debug-page-django', 'django').map((snippet) => snippet.code).join('\n')).toContain('DEBUG = False');
    expect(fixesFor('debug-page-laravel', 'laravel').map((snippet) => snippet.code).join('\n')).toContain('APP_DEBUG=false');
    expect(fixesFor('debug-page-rails', 'rails').map((snippet) => snippet.code).join('\n')).toContain('config.consider_all_requests_local = false');
    expect(fixesFor('debug-page-express', 'express').map((snippet) => snippet.code).join('\n')).toContain('NODE_ENV=production');
    expect(fixesFor('debug-page-flask', 'nginx')[0]?.stack).toBe('any');
  });

  it('caps the grade at C on a public host through the debug-tool-public rule, not on localhost', () => {
    const html = loadHtml('tabgrade/debug-page-django-500');
    const headers = [
      ...HTML_HEADERS,
      { name: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
      { name: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
      { name: 'X-Content-Type-Options', value: 'nosniff' },
      { name: 'Referrer-Policy', value: 'no-referrer' },
    ];
    const report = buildReport(captureFrom({ url: 'https://shop.example.com/', headers, html }), { now: 0 });
    expect(report.verdict.caps.map((cap) => cap.rule)).toContain('debug-tool-public');
    const local = buildReport(captureFrom({ url: 'http://localhost:8000/', headers, html }), { now: 0 });
    expect(local.verdict.caps.map((cap) => cap.rule)).not.toContain('debug-tool-public');
  });
});

describe('the debug-page probe', () => {
  it('reports a debug 404 page the probe found, and says where it was seen', () => {
    const body = loadHtml('tabgrade/debug-page-django-404');
    const capture = captureFrom({
      url: 'https://shop.example.com/',
      headers: [{ name: 'Content-Type', value: 'text/html' }],
      html: '<!doctype html><title>Shop</title>',
      overrides: { probes: { notFound: { url: 'https://shop.example.com/tabgrade-check-404-not-a-real-page', redirects: [], response: null, body } } },
    });
    const findings = debugPagesCheck.run(capture, { now: 0 });
    expect(findings.map((finding) => [finding.id, finding.severity, finding.data?.seenOn])).toEqual([['debug-page-django', 'high', 'not-found-probe']]);
    expect(findings[0]?.title).toMatch(/^A page that does not exist on this site shows/);
  });
});
