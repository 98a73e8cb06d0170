/**
 * Differential test: Tabgrade's CSP, X-Frame-Options, Referrer-Policy,
 * X-Content-Type-Options and CORP tests against the MDN HTTP Observatory's own analyzer
 * tests (npm package 1.4.8, the newest the registry serves), fed the same generated pages.
 *
 * The Observatory side gets the `Requests` object its retriever would build: headers as
 * Node's HTTP client delivers them (lower-case names, repeats joined with ", "), an
 * AxiosHeaders-like `get`, and `httpEquiv` as its meta scan fills it (every
 * `http-equiv=content-security-policy` content, the last `name=referrer` content).
 *
 * Known 1.4.8 → 1.6.3 differences, applied explicitly:
 * - CSP (1.6.2): header and meta values are split on "," into policies before parsing.
 *   1.4.8 flattens an array header value into policies, so its side gets the split list.
 * - X-Frame-Options (1.5.0) changed modifiers, not results; only results are compared.
 * - CORP (1.6.3): a repeated header is invalid. Joined by Node it reads "a, a", which
 *   1.4.8 already calls invalid, so the results agree without adjustment.
 * The HTML tokenizer is not under test here (it has its own tests): generated meta tags
 * are plain, so html.ts and the Observatory's meta scan read them alike.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpHeader, PageCapture } from '../../src/core/capture';
import { contentSecurityPolicyTest } from '../../src/core/checks/observatory/content-security-policy';
import { crossOriginResourcePolicyTest } from '../../src/core/checks/observatory/cross-origin-resource-policy';
import { splitPolicyList } from '../../src/core/checks/observatory/csp-parser';
import { referrerPolicyTest } from '../../src/core/checks/observatory/referrer-policy';
import type { ObservatoryContext, ObservatoryTest } from '../../src/core/checks/observatory/types';
import { xContentTypeOptionsTest } from '../../src/core/checks/observatory/x-content-type-options';
import { xFrameOptionsTest } from '../../src/core/checks/observatory/x-frame-options';
import { captureFrom } from '../helpers/fixtures';

interface ObservatoryOutput {
  result: string;
  pass: boolean;
  data?: unknown;
  policy?: Record<string, boolean> | null;
}
type ObservatoryTestFn = (requests: unknown) => ObservatoryOutput;

const require = createRequire(import.meta.url);
const PACKAGE_DIR = dirname(require.resolve('@mdn/mdn-http-observatory/package.json'));
const context: ObservatoryContext = { isHstsPreloaded: () => null };

type Name = 'csp' | 'xfo' | 'referrer' | 'xcto' | 'corp';
const observatory = {} as Record<Name, ObservatoryTestFn>;
const tabgrade: Record<Name, ObservatoryTest> = {
  csp: contentSecurityPolicyTest,
  xfo: xFrameOptionsTest,
  referrer: referrerPolicyTest,
  xcto: xContentTypeOptionsTest,
  corp: crossOriginResourcePolicyTest,
};

async function loadTest(file: string, exportName: string): Promise<ObservatoryTestFn> {
  const module: unknown = await import(join(PACKAGE_DIR, 'src', 'analyzer', 'tests', file));
  const fn = (module as Record<string, unknown>)[exportName];
  if (typeof fn !== 'function') throw new Error(`${file} has no ${exportName}`);
  return fn as ObservatoryTestFn;
}

beforeAll(async () => {
  observatory.csp = await loadTest('csp.js', 'contentSecurityPolicyTest');
  observatory.xfo = await loadTest('x-frame-options.js', 'xFrameOptionsTest');
  observatory.referrer = await loadTest('referrer-policy.js', 'referrerPolicyTest');
  observatory.xcto = await loadTest('x-content-type-options.js', 'xContentTypeOptionsTest');
  observatory.corp = await loadTest('cross-origin-resource-policy.js', 'crossOriginResourcePolicyTest');
}, 60_000);

interface Page {
  url: string;
  headers: HttpHeader[];
  metaCsp: string[];
  metaReferrer: string[];
}

/** Node's view of the headers (repeats joined), with CSP pre-split as 1.6.2+ reads it. */
function nodeHeaders(headers: readonly HttpHeader[]): Record<string, string | string[]> {
  const joined: Record<string, string> = {};
  for (const { name, value } of headers) {
    const key = name.toLowerCase();
    joined[key] = joined[key] === undefined ? value : `${joined[key]}, ${value}`;
  }
  const out: Record<string, string | string[]> = { ...joined };
  const csp = joined['content-security-policy'];
  if (csp !== undefined) out['content-security-policy'] = splitPolicyList([csp]);
  // AxiosHeaders#get, used for the report-only header; not enumerable, like a class method.
  Object.defineProperty(out, 'get', { enumerable: false, value: (name: string) => joined[name.toLowerCase()] });
  return out;
}

function requestsFor(page: Page): unknown {
  const httpEquiv = new Map<string, string[]>([['content-security-policy', splitPolicyList(page.metaCsp.filter((c) => c !== ''))]]);
  const referrer = page.metaReferrer.filter((c) => c !== '');
  if (referrer.length > 0) httpEquiv.set('referrer-policy', [referrer[referrer.length - 1] ?? '']);
  return {
    session: { url: new URL(page.url) },
    responses: { auto: { headers: nodeHeaders(page.headers), status: 200, verified: true, httpEquiv } },
  };
}

const escapeAttribute = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

function captureOf(page: Page): PageCapture {
  const metas = [
    ...page.metaCsp.map((content) => `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(content)}">`),
    ...page.metaReferrer.map((content) => `<meta name="referrer" content="${escapeAttribute(content)}">`),
  ];
  return captureFrom({
    url: page.url,
    headers: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }, ...page.headers],
    html: `<!doctype html><html><head>${metas.join('')}<title>t</title></head><body><p>x</p></body></html>`,
  });
}

// ---------------------------------------------------------------------------------------
// Generated pages

const DIRECTIVES = ['default-src', 'script-src', 'style-src', 'img-src', 'media-src', 'object-src', 'connect-src', 'frame-ancestors', 'base-uri', 'form-action', 'report-uri', 'report-to', 'upgrade-insecure-requests', 'sandbox', 'Script-Src', 'DEFAULT-SRC'];
const SOURCES = [
  "'none'", "'self'", "'unsafe-inline'", "'unsafe-eval'", "'strict-dynamic'", "'nonce-abc'", "'sha256-abc='", "'UNSAFE-INLINE'",
  '*', 'http:', 'https:', 'ftp:', 'data:', 'blob:', 'http://*', 'https://*', 'https://*.*', 'https://cdn.example.net', 'http://cdn.example.net',
  'https://cdn.example.net/js/', 'https://cdn.example.net/js/app.js', 'https://a.example/%41', 'https://a.example/A', '*.example.com', 'ftp://files.example',
  'wss://live.example.com', '/r', 'endpoint', 'https://a.example/%zz', 'https://bücher.example', 'https://a.example/é', 'https://a.example+x',
];
const directive = fc.tuple(fc.constantFrom(...DIRECTIVES), fc.array(fc.constantFrom(...SOURCES), { maxLength: 4 })).map(([name, sources]) => [name, ...sources].join(' '));
const policy = fc.array(directive, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('; '));
/** Mostly single policies; sometimes several joined by "," or with stray separators. */
const cspValue = fc.oneof(
  { weight: 6, arbitrary: policy },
  { weight: 2, arbitrary: fc.array(policy, { minLength: 2, maxLength: 3 }).map((policies) => policies.join(', ')) },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', 'defa', "default-src 'none',", "default-src 'none';;; ;", "script-src 'self'\r\n; img-src *", "default-src 'none'; report-uri /a; report-uri /b") },
);
const repeated = <T>(value: fc.Arbitrary<T>, max = 2): fc.Arbitrary<T[]> => fc.array(value, { maxLength: max });

const XFO = ['DENY', 'sameorigin', ' SAMEORIGIN ', 'ALLOW-FROM https://a.example', 'allow-from', 'allowall', ''];
const REFERRER = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin', 'origin', 'origin-when-cross-origin', 'unsafe-url', 'no-referrer-when-downgrade', 'NO-REFERRER', 'no-referrer, unsafe-url', 'unsafe-url,strict-origin', 'bogus', ''];
const XCTO = ['nosniff', 'NOSNIFF ', 'no-sniff', ''];
const CORP = ['same-origin', 'same-site', 'cross-origin', 'Same-Site', ' same-origin ', 'same-host', ''];

const page: fc.Arbitrary<Page> = fc
  .record({
    url: fc.constantFrom('https://www.example.com/', 'http://www.example.com/'),
    csp: repeated(cspValue),
    reportOnly: repeated(fc.constantFrom("default-src 'none'", ''), 1),
    xfo: repeated(fc.constantFrom(...XFO)),
    referrer: repeated(fc.constantFrom(...REFERRER)),
    xcto: repeated(fc.constantFrom(...XCTO)),
    corp: repeated(fc.constantFrom(...CORP)),
    metaCsp: repeated(fc.oneof(policy, fc.constantFrom("frame-ancestors 'none'", 'report-uri /r; sandbox', 'report-uri /a; report-uri /b', "report-to a; frame-ancestors 'none'; report-to b", ''))),
    metaReferrer: repeated(fc.constantFrom(...REFERRER)),
  })
  .map((p) => ({
    url: p.url,
    headers: [
      ...p.csp.map((value) => ({ name: 'Content-Security-Policy', value })),
      ...p.reportOnly.map((value) => ({ name: 'Content-Security-Policy-Report-Only', value })),
      ...p.xfo.map((value) => ({ name: 'X-Frame-Options', value })),
      ...p.referrer.map((value) => ({ name: 'Referrer-Policy', value })),
      ...p.xcto.map((value) => ({ name: 'X-Content-Type-Options', value })),
      ...p.corp.map((value) => ({ name: 'Cross-Origin-Resource-Policy', value })),
    ],
    metaCsp: p.metaCsp,
    metaReferrer: p.metaReferrer,
  }));

// ---------------------------------------------------------------------------------------

const seen = new Map<Name, Set<string>>();

describe('differential against @mdn/mdn-http-observatory 1.4.8 (CSP, XFO, Referrer-Policy, XCTO, CORP)', { timeout: 120_000 }, () => {
  it('agrees on every result, pass, and on the CSP directives and flags', () => {
    fc.assert(
      fc.property(page, (p) => {
        const requests = requestsFor(p);
        const capture = captureOf(p);
        for (const name of Object.keys(tabgrade) as Name[]) {
          const theirs = observatory[name](requests);
          const ours = tabgrade[name].run(capture, context);
          expect({ test: name, result: ours.result, pass: ours.pass }).toEqual({ test: name, result: theirs.result, pass: theirs.pass });
          if (name === 'csp') {
            expect(ours.data.directives ?? null).toEqual(theirs.data ?? null);
            expect(ours.data.policy ?? null).toEqual(theirs.policy ? { ...theirs.policy } : null);
          }
          const results = seen.get(name) ?? new Set<string>();
          results.add(ours.result);
          seen.set(name, results);
        }
      }),
      { numRuns: Number(process.env.DIFFERENTIAL_RUNS ?? 1000) },
    );
  });

  it('exercised most results of each test', () => {
    expect(seen.get('csp')?.size ?? 0).toBeGreaterThanOrEqual(9);
    expect(seen.get('xfo')?.size).toBe(5);
    expect(seen.get('referrer')?.size).toBe(4);
    expect(seen.get('xcto')?.size).toBe(3);
    expect(seen.get('corp')?.size).toBe(5);
  });
});
