/**
 * `tabgrade audit`, end to end: the built CLI (`node bin/tabgrade.js`) launches headless
 * Chromium with the built extension (dist/chrome), audits loopback sites and prints the
 * grade. Each run starts its own browser (about 3–4 s here).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchemaErrors } from '../helpers/report-schema';
import { KNOWN_GRADE, KNOWN_HEADERS, NEWSLETTER_HEADERS } from './cases/site';
import { html, startServer, type TestServer } from './support/server';

const BIN = resolve(__dirname, '../../bin/tabgrade.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function tabgrade(args: string[]): Promise<Run> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

interface JsonReport {
  grade: string | null;
  score: number | null;
  status: string;
  tabgrade: { grade: string | null; capped: boolean; caps: Array<{ rule: string; grade: string; reason: string; binding: boolean }> };
  observatory: { grade: string | null; tests: Record<string, { result: string; data: Record<string, unknown> }> };
  findings: Array<{ id: string; severity: string; subject: string | null }>;
  libraries: Array<{ name: string; version: string; party: string; sources: Array<{ kind: string; addedAfterLoad?: boolean }>; vulnerabilities: Array<{ ids: string[] }> }>;
  projection: { score: number; grade: string; tabgradeGrade: string | null } | null;
  notes: string[];
}

function resultsOf(report: JsonReport): Record<string, string> {
  return Object.fromEntries(Object.entries(report.observatory.tests).map(([name, test]) => [name, test.result]));
}

/** The advisories retire.js lists for jQuery 1.12.4 (all medium: the cap is B). */
const JQUERY_1_12_4_CVES = ['CVE-2015-9251', 'CVE-2019-11358', 'CVE-2020-11022', 'CVE-2020-11023'];

const KNOWN_PAGE = '<!doctype html><title>Known</title><script src="/app.js"></script><h1>Known</h1>';
const COOKIE_SECRET = 'e2e-session-7f3a9c1b';

let site: TestServer;
let widget: TestServer;
let folder: string;

beforeAll(async () => {
  [site, widget, folder] = await Promise.all([startServer(), startServer(), mkdtemp(join(tmpdir(), 'tabgrade-audit-'))]);
  // The newsletter case: the widget (another site: the `localhost` name, another port) adds jQuery 1.12.4 a second after load.
  const fixture = (name: string): Promise<string> => readFile(new URL(`../fixtures/site/${name}`, import.meta.url), 'utf8');
  const [newsletter, loader, jquery] = await Promise.all([
    fixture('newsletter.html'),
    fixture('widget-loader.js'),
    readFile(new URL('../../node_modules/jquery-1.12.4/dist/jquery.min.js', import.meta.url), 'utf8'),
  ]);
  const js = { headers: [['Content-Type', 'text/javascript']] as Array<[string, string]> };
  site.route('/newsletter', html(newsletter.replaceAll('{{WIDGET}}', widget.altOrigin), NEWSLETTER_HEADERS.map(([name, value]) => [name, value.replaceAll('{{WIDGET}}', widget.altOrigin)])));
  widget.route('/widget/loader.js', { ...js, body: loader });
  widget.route('/vendor/jquery-1.12.4.min.js', { ...js, body: jquery });
  site.route('/known', html(KNOWN_PAGE, KNOWN_HEADERS));
  site.route('/app.js', { headers: [['Content-Type', 'text/javascript']], body: '/* app */' });
  site.route('/account', html('<h1>Account</h1>', [['Set-Cookie', `sessionid=${COOKIE_SECRET}; HttpOnly; SameSite=Lax; Path=/`], ['X-Frame-Options', 'DENY']]));
  // Headers and the first bytes, then nothing: `load` never fires. The CORS probe (OPTIONS)
  // still gets an answer, as a real server's would.
  site.route('/slow', (request) =>
    request.method === 'GET' ? { headers: [['Content-Type', 'text/html; charset=utf-8'], ...KNOWN_HEADERS], body: '<!doctype html><title>Slow</title><h1>Still', hang: true } : { status: 204 },
  );
});

afterAll(async () => {
  await Promise.all([site?.close(), widget?.close()]);
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

describe('tabgrade audit', () => {
  it('gives a known header set the Observatory’s grade, and its --har re-grades the same with tabgrade grade', async () => {
    const harPath = join(folder, 'known.har');
    const run = await tabgrade(['audit', `${site.origin}/known`, '--format', 'json', '--har', harPath]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(reportSchemaErrors(report)).toEqual([]);
    expect([report.grade, report.score]).toEqual([KNOWN_GRADE.grade, Number(KNOWN_GRADE.score)]);
    expect(resultsOf(report)).toEqual(KNOWN_GRADE.results);
    // The extension ran the Observatory's CORS preflight against the audited page.
    expect(site.requests).toContain('OPTIONS /known');

    const regrade = await tabgrade(['grade', harPath, '--format', 'json']);
    expect(regrade.code).toBe(0);
    const fromHar = JSON.parse(regrade.stdout) as JsonReport;
    expect([fromHar.grade, fromHar.score]).toEqual([report.grade, report.score]);
    expect(resultsOf(fromHar)).toEqual(resultsOf(report));
  });

  it('prints the Markdown checklist and exits 1 below --min-grade', async () => {
    const run = await tabgrade(['audit', `${site.origin}/known`, '--format', 'markdown', '--min-grade', 'B']);
    expect(run.code).toBe(1);
    const grade = KNOWN_GRADE.grade.replace('+', '\\+');
    expect(run.stdout).toMatch(new RegExp(`^## Tabgrade: ${grade} · Observatory-compatible ${grade} \\(${KNOWN_GRADE.score}/100\\)\n`));
    // The ten tests are items; Tabgrade's findings follow as more open items.
    const items = run.stdout.split('\n').filter((line) => /^- \[[ x]\] /.test(line));
    expect(items.length).toBeGreaterThan(10);
    expect(run.stdout).toContain('### In production (projection)');
    expect(run.stderr).toBe(`tabgrade: Tabgrade grade ${KNOWN_GRADE.grade} is below the minimum B\n`);
  });

  it('prints the text report and exits 0 at or above --min-grade', async () => {
    const run = await tabgrade(['audit', `${site.origin}/known`, '--min-grade', KNOWN_GRADE.grade]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      `Tabgrade report for ${site.origin}/known`,
      `Tabgrade grade ${KNOWN_GRADE.grade}`,
      expect.stringMatching(new RegExp(`^Observatory-compatible: ${KNOWN_GRADE.grade.replace('+', '\\+')} · ${KNOWN_GRADE.score}/100 `)),
    ]);
  });

  it('keeps cookie values out of the report and the HAR unless --include-secrets', async () => {
    const redactedPath = join(folder, 'redacted.har');
    const secretPath = join(folder, 'secret.har');
    const [redacted, kept] = await Promise.all([
      tabgrade(['audit', `${site.origin}/account`, '--format', 'json', '--har', redactedPath]),
      tabgrade(['audit', `${site.origin}/account`, '--format', 'json', '--har', secretPath, '--include-secrets']),
    ]);
    expect([redacted.code, kept.code]).toEqual([0, 0]);
    const redactedHar = await readFile(redactedPath, 'utf8');
    expect(redactedHar).not.toContain(COOKIE_SECRET);
    expect(redactedHar).toContain('sessionid=REDACTED; HttpOnly; SameSite=Lax; Path=/');
    expect(redacted.stdout).not.toContain(COOKIE_SECRET);
    expect(await readFile(secretPath, 'utf8')).toContain(`sessionid=${COOKIE_SECRET}`);
    // The redacted HAR still grades the cookie the same way.
    const regrade = await tabgrade(['grade', redactedPath, '--format', 'json']);
    const cookies = (JSON.parse(regrade.stdout) as JsonReport).observatory.tests.cookies;
    expect(cookies?.result).toBe((JSON.parse(redacted.stdout) as JsonReport).observatory.tests.cookies?.result);
  });

  it('grades a page that never finishes loading from its headers once --timeout has passed, and says so', async () => {
    const run = await tabgrade(['audit', `${site.origin}/slow`, '--timeout', '3', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.ms).toBeGreaterThanOrEqual(3_000);
    // Bounded: the timeout, browser start and the probes, not the page.
    expect(run.ms).toBeLessThan(30_000);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.notes[0]).toBe(
      'The page did not finish loading within 3 s (--timeout): it was graded from its response headers and whatever else had arrived by then.',
    );
    expect(report.grade).not.toBeNull();
    const results = resultsOf(report);
    for (const fromHeaders of ['content-security-policy', 'referrer-policy', 'x-content-type-options', 'x-frame-options', 'cross-origin-resource-policy']) {
      expect(results[fromHeaders]).toBe(KNOWN_GRADE.results[fromHeaders]);
    }
  });

  it('finds the old jQuery a newsletter widget adds after load, in JSON, text, Markdown and SARIF, and gates on it', async () => {
    const url = `${site.origin}/newsletter`;
    const [json, text, markdown, sarif, failOn, observatoryGate] = await Promise.all([
      tabgrade(['audit', url, '--format', 'json']),
      tabgrade(['audit', url]),
      tabgrade(['audit', url, '--format', 'markdown']),
      tabgrade(['audit', url, '--format', 'sarif']),
      tabgrade(['audit', url, '--fail-on', 'medium', '--summary']),
      tabgrade(['audit', url, '--min-observatory-grade', 'C', '--summary']),
    ]);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(reportSchemaErrors(report)).toEqual([]);
    const jquery = report.libraries.find((library) => library.name === 'jQuery');
    expect(jquery).toMatchObject({ version: '1.12.4', party: 'third' });
    expect(jquery?.sources.some((source) => source.kind === 'file' && source.addedAfterLoad === true)).toBe(true);
    expect(jquery?.vulnerabilities.flatMap((vulnerability) => vulnerability.ids)).toEqual(expect.arrayContaining(JQUERY_1_12_4_CVES));
    const cap = report.tabgrade.caps.find((candidate) => candidate.rule === 'vulnerable-library-medium');
    expect(cap?.grade).toBe('B');
    expect(cap?.reason).toMatch(/^Capped at B by jQuery 1\.12\.4 \(CVE-/);
    // The widget's script was injected: its missing integrity caps too.
    expect(report.tabgrade.caps.map((candidate) => candidate.rule)).toContain('cross-origin-script-without-integrity');
    // On loopback HTTP the Observatory letter is at most C+, below the caps; the projection shows the cap would bind in production.
    expect(report.projection?.tabgradeGrade).toBe('B');

    for (const run of [text, markdown, sarif]) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('jQuery 1.12.4');
      for (const cve of JQUERY_1_12_4_CVES.slice(0, 3)) expect(run.stdout).toContain(cve);
    }
    expect(text.stdout).toContain('Capped at B by jQuery 1.12.4');
    expect(markdown.stdout).toContain('### Grade caps');
    const log = JSON.parse(sarif.stdout) as { version: string; runs: Array<{ results: Array<{ ruleId: string; level: string }> }> };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.results.find((result) => result.ruleId === 'tabgrade/vulnerable-library')?.level).toBe('warning');

    expect(failOn.code).toBe(1);
    expect(failOn.stderr).toMatch(/^tabgrade: \d+ findings of severity medium or higher: .*vulnerable-library/);
    expect(observatoryGate.stderr).toBe('');
    expect(observatoryGate.code).toBe(0);
  });

  it('exits 2 with one clear line when the host refuses connections', async () => {
    // A port that was just listening and is now closed: nothing accepts there.
    const closed = await startServer();
    const url = `${closed.origin}/`;
    await closed.close();
    const run = await tabgrade(['audit', url]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`tabgrade: cannot reach ${url}: connection refused (is the server running on that port?) (net::ERR_CONNECTION_REFUSED)\n`);
  });
});
