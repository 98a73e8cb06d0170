/**
 * The report ties the verdict modules together: the context it passes the cap table
 * (public host, SRI test), the projection's own Tabgrade letter, and the stack order.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { HttpHeader, PageCapture } from '../../src/core/capture';
import { isBelow } from '../../src/core/grade-order';
import { SCORING_1_6_3 } from '../../src/core/checks/observatory/scoring';
import { buildReport, withLayerChoice, type Report } from '../../src/core/report';
import { capOfFinding, reportFixes } from '../../src/core/report-view';
import { captureFrom, captureFromFixtures } from '../helpers/fixtures';
import { link, pageWith, script } from '../helpers/page-capture';
import { headers, isBetter, NOW } from './verdict/support';

/** What an A+ page sends over HTTPS. */
const STRONG = headers({
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Strict-Transport-Security': 'max-age=31536000',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
});

/** `pageWith`'s page, sending `sent` instead of a bare Content-Type. */
function pageSending(sent: HttpHeader[], ...args: Parameters<typeof pageWith>): PageCapture {
  const capture = pageWith(...args);
  if (capture.document === null) throw new Error('pageWith always has a document');
  return { ...capture, document: { ...capture.document, headers: sent } };
}

const JQUERY_341 = 'https://www.example.com/js/jquery-3.4.1.min.js'; // a known medium vulnerability: caps at B
const report = (capture: PageCapture): Report => buildReport(capture, { now: NOW });

describe('buildReport verdict', () => {
  it('caps a strong page by what Tabgrade found', () => {
    const built = report(pageSending(STRONG, [script(JQUERY_341)]));
    expect(['A+', 'A']).toContain(built.observatory.grade); // the premise: only the cap holds it down
    expect(built.verdict).toMatchObject({ grade: 'B', observatoryGrade: built.observatory.grade, capped: true });
    expect(built.verdict.caps.map((cap) => cap.rule)).toEqual(['vulnerable-library-medium']);
  });

  it('keeps a weak page’s own letter when the cap is above it', () => {
    const built = report(pageWith([script(JQUERY_341)]));
    expect(isBelow(built.observatory.grade, 'B')).toBe(true);
    expect(built.verdict.grade).toBe(built.observatory.grade);
    expect(built.verdict.caps.map((cap) => [cap.rule, cap.binding])).toEqual([['vulnerable-library-medium', false]]);
  });

  // Across every header fixture, with and without page content that caps: the Tabgrade
  // letter is never better than the Observatory-compatible one.
  it('is never better than the Observatory-compatible grade', () => {
    const dir = fileURLToPath(new URL('../fixtures/headers/', import.meta.url));
    const names = readdirSync(dir).filter((name) => name.endsWith('.headers')).map((name) => name.replace(/\.headers$/, ''));
    const tabgradeDir = fileURLToPath(new URL('../fixtures/headers/tabgrade/', import.meta.url));
    const tabgradeNames = readdirSync(tabgradeDir).filter((name) => name.endsWith('.headers')).map((name) => `tabgrade/${name.replace(/\.headers$/, '')}`);
    let capped = 0;
    for (const name of [...names, ...tabgradeNames]) {
      const plain = captureFromFixtures(name);
      const withLibraries = pageSending(plain.document?.headers ?? [], [script(JQUERY_341), script('https://www.example.com/angular-1.8.3.min.js'), link('https://cdn.example.net/a.css')]);
      for (const capture of [plain, withLibraries]) {
        const built = report(capture);
        expect(built.verdict.grade, name).not.toBeNull();
        if (built.verdict.grade === null) continue;
        expect(isBetter(built.verdict.grade, built.observatory.grade), `${name}: ${built.verdict.grade} vs ${built.observatory.grade}`).toBe(false);
        expect(built.verdict.observatoryGrade).toBe(built.observatory.grade);
        if (built.verdict.capped) capped++;
      }
    }
    expect(capped).toBeGreaterThan(0); // some of them really were lowered
  });

  it('gives no letter for a page without a document response', () => {
    const built = report(captureFrom({}));
    expect(built.observatory.status).toBe('unavailable');
    expect(built.verdict.grade).toBeNull();
    expect(built.findings).toEqual([]);
  });

  it('tells the cap table whether the host is public', () => {
    // Django's runserver on a public host caps at C; on localhost it is the developer's own machine.
    const runserver = (url: string) => report(captureFromFixtures('tabgrade/server-django-runserver', undefined, { url }));
    expect(runserver('https://example.com/').verdict.caps.map((cap) => cap.rule)).toContain('development-server-public');
    expect(runserver('http://localhost:8000/').verdict.caps.map((cap) => cap.rule)).not.toContain('development-server-public');
    expect(runserver('http://localhost:8000/').findings.map((item) => item.id)).toContain('development-server-wsgiref'); // still reported
  });

  describe('on a development host', () => {
    const built = report(pageSending(STRONG.filter((header) => header.name !== 'Strict-Transport-Security'), [script('http://localhost:8000/js/jquery-3.4.1.min.js')], { url: 'http://localhost:8000/' }));

    it('projects the production grade and applies the same caps to it', () => {
      expect(built.projection).not.toBeNull();
      expect(built.projection?.score).toBeGreaterThan(built.observatory.score);
      expect(built.verdict.caps.map((cap) => cap.rule)).toEqual(['vulnerable-library-medium']);
      // Production over HTTPS lifts the score, not the library's cap.
      expect(built.projection?.grade).toBe('A+');
      expect(built.projection?.tabgradeGrade).toBe('B');
    });

    it('keeps the projection’s note in its own field, not in the notes', () => {
      expect(built.notes).not.toContain(built.projection?.note);
    });
  });

  it('has no projection on a public host', () => {
    expect(report(pageSending(STRONG, [])).projection).toBeNull();
    expect(report(captureFromFixtures('html-only', undefined, { url: 'http://example.com/' })).projection).toBeNull();
  });

  it('leaves the projection’s Tabgrade letter at the projected one when nothing caps', () => {
    const built = report(captureFromFixtures('html-only', undefined, { url: 'http://192.168.1.5/' }));
    expect(built.verdict.caps).toEqual([]);
    expect(built.projection?.tabgradeGrade).toBe(built.projection?.grade);
  });
});

describe('withLayerChoice', () => {
  // Detected: Django (application) in front of nginx (web server).
  const capture = captureFromFixtures('tabgrade/stack-django-on-nginx');
  const detected = buildReport(capture, { now: NOW });

  it('starts from one stack per detected layer, the application first', () => {
    expect(detected.stack).toMatchObject({ layers: { application: 'django', server: 'nginx', host: null }, choice: {}, stacks: ['django', 'nginx'] });
  });

  it('replaces the layer the user corrected and keeps the others', () => {
    const chosen = withLayerChoice(detected, { server: 'apache' });
    expect(chosen.stack.layers).toEqual({ application: 'django', server: 'apache', host: null });
    expect(chosen.stack.stacks).toEqual(['django', 'apache']);
  });

  it('drops a layer the user says the site does not have, and ignores a stack chosen for the wrong layer', () => {
    expect(withLayerChoice(detected, { application: 'none' }).stack.stacks).toEqual(['nginx']);
    expect(withLayerChoice(detected, { server: 'rails' }).stack.layers.server).toBe('nginx');
  });

  it('gives the same stack part as building the report with that choice', () => {
    for (const layers of [{ server: 'caddy' }, { application: 'rails', host: 'netlify' }, {}] as const) {
      expect(withLayerChoice(detected, layers).stack).toEqual(buildReport(capture, { now: NOW, layers }).stack);
    }
  });

  it('changes nothing else, and returns the same report when the choice does not change', () => {
    const chosen = withLayerChoice(detected, { server: 'apache' });
    expect(chosen.verdict).toBe(detected.verdict);
    expect(chosen.findings).toBe(detected.findings);
    expect(withLayerChoice(detected, {})).toBe(detected);
    expect(withLayerChoice(chosen, { server: 'apache' })).toBe(chosen);
  });

  it('shows each finding the fix of every layer that can make it, the application first', () => {
    const shown = withLayerChoice(detected, { server: 'apache' });
    const serverFixes = reportFixes('server-version-disclosed', shown.stack.stacks);
    expect(serverFixes.map((snippet) => snippet.stack)).toEqual(['apache']);
    expect(serverFixes[0]?.code).toContain('ServerTokens Prod');
    const hsts = reportFixes('hsts-not-implemented', shown.stack.stacks).map((snippet) => snippet.stack);
    expect(hsts[0]).toBe('django');
    expect(hsts).toContain('apache');
  });
});

describe('the production projection in the report', () => {
  // A session cookie without Secure costs 40 without HSTS and 10 with it: the projection must
  // count the milder penalty, as the Observatory would over HTTPS.
  const sent: HttpHeader[] = [
    { name: 'Content-Type', value: 'text/html; charset=utf-8' },
    { name: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
    { name: 'X-Content-Type-Options', value: 'nosniff' },
    { name: 'Set-Cookie', value: 'sessionid=abc123def; Path=/; HttpOnly; SameSite=Lax' },
  ];

  it('re-judges cookies under HSTS and matches the same page really served over HTTPS with HSTS', () => {
    const report = buildReport(captureFrom({ url: 'http://localhost:8000/', headers: sent }), { now: NOW });
    expect(report.observatory.tests.cookies.result).toBe('cookies-session-without-secure-flag');
    expect(report.projection?.assumed.cookies).toBe('cookies-session-without-secure-flag-but-protected-by-hsts');
    expect(report.projection?.note).toContain('counting the milder cookie penalty under HSTS');
    const production = buildReport(
      captureFrom({ url: 'https://example.com/', headers: [...sent, { name: 'Strict-Transport-Security', value: 'max-age=31536000' }] }),
      { now: NOW },
    );
    expect(production.observatory.tests.cookies.result).toBe('cookies-session-without-secure-flag-but-protected-by-hsts');
    expect([report.projection?.score, report.projection?.grade]).toEqual([production.observatory.score, production.observatory.grade]);
  });

  it('leaves cookies alone when HSTS changes nothing for them', () => {
    const secure = sent.map((header) => (header.name === 'Set-Cookie' ? { ...header, value: `${header.value}; Secure` } : header));
    const report = buildReport(captureFrom({ url: 'http://localhost:8000/', headers: secure }), { now: NOW });
    expect(report.projection?.assumed.cookies).toBeUndefined();
    expect(report.projection?.note).not.toContain('cookie');
  });
});

describe('Tabgrade findings the Observatory test already says', () => {
  const capture = captureFrom({ url: 'https://example.com/', headers: [
    { name: 'Content-Type', value: 'text/html; charset=utf-8' },
    { name: 'Cross-Origin-Opener-Policy', value: '"same-origin"' },
    { name: 'Cross-Origin-Embedder-Policy', value: 'require_corp' },
  ] });

  it('are left out under 1.7.0, whose COOP and COEP results say the same', () => {
    const report = buildReport(capture, { now: NOW });
    expect(report.observatory.tests['cross-origin-opener-policy']?.result).toBe('coop-header-invalid');
    expect(report.observatory.tests['cross-origin-embedder-policy']?.result).toBe('coep-header-invalid');
    expect(report.findings.map((finding) => finding.id)).not.toContain('coop-invalid');
    expect(report.findings.map((finding) => finding.id)).not.toContain('coep-invalid');
  });

  it('stay under 1.6.3, which does not score COOP or COEP', () => {
    const report = buildReport(capture, { now: NOW, grading: { table: SCORING_1_6_3 } });
    expect(report.findings.map((finding) => finding.id)).toEqual(expect.arrayContaining(['coop-invalid', 'coep-invalid']));
  });

  it('never contradict the test: a COOP the Observatory rewards draws no "missing" or "invalid" finding', () => {
    const good = captureFrom({ url: 'https://example.com/', headers: [{ name: 'Content-Type', value: 'text/html' }, { name: 'Cross-Origin-Opener-Policy', value: 'same-origin; report-to="x"' }] });
    for (const grading of [{}, { table: SCORING_1_6_3 }]) {
      const ids = buildReport(good, { now: NOW, grading }).findings.map((finding) => finding.id);
      expect(ids.filter((id) => id.startsWith('coop-'))).toEqual([]);
    }
  });
});

describe('findings of one kind share their cap', () => {
  it('marks every cross-origin script without integrity added after load, not only the first', () => {
    const capture = pageWith([
      script('https://widgets.example/a.js', { origin: 'added-after-load', firstSeenMs: 900 }),
      script('https://widgets.example/b.js', { origin: 'added-after-load', firstSeenMs: 950 }),
    ]);
    const report = buildReport(capture, { now: NOW });
    const sri = report.findings.filter((finding) => finding.id === 'sri-missing-on-cross-origin-script');
    expect(sri).toHaveLength(2);
    expect(report.verdict.caps.filter((cap) => cap.rule === 'cross-origin-script-without-integrity')).toHaveLength(1);
    for (const finding of sri) expect(capOfFinding(report, finding)).toBe('cross-origin-script-without-integrity');
  });
});
