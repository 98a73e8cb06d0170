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
import { KNOWN_GRADE, KNOWN_HEADERS } from './cases/site';
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
  tests: Record<string, { result: string; data: Record<string, unknown> }>;
  notes: string[];
}

function resultsOf(report: JsonReport): Record<string, string> {
  return Object.fromEntries(Object.entries(report.tests).map(([name, test]) => [name, test.result]));
}

const KNOWN_PAGE = '<!doctype html><title>Known</title><script src="/app.js"></script><h1>Known</h1>';
const COOKIE_SECRET = 'e2e-session-7f3a9c1b';

let site: TestServer;
let folder: string;

beforeAll(async () => {
  [site, folder] = await Promise.all([startServer(), mkdtemp(join(tmpdir(), 'tabgrade-audit-'))]);
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
  await site?.close();
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
    expect(run.stdout).toMatch(new RegExp(`^## Tabgrade: ${KNOWN_GRADE.grade.replace('+', '\\+')} \\(score ${KNOWN_GRADE.score}/100\\)\n`));
    expect(run.stdout.split('\n').filter((line) => /^- \[[ x]\] /.test(line))).toHaveLength(10);
    expect(run.stderr).toBe(`tabgrade: grade ${KNOWN_GRADE.grade} is below the minimum B\n`);
  });

  it('prints the text report and exits 0 at or above --min-grade', async () => {
    const run = await tabgrade(['audit', `${site.origin}/known`, '--min-grade', KNOWN_GRADE.grade]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      `Tabgrade report for ${site.origin}/known`,
      expect.stringMatching(new RegExp(`^Grade ${KNOWN_GRADE.grade.replace('+', '\\+')} {3}score ${KNOWN_GRADE.score}/100 `)),
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
    const cookies = (JSON.parse(regrade.stdout) as JsonReport).tests.cookies;
    expect(cookies?.result).toBe((JSON.parse(redacted.stdout) as JsonReport).tests.cookies?.result);
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
