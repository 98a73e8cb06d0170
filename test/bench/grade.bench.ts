/**
 * How long grading one capture takes.
 *
 *   npx vitest bench --run --project unit test/bench/grade.bench.ts
 *
 * (`npm run bench` runs every bench file, one file at a time.)
 *
 * Target: under 0.2 ms median for the realistic page. Each iteration grades a *different*
 * capture object with a *different* `html` object (shallow copies of the same data), so
 * nothing cached per object (the CSP analysis per capture, the parsed markup per capture
 * and per `capture.html`) makes the figures look better than a real first grade.
 *
 * Run it with `--project unit`: without it, both vitest projects pick the file up and
 * the benches run twice, concurrently.
 */
import { bench, describe } from 'vitest';
import type { HttpHeader, PageCapture } from '../../src/core/capture';
import { gradeCapture } from '../../src/core/grade';
import { parseDocumentMarkup } from '../../src/core/html';
import { captureFrom } from '../helpers/fixtures';

/** A long, realistic CSP (about 1.6 KB, 9 directives, ~70 sources). */
const LONG_CSP = [
  "default-src 'none'",
  `script-src 'self' 'nonce-Y2hhbmdlLW1lLWV2ZXJ5LXJlcXVlc3Q=' 'strict-dynamic' https: ${Array.from({ length: 18 }, (_, i) => `https://cdn${i}.example-cdn.net/js/`).join(' ')}`,
  `style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' ${Array.from({ length: 10 }, (_, i) => `https://fonts${i}.example.net`).join(' ')}`,
  `img-src 'self' data: ${Array.from({ length: 15 }, (_, i) => `https://img${i}.example-static.com`).join(' ')}`,
  `connect-src 'self' ${Array.from({ length: 12 }, (_, i) => `https://api${i}.example.com wss://live${i}.example.com`).join(' ')}`,
  "font-src 'self' https://fonts.gstatic.com",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  'report-to csp-endpoint',
].join('; ');

const REALISTIC_HEADERS: HttpHeader[] = [
  { name: 'content-type', value: 'text/html; charset=utf-8' },
  { name: 'date', value: 'Tue, 25 Nov 2026 10:00:00 GMT' },
  { name: 'server', value: 'nginx' },
  { name: 'cache-control', value: 'private, max-age=0, no-cache' },
  { name: 'content-encoding', value: 'br' },
  { name: 'vary', value: 'Accept-Encoding, Cookie' },
  { name: 'content-security-policy', value: LONG_CSP },
  { name: 'strict-transport-security', value: 'max-age=63072000; includeSubDomains; preload' },
  { name: 'x-content-type-options', value: 'nosniff' },
  { name: 'x-frame-options', value: 'DENY' },
  { name: 'referrer-policy', value: 'strict-origin-when-cross-origin' },
  { name: 'cross-origin-resource-policy', value: 'same-origin' },
  { name: 'permissions-policy', value: 'camera=(), microphone=(), geolocation=()' },
  { name: 'etag', value: 'W/"5e1f-1a2b3c"' },
  { name: 'alt-svc', value: 'h3=":443"; ma=86400' },
  { name: 'set-cookie', value: 'sessionid=abc123; Path=/; Secure; HttpOnly; SameSite=Lax' },
  { name: 'set-cookie', value: 'csrftoken=def456; Path=/; Secure; SameSite=Strict' },
  { name: 'set-cookie', value: 'theme=dark; Path=/; Max-Age=31536000; Secure; SameSite=Lax' },
  { name: 'set-cookie', value: '_ga=GA1.2.3.4; Path=/; Domain=.example.com; Max-Age=63072000; Secure; SameSite=Lax' },
  { name: 'set-cookie', value: 'consent=yes; Path=/; Secure; SameSite=Lax' },
];

/** About `kilobytes` KB of typical markup: head metas, scripts with and without SRI, body text. */
function htmlOfSize(kilobytes: number): string {
  const head = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="strict-origin-when-cross-origin">',
    '<meta http-equiv="content-security-policy" content="upgrade-insecure-requests">',
    '<title>Example — a realistic page</title>',
    '<link rel="stylesheet" href="/static/app.css" integrity="sha384-abc" crossorigin="anonymous">',
    ...Array.from({ length: 8 }, (_, i) => `<script src="https://cdn${i}.example-cdn.net/js/lib${i}.js" integrity="sha384-${'x'.repeat(64)}" crossorigin="anonymous"></script>`),
    ...Array.from({ length: 6 }, (_, i) => `<script src="/static/chunk-${i}.js" defer></script>`),
    '<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} if (a < b && c > d) { gtag("js", new Date()); }</script>',
    '<style>body{font-family:system-ui}.card>a{color:#06c}</style></head><body>',
  ].join('\n');
  const block =
    '<article class="card"><h2>Heading</h2><p>Some paragraph text with <a href="/link?x=1&amp;y=2">a link</a>, <em>emphasis</em> and an image <img src="/i.png" alt="">.</p><!-- a comment --></article>\n';
  const parts = [head];
  let size = head.length;
  while (size < kilobytes * 1024) {
    parts.push(block);
    size += block.length;
  }
  parts.push('<script src="/static/app.js" type="module"></script></body></html>');
  return parts.join('');
}

const realistic = captureFrom({ url: 'https://www.example.com/', headers: REALISTIC_HEADERS, html: htmlOfSize(30) });

const worstHeaders: HttpHeader[] = [
  ...REALISTIC_HEADERS,
  ...Array.from({ length: 200 - REALISTIC_HEADERS.length - 5 }, (_, i) => ({ name: `x-custom-header-${i}`, value: `value-${i}-${'v'.repeat(200)}` })),
  // Long, repeated security headers: several CSP policies, a long cookie.
  { name: 'content-security-policy', value: LONG_CSP },
  { name: 'content-security-policy', value: LONG_CSP.replace("default-src 'none'", "default-src 'self'") },
  { name: 'content-security-policy-report-only', value: LONG_CSP },
  { name: 'referrer-policy', value: 'no-referrer, '.repeat(500) + 'strict-origin' },
  { name: 'set-cookie', value: `big=${'c'.repeat(4000)}; Secure; HttpOnly; SameSite=Strict` },
];
const worst = captureFrom({ url: 'https://www.example.com/', headers: worstHeaders, html: htmlOfSize(1024) });

/**
 * A fresh capture object per call, with a fresh `html` object (shallow copies, ~0.1 µs)
 * sharing the same data, so the per-capture and per-HTML caches never hit and old copies
 * can be collected: every iteration pays for a first grade, parse included.
 */
function freshCopiesOf(capture: PageCapture): () => PageCapture {
  return () => ({ ...capture, html: capture.html && { ...capture.html } });
}

const nextRealistic = freshCopiesOf(realistic);
const nextHeadersOnly = freshCopiesOf({ ...realistic, html: null });
const nextWorst = freshCopiesOf(worst);

describe('gradeCapture', () => {
  bench('realistic page (20 headers, 30 KB HTML, 5 cookies, long CSP)', () => {
    gradeCapture(nextRealistic());
  }, { time: 3_000, warmupTime: 500 });

  // Attribution: the same page without HTML, and the HTML parse alone (html.ts), which the
  // grade pays once (every test that reads the markup shares it).
  bench('realistic page without its HTML (headers and cookies only)', () => {
    gradeCapture(nextHeadersOnly());
  }, { time: 2_000, warmupTime: 300 });

  bench('parseDocumentMarkup of the realistic 30 KB page', () => {
    parseDocumentMarkup(nextRealistic());
  }, { time: 2_000, warmupTime: 300 });

  // What the background pays when it grades a capture again after an update (a probe's
  // answer, more sub-resources): a new capture object, the same HTML, already parsed.
  bench('realistic page re-graded after a capture update (same HTML)', () => {
    gradeCapture({ ...realistic });
  }, { time: 2_000, warmupTime: 300 });

  bench('worst case (200 headers, 1 MB HTML)', () => {
    gradeCapture(nextWorst());
  }, { time: 3_000, warmupTime: 500 });
});
