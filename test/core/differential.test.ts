/**
 * Differential test: Tabgrade's five tests against the MDN HTTP Observatory's own analyzer
 * tests (npm package 1.4.8, the newest the registry serves), fed the same generated pages.
 *
 * The Observatory's tests are pure functions of a `Requests` object, so they run offline:
 * this file builds that object the way its retriever would from the same responses —
 * headers as Node's HTTP client delivers them (repeats joined with ", ", Set-Cookie as a
 * list, a repeated Content-Type keeping the first), cookies through a real tough-cookie
 * jar (as http-cookie-agent stores them), the CORS response without its request's headers
 * (the live-scanner quirk), every certificate verified.
 *
 * Known 1.4.8 → 1.6.3 differences, applied explicitly:
 * - SRI: 1.4.8 reads HTML with jsdom, 1.6.3 with htmlparser2. Generated pages stay inside
 *   markup both read alike (no <template>, <svg>, raw-text tricks or upper-case schemes),
 *   so the verdicts must agree; the HTML tokenizer is tested on its own elsewhere.
 * - SRI: 1.4.8 calls a page without any Content-Type "not HTML"; 1.6.3 (`if (mime && …)`)
 *   parses it. The 1.4.8 side is handed `text/html` for such a page.
 * - 1.4.8 reads the scanned host from `requests.hostname`, 1.6.3 from `requests.site`.
 * The cookies, CORS, redirection and HSTS rules did not change between the two.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { CookieJar } from 'tough-cookie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpHeader, PageCapture, RedirectHop } from '../../src/core/capture';
import { cookiesTest } from '../../src/core/checks/observatory/cookies';
import { crossOriginResourceSharingTest } from '../../src/core/checks/observatory/cross-origin-resource-sharing';
import { redirectionTest } from '../../src/core/checks/observatory/redirection';
import { cookieSessionResponses, httpSession, httpsFinalResponse } from '../../src/core/checks/observatory/scan-view';
import { strictTransportSecurityTest } from '../../src/core/checks/observatory/strict-transport-security';
import { subresourceIntegrityTest } from '../../src/core/checks/observatory/subresource-integrity';
import type { ObservatoryContext } from '../../src/core/checks/observatory/types';
import { headerValues } from '../../src/core/headers';
import { setCookieLines } from '../../src/core/cookies/set-cookie';
import { createHstsPreloadList, lookupHstsPreload } from '../../src/core/hsts-preload';
import { captureFrom } from '../helpers/fixtures';
import { hop, probe, response } from '../helpers/chains';

// ---------------------------------------------------------------------------------------
// The Observatory side

interface ObservatoryOutput {
  result: string;
  pass: boolean;
}
type ObservatoryTestFn = (requests: unknown) => ObservatoryOutput;

const require = createRequire(import.meta.url);
const PACKAGE_DIR = dirname(require.resolve('@mdn/mdn-http-observatory/package.json'));
const PRELOAD_FILE = join(PACKAGE_DIR, 'conf', 'hsts-preload.json');
/** The preload list both sides use (the package's own list is a network download). */
const PRELOADED: Record<string, { includeSubDomains: boolean; includeSubDomainsForPinning: boolean; mode: string; pinned: boolean }> = {
  'preloaded.example': { includeSubDomains: true, includeSubDomainsForPinning: true, mode: 'force-https', pinned: false },
};
const context: ObservatoryContext = {
  isHstsPreloaded: (host) =>
    lookupHstsPreload(createHstsPreloadList('differential', null, Object.entries(PRELOADED).map(([name, entry]) => [name, entry.includeSubDomains] as const)), host),
};

let createdPreloadFile = false;
const observatory: Record<'cookies' | 'cors' | 'redirection' | 'hsts' | 'sri', ObservatoryTestFn> = {} as never;

async function loadTest(file: string, exportName: string): Promise<ObservatoryTestFn> {
  const module: unknown = await import(join(PACKAGE_DIR, 'src', 'analyzer', 'tests', file));
  const fn = (module as Record<string, unknown>)[exportName];
  if (typeof fn !== 'function') throw new Error(`${file} has no ${exportName}`);
  return fn as ObservatoryTestFn;
}

beforeAll(async () => {
  if (!existsSync(PRELOAD_FILE)) {
    mkdirSync(dirname(PRELOAD_FILE), { recursive: true });
    writeFileSync(PRELOAD_FILE, JSON.stringify(PRELOADED));
    createdPreloadFile = true;
  }
  observatory.cookies = await loadTest('cookies.js', 'cookiesTest');
  observatory.cors = await loadTest('cors.js', 'crossOriginResourceSharingTest');
  observatory.redirection = await loadTest('redirection.js', 'redirectionTest');
  observatory.hsts = await loadTest('strict-transport-security.js', 'strictTransportSecurityTest');
  observatory.sri = await loadTest('subresource-integrity.js', 'subresourceIntegrityTest');
}, 60_000);

afterAll(() => {
  if (createdPreloadFile) rmSync(PRELOAD_FILE);
});

/** Node's HTTP client: lower-case names; Set-Cookie a list; some repeats dropped; others joined. */
const NODE_KEEPS_FIRST = new Set(['content-type', 'content-length', 'user-agent', 'referer', 'host', 'authorization', 'proxy-authorization', 'if-modified-since', 'if-unmodified-since', 'from', 'location', 'max-forwards', 'retry-after', 'etag', 'last-modified', 'server', 'age', 'expires']);
function nodeHeaders(headers: readonly HttpHeader[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const { name, value } of headers) {
    const key = name.toLowerCase();
    const existing = out[key];
    if (key === 'set-cookie') out[key] = [...((existing as string[] | undefined) ?? []), ...setCookieLines([value])];
    else if (existing === undefined) out[key] = value;
    else if (!NODE_KEEPS_FIRST.has(key)) out[key] = `${existing as string}, ${value}`;
  }
  return out;
}

/** Known difference: a response without Content-Type is HTML to 1.6.3's SRI test, not to 1.4.8's. */
function sriReadingOf163(headers: Record<string, string | string[]>): Record<string, string | string[]> {
  return headers['content-type'] === undefined ? { ...headers, 'content-type': 'text/html' } : headers;
}

/** The `Requests` object the Observatory's retriever would have built for this capture. */
function requestsFor(capture: PageCapture): unknown {
  const host = new URL(capture.url).hostname;
  const document = capture.document;
  const https = httpsFinalResponse(capture);
  const session = httpSession(capture);
  const jar = new CookieJar();
  for (const step of cookieSessionResponses(capture)) {
    for (const line of setCookieLines(headerValues(step.headers, 'set-cookie'))) jar.setCookieSync(line, step.url, { ignoreError: true });
  }
  const route = session.kind === 'observed' ? session.route.map((step) => ({ url: new URL(step.url), status: step.statusCode })) : [];
  const last = route[route.length - 1];
  const cors = capture.probes.cors?.response;
  return {
    hostname: host,
    site: { hostname: host },
    resources: { path: capture.html?.text ?? null },
    session: { jar, url: new URL(capture.url) },
    responses: {
      auto: document && { headers: sriReadingOf163(nodeHeaders(document.headers)), status: document.statusCode, verified: true },
      https: https && { headers: nodeHeaders(https.response.headers), status: https.response.statusCode, verified: true },
      http: session.kind === 'observed' && last ? { headers: {}, status: last.status, verified: true } : null,
      httpRedirects: route,
      httpsRedirects: route,
      cors: cors ? { headers: nodeHeaders(cors.headers), status: cors.statusCode, request: {}, verified: true } : null,
    },
  };
}

// ---------------------------------------------------------------------------------------
// Generated pages

const header = (name: string, value: string): HttpHeader => ({ name, value });

const hstsHeader = fc.option(
  fc.constantFrom('max-age=31536000', 'max-age=86400; includeSubDomains', 'max-age=15552000; preload', 'includeSubDomains', 'max-age=abc', 'max-age = 5', 'max-age=0', ''),
  { nil: undefined },
);
const hstsHeaders = fc.tuple(hstsHeader, fc.boolean()).map(([value, twice]) =>
  value === undefined ? [] : twice ? [header('Strict-Transport-Security', value), header('Strict-Transport-Security', value)] : [header('Strict-Transport-Security', value)],
);

const cookieName = fc.constantFrom('sessionid', 'PHPSESSID', 'user_LOGIN', 'csrftoken', 'XSRF-csrf', 'theme', '__Secure-id', '__Host-id', 'heroku-session-affinity', 'SameSite', ' padded ');
const cookieAttribute = fc.constantFrom(
  'Secure', 'HttpOnly', 'secure=0', 'SameSite=Lax', 'SameSite=strict', 'SameSite=None', 'SameSite=bogus', 'SameSite', 'SameSite=', 'SameSite=Lax=1',
  'Domain=example.com', 'Domain=.www.example.com', 'Domain=com', 'Domain=other.org', 'Path=/', 'Path=/deep', 'Path=rel', 'Max-Age=0', 'Max-Age=60',
  'Expires=Wed, 21 Oct 2015 07:28:00 GMT', 'junk',
);
const cookieLine = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(cookieName, fc.constantFrom('v', '', 'a b', 'x\ty'), fc.array(cookieAttribute, { maxLength: 5 })).map(([name, value, attributes]) => [`${name}=${value}`, ...attributes].join('; ')) },
  { weight: 1, arbitrary: fc.constantFrom('novalue', '=v', 'a=1\nb=2; Secure', '') },
);
const cookieHeaders = fc.array(cookieLine, { maxLength: 4 }).map((lines) => lines.map((line) => header('Set-Cookie', line)));

const pageUrl = fc.constantFrom('https://www.example.com/', 'https://www.example.com/deep/page', 'http://www.example.com/', 'https://preloaded.example/');

const cookiePage = fc.tuple(pageUrl, hstsHeaders, cookieHeaders, fc.option(cookieHeaders, { nil: undefined })).map(([url, hsts, cookies, hopCookies]) =>
  captureFrom({
    url,
    headers: [...hsts, ...cookies],
    redirects: hopCookies === undefined ? [] : [hop(new URL('/start', url).href, url, { status: 302, headers: [header('Location', url), ...hopCookies] })],
  }),
);

const corsValue = fc.option(fc.constantFrom('*', 'https://http-observatory.security.mozilla.org', 'https://app.example.com', 'null', '', 'https://a.example, https://b.example'), { nil: undefined });
const corsPage = fc.tuple(fc.array(corsValue, { maxLength: 2 }), fc.option(fc.constantFrom('true', 'TRUE ', 'false'), { nil: undefined })).map(([origins, credentials]) => {
  const headers = origins.flatMap((value) => (value === undefined ? [] : [header('Access-Control-Allow-Origin', value)]));
  if (credentials !== undefined) headers.push(header('Access-Control-Allow-Credentials', credentials));
  return captureFrom({ headers: [], overrides: { probes: { cors: probe('https://example.com/', [], response('https://example.com/', headers, 204)) } } });
});

const httpHost = fc.constantFrom('example.com', 'www.example.com', 'preloaded.example', 'www.preloaded.example', 'other.org');
const chainStep = fc.tuple(fc.constantFrom('http:', 'https:'), httpHost, fc.constantFrom(301, 302, 307, 308));
const redirectionPage = fc
  .tuple(httpHost, fc.boolean(), fc.array(chainStep, { maxLength: 12 }), fc.constantFrom(200, 404, 500))
  .map(([startHost, upgradeFirst, steps, finalStatus]) => {
    // Half the time the first hop is the textbook upgrade to https on the same host.
    const rest = upgradeFirst ? [['https:', startHost, 301] as const, ...steps] : steps;
    const start = `http://${startHost}/`;
    const urls = [start, ...rest.map(([scheme, host], i) => `${scheme}//${host}/${i}`)];
    const hops: RedirectHop[] = urls.slice(0, -1).map((url, i) => hop(url, urls[i + 1] ?? url, { status: rest[i]?.[2] ?? 301 }));
    const finalUrl = urls[urls.length - 1] ?? start;
    return captureFrom({ headers: [], overrides: { probes: { http: probe(start, hops, response(finalUrl, [], finalStatus)) } } });
  });

const scriptSrc = fc.constantFrom(
  '/app.js', 'app.js', '//cdn.example.net/x.js', '//www.example.com/x.js', 'https://cdn.example.net/x.js', 'http://cdn.example.net/x.js',
  'https://static.example.com/x.js', 'http://static.example.com/x.js', 'https://a.github.io/x.js', '',
);
const scriptTag = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(scriptSrc, fc.constantFrom(null, '', 'sha384-abc')).map(([src, integrity]) => `<script src="${src}"${integrity === null ? '' : ` integrity="${integrity}"`}></script>`) },
  { weight: 1, arbitrary: fc.constant('<script>var a = 1;</script>') },
);
const sriPage = fc.tuple(
  fc.constantFrom('https://www.example.com/', 'http://www.example.com/', 'https://b.github.io/'),
  fc.array(scriptTag, { maxLength: 5 }),
  fc.constantFrom('text/html; charset=utf-8', 'application/json', null),
).map(([url, tags, contentType]) =>
  captureFrom({
    url,
    headers: contentType === null ? [] : [header('Content-Type', contentType)],
    html: `<!doctype html><html><head><title>t</title>${tags.slice(0, 2).join('')}</head><body><p>x</p>${tags.slice(2).join('')}</body></html>`,
  }),
);

// ---------------------------------------------------------------------------------------

const RUNS = { numRuns: 300 };

/** Result ids seen per test, so the run proves it exercised many outcomes, not one. */
const seen = new Map<string, Set<string>>();
function record(test: string, result: string): void {
  const results = seen.get(test) ?? new Set<string>();
  results.add(result);
  seen.set(test, results);
}

// jsdom (1.4.8's HTML parser) is slow, and other suites share the two cores.
describe('differential against @mdn/mdn-http-observatory 1.4.8', { timeout: 60_000 }, () => {
  it('strict-transport-security agrees', () => {
    fc.assert(
      fc.property(cookiePage, (capture) => {
        const ours = strictTransportSecurityTest.run(capture, context).result;
        record('hsts', ours);
        expect(ours).toBe(observatory.hsts(requestsFor(capture)).result);
      }),
      RUNS,
    );
    expect(seen.get('hsts')?.size).toBeGreaterThanOrEqual(5);
  });

  it('cookies agrees (with a real tough-cookie jar on the Observatory side)', () => {
    fc.assert(
      fc.property(cookiePage, (capture) => {
        const theirs = observatory.cookies(requestsFor(capture));
        const ours = cookiesTest.run(capture, context);
        record('cookies', ours.result);
        expect({ result: ours.result, pass: ours.pass }).toEqual({ result: theirs.result, pass: theirs.pass });
      }),
      { numRuns: 600 },
    );
    expect(seen.get('cookies')?.size).toBeGreaterThanOrEqual(8);
  });

  it('cross-origin-resource-sharing agrees', () => {
    fc.assert(
      fc.property(corsPage, (capture) => {
        const ours = crossOriginResourceSharingTest.run(capture, context).result;
        record('cors', ours);
        expect(ours).toBe(observatory.cors(requestsFor(capture)).result);
      }),
      RUNS,
    );
    expect(seen.get('cors')?.size).toBe(3);
  });

  it('redirection agrees', () => {
    fc.assert(
      fc.property(redirectionPage, (capture) => {
        const theirs = observatory.redirection(requestsFor(capture));
        const ours = redirectionTest.run(capture, context);
        record('redirection', ours.result);
        expect({ result: ours.result, pass: ours.pass }).toEqual({ result: theirs.result, pass: theirs.pass });
      }),
      RUNS,
    );
    expect(seen.get('redirection')?.size).toBeGreaterThanOrEqual(6);
  });

  it('subresource-integrity agrees', () => {
    fc.assert(
      fc.property(sriPage, (capture) => {
        const theirs = observatory.sri(requestsFor(capture));
        const ours = subresourceIntegrityTest.run(capture, context);
        record('sri', ours.result);
        expect({ result: ours.result, pass: ours.pass }).toEqual({ result: theirs.result, pass: theirs.pass });
      }),
      { numRuns: 120 },
    );
    expect(seen.get('sri')?.size).toBeGreaterThanOrEqual(7);
  });
});
