import { describe, expect, it } from 'vitest';
import type { PageCapture, ProbeResult } from '../../src/core/capture';
import { gradeCapture } from '../../src/core/grade';
import { REDACTED } from '../../src/core/har';
import { servedDom } from '../../src/core/har/page-content';
import { buildReport } from '../../src/core/report';
import { redactGradeSecrets, redactReportSecrets, secretValuesOf } from '../../src/core/report-redaction';
import { formatReport } from '../../src/core/report-format';
import { captureFrom } from '../helpers/fixtures';

function withProbe(capture: PageCapture, probe: ProbeResult): PageCapture {
  return { ...capture, probes: { ...capture.probes, cors: probe } };
}

describe('secretValuesOf', () => {
  it('finds cookie values and credentials in every response the capture holds', () => {
    const capture = captureFrom({
      headers: [
        { name: 'Set-Cookie', value: 'sessionid=abcd1234; HttpOnly; Secure' },
        // Firefox's joined form, a quoted value and a nameless cookie.
        { name: 'set-cookie', value: 'a=firstvalue; Path=/\nb="quotedvalue"; Path=/' },
        { name: 'Set-Cookie', value: 'namelessvalue; Path=/' },
        { name: 'Content-Type', value: 'text/html' },
      ],
      redirects: [{ url: 'http://example.com/', statusCode: 301, statusLine: 'HTTP/1.1 301', location: 'https://example.com/', headers: [{ name: 'Set-Cookie', value: 'hop=hopvalue' }], internal: false }],
    });
    const withEverything = withProbe(
      { ...capture, subresources: [{ ...(capture.document as NonNullable<PageCapture['document']>), headers: [{ name: 'Authorization', value: 'Bearer tok-123456' }] }] },
      { url: 'https://example.com/', redirects: [], response: { ...(capture.document as NonNullable<PageCapture['document']>), headers: [{ name: 'Cookie', value: 'x=cookievalue; y=othervalue' }] } },
    );
    expect(new Set(secretValuesOf(withEverything))).toEqual(
      new Set(['abcd1234', 'firstvalue', '"quotedvalue"', 'quotedvalue', 'namelessvalue', 'hopvalue', 'Bearer tok-123456', 'tok-123456', 'cookievalue', 'othervalue']),
    );
  });

  it('lists longer values first, so a value containing another is replaced whole', () => {
    const capture = captureFrom({ headers: [{ name: 'Set-Cookie', value: 'a=abcd' }, { name: 'Set-Cookie', value: 'b=abcdefgh' }] });
    expect(secretValuesOf(capture)).toEqual(['abcdefgh', 'abcd']);
  });

  it('ignores values too short to be secrets, empty ones and already redacted ones', () => {
    const capture = captureFrom({ headers: [{ name: 'Set-Cookie', value: 'lang=en' }, { name: 'Set-Cookie', value: 'gone=; Max-Age=0' }, { name: 'Set-Cookie', value: `s=${REDACTED}` }] });
    expect(secretValuesOf(capture)).toEqual([]);
  });
});

describe('redactGradeSecrets', () => {
  const SECRET = 'tok-9f8e7d6c';
  const capture = captureFrom({ url: `https://example.com/login?next=/&sid=${SECRET}`, headers: [{ name: 'Set-Cookie', value: `sid=${SECRET}; Secure; HttpOnly` }] });
  const graded = gradeCapture(capture);

  it('replaces the values wherever the page-derived parts quote them, and nowhere else', () => {
    const quoting = {
      ...graded,
      notes: [...graded.notes, `saw ${SECRET}`],
      tests: { ...graded.tests, cookies: { ...graded.tests.cookies, data: { nested: [{ value: SECRET, n: 1, ok: true, none: null }] } } },
    };
    const redacted = redactGradeSecrets(quoting, capture);
    expect(JSON.stringify(redacted)).not.toContain(SECRET);
    // Every query value goes, not only the cookie's copy: names and path stay readable.
    expect(redacted.url).toBe(`https://example.com/login?next=${REDACTED}&sid=${REDACTED}`);
    expect(redacted.tests.cookies.data).toEqual({ nested: [{ value: REDACTED, n: 1, ok: true, none: null }] });
    expect(redacted.notes.at(-1)).toBe(`saw ${REDACTED}`);
    // Tabgrade's own words and the numbers are untouched.
    for (const [name, test] of Object.entries(redacted.tests)) {
      const before = quoting.tests[name as keyof typeof quoting.tests];
      if (before === undefined) throw new Error(`no test ${name} before redaction`);
      expect([test.title, test.explanation, test.result, test.mdnUrl, test.scoreModifier]).toEqual([before.title, before.explanation, before.result, before.mdnUrl, before.scoreModifier]);
    }
    expect([redacted.grade, redacted.score]).toEqual([quoting.grade, quoting.score]);
  });

  it('returns the grade itself when the capture holds no secrets', () => {
    const plain = captureFrom({ headers: [{ name: 'X-Frame-Options', value: 'DENY' }] });
    const grade = gradeCapture(plain);
    expect(redactGradeSecrets(grade, plain)).toBe(grade);
  });
});

describe('redactReportSecrets', () => {
  const SECRET = 'tok-9f8e7d6c';
  const url = `https://example.com/login?sid=${SECRET}`;
  const capture = captureFrom({
    url,
    headers: [{ name: 'Set-Cookie', value: `sid=${SECRET}; Path=/` }],
    html: `<script src="https://cdn.example/jquery-1.12.4.min.js?sid=${SECRET}"></script>`,
  });
  const withDom = { ...capture, dom: servedDom(capture.html as NonNullable<typeof capture.html>, url, 'text/html', 0) };
  const report = buildReport(withDom, { now: 0 });

  it('replaces the values in the grade, the findings, the caps, the libraries, the resources and the notes', () => {
    // The report quotes the secret in several places before redaction: otherwise this proves nothing.
    expect(report.resources.some((row) => row.url.includes(SECRET))).toBe(true);
    expect(report.libraries.some((row) => JSON.stringify(row.sources).includes(SECRET))).toBe(true);
    const redacted = redactReportSecrets(report, withDom);
    expect(JSON.stringify(redacted)).not.toContain(SECRET);
    expect(redacted.url).toBe(`https://example.com/login?sid=${REDACTED}`);
    expect(redacted.resources.map((row) => row.url)).toContain(`https://cdn.example/jquery-1.12.4.min.js?sid=${REDACTED}`);
    // The verdict itself is unchanged.
    expect([redacted.verdict.grade, redacted.verdict.caps.map((cap) => cap.rule)]).toEqual([report.verdict.grade, report.verdict.caps.map((cap) => cap.rule)]);
  });

  it('returns the report itself when the capture holds no secrets', () => {
    const plain = captureFrom({ headers: [{ name: 'X-Frame-Options', value: 'DENY' }] });
    const plainReport = buildReport(plain, { now: 0 });
    expect(redactReportSecrets(plainReport, plain)).toBe(plainReport);
  });
});

describe('a page reached through a one-time link', () => {
  // No cookie holds the token: only the URLs do, as with a magic sign-in link or a password reset.
  const TOKEN = 'once-4f9c2b7e1a';
  const SHORT = 'x7q';
  const link = `https://a.example/login?once=${TOKEN}&next=/account&k=${SHORT}`;
  const capture = captureFrom({
    url: link,
    headers: [{ name: 'Content-Type', value: 'text/html' }],
    html: `<!doctype html><form action="/login?once=${TOKEN}"><input type="hidden" name="once" value="${TOKEN}"></form><script src="https://cdn.example/jquery-1.12.4.min.js?k=${SHORT}"></script>`,
  });
  const withDom = { ...capture, dom: servedDom(capture.html as NonNullable<typeof capture.html>, link, 'text/html', 0) };
  const report = buildReport(withDom, { now: 0 });

  it('keeps the token out of the report and every format, whatever its length', () => {
    expect(JSON.stringify(report)).toContain(TOKEN);
    const redacted = redactReportSecrets(report, withDom);
    expect(redacted.url).toBe(`https://a.example/login?once=${REDACTED}&next=${REDACTED}&k=${REDACTED}`);
    expect(redacted.resources.map((row) => row.url)).toContain(`https://cdn.example/jquery-1.12.4.min.js?k=${REDACTED}`);
    for (const text of [JSON.stringify(redacted), ...(['text', 'json', 'markdown', 'sarif'] as const).map((format) => formatReport(redacted, format))]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(`k=${SHORT}`);
    }
    // The grade does not depend on the query: nothing but the quoted text changes.
    expect([redacted.verdict.grade, redacted.observatory.score]).toEqual([report.verdict.grade, report.observatory.score]);
  });

  it('leaves secretValuesOf to cookie values and credentials', () => {
    expect(secretValuesOf(withDom)).toEqual([]);
  });
});
