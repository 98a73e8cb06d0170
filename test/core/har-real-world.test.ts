/**
 * HARs as other tools write them: each fixture is hand-written in one exporter's shape (its
 * `log.comment` says which quirks it carries), and each test names the repair it needs.
 * Then the rules behind them: what is skipped, what is repaired, when the file is refused.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { parseHarInput } from '../../src/cli/har-input';
import { headerValues } from '../../src/core/headers';
import { HarError, importHar, parseHarText } from '../../src/core/har';
import { gradeCapture } from '../../src/core/grade';
import { StoredText } from '../../src/core/har/json-scan';
import { parseHarBytes } from '../../src/core/har/read';
import { harDateMs } from '../../src/core/har/validate';

const FIXTURES = fileURLToPath(new URL('../fixtures/har/', import.meta.url));

function fixtureBytes(name: string): Uint8Array {
  return readFileSync(FIXTURES + name);
}

/** A fixture read the way the CLI reads it: from its bytes. */
function imported(name: string): ReturnType<typeof importHar> {
  return importHar(parseHarBytes(fixtureBytes(name)));
}

function harErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HarError);
    return (error as HarError).message;
  }
  throw new Error('expected a HarError');
}

function entry(url: string, response: Record<string, unknown> = {}, extra: Record<string, unknown> = {}, request: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    startedDateTime: '2026-01-01T00:00:00.000Z',
    request: { method: 'GET', url, headers: [], ...request },
    response: { status: 200, headers: [{ name: 'Content-Type', value: 'text/html' }], content: { mimeType: 'text/html', text: '<p>hi</p>' }, ...response },
    ...extra,
  };
}

const image = (url: string, response: Record<string, unknown> = {}): Record<string, unknown> =>
  entry(url, { headers: [], content: { mimeType: 'image/png' }, ...response });

function har(entries: unknown[], pages?: unknown): { log: Record<string, unknown> } {
  return { log: { version: '1.2', creator: { name: 'test', version: '1' }, ...(pages === undefined ? {} : { pages }), entries } };
}

describe('WebPageTest: negative statuses for requests that got no answer', () => {
  const { capture, warnings } = imported('webpagetest-negative-status.har');

  it('grades the page and skips the unanswered requests with one warning naming them', () => {
    expect(capture.url).toBe('https://news.example/');
    expect(capture.document?.statusCode).toBe(200);
    expect(capture.subresources.map((response) => [response.url, response.statusCode])).toEqual([
      ['https://news.example/static/app.js', 200],
      ['https://news.example/favicon.ico', 404],
    ]);
    expect(warnings).toContain(
      'Skipped 3 entries the HAR could not describe: log.entries[2] (response.status -2), log.entries[3] (response.status -2), log.entries[4] (response.status -1).',
    );
  });

  it('reads the page timings and the HTML, ignoring the _ metrics', () => {
    expect(capture.startedAt).toBe(Date.parse('2026-11-25T10:00:00.000Z'));
    expect(capture.completedAt).toBe(capture.startedAt + 2100);
    expect(capture.dom?.tags.map((tag) => tag.url)).toEqual(['https://news.example/static/app.js', 'https://ads.example-ads.net/tag.js']);
    expect(warnings.filter((warning) => warning.startsWith('Read '))).toEqual([]);
  });
});

describe('Fiddler: no pages, CONNECT tunnels, seven fractional digits', () => {
  const { capture, warnings } = imported('fiddler-connect-tunnels.har');

  it('drops the CONNECT that opened the tunnel: it fetched nothing', () => {
    expect(capture.requestedUrl).toBe('https://shop.example/');
    expect(capture.subresources.map((response) => response.url)).toEqual(['https://shop.example/js/shop.js', 'https://shop.example/logo.png']);
    expect(warnings).toEqual([]);
  });

  it('reads times with seven fractional digits and a local offset', () => {
    expect(capture.startedAt).toBe(Date.parse('2026-11-20T09:00:01.123Z'));
    expect(capture.document?.timeStamp).toBe(capture.startedAt);
  });
});

describe('Charles: nulls, numbers for header values, base64 HTML, a path for a URL, no response', () => {
  const { capture, warnings } = imported('charles-nulls-and-paths.har');

  it('reads header values written as a number or null as text', () => {
    const headers = capture.document?.headers ?? [];
    expect(headerValues(headers, 'content-length')).toEqual(['153']);
    expect(headerValues(headers, 'x-request-id')).toEqual(['']);
    expect(headerValues(headers, 'x-frame-options')).toEqual(['DENY']);
  });

  it('decodes the base64 HTML with its charset', () => {
    expect(capture.html?.text).toContain('<p>Grüße</p>');
    expect(capture.dom?.tags.map((tag) => tag.url)).toEqual(['https://bank.example/js/app.js']);
  });

  it('resolves the path against the page, skips the request without a response, keeps the 204 without content', () => {
    expect(capture.subresources.map((response) => [response.url, response.statusCode])).toEqual([
      ['https://bank.example/js/app.js', 200],
      ['https://bank.example/beacon', 204],
    ]);
    expect(warnings).toEqual([
      'Skipped 1 entry the HAR could not describe: log.entries[2] (response is missing).',
      'Read 2 parts of the HAR that were out of format, as noted: log.entries[0] (response.headers[1].value 153 read as text; 1 more), log.entries[1] (request.url "/js/app.js" read as https://bank.example/js/app.js).',
    ]);
  });
});

describe('Firefox: joined Set-Cookie, bracketed IPv6, cut-short base64, a blocked request', () => {
  const { capture, warnings } = imported('firefox-blocked-and-base64.har');

  it('splits the joined Set-Cookie and unbrackets the address', () => {
    expect(headerValues(capture.document?.headers ?? [], 'set-cookie')).toEqual([
      'session=8f14e45f; Path=/; Secure; HttpOnly; SameSite=Lax',
      'prefs=compact; Path=/; Max-Age=31536000; Secure',
    ]);
    expect(capture.document?.ip).toBe('2001:db8::5');
  });

  it('keeps the blocked request as a failed one and the image whose base64 is cut short, without a warning', () => {
    const byUrl = new Map(capture.subresources.map((response) => [response.url, response]));
    expect(byUrl.get('https://tracker.example-analytics.com/t.js')).toMatchObject({ statusCode: 0, error: expect.stringContaining('no response') });
    expect(byUrl.get('https://blog.example/broken.png')?.type).toBe('image');
    expect(warnings).toEqual([]);
  });

  it('takes the end of the load from the entries when onLoad is -1', () => {
    expect(capture.startedAt).toBe(Date.parse('2026-11-24T17:00:00.000Z'));
    expect(capture.completedAt).toBe(Date.parse('2026-11-24T17:00:00.160Z') + 32);
  });
});

describe('every fixture reads the same from bytes as from text', () => {
  const names = readdirSync(FIXTURES).filter((name) => name.endsWith('.har') && name !== 'invalid-json.har');
  it.each(names)('%s', (name) => {
    const run = (parse: () => unknown): unknown => {
      try {
        return importHar(parse());
      } catch (error) {
        return String(error);
      }
    };
    expect(run(() => parseHarBytes(fixtureBytes(name)))).toEqual(run(() => parseHarText(readFileSync(FIXTURES + name, 'utf8'))));
  });
});

describe('skipping an entry, and when that refuses the file', () => {
  it('never refuses for an unreadable entry after the document', () => {
    const { capture, warnings } = importHar(har([entry('https://a.example/'), entry('https://a.example/frame', { status: -2 })]));
    expect(capture.url).toBe('https://a.example/');
    expect(warnings[0]).toBe('Skipped 1 entry the HAR could not describe: log.entries[1] (response.status -2).');
  });

  it('refuses when an unreadable entry before it could have been the document, rather than grade the wrong one', () => {
    const input = har([entry('https://a.example/', { status: 'OK' }), entry('https://frame.example/')]);
    expect(harErrorOf(() => importHar(input))).toBe('the page\'s document, log.entries[0], cannot be read: response.status "OK"');
    // A typed entry says what it is.
    expect(harErrorOf(() => importHar(har([entry('https://a.example/', { status: null }, { _resourceType: 'document' }), entry('https://b.example/', {}, { _resourceType: 'document' })])))).toBe(
      "the page's document, log.entries[0], cannot be read: response.status is missing",
    );
  });

  it('does not refuse for one before it that was clearly not the document', () => {
    const cases = [
      image('https://a.example/pixel.png', { status: -2 }),
      entry('https://a.example/old', { status: 301, redirectURL: { to: '/' } }, {}, { url: 12 }),
      entry('https://a.example/', { status: -1 }, { _resourceType: 'image' }),
      entry('https://a.example/', { status: -1 }, {}, { method: 'OPTIONS' }),
      entry('https://a.example/', { status: -1 }, { _tabgradeProbe: 'http' }),
      entry('https://a.example/', {}, { pageref: 'other' }, { url: null }),
      7,
    ];
    for (const odd of cases) {
      const { capture, warnings } = importHar(har([odd, entry('https://a.example/', {}, { pageref: 'p1' })], [{ id: 'p1' }]));
      expect(capture.url).toBe('https://a.example/');
      expect(warnings.some((warning) => warning.startsWith('Skipped 1 entry'))).toBe(true);
    }
  });

  it('refuses when the only candidate on the page is unreadable, even if another page has a document', () => {
    const input = har(
      [entry('https://a.example/', {}, { pageref: 'p1' }, { url: '' }), entry('https://b.example/', {}, { pageref: 'p2' })],
      [{ id: 'p1' }, { id: 'p2' }],
    );
    expect(harErrorOf(() => importHar(input))).toBe("the page's document, log.entries[0], cannot be read: request.url is empty");
  });

  it('names five entries and counts the rest, so the warning stays short', () => {
    const entries: unknown[] = [entry('https://a.example/')];
    for (let i = 0; i < 10_000; i++) entries.push(image(`https://a.example/${i}.png`, { status: -2 }));
    const { warnings } = importHar(har(entries));
    expect(warnings[0]).toBe(
      'Skipped 10000 entries the HAR could not describe: log.entries[1] (response.status -2), log.entries[2] (response.status -2), log.entries[3] (response.status -2), log.entries[4] (response.status -2), log.entries[5] (response.status -2) and 9995 more.',
    );
  });

  it('skips an entry that is not an object, has no request or response, or no usable URL', () => {
    const { warnings } = importHar(
      har([entry('https://a.example/'), null, { response: {} }, { request: {}, response: [] }, image('https://a.example/x', { status: 1000 }), entry('https://a.example/', {}, {}, { url: 'http://[bad' })]),
    );
    expect(warnings[0]).toBe(
      'Skipped 5 entries the HAR could not describe: log.entries[1] (is null), log.entries[2] (request is missing), log.entries[3] (response is a list), log.entries[4] (response.status 1000), log.entries[5] (request.url "http://[bad" is not a URL).',
    );
  });
});

describe('repairs', () => {
  it('reads a relative URL against the page address Chrome writes as the title, unless its Host names another site', () => {
    const { capture, warnings } = importHar(
      har(
        [
          entry('/', {}, { pageref: 'p' }, { headers: [{ name: 'Host', value: 'A.example:443' }] }),
          image('//cdn.example/x.png', {}),
          image('/y.png', {}),
          { ...image('/z.png'), request: { method: 'GET', url: '/z.png', headers: [{ name: 'Host', value: 'other.example' }] } },
        ].map((item) => ({ ...item, pageref: 'p' })),
        [{ id: 'p', title: 'https://a.example/' }],
      ),
    );
    expect(capture.url).toBe('https://a.example/');
    expect(capture.subresources.map((response) => response.url)).toEqual(['https://cdn.example/x.png', 'https://a.example/y.png']);
    expect(warnings).toEqual([
      'Skipped 1 entry the HAR could not describe: log.entries[3] (request.url "/z.png" is relative and its Host "other.example" is not the page\'s).',
      'Read 3 parts of the HAR that were out of format, as noted: log.entries[0] (request.url "/" read as https://a.example/), log.entries[1] (request.url "//cdn.example/x.png" read as https://cdn.example/x.png), log.entries[2] (request.url "/y.png" read as https://a.example/y.png).',
    ]);
  });

  it('reads a relative URL against the first document when the title is no URL', () => {
    const { capture } = importHar(har([entry('https://a.example/dir/'), image('img.png')], [{ id: 'p', title: 'Home' }]));
    expect(capture.subresources.map((response) => response.url)).toEqual(['https://a.example/dir/img.png']);
  });

  it('drops a header without a name, reads a missing method as GET, ignores fields of the wrong type', () => {
    const { capture, warnings } = importHar(
      har([
        {
          request: { url: 'https://a.example/', headers: {} },
          response: {
            status: 200,
            statusText: ['OK'],
            headers: [{ value: 'x' }, 'Server: nginx', { name: 'Content-Type', value: 'text/html' }, { name: 'X-A', value: { nested: true } }],
            content: { mimeType: 'text/html', text: 42 },
          },
          time: 'slow',
          pageref: 1,
        },
      ]),
    );
    expect(capture.document?.method).toBe('GET');
    expect(capture.document?.headers).toEqual([{ name: 'Content-Type', value: 'text/html' }]);
    expect(capture.html).toBeNull();
    expect(warnings[0]).toBe('Read 1 part of the HAR that was out of format, as noted: log.entries[0] (request.method is missing, read as GET; 8 more).');
  });

  it('ignores a page that is not an object and grades the next one', () => {
    const { capture, warnings } = importHar(
      har([entry('https://a.example/', {}, { pageref: 'p1' }), entry('https://b.example/', {}, { pageref: 'p2' })], ['p1', { id: 'p2', pageTimings: 'none' }]),
    );
    expect(capture.url).toBe('https://b.example/');
    expect(warnings).toContain('Read 2 parts of the HAR that were out of format, as noted: log.pages[0] (is text, ignored), log.pages[1] (pageTimings is text, ignored).');
  });

  it('takes every entry to be on a page without an id, as on a page no entry names', () => {
    const { capture, warnings } = importHar(har([entry('https://a.example/', {}, { pageref: 'p2' }), entry('https://b.example/')], [{ title: 'x' }, { id: 'p2' }]));
    expect(capture.url).toBe('https://a.example/');
    expect(capture.navigationId).toMatch(/^har:page:/);
    expect(warnings).toContain('Read 1 part of the HAR that was out of format, as noted: log.pages[0] (id is missing).');
  });
});

describe('harDateMs', () => {
  it('reads the forms exporters write, a missing offset as UTC', () => {
    const utc = Date.parse('2026-11-20T10:00:00.123Z');
    expect(harDateMs('2026-11-20T10:00:00.123Z')).toBe(utc);
    expect(harDateMs('2026-11-20T11:00:00.1234567+01:00')).toBe(utc);
    expect(harDateMs('2026-11-20T05:30:00.123-0430')).toBe(utc);
    expect(harDateMs('2026-11-20 10:00:00.123')).toBe(utc);
    expect(harDateMs('2026-11-20T10:00:00,123z')).toBe(utc);
    expect(harDateMs('2026-11-20T10:00Z')).toBe(Date.parse('2026-11-20T10:00:00Z'));
    expect(harDateMs('Fri, 20 Nov 2026 10:00:00 GMT')).toBe(Date.parse('2026-11-20T10:00:00Z'));
    expect([harDateMs('yesterday'), harDateMs(''), harDateMs(1_700_000_000_000), harDateMs(null)]).toEqual([null, null, null, null]);
  });
});

describe('parseHarBytes', () => {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  const minimal = JSON.stringify(har([entry('https://a.example/')]));

  it('reads UTF-8 with a byte-order mark and UTF-16 that says so', () => {
    expect(importHar(parseHarBytes(encode('\uFEFF' + minimal))).capture.url).toBe('https://a.example/');
    const utf16 = new Uint8Array(2 + minimal.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < minimal.length; i++) utf16[2 + i * 2] = minimal.charCodeAt(i);
    expect(importHar(parseHarBytes(utf16)).capture.url).toBe('https://a.example/');
  });

  it('says where the JSON breaks, on one line', () => {
    expect(harErrorOf(() => parseHarBytes(encode('{\n  "log": {\n    "entries": [1,, 2]')))).toBe('not a HAR file: not valid JSON (unexpected character "," at line 3, column 19)');
    expect(harErrorOf(() => parseHarBytes(encode('{"log": {"entries": []}} x')))).toBe('not a HAR file: not valid JSON (unexpected text after the end of the JSON value at line 1, column 26)');
    expect(harErrorOf(() => parseHarBytes(encode('{"log": {"entries": [')))).toBe('not a HAR file: not valid JSON (unexpected end of the file at the end of the file)');
    expect(harErrorOf(() => parseHarBytes(encode('')))).toMatch(/^not a HAR file: not valid JSON \(unexpected end of the file/);
  });

  it('leaves bodies in the file and decodes only those a check reads', () => {
    const entries = [entry('https://a.example/', { content: { mimeType: 'text/html', text: '<script src="/app.js"></script>' } })];
    entries.push(entry('https://a.example/app.js', { headers: [], content: { mimeType: 'application/javascript', text: 'var a = "\\u00e9";' } }));
    for (let i = 0; i < 50; i++) entries.push(image(`https://a.example/${i}.png`, { content: { mimeType: 'image/png', text: 'iVBORw0KGgo=', encoding: 'base64' } }));
    const read = vi.spyOn(StoredText.prototype, 'read');
    try {
      const { capture } = importHar(parseHarBytes(encode(JSON.stringify(har(entries)))));
      expect(capture.html?.text).toBe('<script src="/app.js"></script>');
      // The document and the one script, each once.
      expect(read).toHaveBeenCalledTimes(2);
    } finally {
      read.mockRestore();
    }
  });

  it('steps over what Tabgrade does not read, however odd, without building it', () => {
    const text = `{"log":{"entries":[{"_initiator":{"stack":${'['.repeat(100_000)}${']'.repeat(100_000)}},"cache":{"x":"\\q bad escape"},`
      + `"request":{"method":"GET","url":"https://a.example/"},"response":{"status":200,"content":{"mimeType":"text/html","text":"<p>\\u00e9</p>"}}}]}}`;
    expect(importHar(parseHarBytes(encode(text))).capture.html?.text).toBe('<p>é</p>');
  });
});

describe('parseHarInput (the CLI)', () => {
  it('reads bytes with parseHarBytes and text with JSON.parse', () => {
    const text = JSON.stringify(har([entry('https://a.example/')]));
    expect(importHar(parseHarInput(new TextEncoder().encode(text))).capture.url).toBe('https://a.example/');
    expect(importHar(parseHarInput(text)).capture.url).toBe('https://a.example/');
  });
});

describe('an http:// and an https:// visit of the same host', () => {
  const har = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/har/http-then-https-visits.har', import.meta.url)), 'utf8')) as unknown;

  it('grades the https:// page, as the Observatory scans the host, with the http:// visit as the redirection check', () => {
    const { capture, warnings } = importHar(har);
    expect(capture.url).toBe('https://shop.example/');
    expect(capture.probes.http?.url).toBe('http://shop.example/');
    expect(warnings.join(' ')).toContain('graded the https:// page');
    const grade = gradeCapture(capture);
    expect(grade.tests['strict-transport-security'].result).toBe('hsts-implemented-max-age-at-least-six-months');
    // The http:// visit answered without redirecting: the scan would say the same.
    expect(grade.tests.redirection.result).toBe('redirection-missing');
  });
});
