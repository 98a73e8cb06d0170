/**
 * The SARIF output validates against the official SARIF 2.1.0 schema (the copy Microsoft's
 * SARIF SDK ships in @microsoft/jest-sarif), carries one rule per finding id and failing
 * Observatory result, maps severities to levels, and keeps page text out of rule help.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import Ajv04 from 'ajv-draft-04';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { servedDom } from '../../src/core/har/page-content';
import { buildReport, type Report } from '../../src/core/report';
import { formatSarif } from '../../src/core/report-format';
import { captureFrom, captureFromFixtures } from '../helpers/fixtures';
import { reportFromGrade, vulnerableJqueryFinding } from '../helpers/report';

const require = createRequire(import.meta.url);
const SARIF_SCHEMA = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
// The schema's language-tag pattern is not valid with the u flag (it has a stray `]`), so
// its patterns compile as plain RegExps; `strict: false` because it is a draft-04 schema
// with keywords Ajv's strict mode rejects, and it is not ours to fix.
const validateSarif = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(SARIF_SCHEMA);

function sarifOf(report: Report): Log {
  const log = JSON.parse(formatSarif(report, { toolVersion: '0.2.0' })) as Log;
  const valid = validateSarif(log);
  expect(valid ? [] : validateSarif.errors).toEqual([]);
  return log;
}

function jqueryPage(url = 'https://shop.example/'): Report {
  const html = { text: '<!doctype html><script src="https://code.jquery.com/jquery-1.12.4.min.js"></script>', source: 'served' as const, truncated: false };
  const capture = captureFrom({ url, headers: [{ name: 'Server', value: 'Apache/2.4.62' }, { name: 'Set-Cookie', value: 'sessionid=abcdef123; Path=/' }], overrides: { html, dom: servedDom(html, url, 'text/html', 0) } });
  return buildReport(capture, { now: 0, layers: { application: 'django' } });
}

describe('SARIF 2.1.0 output', () => {
  it('validates against the SARIF schema for reports of every kind', () => {
    const fixtures = readdirSync(fileURLToPath(new URL('../fixtures/headers/', import.meta.url))).filter((name) => name.endsWith('.headers'));
    expect(fixtures.length).toBeGreaterThan(50);
    for (const name of fixtures) sarifOf(buildReport(captureFromFixtures(name.replace(/\.headers$/, ''), 'sri-external-https-without-integrity'), { now: 0 }));
    sarifOf(jqueryPage());
    sarifOf(jqueryPage('http://localhost:8000/'));
    sarifOf(buildReport(captureFrom({ overrides: { state: 'error', error: 'net::ERR_CONNECTION_REFUSED' } }), { now: 0 }));
  });

  it('has one rule per finding id and per failing Observatory result, each referenced by index', () => {
    const report = jqueryPage();
    const run = sarifOf(report).runs[0];
    const rules = run?.tool.driver.rules ?? [];
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    const failing = Object.values(report.observatory.tests).filter((test) => !test.pass);
    for (const test of failing) expect(ids).toContain(`observatory/${test.result}`);
    for (const finding of report.findings) expect(ids).toContain(`tabgrade/${finding.id}`);
    expect(run?.results).toHaveLength(failing.length + report.findings.length);
    for (const result of run?.results ?? []) expect(rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
  });

  it('maps severities to levels and carries the jQuery CVEs and the cap', () => {
    const run = sarifOf(jqueryPage()).runs[0];
    const library = run?.results?.find((result) => result.ruleId === 'tabgrade/vulnerable-library');
    expect(library?.level).toBe('warning');
    expect(library?.message.text).toContain('jQuery 1.12.4');
    expect(library?.message.text).toContain('Caps the Tabgrade grade at B.');
    const rule = run?.tool.driver.rules?.find((candidate) => candidate.id === 'tabgrade/vulnerable-library');
    expect(rule?.properties?.['security-severity']).toBe('5.5');
    expect(JSON.stringify(run?.results)).toMatch(/CVE-2020-11022/);
    const low = run?.results?.find((result) => result.ruleId === 'tabgrade/server-version-disclosed');
    expect(low?.level).toBe('note');
    const redirect = run?.results?.find((result) => result.ruleId?.startsWith('observatory/cookies-'));
    expect(redirect?.level).toBe('error');
    expect(run?.properties).toMatchObject({ tabgradeGrade: expect.any(String), capped: expect.any(Boolean) });
  });

  it('gives fix snippets for the stack in rule help', () => {
    const rules = sarifOf(jqueryPage()).runs[0]?.tool.driver.rules ?? [];
    const server = rules.find((rule) => rule.id === 'tabgrade/server-version-disclosed');
    expect(server?.help?.markdown).toContain('```');
  });

  it('keeps a hostile subject on one line in the message and out of rule help', () => {
    const hostile = vulnerableJqueryFinding({ subject: 'jQuery\n<img src=x onerror=alert(1)>' });
    const report = reportFromGrade(jqueryPage().observatory, { findings: [hostile] });
    const run = sarifOf(report).runs[0];
    const result = run?.results?.find((candidate) => candidate.ruleId === 'tabgrade/vulnerable-library');
    expect(result?.message.text).not.toContain('\n');
    expect(JSON.stringify(run?.tool.driver.rules)).not.toContain('<img');
  });
});
