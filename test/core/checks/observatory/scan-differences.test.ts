/**
 * Where a live scan and the browser see different things, Tabgrade follows the scan and
 * says so: an https:// address that downgrades to http://, and loopback pages whose scripts
 * from another port the Observatory counts as the site's own.
 */
import { describe, expect, it } from 'vitest';
import type { HttpHeader } from '../../../../src/core/capture';
import { gradeCapture } from '../../../../src/core/grade';
import { servedDom } from '../../../../src/core/har/page-content';
import { buildReport } from '../../../../src/core/report';
import { captureFrom } from '../../../helpers/fixtures';

const HEADERS: HttpHeader[] = [
  { name: 'Content-Type', value: 'text/html; charset=utf-8' },
  { name: 'Strict-Transport-Security', value: 'max-age=31536000' },
  { name: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
];

describe('an https:// address that redirects to http://', () => {
  const downgraded = captureFrom({
    url: 'http://shop.example/',
    headers: HEADERS,
    redirects: [{ url: 'https://shop.example/', statusCode: 301, statusLine: 'HTTP/1.1 301 Moved Permanently', location: 'http://shop.example/', headers: [], internal: false }],
  });

  it('reads HSTS and CSP from the final response, as the scan does, and says why', () => {
    const grade = gradeCapture(downgraded);
    expect(grade.tests['strict-transport-security']).toMatchObject({ result: 'hsts-implemented-max-age-at-least-six-months', data: { readFrom: 'downgraded-document' } });
    expect(grade.tests['strict-transport-security'].notes.join(' ')).toContain('redirected to plain HTTP');
    expect(grade.tests['content-security-policy'].result).toBe('csp-implemented-with-no-unsafe-default-src-none');
  });

  it('adds the high-severity downgrade finding, which caps the Tabgrade grade at C', () => {
    const report = buildReport(downgraded, { now: 0 });
    const finding = report.findings.find((candidate) => candidate.id === 'https-downgrade-redirect');
    expect(finding).toMatchObject({ severity: 'high', title: 'HTTPS redirects to plain HTTP' });
    expect(report.verdict.caps.map((cap) => [cap.rule, cap.grade])).toContainEqual(['https-downgrade', 'C']);
  });

  it('a page that started on http:// still has no HTTPS to read HSTS from', () => {
    const plain = captureFrom({ url: 'http://shop.example/', headers: HEADERS });
    expect(gradeCapture(plain).tests['strict-transport-security'].result).toBe('hsts-not-implemented-no-https');
  });
});

describe('scripts from another port on a loopback page', () => {
  const page = (html: string, url = 'http://localhost:8000/') => captureFrom({ url, headers: [{ name: 'Content-Type', value: 'text/html' }], html });

  it('keeps the Observatory result, but never says the scripts come from the site itself', () => {
    const grade = gradeCapture(page('<script src="http://localhost:8001/widget.js"></script><script src="/app.js"></script>'));
    const sri = grade.tests['subresource-integrity'];
    expect(sri.result).toBe('sri-not-implemented-but-all-scripts-loaded-from-secure-origin');
    expect(sri.data.countedAsSameSite).toEqual(['http://localhost:8001/widget.js']);
    expect(sri.explanation).not.toMatch(/^All scripts come from the site itself/);
    expect(sri.explanation).toContain('registrable domains');
    expect(sri.notes.join(' ')).toContain('a script from another origin');
  });

  it('counts an IP address page the same way, and the Tabgrade finding names the script', () => {
    const served = page('<script src="http://127.0.0.1:9000/lib.js"></script>', 'http://127.0.0.1:8000/');
    // The DOM as the content script would see it, for Tabgrade's own SRI table.
    const capture = { ...served, dom: servedDom(served.html as NonNullable<typeof served.html>, served.url, 'text/html', 0) };
    const report = buildReport(capture, { now: 0 });
    expect(report.observatory.tests['subresource-integrity'].data.countedAsSameSite).toEqual(['http://127.0.0.1:9000/lib.js']);
    expect(report.resources.find((row) => row.url === 'http://127.0.0.1:9000/lib.js')?.sameOrigin).toBe(false);
    expect(report.findings.map((finding) => [finding.id, finding.subject])).toContainEqual(['sri-missing-on-cross-origin-script', 'http://127.0.0.1:9000/lib.js']);
  });

  it('uses the usual words when the scripts really are same-origin, or the host has a registrable domain', () => {
    const same = gradeCapture(page('<script src="/app.js"></script><script src="http://localhost:8000/b.js"></script>')).tests['subresource-integrity'];
    expect(same.data.countedAsSameSite).toBeUndefined();
    expect(same.explanation).toMatch(/^All scripts come from the site itself/);
    const publicHost = gradeCapture(page('<script src="https://cdn.shop.example/a.js"></script>', 'https://www.shop.example/')).tests['subresource-integrity'];
    expect(publicHost.data.countedAsSameSite).toBeUndefined();
  });
});
