import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings';
import { compareWithPrevious, countChanges, diffResponses, type LoadedResponse } from '../../src/core/reload-diff';

function load(headers: Array<[string, string]>, options: { status?: number; findings?: Finding[] } = {}): LoadedResponse {
  return { statusCode: options.status ?? 200, headers: headers.map(([name, value]) => ({ name, value })), findings: options.findings ?? [] };
}

function finding(id: string, severity: Finding['severity'], subject?: string): Finding {
  return { id, checkId: 'response/test', severity, group: 'server', title: `Title of ${id}`, detail: '', ...(subject === undefined ? {} : { subject }) };
}

/** `text direction` per change, the way a test reads best. */
function lines(before: LoadedResponse, after: LoadedResponse): string[] {
  return diffResponses(before, after).map((change) => `${change.text} [${change.direction}${change.minor ? ', minor' : ''}]`);
}

describe('the reload diff', () => {
  it('sees nothing in two identical loads, or loads differing only in volatile headers', () => {
    const a = load([['Date', 'Mon, 01 Jan 2026 00:00:00 GMT'], ['ETag', '"1"'], ['X-Request-Id', 'a'], ['Content-Type', 'text/html']]);
    const b = load([['date', 'Mon, 01 Jan 2026 00:00:09 GMT'], ['ETag', '"2"'], ['X-Request-Id', 'b'], ['content-type', 'text/html']]);
    expect(diffResponses(a, b)).toEqual([]);
    expect(compareWithPrevious(a, b)).toEqual({ status: 'unchanged', changes: [] });
  });

  it('writes HSTS max-age changes with their direction', () => {
    expect(lines(load([['Strict-Transport-Security', 'max-age=300']]), load([['Strict-Transport-Security', 'max-age=31536000']]))).toEqual(['HSTS max-age 300 → 31536000 [better]']);
    expect(lines(load([['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']]), load([['Strict-Transport-Security', 'max-age=300; preload']]))).toEqual([
      'HSTS max-age 31536000 → 300 [worse]',
      'HSTS includeSubDomains removed [worse]',
      'HSTS preload added [neutral]',
    ]);
    expect(lines(load([]), load([['Strict-Transport-Security', 'max-age=63072000']]))).toEqual(['HSTS added (max-age 63072000) [better]']);
    expect(lines(load([['Strict-Transport-Security', 'max-age=63072000']]), load([]))).toEqual(['HSTS removed (was max-age=63072000) [worse]']);
    expect(lines(load([['Strict-Transport-Security', 'max-age=600']]), load([['Strict-Transport-Security', 'max-age=600 ']]))).toEqual(['HSTS rewritten: max-age=600 → max-age=600 [neutral, minor]']);
  });

  it('writes CSP changes directive by directive', () => {
    expect(lines(load([]), load([['Content-Security-Policy', "default-src 'self'"]]))).toEqual(['CSP added [better]']);
    expect(lines(load([['Content-Security-Policy', "default-src 'self'"]]), load([]))).toEqual(['CSP removed [worse]']);
    expect(
      lines(
        load([['Content-Security-Policy', "default-src 'self'; script-src 'self' 'unsafe-inline'; img-src *"]]),
        load([['Content-Security-Policy', "default-src 'self'; script-src 'self'; frame-ancestors 'none'"]]),
      ),
    ).toEqual(["CSP script-src: 'self' 'unsafe-inline' → 'self' [better]", "CSP frame-ancestors added: 'none' [better]", 'CSP img-src removed [worse]']);
    expect(lines(load([['Content-Security-Policy', "script-src 'self'"]]), load([['Content-Security-Policy', "script-src 'self' 'unsafe-eval'"]]))).toEqual([
      "CSP script-src: 'self' → 'self' 'unsafe-eval' [worse]",
    ]);
    expect(lines(load([['Content-Security-Policy-Report-Only', "default-src 'self'"]]), load([]))).toEqual(['CSP report-only removed [neutral]']);
  });

  it('compares cookies by name and attributes, never by value', () => {
    expect(lines(load([['Set-Cookie', 'sid=1; Path=/']]), load([['Set-Cookie', 'sid=2; Path=/']]))).toEqual([]);
    expect(lines(load([['Set-Cookie', 'sid=1; Path=/; SameSite=None; Secure']]), load([['Set-Cookie', 'sid=2; Path=/; HttpOnly; SameSite=Lax; Secure']]))).toEqual([
      'Cookie sid: HttpOnly added [better]',
      'Cookie sid: SameSite none → lax [better]',
    ]);
    expect(lines(load([['Set-Cookie', 'a=1; Secure']]), load([['Set-Cookie', 'b=1']]))).toEqual(['Cookie b now set [neutral]', 'Cookie a no longer set [neutral]']);
    expect(lines(load([['Set-Cookie', 'a=1; Secure; Domain=shop.example']]), load([['Set-Cookie', 'a=1']]))).toEqual(['Cookie a: Secure removed [worse]', 'Cookie a: Domain shop.example → host-only [better]']);
  });

  it('knows which headers protect and which disclose', () => {
    expect(lines(load([]), load([['X-Content-Type-Options', 'nosniff']]))).toEqual(['X-Content-Type-Options added: nosniff [better]']);
    expect(lines(load([['X-Frame-Options', 'DENY']]), load([]))).toEqual(['X-Frame-Options removed (was DENY) [worse]']);
    expect(lines(load([['Server', 'nginx/1.25.3']]), load([['Server', 'nginx']]))).toEqual(['Server nginx/1.25.3 → nginx [neutral]']);
    expect(lines(load([['X-Powered-By', 'PHP/8.3']]), load([]))).toEqual(['X-Powered-By removed (was PHP/8.3) [better]']);
    expect(lines(load([['Access-Control-Allow-Origin', '*']]), load([['Access-Control-Allow-Origin', 'https://shop.example']]))).toEqual(['CORS allowed origin * → https://shop.example [neutral]']);
    // A header without a rule is a minor change: shown, folded away.
    expect(lines(load([['X-Build', '41']]), load([['X-Build', '42']]))).toEqual(['X-Build 41 → 42 [neutral, minor]']);
  });

  it('compares repeated headers as one joined value, whatever their case', () => {
    expect(lines(load([['Vary', 'Origin'], ['Vary', 'Accept']]), load([['vary', 'Origin'], ['VARY', 'Accept']]))).toEqual([]);
  });

  it('reports the status and findings that came and went', () => {
    expect(lines(load([], { status: 500 }), load([]))).toEqual(['Status 500 → 200 [better]']);
    expect(lines(load([]), load([], { status: 0 }))).toEqual(['Status 200 → failed [worse]']);
    expect(lines(load([], { status: 301 }), load([], { status: 302 }))).toEqual(['Status 301 → 302 [neutral]']);
    const before = load([], { findings: [finding('csp-missing', 'medium'), finding('cookie-x', 'low', 'a'), finding('note', 'info')] });
    const after = load([], { findings: [finding('cookie-x', 'low', 'b'), finding('note', 'info'), finding('hsts-short', 'low')] });
    expect(lines(before, after)).toEqual([
      'New: Title of cookie-x [worse]',
      'New: Title of hsts-short [worse]',
      'Resolved: Title of csp-missing [better]',
      'Resolved: Title of cookie-x [better]',
    ]);
  });

  it('marks a request the previous load did not make as new, and minor-only changes as unchanged', () => {
    expect(compareWithPrevious(null, load([]))).toEqual({ status: 'new', changes: [] });
    const minorOnly = compareWithPrevious(load([['X-Build', '1']]), load([['X-Build', '2']]));
    expect(minorOnly.status).toBe('unchanged');
    expect(minorOnly.changes).toHaveLength(1);
    expect(compareWithPrevious(load([]), load([['Content-Security-Policy', "default-src 'none'"]])).status).toBe('changed');
  });

  it('counts changes for the summary line, leaving minor ones out', () => {
    const changes = diffResponses(
      load([['Strict-Transport-Security', 'max-age=300'], ['X-Build', '1']]),
      load([['Strict-Transport-Security', 'max-age=31536000'], ['Content-Security-Policy', "default-src 'self'"], ['Server', 'x'], ['X-Build', '2']]),
    );
    expect(countChanges(changes)).toEqual({ better: 2, worse: 1, neutral: 0 });
  });

  it('keeps page-controlled values short in its sentences', () => {
    const [change] = diffResponses(load([['Server', 'a']]), load([['Server', 'b'.repeat(5000)]]));
    expect(change?.text.length).toBeLessThan(200);
  });
});
