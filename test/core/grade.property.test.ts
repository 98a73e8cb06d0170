/**
 * Property tests: whatever a server or page sends, grading never throws, no test crashes
 * (a crash would show as status `partial`), and the grade stays within its rules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HttpHeader, PageCapture, ProbeResult, RedirectHop, ResponseCapture } from '../../src/core/capture';
import type { Grade } from '../../src/core/checks/observatory/grade-types';
import { CURRENT_SCORING } from '../../src/core/checks/observatory/scoring';
import { gradeCapture } from '../../src/core/grade';
import { captureFrom } from '../helpers/fixtures';

const GRADES: ReadonlySet<Grade> = new Set(['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F']);

const KNOWN_NAMES = [
  'Content-Security-Policy',
  'content-security-policy-report-only',
  'X-Frame-Options',
  'x-content-type-options',
  'Referrer-Policy',
  'Cross-Origin-Resource-Policy',
  'Strict-Transport-Security',
  'Set-Cookie',
  'Content-Type',
  'Access-Control-Allow-Origin',
  'Access-Control-Allow-Credentials',
  'Location',
  'x-tabgrade-dropped-headers',
];

/** Pieces that exercise the parsers' edge cases when glued together. */
const TOKENS = [
  'default-src', 'script-src', 'style-src', 'img-src', 'object-src', 'frame-ancestors', 'report-uri', 'report-to',
  "'none'", "'self'", "'unsafe-inline'", "'unsafe-eval'", "'strict-dynamic'", "'nonce-abc'", "'sha256-x='", 'data:',
  'http:', 'https:', '*', 'https://*', 'https://a.example/%zz', 'https://a.example/', '%', ';', ',', ' ', '\t', '\r\n',
  'DENY', 'SAMEORIGIN', 'ALLOW-FROM', 'nosniff', 'same-origin', 'same-site', 'cross-origin', 'no-referrer', 'unsafe-url',
  'max-age=31536000', 'max-age=', 'includeSubDomains', 'preload', 'SameSite=None', 'Secure', 'HttpOnly', 'sessionid=1',
  'csrftoken=2', '__proto__', 'constructor', 'toString', '\u0000', '\uFEFF', '\u00A0', '\uD800', '😀', 'ß', 'İ',
];

const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.string({ unit: 'binary', maxLength: 200 });
const hugeText = fc
  .tuple(fc.oneof(tokenSoup, anyText), fc.integer({ min: 1_000, max: 60_000 }))
  .map(([piece, length]) => (piece.length === 0 ? 'x' : piece).repeat(Math.ceil(length / Math.max(1, piece.length))).slice(0, length));

const headerName = fc.oneof(
  fc.constantFrom(...KNOWN_NAMES),
  fc.constantFrom(...KNOWN_NAMES).map((name) => name.toUpperCase()),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
);
const headerValue = fc.oneof({ weight: 4, arbitrary: tokenSoup }, { weight: 2, arbitrary: anyText }, { weight: 1, arbitrary: hugeText });
const header: fc.Arbitrary<HttpHeader> = fc.record({ name: headerName, value: headerValue });
/** Headers with duplicates: some entries are repeated verbatim. */
const headers = fc
  .tuple(fc.array(header, { maxLength: 25 }), fc.array(fc.nat(), { maxLength: 5 }))
  .map(([list, repeats]) => (list.length === 0 ? list : [...list, ...repeats.map((i) => list[i % list.length] as HttpHeader)]));

const metaTag = fc
  .tuple(fc.constantFrom('http-equiv', 'HTTP-EQUIV', 'name'), fc.constantFrom('content-security-policy', 'Referrer', 'x-frame-options', 'refresh'), tokenSoup)
  .map(([attr, key, content]) => `<meta ${attr}="${key}" content="${content.replaceAll('"', '&quot;')}">`);
const scriptTag = fc
  .tuple(fc.constantFrom('https://cdn.example/a.js', 'http://x.example/b.js', '//c.example/c.js', '/local.js', 'javascript:0', '::'), fc.boolean())
  .map(([src, sri]) => `<script src="${src}"${sri ? ' integrity="sha384-abc" crossorigin="anonymous"' : ''}></script>`);
const html = fc.oneof(
  fc.constant(''),
  anyText,
  fc.array(fc.oneof(metaTag, scriptTag, anyText, fc.constantFrom('<!--', '<script>', '</', '<', '<meta', '"', "'", '<![CDATA[')), { maxLength: 30 }).map((parts) => parts.join('')),
  hugeText,
);

const url = fc.oneof(
  fc.constantFrom('https://example.com/', 'http://example.com/', 'https://www.example.co.uk/a?b#c', 'http://[::1]:8080/', 'https://xn--bcher-kva.example/'),
  fc.webUrl(),
  anyText,
);

const response = (withUrl: fc.Arbitrary<string>): fc.Arbitrary<ResponseCapture> =>
  fc.record({
    url: withUrl,
    method: fc.constantFrom('GET', 'OPTIONS'),
    statusCode: fc.oneof(fc.constantFrom(200, 301, 302, 401, 403, 404, 500), fc.integer({ min: 0, max: 999 })),
    statusLine: fc.constant('HTTP/1.1'),
    headers,
    type: fc.constant('main_frame' as const),
    timeStamp: fc.nat(),
    fromCache: fc.boolean(),
  });

const hop: fc.Arbitrary<RedirectHop> = fc.record({
  url,
  statusCode: fc.constantFrom(301, 302, 307, 308, 0),
  statusLine: fc.constant('HTTP/1.1 301'),
  location: url,
  headers,
  internal: fc.boolean(),
});

const probe: fc.Arbitrary<ProbeResult> = fc.record(
  {
    url,
    redirects: fc.array(hop, { maxLength: 12 }),
    response: fc.option(response(url), { nil: null }),
    error: fc.option(fc.oneof(fc.constant('net::ERR_CERT_DATE_INVALID'), anyText), { nil: undefined }),
  },
  { requiredKeys: ['url', 'redirects', 'response'] },
);

const capture: fc.Arbitrary<PageCapture> = fc
  .record({
    url,
    headers,
    html: fc.option(html, { nil: undefined }),
    htmlSource: fc.constantFrom('served' as const, 'dom' as const),
    statusCode: fc.constantFrom(200, 200, 200, 301, 403, 404, 500),
    redirects: fc.array(hop, { maxLength: 4 }),
    httpProbe: fc.option(probe, { nil: undefined }),
    corsProbe: fc.option(probe, { nil: undefined }),
    requestedUrl: url,
  })
  .map((init) =>
    captureFrom({
      url: init.url,
      headers: init.headers,
      ...(init.html === undefined ? {} : { html: init.html }),
      htmlSource: init.htmlSource,
      statusCode: init.statusCode,
      redirects: init.redirects,
      overrides: {
        requestedUrl: init.requestedUrl,
        probes: {
          ...(init.httpProbe === undefined ? {} : { http: init.httpProbe }),
          ...(init.corsProbe === undefined ? {} : { cors: init.corsProbe }),
        },
      },
    }),
  );

const preload = fc.constantFrom(
  undefined,
  () => null,
  () => ({ preloaded: true, includeSubDomains: true }),
  () => ({ preloaded: false, includeSubDomains: false }),
);

describe('gradeCapture on arbitrary input', () => {
  it('never throws, no test crashes, and the grade follows its rules', () => {
    fc.assert(
      fc.property(capture, preload, (page, isHstsPreloaded) => {
        const grade = gradeCapture(page, isHstsPreloaded === undefined ? undefined : { isHstsPreloaded });
        expect(GRADES.has(grade.grade)).toBe(true);
        expect(grade.score).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(grade.score)).toBe(true);
        // A crash inside a test shows as `partial`, with the error kept in its data.
        const crashed = Object.values(grade.tests).filter((test) => test.result === 'tabgrade-test-error');
        expect(crashed.map((test) => [test.name, test.data])).toEqual([]);
        expect(grade.status).toBe('graded');
        expect(Object.keys(grade.tests).sort()).toEqual([...CURRENT_SCORING.tests].sort());
        expect(grade.testsPassed + grade.testsFailed).toBe(CURRENT_SCORING.tests.length);
        for (const test of Object.values(grade.tests)) {
          expect(test.potentialGain).toBeGreaterThanOrEqual(0);
          expect(Object.keys(CURRENT_SCORING.results[test.name] ?? {})).toContain(test.result);
        }
        // The result is plain data: it survives a JSON round trip unchanged.
        expect(JSON.parse(JSON.stringify(grade))).toEqual(grade);
      }),
      { numRuns: Number(process.env.GRADE_PROPERTY_RUNS ?? 300) },
    );
  }, 120_000);

  it('never throws on captures without a usable document', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('loading' as const, 'complete' as const, 'error' as const),
        fc.option(anyText, { nil: null }),
        url,
        (state, error, pageUrl) => {
          const grade = gradeCapture(captureFrom({ url: pageUrl, overrides: { state, error } }));
          expect(['pending', 'unavailable']).toContain(grade.status);
          expect(grade.score).toBe(0);
        },
      ),
    );
  });
});
