import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPTURE_LIMITS, emptyCapture, type PageCapture } from '../../src/core/capture';
import { headerValues } from '../../src/core/headers';
import { gradeCapture } from '../../src/core/grade';
import { captureToHar, harToCapture, HarError, importHar, parseHarText, redactHeader, REDACTED } from '../../src/core/har';

const FIXTURES = fileURLToPath(new URL('../fixtures/har/', import.meta.url));

function fixtureText(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

function fixture(name: string): unknown {
  return parseHarText(fixtureText(name));
}

/** The message of the HarError `run` throws; fails the test if it throws anything else. */
function harErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HarError);
    return (error as HarError).message;
  }
  throw new Error('expected a HarError');
}

/** A minimal valid entry; `overrides` replace top-level, request or response fields. */
function entry(
  url: string,
  response: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
  request: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    startedDateTime: '2026-01-01T00:00:00.000Z',
    time: 1,
    request: { method: 'GET', url, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: -1, ...request },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: 'text/html' }],
      cookies: [],
      content: { size: 0, mimeType: 'text/html', text: '<p>hi</p>' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      ...response,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    ...extra,
  };
}

function har(entries: unknown[], pages?: unknown[]): unknown {
  return { log: { version: '1.2', creator: { name: 'test', version: '1' }, ...(pages ? { pages } : {}), entries } };
}

describe('importHar: Chrome DevTools HAR with a redirect chain', () => {
  const { capture, warnings } = importHar(fixture('redirect-chain-to-https.har'));

  it('finds the main document after the redirects and the first requested URL', () => {
    expect(capture.requestedUrl).toBe('http://example.com/');
    expect(capture.url).toBe('https://www.example.com/');
    expect(capture.document?.statusCode).toBe(200);
    expect(capture.document?.type).toBe('main_frame');
    expect(capture.state).toBe('complete');
    expect(capture.error).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('keeps every hop in order with its status line, location and headers', () => {
    expect(capture.redirects.map((hop) => [hop.url, hop.statusCode, hop.location, hop.statusLine, hop.internal])).toEqual([
      ['http://example.com/', 301, 'https://example.com/', 'HTTP/1.1 301 Moved Permanently', false],
      ['https://example.com/', 302, 'https://www.example.com/', 'HTTP/2 302', false],
    ]);
    expect(headerValues(capture.redirects[1]?.headers ?? [], 'strict-transport-security')).toEqual([
      'max-age=63072000; includeSubDomains; preload',
    ]);
  });

  it('keeps header order and repeated Set-Cookie headers', () => {
    const headers = capture.document?.headers ?? [];
    expect(headers.map((h) => h.name)[0]).toBe('content-type');
    expect(headerValues(headers, 'set-cookie')).toEqual([
      '__Host-session=s3cr3t; Path=/; Secure; HttpOnly; SameSite=Lax',
      'theme=dark; Path=/; Secure; SameSite=Strict',
    ]);
  });

  it('takes the served HTML from the document body', () => {
    expect(capture.html?.source).toBe('served');
    expect(capture.html?.truncated).toBe(false);
    expect(capture.html?.text).toContain('integrity="sha384-');
  });

  it('lists sub-resources with webRequest types, cache flag and IPs', () => {
    expect(capture.subresources.map((r) => [r.url, r.type, r.fromCache])).toEqual([
      ['https://www.example.com/app.js', 'script', true],
      ['https://cdn.example.net/lib.js', 'script', false],
      ['https://www.example.com/logo.png', 'image', false],
      ['https://widgets.example.org/embed', 'sub_frame', false],
    ]);
    expect(capture.document?.ip).toBe('93.184.215.15');
    expect(capture.droppedSubresources).toBe(0);
  });

  it('takes times from the page', () => {
    expect(capture.startedAt).toBe(Date.parse('2026-11-20T10:00:00.000Z'));
    expect(capture.completedAt).toBe(capture.startedAt + 820.25);
    expect(capture.tabId).toBeNull();
  });

  it('lists the served HTML’s scripts as a DOM snapshot would, all inserted by the parser', () => {
    expect(capture.dom?.tags.length).toBeGreaterThan(1);
    expect(capture.dom?.tags.every((tag) => tag.origin === 'parser')).toBe(true);
    expect(capture.dom?.tags[0]?.url).toBe('https://www.example.com/app.js');
    expect(capture.dom?.tags[1]).toMatchObject({ element: 'script', crossorigin: 'anonymous' });
    expect(capture.dom?.tags[1]?.integrity).toMatch(/^sha384-/);
  });

  it('does not treat a redirect from another host as the http:// probe of the audited host', () => {
    // The chain starts at http://example.com/, but the audited host is www.example.com.
    expect(capture.probes.http).toBeUndefined();
  });
});

describe('importHar: Firefox DevTools HAR', () => {
  const { capture } = importHar(fixture('firefox-joined-set-cookie.har'));

  it('splits the newline-joined Set-Cookie value into one header per cookie', () => {
    expect(headerValues(capture.document?.headers ?? [], 'set-cookie')).toEqual([
      'sessionid=abc123; Path=/',
      'csrftoken=xyz789; Path=/; Secure; SameSite=Lax',
    ]);
  });

  it('finds the document by its HTML type when there is no _resourceType', () => {
    expect(capture.url).toBe('https://shop.example/');
    expect(capture.document?.statusLine).toBe('HTTP/2 200 OK');
    expect(capture.subresources.map((r) => r.type)).toEqual(['script']);
    expect(capture.startedAt).toBe(Date.parse('2026-11-21T07:30:00.000Z'));
  });
});

describe('importHar: Playwright recordHar HAR', () => {
  const { capture } = importHar(fixture('playwright-base64-body.har'));

  it('decodes a base64 body with the charset the response declares', () => {
    expect(capture.html?.text).toBe('<!doctype html><title>Café</title><p>Menu</p>');
  });

  it('keeps the URL as recorded and uses the page id Playwright writes', () => {
    expect(capture.url).toBe('https://cafe.example/menu?lang=fr#top');
    expect(capture.navigationId).toContain('page@3f2a');
  });
});

describe('importHar: Chrome HSTS internal redirect', () => {
  const { capture } = importHar(fixture('hsts-internal-redirect.har'));

  it('marks the hop internal and drops HTTP/3 pseudo-headers', () => {
    expect(capture.redirects).toHaveLength(1);
    expect(capture.redirects[0]?.internal).toBe(true);
    expect(capture.document?.statusLine).toBe('HTTP/3 200');
    expect(capture.document?.headers.some((h) => h.name.startsWith(':'))).toBe(false);
  });

  it('leaves the navigation that started on http:// to the redirection test instead of copying it into a probe', () => {
    expect(capture.requestedUrl).toBe('http://secure.example/');
    expect(capture.probes.http).toBeUndefined();
  });
});

describe('importHar: probes recorded by another tool', () => {
  const { capture } = importHar(fixture('observatory-probes.har'));

  it('takes the first HTML response as the document, not the later probe requests', () => {
    expect(capture.url).toBe('https://example.org/');
    expect(capture.redirects).toEqual([]);
    expect(capture.subresources.map((r) => [r.url, r.type])).toEqual([['https://example.org/style.css', 'stylesheet']]);
  });

  it('follows the http:// request to the audited host through its redirect', () => {
    const probe = capture.probes.http;
    expect(probe?.url).toBe('http://example.org/');
    expect(probe?.redirects.map((hop) => [hop.statusCode, hop.location])).toEqual([[301, 'https://example.org/']]);
    expect(probe?.response?.statusCode).toBe(200);
    expect(probe?.error).toBeUndefined();
  });

  it('reads the policy files with their bodies', () => {
    expect(capture.probes.crossdomainXml?.response?.statusCode).toBe(200);
    expect(capture.probes.crossdomainXml?.body).toContain('<allow-access-from domain="*"/>');
    expect(capture.probes.clientaccesspolicyXml?.response?.statusCode).toBe(404);
  });

  it('takes an OPTIONS request with an Origin to the document URL as the CORS preflight', () => {
    const headers = capture.probes.cors?.response?.headers ?? [];
    expect(capture.probes.cors?.response?.method).toBe('OPTIONS');
    expect(headerValues(headers, 'access-control-allow-credentials')).toEqual(['true']);
  });
});

describe('importHar: a document that failed to load', () => {
  const { capture, warnings } = importHar(fixture('failed-document.har'));

  it('has no document, the browser error and an error state', () => {
    expect(capture.document).toBeNull();
    expect(capture.html).toBeNull();
    expect(capture.state).toBe('error');
    expect(capture.error).toBe('net::ERR_NAME_NOT_RESOLVED');
    expect(capture.completedAt).not.toBeNull();
    expect(warnings.join(' ')).toContain('net::ERR_NAME_NOT_RESOLVED');
  });
});

describe('importHar: finding the chain', () => {
  it('resolves a relative Location when redirectURL is empty', () => {
    const { capture } = importHar(
      har([
        entry('https://a.example/old', { status: 302, headers: [{ name: 'Location', value: '/new?x=1' }] }),
        entry('https://a.example/new?x=1'),
      ]),
    );
    expect(capture.redirects.map((hop) => hop.location)).toEqual(['https://a.example/new?x=1']);
    expect(capture.requestedUrl).toBe('https://a.example/old');
  });

  it('stops at a redirect to the same URL instead of looping', () => {
    const { capture } = importHar(
      har([
        entry('https://a.example/', { status: 302, redirectURL: 'https://a.example/' }),
        entry('https://a.example/'),
      ]),
    );
    expect(capture.redirects).toHaveLength(1);
    expect(capture.url).toBe('https://a.example/');
  });

  it('does not take an HTML redirect body or an OPTIONS response as the document', () => {
    const { capture } = importHar(
      har([
        entry('https://a.example/', { status: 204, content: { size: 0, mimeType: 'text/html' } }, {}, { method: 'OPTIONS' }),
        entry('https://a.example/x', { status: 301, redirectURL: 'https://a.example/y' }),
        entry('https://a.example/y'),
      ]),
    );
    expect(capture.url).toBe('https://a.example/y');
    expect(capture.requestedUrl).toBe('https://a.example/x');
  });

  it('only looks at pages[0] when pages and pagerefs are given', () => {
    const { capture, warnings } = importHar(
      har(
        [entry('https://second.example/', {}, { pageref: 'p2' }), entry('https://first.example/', {}, { pageref: 'p1' })],
        [
          { id: 'p1', startedDateTime: '2026-01-01T00:00:00Z', title: '', pageTimings: {} },
          { id: 'p2', startedDateTime: '2026-01-01T00:01:00Z', title: '', pageTimings: {} },
        ],
      ),
    );
    expect(capture.url).toBe('https://first.example/');
    expect(capture.subresources).toEqual([]);
    expect(warnings).toContain('The HAR holds 2 pages; Tabgrade graded the first.');
  });

  it('caps sub-resources and counts the rest', () => {
    const extra = CAPTURE_LIMITS.subresourcesPerPage + 3;
    const entries = [entry('https://a.example/')];
    for (let i = 0; i < extra; i++) entries.push(entry(`https://a.example/${i}.png`, { content: { size: 0, mimeType: 'image/png' } }));
    const { capture, warnings } = importHar(har(entries));
    expect(capture.subresources).toHaveLength(CAPTURE_LIMITS.subresourcesPerPage);
    expect(capture.droppedSubresources).toBe(3);
    expect(warnings.some((w) => w.startsWith('3 sub-resource responses'))).toBe(true);
  });

  it('reports a redirect whose target is not in the HAR as a probe error', () => {
    const { capture } = importHar(
      har([entry('https://a.example/'), entry('http://a.example/', { status: 301, redirectURL: 'https://a.example/elsewhere' })]),
    );
    expect(capture.probes.http?.response).toBeNull();
    expect(capture.probes.http?.error).toBe('the redirect to https://a.example/elsewhere is not in the HAR');
  });
});

describe('importHar: bodies', () => {
  it('warns when the document has no body, naming a Playwright side file', () => {
    const noText = importHar(har([entry('https://a.example/', { content: { size: 10, mimeType: 'text/html' } })]));
    expect(noText.capture.html).toBeNull();
    expect(noText.warnings[0]).toContain('the HAR has no body for it');
    const sideFile = importHar(har([entry('https://a.example/', { content: { size: 10, mimeType: 'text/html', _file: 'ab12.html' } })]));
    expect(sideFile.warnings[0]).toContain('stored outside the HAR (ab12.html)');
  });

  it('warns on a body that is not valid base64', () => {
    const { capture, warnings } = importHar(
      har([entry('https://a.example/', { content: { size: 1, mimeType: 'text/html', text: '***', encoding: 'base64' } })]),
    );
    expect(capture.html).toBeNull();
    expect(warnings[0]).toContain('not valid base64');
  });

  it('cuts a huge body to the HTML limit and says so', () => {
    const text = 'x'.repeat(CAPTURE_LIMITS.htmlChars + 10);
    const { capture } = importHar(har([entry('https://a.example/', { content: { size: text.length, mimeType: 'text/html', text } })]));
    expect(capture.html?.text).toHaveLength(CAPTURE_LIMITS.htmlChars);
    expect(capture.html?.truncated).toBe(true);
  });
});

describe('importHar: invalid input', () => {
  it('names what is wrong in one line', () => {
    const cases: Array<[unknown, string]> = [
      [fixture('not-a-har.json'), 'not a HAR file: missing log'],
      [{ log: {} }, 'not a HAR file: missing log.entries'],
      [{ log: { entries: {} } }, 'not a HAR file: missing log.entries'],
      [[], 'not a HAR file: expected a JSON object with a "log"'],
      [null, 'not a HAR file: expected a JSON object with a "log"'],
      ['{"log":{}}', 'not a HAR file: expected a JSON object with a "log"'],
      [fixture('no-document.har'), 'no HTML document found among 3 entries'],
      [har([]), 'no HTML document found: the HAR has no entries'],
      // Refused only when the unreadable entry is the page's own document.
      [har([entry('/relative')]), 'the page\'s document, log.entries[0], cannot be read: request.url "/relative" is relative and the HAR does not say the page\'s address'],
      [har([entry('https://a.example/', { status: -2 })]), "the page's document, log.entries[0], cannot be read: response.status -2"],
      [har([{ request: { method: 'GET', url: 'https://a.example/' } }]), "the page's document, log.entries[0], cannot be read: response is missing"],
      [har([entry('https://a.example/', {}, { _tabgradeProbe: 'dns' })]), 'no HTML document found among 0 entries (and 1 unreadable)'],
    ];
    for (const [input, message] of cases) expect(harErrorOf(() => importHar(input))).toBe(message);
  });

  // These were refused whole before; what real exporters write is now read, with one warning.
  it('repairs a status written as text, a number header value and a page list of the wrong type', () => {
    const { capture, warnings } = importHar({
      log: { pages: 'p', entries: [entry('https://a.example/', { status: '200', headers: [{ name: 'Content-Type', value: 'text/html' }, { name: 'X', value: 1 }] })] },
    });
    expect(capture.document?.statusCode).toBe(200);
    expect(headerValues(capture.document?.headers ?? [], 'x')).toEqual(['1']);
    expect(warnings).toContain(
      'Read 2 parts of the HAR that were out of format, as noted: log.pages (is text, ignored), log.entries[0] (response.status "200" read as a number; 1 more).',
    );
  });

  it('skips an entry tagged with a probe this version does not know', () => {
    const { capture, warnings } = importHar(har([entry('https://a.example/'), entry('https://a.example/', {}, { _tabgradeProbe: 'dns' })]));
    expect(capture.url).toBe('https://a.example/');
    expect(capture.subresources).toEqual([]);
    expect(warnings).toContain('Skipped 1 entry the HAR could not describe: log.entries[1] (_tabgradeProbe "dns" is not a probe this Tabgrade knows).');
  });

  it('rejects text that is not JSON', () => {
    const message = harErrorOf(() => parseHarText(fixtureText('invalid-json.har')));
    expect(message).toMatch(/^not a HAR file: not valid JSON \(.+\)$/);
    expect(message).not.toContain('\n');
  });

  it('accepts a byte-order mark', () => {
    expect(harToCapture(parseHarText('\uFEFF' + fixtureText('firefox-joined-set-cookie.har'))).url).toBe('https://shop.example/');
  });

  it('throws nothing but HarError, whatever the input', () => {
    const valid = fixture('redirect-chain-to-https.har');
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything(), fc.constant(valid)), (input) => {
        try {
          importHar(input);
        } catch (error) {
          if (!(error instanceof HarError)) throw error;
          if (error.message.includes('\n')) throw new Error(`multi-line message: ${error.message}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('throws nothing but HarError when any one field of a real HAR is replaced', () => {
    const base = fixtureText('redirect-chain-to-https.har');
    const paths = collectPaths(JSON.parse(base) as unknown);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.anything(), (path, replacement) => {
        const doc = JSON.parse(base) as unknown;
        setPath(doc, path, replacement);
        try {
          importHar(doc);
        } catch (error) {
          if (!(error instanceof HarError)) throw error;
        }
      }),
      { numRuns: 500 },
    );
  });
});

type Path = Array<string | number>;

function collectPaths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(key) : key];
      out.push(path);
      collectPaths(child, path, out);
    }
  }
  return out;
}

function setPath(root: unknown, path: Path, replacement: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last !== undefined) node[last] = replacement;
}

describe('redactHeader', () => {
  it('replaces cookie values and keeps names and attributes', () => {
    expect(redactHeader({ name: 'Set-Cookie', value: 'sid=abc; Path=/; Secure; HttpOnly' }).value).toBe(`sid=${REDACTED}; Path=/; Secure; HttpOnly`);
    expect(redactHeader({ name: 'set-cookie', value: 'sid=abc' }).value).toBe(`sid=${REDACTED}`);
    expect(redactHeader({ name: 'set-cookie', value: 'sid=; Max-Age=0' }).value).toBe('sid=; Max-Age=0');
    expect(redactHeader({ name: 'set-cookie', value: 'nameless; Secure' }).value).toBe(`${REDACTED}; Secure`);
    expect(redactHeader({ name: 'set-cookie', value: 'a=1; Secure\nb=2' }).value).toBe(`a=${REDACTED}; Secure\nb=${REDACTED}`);
    expect(redactHeader({ name: 'Cookie', value: 'a=1; b=two=2; c' }).value).toBe(`a=${REDACTED}; b=${REDACTED}; ${REDACTED}`);
  });

  it('keeps the authorization scheme only', () => {
    expect(redactHeader({ name: 'Authorization', value: 'Bearer eyJhbGciOi.x.y' }).value).toBe(`Bearer ${REDACTED}`);
    expect(redactHeader({ name: 'proxy-authorization', value: 'Basic dXNlcjpwYXNz' }).value).toBe(`Basic ${REDACTED}`);
    expect(redactHeader({ name: 'Authorization', value: 'opaque-token' }).value).toBe(REDACTED);
  });

  it('leaves other headers alone', () => {
    const header = { name: 'Content-Security-Policy', value: "default-src 'self'" };
    expect(redactHeader(header)).toEqual(header);
  });
});

/** Checks the fields HAR 1.2 requires (w3c.github.io/web-performance/specs/HAR/Overview.html). */
function expectValidHar12(doc: unknown): void {
  const log = (doc as { log: Record<string, unknown> }).log;
  expect(log.version).toBe('1.2');
  expect(log.creator).toEqual({ name: expect.any(String), version: expect.any(String) });
  for (const page of log.pages as Array<Record<string, unknown>>) {
    expect(page).toMatchObject({ startedDateTime: expect.any(String), id: expect.any(String), title: expect.any(String), pageTimings: expect.any(Object) });
  }
  for (const item of log.entries as Array<Record<string, unknown>>) {
    expect(Number.isFinite(Date.parse(item.startedDateTime as string))).toBe(true);
    expect(item).toMatchObject({ time: expect.any(Number), cache: expect.any(Object) });
    expect(item.request).toMatchObject({
      method: expect.any(String), url: expect.any(String), httpVersion: expect.any(String),
      cookies: expect.any(Array), headers: expect.any(Array), queryString: expect.any(Array),
      headersSize: expect.any(Number), bodySize: expect.any(Number),
    });
    expect(item.response).toMatchObject({
      status: expect.any(Number), statusText: expect.any(String), httpVersion: expect.any(String),
      cookies: expect.any(Array), headers: expect.any(Array), redirectURL: expect.any(String),
      headersSize: expect.any(Number), bodySize: expect.any(Number),
      content: { size: expect.any(Number), mimeType: expect.any(String) },
    });
    expect(item.timings).toMatchObject({ send: expect.any(Number), wait: expect.any(Number), receive: expect.any(Number) });
  }
}

/** A capture minus what a HAR cannot carry (the navigation id). */
function comparable(capture: PageCapture): Omit<PageCapture, 'navigationId'> {
  const { navigationId: _ignored, ...rest } = capture;
  return rest;
}

describe('captureToHar', () => {
  const fixtures = [
    'redirect-chain-to-https.har',
    'firefox-joined-set-cookie.har',
    'playwright-base64-body.har',
    'hsts-internal-redirect.har',
    'observatory-probes.har',
    'failed-document.har',
  ];

  it.each(fixtures)('writes a valid HAR 1.2 that re-imports to the same capture: %s', (name) => {
    const original = harToCapture(fixture(name));
    const exported = JSON.parse(JSON.stringify(captureToHar(original, { includeSecrets: true, tabgradeVersion: '9.9.9' }))) as unknown;
    expectValidHar12(exported);
    expect(comparable(harToCapture(exported))).toEqual(comparable(original));
  });

  it.each(fixtures)('keeps the grade through a redacted export and re-import: %s', (name) => {
    const original = harToCapture(fixture(name));
    const reimported = harToCapture(JSON.parse(JSON.stringify(captureToHar(original, { includeSecrets: false }))) as unknown);
    const before = gradeCapture(original);
    const after = gradeCapture(reimported);
    expect([after.grade, after.score, after.status]).toEqual([before.grade, before.score, before.status]);
    for (const [test, result] of Object.entries(after.tests)) expect([test, result.result]).toEqual([test, before.tests[result.name]?.result]);
  });

  it('redacts cookie values unless secrets are included', () => {
    const capture = harToCapture(fixture('redirect-chain-to-https.har'));
    const redacted = captureToHar(capture, { includeSecrets: false });
    const documentEntry = redacted.log.entries.find((e) => e.request.url === 'https://www.example.com/');
    expect(headerValues(documentEntry?.response.headers ?? [], 'set-cookie')).toEqual([
      `__Host-session=${REDACTED}; Path=/; Secure; HttpOnly; SameSite=Lax`,
      `theme=${REDACTED}; Path=/; Secure; SameSite=Strict`,
    ]);
    expect(JSON.stringify(redacted)).not.toContain('s3cr3t');
    expect(redacted.log.comment).toContain(REDACTED);
    expect(JSON.stringify(captureToHar(capture, { includeSecrets: true }))).toContain('s3cr3t');
  });

  it('tags probes and gives the preflight an Origin, so a re-import finds them', () => {
    const capture = harToCapture(fixture('observatory-probes.har'));
    const exported = captureToHar(capture, { includeSecrets: true });
    const probeEntries = exported.log.entries.filter((e) => e._tabgradeProbe !== undefined);
    expect(probeEntries.map((e) => [e._tabgradeProbe, e.request.method, e.pageref])).toEqual([
      ['http', 'GET', undefined],
      ['http', 'GET', undefined],
      ['cors', 'OPTIONS', undefined],
      ['crossdomainXml', 'GET', undefined],
      ['clientaccesspolicyXml', 'GET', undefined],
    ]);
    expect(headerValues(probeEntries[2]?.request.headers ?? [], 'origin')).toHaveLength(1);
  });

  it('writes a failed probe and a DOM-only body so that a re-import reads them as such', () => {
    const capture: PageCapture = {
      ...emptyCapture({ navigationId: 'n1', tabId: 7, url: 'https://a.example/', startedAt: 1_000 }),
      state: 'complete',
      completedAt: 2_000,
      document: {
        url: 'https://a.example/', method: 'GET', statusCode: 200, statusLine: '', headers: [{ name: 'Content-Type', value: 'text/html' }],
        type: 'main_frame', timeStamp: 1_100, fromCache: false,
      },
      redirects: [{ url: 'http://a.example/', statusCode: 307, statusLine: '', location: 'https://a.example/', headers: [], internal: true }],
      html: { text: '<p>live DOM</p>', source: 'dom', truncated: false },
      probes: { crossdomainXml: { url: 'https://a.example/crossdomain.xml', redirects: [], response: null, error: 'net::ERR_TIMED_OUT' } },
    };
    const back = importHar(captureToHar(capture, { includeSecrets: false }));
    expect(back.capture.redirects[0]?.internal).toBe(true);
    expect(back.capture.html).toBeNull();
    expect(back.capture.probes.crossdomainXml).toEqual({ url: 'https://a.example/crossdomain.xml', redirects: [], response: null, error: 'net::ERR_TIMED_OUT' });
    expect(back.capture.requestedUrl).toBe('http://a.example/');
  });
});
