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
import { CURRENT_SCORING } from '../../src/core/checks/observatory/scoring';
import type { ObservatoryTest } from '../../src/core/checks/observatory/types';
import { gradeCapture } from '../../src/core/grade';
import { importHar, parseHarText } from '../../src/core/har';
import { formatJson, toJsonReport } from '../../src/core/report-format';
import { REPORT_SCHEMA_VERSION } from '../../src/core/report-format/json';
import { GRADES_BEST_FIRST } from '../../src/core/grade-order';
import { captureFrom, captureFromFixtures } from '../helpers/fixtures';
import { REPORT_SCHEMA, reportSchemaErrors } from '../helpers/report-schema';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const DOC = readFileSync(fileURLToPath(new URL('../../docs/report-schema.md', import.meta.url)), 'utf8');

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
    const report = parsedReport(formatJson(gradeCapture(captureFromFixtures(name, 'sri-external-https-without-integrity'))));
    expect(reportSchemaErrors(report)).toEqual([]);
  });

  const harFixtures = ['firefox-joined-set-cookie.har', 'hsts-internal-redirect.har', 'observatory-probes.har', 'playwright-base64-body.har', 'redirect-chain-to-https.har', 'failed-document.har'];
  it.each(harFixtures)('the grade of HAR fixture %s', (name) => {
    const { capture } = importHar(parseHarText(readFileSync(`${FIXTURES}har/${name}`, 'utf8')));
    expect(reportSchemaErrors(parsedReport(formatJson(gradeCapture(capture))))).toEqual([]);
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
    expect(reportSchemaErrors(parsedReport(formatJson(gradeCapture(capture))))).toEqual([]);
  });
});

describe('the schema rejects what is not a report', () => {
  const valid = toJsonReport(gradeCapture(captureFromFixtures('hsts-max-age-one-year')));

  it.each([
    ['without schemaVersion', (): unknown => ({ ...valid, schemaVersion: undefined })],
    ['with another schemaVersion', (): unknown => ({ ...valid, schemaVersion: 2 })],
    ['with an undocumented field', (): unknown => ({ ...valid, extra: true })],
    ['with a grade that does not exist', (): unknown => ({ ...valid, grade: 'E' })],
    ['with a test missing', (): unknown => ({ ...valid, tests: { ...valid.tests, cookies: undefined } })],
    ['with a test nobody knows', (): unknown => ({ ...valid, tests: { ...valid.tests, 'made-up': valid.tests.cookies } })],
    ['with a test lacking its result', (): unknown => ({ ...valid, tests: { ...valid.tests, cookies: { ...valid.tests.cookies, result: undefined } } })],
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
    expect(Object.keys(topLevel.tests?.properties ?? {})).toEqual([...CURRENT_SCORING.tests]);
    expect(topLevel.tests?.required).toEqual([...CURRENT_SCORING.tests]);
  });

  it('lists exactly the grades and statuses', () => {
    expect(topLevel.grade?.enum).toEqual([...GRADES_BEST_FIRST, null]);
    const statuses: GradeStatus[] = ['graded', 'partial', 'pending', 'unavailable'];
    expect(topLevel.status?.enum).toEqual(statuses);
  });

  it('requires every field a report has, so none can go missing unnoticed', () => {
    const report = toJsonReport(gradeCapture(captureFromFixtures('csp-missing')));
    expect([...(schema.required ?? [])].sort()).toEqual(Object.keys(report).sort());
    expect([...(schema.$defs?.test?.required ?? [])].sort()).toEqual(Object.keys(report.tests.cookies ?? {}).sort());
  });
});

describe('docs/report-schema.md', () => {
  it('documents every field of the schema', () => {
    for (const field of [...Object.keys(topLevel), ...Object.keys(testFields)]) expect(DOC).toContain(`\`${field}\``);
  });

  it('documents the current schema version and every test', () => {
    expect(DOC).toContain(`# The JSON report (schema version ${REPORT_SCHEMA_VERSION})`);
    for (const test of CURRENT_SCORING.tests) expect(DOC).toContain(`| \`${test}\` |`);
  });

  it('shows an example that validates once its elided tests are filled in', () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(DOC)?.[1];
    expect(example).toBeDefined();
    const report = JSON.parse(example ?? '') as { tests: Record<string, unknown> };
    const full = toJsonReport(gradeCapture(captureFromFixtures('csp-missing')));
    // The example shows three tests; the other seven are taken from a real report.
    const errors = reportSchemaErrors({ ...report, tests: { ...full.tests, ...report.tests } });
    expect(errors).toEqual([]);
  });
});
