/**
 * The popup's export files: each one parses back (JSON against the published schema,
 * Markdown with its structure intact whatever the page sent, HAR through `importHar` to the
 * same grade), and none carries a cookie value or a credential unless the user asked.
 */
import { describe, expect, it } from 'vitest';
import type { HttpHeader, PageCapture } from '../../src/core/capture';
import type { ObservatoryGrade } from '../../src/core/checks/observatory/grade-types';
import { EXPORT_KINDS, exportFile, exportFilename } from '../../src/core/exports';
import { gradeCapture } from '../../src/core/grade';
import { buildReport, type Report } from '../../src/core/report';
import { importHar, REDACTED } from '../../src/core/har';
import { captureFrom } from '../helpers/fixtures';
import { reportSchemaErrors } from '../helpers/report-schema';

const NOW = new Date(2026, 10, 24, 12, 0, 0); // 24 November 2026, local time

/** Secrets a login flow leaves in a capture: a session cookie (also in the URL), a CSRF token, a bearer token. */
const SESSION = 'sess-9f8e7d6c5b4a';
const CSRF = 'csrf-Zx81Qp';
const BEARER = 'eyJhbGciOiJIUzI1NiJ9.secret';

function loginCapture(): PageCapture {
  // Some apps put the session id in the URL after login; the redirection test quotes URLs.
  const url = `http://shop.example:8080/account;jsessionid=${SESSION}`;
  const capture = captureFrom({
    url,
    headers: [
      { name: 'Content-Type', value: 'text/html; charset=utf-8' },
      { name: 'Set-Cookie', value: `JSESSIONID=${SESSION}; Path=/; HttpOnly` },
      { name: 'Set-Cookie', value: `csrftoken="${CSRF}"; Path=/; SameSite=Lax` },
      { name: 'X-Frame-Options', value: 'DENY' },
    ],
    html: '<!doctype html><script src="https://cdn.example/lib.js"></script>',
  });
  const echoed: HttpHeader[] = [
    { name: 'Content-Type', value: 'application/json' },
    { name: 'Authorization', value: `Bearer ${BEARER}` },
  ];
  return {
    ...capture,
    subresources: [{ ...(capture.document as NonNullable<PageCapture['document']>), url: 'http://shop.example:8080/api/me', type: 'xmlhttprequest', headers: echoed }],
  };
}

/** The grade with one more place a secret could be quoted: a future test that echoes the cookie. */
function gradeQuotingSecrets(capture: PageCapture): ObservatoryGrade {
  const grade = gradeCapture(capture);
  const cookies = grade.tests.cookies;
  return {
    ...grade,
    tests: {
      ...grade.tests,
      cookies: { ...cookies, data: { ...cookies.data, raw: [{ name: 'JSESSIONID', value: SESSION }, { name: 'csrftoken', value: `"${CSRF}"` }] }, notes: [...cookies.notes, `Sent ${BEARER} back`] },
    },
  };
}

/** The export takes the Report the popup shows; built here from the capture and (optionally) a grade. */
function reportOf(capture: PageCapture, grade?: ObservatoryGrade): Report {
  return buildReport(capture, { now: NOW.getTime(), ...(grade === undefined ? {} : { observatory: grade }) });
}

/** The kinds that quote the page's headers (SARIF quotes findings only, never test data). */
const QUOTING_KINDS = EXPORT_KINDS.filter((kind) => kind !== 'sarif');

describe('exportFilename', () => {
  it.each([
    ['https://shop.example/cart', 'json', 'tabgrade-shop.example-2026-11-24.json'],
    ['https://Shop.Example:8443/', 'markdown', 'tabgrade-shop.example-8443-2026-11-24.md'],
    ['http://[::1]:8000/', 'har', 'tabgrade-1-8000-2026-11-24.har'],
    ['http://127.0.0.1/', 'json', 'tabgrade-127.0.0.1-2026-11-24.json'],
    ['https://xn--bcher-kva.example/', 'json', 'tabgrade-xn--bcher-kva.example-2026-11-24.json'],
    ['not a url', 'json', 'tabgrade-page-2026-11-24.json'],
  ] as const)('%s as %s → %s', (url, kind, expected) => {
    expect(exportFilename(kind, url, NOW)).toBe(expected);
  });

  it('uses only characters every file system accepts', () => {
    expect(exportFilename('json', 'http://a..b--c.example:1/', NOW)).toMatch(/^[a-z0-9.-]+$/);
  });
});

describe('exportFile', () => {
  const capture = loginCapture();
  const grade = reportOf(capture, gradeQuotingSecrets(capture));

  it('names each file for the page and the day, with its media type', () => {
    const files = EXPORT_KINDS.map((kind) => exportFile(kind, capture, grade, { includeSecrets: false, now: NOW }));
    expect(files.map(({ filename, mimeType }) => [filename, mimeType])).toEqual([
      ['tabgrade-shop.example-8080-2026-11-24.json', 'application/json'],
      ['tabgrade-shop.example-8080-2026-11-24.md', 'text/markdown'],
      ['tabgrade-shop.example-8080-2026-11-24.sarif', 'application/sarif+json'],
      ['tabgrade-shop.example-8080-2026-11-24.har', 'application/json'],
    ]);
  });

  it.each(QUOTING_KINDS)('leaves cookie values and credentials out of the %s export by default', (kind) => {
    const { text } = exportFile(kind, capture, grade, { includeSecrets: false, now: NOW });
    for (const secret of [SESSION, CSRF, BEARER]) expect(text).not.toContain(secret);
    expect(text).toContain(REDACTED);
    // What a reader needs to judge the configuration stays.
    expect(text).toContain('JSESSIONID');
    expect(text).toContain('csrftoken');
  });

  it('redacts SARIF too: the session id in the page URL becomes REDACTED in every location', () => {
    const { text } = exportFile('sarif', capture, grade, { includeSecrets: false, now: NOW });
    for (const secret of [SESSION, CSRF, BEARER]) expect(text).not.toContain(secret);
    expect(text).toContain(`;jsessionid=${REDACTED}`);
    expect(JSON.parse(text)).toMatchObject({ version: '2.1.0' });
  });

  it.each(QUOTING_KINDS)('keeps them in the %s export when asked', (kind) => {
    const { text } = exportFile(kind, capture, grade, { includeSecrets: true, now: NOW });
    // The HAR holds the headers; the reports hold what the tests quoted.
    for (const secret of [SESSION, CSRF, BEARER]) expect(text).toContain(secret);
  });

  it('writes the JSON report the schema describes', () => {
    for (const includeSecrets of [false, true]) {
      const { text } = exportFile('json', capture, reportOf(capture), { includeSecrets, now: NOW });
      expect(reportSchemaErrors(JSON.parse(text))).toEqual([]);
    }
  });

  it('writes a HAR that grades the same when read back, redacted or not', () => {
    const original = gradeCapture(capture);
    for (const includeSecrets of [false, true]) {
      const { text } = exportFile('har', capture, reportOf(capture, original), { includeSecrets, tabgradeVersion: '9.9.9', now: NOW });
      const har = JSON.parse(text) as { log: { creator: { version: string } } };
      expect(har.log.creator.version).toBe('9.9.9');
      const regraded = gradeCapture(importHar(har).capture);
      expect({ grade: regraded.grade, score: regraded.score }).toEqual({ grade: original.grade, score: original.score });
      expect(Object.values(regraded.tests).map((test) => test.result)).toEqual(Object.values(original.tests).map((test) => test.result));
    }
  });
});

describe('the exports of a page reached through a one-time link', () => {
  // A magic sign-in link: the token is only in URLs (the link, its redirect, a form in the page).
  const TOKEN = 'ONE-TIME-TOKEN-5d1e8a';
  function oneTimeLinkCapture(): PageCapture {
    const link = `https://a.example/login?once=${TOKEN}&next=/account`;
    const capture = captureFrom({
      url: `https://a.example/account?welcome=${TOKEN}`,
      headers: [
        { name: 'Content-Type', value: 'text/html; charset=utf-8' },
        { name: 'X-Frame-Options', value: 'DENY' },
      ],
      html: `<!doctype html><a href="/login?once=${TOKEN}">again</a><input type="hidden" name="once" value="${TOKEN}">`,
      redirects: [
        {
          url: link,
          statusCode: 302,
          statusLine: 'HTTP/1.1 302 Found',
          location: `/account?welcome=${TOKEN}`,
          headers: [{ name: 'Location', value: `/account?welcome=${TOKEN}` }],
          internal: false,
        },
      ],
    });
    return { ...capture, requestedUrl: link };
  }
  const capture = oneTimeLinkCapture();
  const report = reportOf(capture);

  it.each(EXPORT_KINDS)('leaves the token out of the %s export, keeping the path and parameter names', (kind) => {
    const { text } = exportFile(kind, capture, report, { includeSecrets: false, now: NOW });
    expect(text).not.toContain(TOKEN);
    expect(text).toContain(`https://a.example/account?welcome=${REDACTED}`);
  });

  it('writes a HAR whose URLs, query strings and redirects agree, and that grades the same', () => {
    const har = JSON.parse(exportFile('har', capture, report, { includeSecrets: false, now: NOW }).text) as {
      log: { entries: Array<{ request: { url: string; queryString: Array<{ name: string; value: string }> }; response: { redirectURL: string } }> };
    };
    const [hop, page] = har.log.entries;
    expect(hop?.request.url).toBe(`https://a.example/login?once=${REDACTED}&next=${REDACTED}`);
    expect(hop?.request.queryString).toEqual([{ name: 'once', value: REDACTED }, { name: 'next', value: REDACTED }]);
    expect(hop?.response.redirectURL).toBe(`/account?welcome=${REDACTED}`);
    expect(page?.request.url).toBe(`https://a.example/account?welcome=${REDACTED}`);
    const imported = importHar(har).capture;
    expect(imported.redirects).toHaveLength(1);
    const [original, regraded] = [gradeCapture(capture), gradeCapture(imported)];
    expect(Object.values(regraded.tests).map((test) => test.result)).toEqual(Object.values(original.tests).map((test) => test.result));
  });

  it('keeps the token when asked', () => {
    for (const kind of EXPORT_KINDS) expect(exportFile(kind, capture, report, { includeSecrets: true, now: NOW }).text).toContain(TOKEN);
  });
});

describe('the Markdown export with hostile page input', () => {
  const HUGE = 'x'.repeat(100_000);
  const HOSTILE = [
    '<img src=x onerror=alert(1)>',
    '</script><script>alert(1)</script>',
    '```\n# Not a heading\n- [x] forged item',
    '[click](javascript:alert(1)) ![i](https://evil.example/t.png) **bold** _it_ ~~s~~ | a | b |',
    '<details><summary>fake</summary>',
    HUGE,
  ].join(' ');

  function hostileCapture(): PageCapture {
    return captureFrom({
      url: `https://evil.example/<img src=x onerror=alert(1)>/\`\`\`/${'%3C/script%3E'}`,
      headers: [
        { name: 'Content-Security-Policy', value: `default-src 'self' ${HOSTILE}` },
        { name: 'Referrer-Policy', value: HOSTILE },
        { name: 'X-Frame-Options', value: HOSTILE },
        { name: 'X-Content-Type-Options', value: HOSTILE },
        { name: 'Cross-Origin-Resource-Policy', value: HOSTILE },
        { name: 'Strict-Transport-Security', value: `max-age=${HOSTILE}` },
        { name: 'Set-Cookie', value: `${HOSTILE}=${HUGE}; Path=/${HOSTILE}` },
      ],
      html: `<!doctype html><meta http-equiv="Content-Security-Policy" content="${HOSTILE.replaceAll('"', '&quot;')}"><script src="https://cdn.example/${HOSTILE}.js"></script>`,
    });
  }

  /** Lines outside fenced code blocks, with inline code spans blanked; checks the fences balance. */
  function proseOf(markdown: string): string[] {
    const prose: string[] = [];
    let fence: string | null = null;
    for (const line of markdown.split('\n')) {
      const marker = /^\s*(`{3,})/.exec(line)?.[1];
      if (fence === null && marker !== undefined) fence = marker;
      else if (fence !== null && marker !== undefined && line.trim() === marker && marker.length >= fence.length) fence = null;
      else if (fence === null) prose.push(line.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, '`code`'));
    }
    expect(fence).toBeNull();
    return prose;
  }

  const capture = hostileCapture();
  const grade = gradeCapture(capture);
  const report = reportOf(capture, grade);

  // With secrets the page's strings reach the report whole; without, the hostile cookie's
  // value is cut out of them (it contains most of the hostile text), which must not break
  // the structure either.
  describe.each([true, false])('includeSecrets %s', (includeSecrets) => {
    const { text } = exportFile('markdown', capture, report, { includeSecrets, now: NOW });
    const prose = proseOf(text);

    it('keeps its headings and one checklist item per test', () => {
      const headings = prose.filter((line) => /^#{1,6} /.test(line));
      expect(headings[0]).toMatch(/^## Tabgrade: [A-F][+-]?( \(capped\))? · Observatory-compatible [A-F][+-]? \(\d+\/100\)$/);
      // Only Tabgrade's own headings: none came from the page.
      const own = new Set(['### Grade caps', '### Score arithmetic', '### Observatory-compatible tests', '### Application / framework', '### Web server & headers', '### Page content', '### Connection (TLS)', '### Libraries', '### Notes']);
      expect(headings.slice(1).filter((line) => !own.has(line))).toEqual([]);
      // One item per test, one per finding, one per cap: no forged ones.
      expect(prose.filter((line) => /^- \[[ x]\] /.test(line))).toHaveLength(report.observatory.testsQuantity + report.findings.length + report.verdict.caps.length);
    });

    it('lets no HTML or link out of page-controlled text', () => {
      // The page's strings are in the report (as code or escaped text), just inert.
      expect(text).toContain('<img src=x onerror=alert(1)>');
      if (includeSecrets) expect(text).toContain('</script><script>alert(1)</script>');
      const outside = prose.join('\n');
      // Tabgrade's own <details> blocks are the only HTML.
      const tags = outside.match(/(?<!\\)<\/?[a-z][^>]*>/gi) ?? [];
      expect(new Set(tags)).toEqual(new Set(['<details>', '<summary>', '</summary>', '</details>']));
      expect(outside.match(/<details>/g)?.length).toBe(outside.match(/<\/details>/g)?.length);
      // Links only to documentation Tabgrade itself names (MDN, OWASP, the stacks' docs, advisories), never the page's.
      for (const link of outside.match(/(?<!\\)\]\([^)]*\)/g) ?? []) expect(link).not.toContain('evil.example');
      expect(outside).not.toMatch(/(?<!\\)!\[/);
    });

    it('stays a readable size although the page sent 100 KB values', () => {
      expect(text.length).toBeLessThan(80_000);
    });
  });

  it('and the JSON export of the same page still validates', () => {
    const json = exportFile('json', capture, report, { includeSecrets: false, now: NOW }).text;
    expect(reportSchemaErrors(JSON.parse(json))).toEqual([]);
  });

  it('and its HAR still grades the same', () => {
    const har = exportFile('har', capture, report, { includeSecrets: true, now: NOW }).text;
    const regraded = gradeCapture(importHar(JSON.parse(har)).capture);
    expect(Object.values(regraded.tests).map((test) => test.result)).toEqual(Object.values(grade.tests).map((test) => test.result));
  });
});
