/**
 * docs/report-schema.json is the published contract of the JSON report: every report
 * Tabgrade can write validates against it, the schema names exactly the tests, grades and
 * statuses core knows, and docs/report-schema.md documents every field the schema allows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emptyCapture } from '../../src/core/capture';
import type { GradeStatus } from '../../src/core/checks/observatory/grade-types';
import { OBSERVATORY_TESTS } from '../../src/core/checks/observatory/index';
import { CURRENT_SCORING, SCORING_1_6_3 } from '../../src/core/checks/observatory/scoring';
import type { ObservatoryTest } from '../../src/core/checks/observatory/types';
import { gradeCapture } from '../../src/core/grade';
import { importHar, parseHarText } from '../../src/core/har';
import type { ObservatoryGrade } from '../../src/core/checks/observatory/grade-types';
import type { PageCapture } from '../../src/core/capture';
import { servedDom } from '../../src/core/har/page-content';
import { buildReport } from '../../src/core/report';
import { formatJson as formatReportJson, toJsonReport as toJsonOfReport } from '../../src/core/report-format';
import { REPORT_SCHEMA_VERSION } from '../../src/core/report-format/json';
import { GRADES_BEST_FIRST } from '../../src/core/grade-order';
import { captureFrom, captureFromFixtures } from '../helpers/fixtures';
import { REPORT_SCHEMA, reportSchemaErrors } from '../helpers/report-schema';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const DOC = readFileSync(fileURLToPath(new URL('../../docs/report-schema.md', import.meta.url)), 'utf8');

/** Every JSON report is the Report of a capture; these tests start from the capture or its grade. */
function formatJson(grade: ObservatoryGrade, capture?: PageCapture): string {
  return formatReportJson(buildReport(capture ?? captureFrom({ headers: [] }), { observatory: grade, now: 0 }));
}
function toJsonReport(grade: ObservatoryGrade, capture?: PageCapture): ReturnType<typeof toJsonOfReport> {
  return JSON.parse(formatJson(grade, capture)) as ReturnType<typeof toJsonOfReport>;
}

function parsedReport(text: string): unknown {
  return JSON.parse(text);
}

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  $defs?: Record<string, SchemaNode>;
}
const schema = REPORT_SCHEMA as SchemaNode;
const topLevel = schema.properties ?? {};
const testFields = schema.$defs?.test?.properties ?? {};

describe('every JSON report validates against docs/report-schema.json', () => {
  const headerFixtures = readdirSync(`${FIXTURES}headers`).filter((name) => name.endsWith('.headers')).map((name) => name.replace(/\.headers$/, ''));

  it.each(headerFixtures)('the grade of header fixture %s', (name) => {
    const capture = captureFromFixtures(name, 'sri-external-https-without-integrity');
    const report = parsedReport(formatReportJson(buildReport(capture, { now: 0 })));
    expect(reportSchemaErrors(report)).toEqual([]);
  });

  const harFixtures = ['firefox-joined-set-cookie.har', 'hsts-internal-redirect.har', 'observatory-probes.har', 'playwright-base64-body.har', 'redirect-chain-to-https.har', 'failed-document.har'];
  it.each(harFixtures)('the grade of HAR fixture %s', (name) => {
    const { capture } = importHar(parseHarText(readFileSync(`${FIXTURES}har/${name}`, 'utf8')));
    expect(reportSchemaErrors(parsedReport(formatReportJson(buildReport(capture, { now: 0 }))))).toEqual([]);
  });

  it('reports without a grade (pending, unavailable) and a partial one', () => {
    const pending = gradeCapture(emptyCapture({ navigationId: 'n', tabId: 1, url: 'https://example.com/', startedAt: 0 }));
    const unavailable = gradeCapture(captureFrom({ overrides: { state: 'error', error: 'net::ERR_CONNECTION_REFUSED' } }));
    const throwing: ObservatoryTest = {
      ...(OBSERVATORY_TESTS[0] as ObservatoryTest),
      run: () => {
        throw new Error('boom');
      },
    };
    const partial = gradeCapture(captureFromFixtures('csp-missing'), undefined, { tests: [throwing, ...OBSERVATORY_TESTS.slice(1)] });
    const statuses: GradeStatus[] = [];
    for (const grade of [pending, unavailable, partial]) {
      const report = toJsonReport(grade);
      statuses.push(report.status);
      expect(reportSchemaErrors(report)).toEqual([]);
    }
    expect(statuses).toEqual(['pending', 'unavailable', 'partial']);
    expect(toJsonReport(pending)).toMatchObject({ grade: null, score: null });
  });

  it('page-controlled strings of any kind stay valid data', () => {
    const hostile = '</script><img src=x onerror=alert(1)> `x` \u202e\u0000 ' + 'A'.repeat(100_000);
    const capture = captureFrom({
      url: `https://example.com/?q=${encodeURIComponent(hostile.slice(0, 200))}`,
      headers: [
        { name: 'Content-Security-Policy', value: `script-src ${hostile}` },
        { name: 'X-Frame-Options', value: hostile },
        { name: 'Set-Cookie', value: `${hostile}=1; Secure` },
      ],
    });
    expect(reportSchemaErrors(parsedReport(formatReportJson(buildReport(capture, { now: 0 }))))).toEqual([]);
  });

  it('a report with caps, findings with fixes, libraries and resources, and a projection', () => {
    const url = 'http://localhost:8000/';
    const html = { text: '<script src="https://code.jquery.com/jquery-1.12.4.min.js"></script><link rel="stylesheet" href="https://cdn.example/a.css">', source: 'served' as const, truncated: false };
    const capture = captureFrom({ url, headers: [{ name: 'Server', value: 'Apache/2.4.62 (Debian)' }], overrides: { html, dom: servedDom(html, url, 'text/html', 0) } });
    const report = buildReport(capture, { now: 0, layers: { application: 'django' } });
    expect(report.verdict.caps.map((cap) => cap.rule)).toContain('vulnerable-library-medium');
    const json = parsedReport(formatReportJson(report)) as { findings: unknown[]; resources: unknown[]; projection: unknown; tabgrade: { caps: unknown[] } };
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.resources.length).toBeGreaterThan(0);
    expect(json.projection).not.toBeNull();
    expect(reportSchemaErrors(json)).toEqual([]);
  });
});

describe('the schema rejects what is not a report', () => {
  const valid = toJsonReport(gradeCapture(captureFromFixtures('hsts-max-age-one-year')));

  it.each([
    ['without schemaVersion', (): unknown => ({ ...valid, schemaVersion: undefined })],
    ['with another schemaVersion', (): unknown => ({ ...valid, schemaVersion: 1 })],
    ['with an undocumented field', (): unknown => ({ ...valid, extra: true })],
    ['with a grade that does not exist', (): unknown => ({ ...valid, grade: 'E' })],
    ['with a test missing', (): unknown => ({ ...valid, observatory: { ...valid.observatory, tests: { ...valid.observatory.tests, cookies: undefined } } })],
    ['with a test nobody knows', (): unknown => ({ ...valid, observatory: { ...valid.observatory, tests: { ...valid.observatory.tests, 'made-up': valid.observatory.tests.cookies } } })],
    ['with a test lacking its result', (): unknown => ({ ...valid, observatory: { ...valid.observatory, tests: { ...valid.observatory.tests, cookies: { ...valid.observatory.tests.cookies, result: undefined } } } })],
    ['with a cap above A+', (): unknown => ({ ...valid, tabgrade: { ...valid.tabgrade, caps: [{ rule: 'x', grade: 'A++' }] } })],
    ['with a finding lacking its severity', (): unknown => ({ ...valid, findings: [{ id: 'x', checkId: 'x', group: 'server', title: 't', detail: 'd', subject: null, recommendation: null, learnMoreUrl: null, cap: null, fixes: [], data: {} }] })],
  ])('a report %s', (_name, make) => {
    // JSON round trip drops the `undefined` fields, as a reader would see them.
    expect(reportSchemaErrors(JSON.parse(JSON.stringify(make())))).not.toEqual([]);
  });
});

describe('the schema names what core knows', () => {
  it('carries the schema version the code writes', () => {
    expect(topLevel.schemaVersion?.const).toBe(REPORT_SCHEMA_VERSION);
    expect(toJsonReport(gradeCapture(captureFrom({ headers: [] }))).schemaVersion).toBe(REPORT_SCHEMA_VERSION);
  });

  it('lists exactly the Observatory tests the scoring table counts', () => {
    const tests = topLevel.observatory?.properties?.tests;
    // Every test of the newest algorithm may appear; those of every algorithm must.
    expect(Object.keys(tests?.properties ?? {})).toEqual([...CURRENT_SCORING.tests]);
    expect(tests?.required).toEqual([...SCORING_1_6_3.tests]);
    expect(SCORING_1_6_3.tests.every((name) => CURRENT_SCORING.tests.includes(name))).toBe(true);
  });

  it('lists exactly the grades and statuses', () => {
    expect(topLevel.grade?.enum).toEqual([...GRADES_BEST_FIRST, null]);
    const statuses: GradeStatus[] = ['graded', 'partial', 'pending', 'unavailable'];
    expect(topLevel.status?.enum).toEqual(statuses);
  });

  it('requires every field a report has, so none can go missing unnoticed', () => {
    const report = toJsonReport(gradeCapture(captureFromFixtures('csp-missing')));
    expect([...(schema.required ?? [])].sort()).toEqual(Object.keys(report).sort());
    expect([...(schema.$defs?.test?.required ?? [])].sort()).toEqual(Object.keys(report.observatory.tests.cookies ?? {}).sort());
    for (const part of ['tabgrade', 'observatory', 'scoreArithmetic', 'stack'] as const) {
      expect([...(topLevel[part]?.required ?? [])].sort()).toEqual(Object.keys(report[part]).sort());
    }
  });
});

describe('docs/report-schema.md', () => {
  it('documents every field of the schema', () => {
    const defs = Object.values(schema.$defs ?? {}).flatMap((node) => Object.keys(node.properties ?? {}));
    const parts = Object.values(topLevel).flatMap((node) => Object.keys(node.properties ?? {}));
    for (const field of new Set([...Object.keys(topLevel), ...Object.keys(testFields), ...defs, ...parts])) expect(DOC).toContain(`\`${field}\``);
  });

  it('documents the current schema version and every test', () => {
    expect(DOC).toContain(`# The JSON report (schema version ${REPORT_SCHEMA_VERSION})`);
    for (const test of CURRENT_SCORING.tests) expect(DOC).toContain(`| \`${test}\` |`);
  });

  it('shows an example that validates once its elided tests are filled in', () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(DOC)?.[1];
    expect(example).toBeDefined();
    const report = JSON.parse(example ?? '') as { observatory: { tests: Record<string, unknown> } };
    const full = toJsonReport(gradeCapture(captureFromFixtures('csp-missing')));
    // The example shows three tests; the other seven are taken from a real report.
    const errors = reportSchemaErrors({ ...report, observatory: { ...report.observatory, tests: { ...full.observatory.tests, ...report.observatory.tests } } });
    expect(errors).toEqual([]);
  });
});
