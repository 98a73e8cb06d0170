/**
 * Keeping cookie values, credentials and the values in URLs' queries out of reports that
 * leave the machine (the popup's JSON and Markdown exports, the CLI's output in a CI log).
 *
 * The tests' `data` and notes quote what the page sent: header values, cookie names,
 * URLs. None of today's tests quotes a cookie value or an `Authorization` value, but a
 * report is a contract a future test can break silently, so instead of trusting each test
 * this removes, everywhere in the page-derived parts of a report, every secret value the
 * capture holds. HAR exports redact headers structurally (`har/redact.ts`) and then get the
 * same pass, because a session id can also sit in a URL or the HTML (`exports.ts`).
 *
 * URLs are redacted by structure (`url-secrets.ts`: every query value becomes `REDACTED`,
 * path and parameter names stay); a long query value copied elsewhere (the HTML, a note) is
 * replaced by value like a cookie value.
 */
import type { HttpHeader, PageCapture, ProbeResult } from './capture';
import type { GradedTest, ObservatoryGrade } from './checks/observatory/grade-types';
import type { Report } from './report';
import { REDACTED } from './har/redact';
import { copiedUrlValuesOf, mapUrlsInText, redactUrlSecrets } from './url-secrets';

/**
 * Values shorter than this are left alone: replacing `1` or `en` everywhere would garble
 * the report, and a value that short protects nothing.
 */
const MIN_SECRET_CHARS = 4;

/** `"abc"` → `abc`: RFC 6265 allows a cookie value in double quotes; either form may be quoted. */
function withoutQuotes(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

/** The value of a `name=value` pair, or the whole pair for a nameless cookie (RFC 6265 §5.2). */
function pairValue(pair: string): string {
  const equals = pair.indexOf('=');
  return (equals === -1 ? pair : pair.slice(equals + 1)).trim();
}

function secretsOfHeader(header: HttpHeader): string[] {
  switch (header.name.toLowerCase()) {
    case 'set-cookie':
      // Firefox joins several Set-Cookie headers with "\n"; only the part before the first ";" is the pair.
      return header.value.split('\n').map((line) => pairValue(line.split(';')[0] ?? ''));
    case 'cookie':
      return header.value.split(';').map(pairValue);
    case 'authorization':
    case 'proxy-authorization': {
      // `Bearer abc`: the whole value and the credentials after the scheme.
      const value = header.value.trim();
      const credentials = /^\S+\s+(\S[\s\S]*)$/.exec(value)?.[1];
      return credentials === undefined ? [value] : [value, credentials.trim()];
    }
    default:
      return [];
  }
}

function probeHeaders(probe: ProbeResult | undefined): HttpHeader[][] {
  if (probe === undefined) return [];
  return [...probe.redirects.map((hop) => hop.headers), ...(probe.response === null ? [] : [probe.response.headers])];
}

/** Every cookie value and credential in any response or probe of the capture, longest first. */
export function secretValuesOf(capture: PageCapture): string[] {
  const headerLists: HttpHeader[][] = [
    ...(capture.document === null ? [] : [capture.document.headers]),
    ...capture.redirects.map((hop) => hop.headers),
    ...capture.subresources.map((response) => response.headers),
    ...Object.values(capture.probes).flatMap(probeHeaders),
  ];
  const secrets = new Set<string>();
  for (const header of headerLists.flat()) {
    for (const raw of secretsOfHeader(header)) {
      for (const value of [raw, withoutQuotes(raw)]) {
        if (value.length >= MIN_SECRET_CHARS && value !== REDACTED) secrets.add(value);
      }
    }
  }
  // Longest first, so a value that contains another is replaced whole.
  return [...secrets].sort((a, b) => b.length - a.length);
}

function replaceValues(text: string, values: readonly string[]): string {
  let result = text;
  for (const value of values) if (result.includes(value)) result = result.replaceAll(value, REDACTED);
  return result;
}

/**
 * Cookie values and credentials go wherever they appear (`;jsessionid=…` in a path
 * included); each URL's query values go by structure; copies of query values go outside
 * URLs only, so a value that is also a word of a path (`?tab=settings`, `/settings`)
 * leaves the path readable.
 */
function redactText(text: string, secrets: readonly string[], urlValues: readonly string[]): string {
  const result = replaceValues(text, secrets);
  if (urlValues.length === 0 && !/[?#@]/.test(result)) return result;
  return mapUrlsInText(result, redactUrlSecrets, (between) => replaceValues(between, urlValues));
}

/**
 * Every string inside `value` redacted; numbers, booleans, nulls and object keys kept.
 * What has nothing to redact is returned as it was (the same object), so a caller can tell.
 */
export function redactDeep(value: unknown, secrets: readonly string[], urlValues: readonly string[] = []): unknown {
  if (typeof value === 'string') return redactText(value, secrets, urlValues);
  if (Array.isArray(value)) {
    const items = value.map((item) => redactDeep(item, secrets, urlValues));
    return items.every((item, index) => item === value[index]) ? value : items;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    const redacted = entries.map(([key, item]) => [key, redactDeep(item, secrets, urlValues)] as const);
    return redacted.every(([, item], index) => item === entries[index]?.[1]) ? value : Object.fromEntries(redacted);
  }
  return value;
}

/** Everything `capture` holds that must not leave the machine, applied to `value` (a HAR, a report part). */
export function redactCaptureSecrets<T>(value: T, capture: PageCapture): T {
  return redactDeep(value, secretValuesOf(capture), copiedUrlValuesOf(capture)) as T;
}

/**
 * `grade` with every cookie value and credential that `capture` holds, and every value in
 * a URL's query, replaced by `REDACTED`. Titles, explanations, result ids and MDN links are
 * Tabgrade's own words: only the parts that quote the page (the URL, the tests' data and
 * notes, the notes) are searched.
 */
export function redactGradeSecrets(grade: ObservatoryGrade, capture: PageCapture): ObservatoryGrade {
  const quoted = {
    url: grade.url,
    tests: Object.fromEntries(Object.entries(grade.tests).map(([name, test]) => [name, { data: test.data, notes: test.notes }])),
    notes: grade.notes,
  };
  const redacted = redactCaptureSecrets(quoted, capture);
  if (redacted === quoted) return grade;
  const tests = Object.fromEntries(
    Object.entries(grade.tests).map(([name, test]): [string, GradedTest] => {
      const parts = redacted.tests[name] ?? test;
      return [name, { ...test, data: parts.data, notes: parts.notes }];
    }),
  ) as ObservatoryGrade['tests'];
  return { ...grade, url: redacted.url, tests, notes: redacted.notes };
}

/**
 * `report` with every cookie value and credential that `capture` holds, and every value in
 * a URL's query, replaced by `REDACTED`, in every part that quotes the page: the grade, the
 * findings, the caps that name them, the libraries and resources (URLs), the detected
 * stack's evidence, the notes.
 */
export function redactReportSecrets(report: Report, capture: PageCapture): Report {
  const quoted = {
    url: report.url,
    summary: report.verdict.summary,
    caps: report.verdict.caps,
    projectionNote: report.projection?.note ?? null,
    findings: report.findings,
    libraries: report.libraries,
    resources: report.resources,
    detection: report.stack.detection,
    notes: report.notes,
  };
  const redacted = redactCaptureSecrets(quoted, capture);
  const observatory = redactGradeSecrets(report.observatory, capture);
  if (redacted === quoted && observatory === report.observatory) return report;
  return {
    ...report,
    url: redacted.url,
    observatory,
    verdict: { ...report.verdict, summary: redacted.summary, caps: redacted.caps },
    projection: report.projection === null ? null : { ...report.projection, note: redacted.projectionNote ?? report.projection.note },
    findings: redacted.findings,
    libraries: redacted.libraries,
    resources: redacted.resources,
    stack: { ...report.stack, detection: redacted.detection },
    notes: redacted.notes,
  };
}
