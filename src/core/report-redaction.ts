/**
 * Keeping cookie values and credentials out of reports that leave the machine (the popup's
 * JSON and Markdown exports, the CLI's output in a CI log).
 *
 * The tests' `data` and notes quote what the page sent: header values, cookie names,
 * URLs. None of today's tests quotes a cookie value or an `Authorization` value, but a
 * report is a contract a future test can break silently, so instead of trusting each test
 * this removes, everywhere in the page-derived parts of a report, every secret value the
 * capture holds. HAR exports redact headers structurally (`har/redact.ts`) and then get the
 * same pass, because a session id can also sit in a URL or the HTML (`exports.ts`).
 */
import type { HttpHeader, PageCapture, ProbeResult } from './capture';
import type { GradedTest, ObservatoryGrade } from './checks/observatory/grade-types';
import type { Report } from './report';
import { REDACTED } from './har/redact';

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

function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (result.includes(secret)) result = result.replaceAll(secret, REDACTED);
  return result;
}

/** Every string inside `value` redacted; numbers, booleans, nulls and object keys kept. */
export function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, secrets)]));
  }
  return value;
}

function redactTest(test: GradedTest, secrets: readonly string[]): GradedTest {
  // Titles, explanations, result ids and MDN links are Tabgrade's own words: only the
  // parts that quote the page are searched.
  return {
    ...test,
    data: redactDeep(test.data, secrets) as Record<string, unknown>,
    notes: test.notes.map((note) => redactText(note, secrets)),
  };
}

/** `grade` with every cookie value and credential that `capture` holds replaced by `REDACTED`. */
export function redactGradeSecrets(grade: ObservatoryGrade, capture: PageCapture): ObservatoryGrade {
  const secrets = secretValuesOf(capture);
  if (secrets.length === 0) return grade;
  const tests = Object.fromEntries(
    Object.entries(grade.tests).map(([name, test]) => [name, redactTest(test, secrets)]),
  ) as ObservatoryGrade['tests'];
  return {
    ...grade,
    url: redactText(grade.url, secrets),
    tests,
    notes: grade.notes.map((note) => redactText(note, secrets)),
  };
}

/**
 * `report` with every cookie value and credential that `capture` holds replaced by
 * `REDACTED`, in every part that quotes the page: the grade, the findings, the caps that
 * name them, the libraries and resources (URLs), the detected stack's evidence, the notes.
 */
export function redactReportSecrets(report: Report, capture: PageCapture): Report {
  const secrets = secretValuesOf(capture);
  if (secrets.length === 0) return report;
  const deep = <T>(value: T): T => redactDeep(value, secrets) as T;
  return {
    ...report,
    url: redactText(report.url, secrets),
    observatory: redactGradeSecrets(report.observatory, capture),
    verdict: { ...report.verdict, summary: redactText(report.verdict.summary, secrets), caps: deep(report.verdict.caps) },
    projection: report.projection === null ? null : { ...report.projection, note: redactText(report.projection.note, secrets) },
    findings: deep(report.findings),
    libraries: deep(report.libraries),
    resources: deep(report.resources),
    stack: { ...report.stack, detection: deep(report.stack.detection) },
    notes: report.notes.map((note) => redactText(note, secrets)),
  };
}
