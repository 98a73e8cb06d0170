/**
 * The real CLI: built from source with vite.cli.config.ts, run through bin/tabgrade.js as
 * a child process, against the hand-written HARs in test/fixtures/har/.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';
import { reportSchemaErrors } from '../helpers/report-schema';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = `${ROOT}bin/tabgrade.js`;
const FIXTURES = 'test/fixtures/har/';
const { version } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tabgrade(args: string[], stdin?: string, bin = BIN): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: ROOT, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** One line on stderr, naming the problem, with no stack trace and nothing on stdout. */
function expectUsageFailure(run: Run, message: string): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(`tabgrade: ${message}\n`);
  expect(run.stdout).toBe('');
}

// Each run starts a Node process (about 0.3 s here, more while other test files run).
vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
  await build({ configFile: `${ROOT}vite.cli.config.ts`, root: ROOT, logLevel: 'silent' });
}, 60_000);

describe('tabgrade --help and --version', () => {
  it('prints usage and exits 0', async () => {
    const run = await tabgrade(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: tabgrade grade <file\.har> \[options\]\n/);
    // Every option and all four exit codes are documented.
    for (const option of ['--format', 'sarif', '--summary', '--min-grade', '--min-observatory-grade', '--fail-on', '--har', '--timeout', '--browser', '--include-secrets']) expect(run.stdout).toContain(option);
    expect(run.stdout).toMatch(/Exit status:\n {2}0 .*\n {2}1 .*\n(?: .*\n)*? {2}2 .*\n(?: .*\n)*? {2}3 /);
    expect(run.stderr).toBe('');
    expect((await tabgrade(['grade', 'x.har', '-h'])).stdout).toBe(run.stdout);
  });

  it('prints the package version', async () => {
    const run = await tabgrade(['--version']);
    expect(run).toEqual({ code: 0, stdout: `tabgrade ${version}\n`, stderr: '' });
  });

  it('answers both before the CLI is built, with the text the built CLI prints', async () => {
    // A checkout with the launcher, its help module and package.json, and no dist-cli/.
    const bare = await mkdtemp(join(tmpdir(), 'tabgrade-unbuilt-'));
    try {
      for (const file of ['bin/tabgrade.js', 'src/cli/help.mjs', 'package.json']) {
        await mkdir(join(bare, file, '..'), { recursive: true });
        await copyFile(join(ROOT, file), join(bare, file));
      }
      const bin = join(bare, 'bin/tabgrade.js');
      let fromBundle = '';
      await main(['--help'], { stdout: (text) => void (fromBundle += text), stderr: () => undefined, readFile: () => Promise.reject(new Error('unused')), readStdin: () => Promise.resolve(''), writeFile: () => Promise.resolve(), checkWritable: () => Promise.resolve() });
      const help = await tabgrade(['--help'], undefined, bin);
      expect(help).toEqual({ code: 0, stdout: fromBundle, stderr: '' });
      expect(await tabgrade(['--version'], undefined, bin)).toEqual({ code: 0, stdout: `tabgrade ${version}\n`, stderr: '' });
      expectUsageFailure(await tabgrade(['grade', 'x.har'], undefined, bin), 'the CLI is not built yet; run `npm run build` in the Tabgrade folder first (tabgrade --help works without it)');
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });
});

describe('tabgrade grade', () => {
  it('grades a Chrome HAR with a redirect chain as text by default', async () => {
    const run = await tabgrade(['grade', `${FIXTURES}redirect-chain-to-https.har`]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Tabgrade report for https://www.example.com/');
    expect(lines[1]).toBe('Tabgrade grade A+');
    expect(lines[2]).toMatch(/^Observatory-compatible: A\+ · \d+\/100 · 12\/12 tests passed/);
  });

  it('writes the JSON report with the Observatory field names', async () => {
    const run = await tabgrade(['grade', `${FIXTURES}redirect-chain-to-https.har`, '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { schemaVersion: number; url: string; grade: string; observatory: { grade: string; tests: Record<string, { result: string; pass: boolean; scoreModifier: number }> } };
    expect(report.schemaVersion).toBe(2);
    expect(report.url).toBe('https://www.example.com/');
    expect(report.grade).toBe('A+');
    expect(report.observatory.grade).toBe('A+');
    const tests = report.observatory.tests;
    expect(Object.keys(tests)).toHaveLength(12);
    expect(tests.redirection).toMatchObject({ result: 'redirection-to-https', pass: true, scoreModifier: 0 });
    expect(tests['subresource-integrity']?.pass).toBe(true);
    expect(reportSchemaErrors(report)).toEqual([]);
  });

  it('sees both cookies of a Firefox newline-joined Set-Cookie', async () => {
    const run = await tabgrade(['grade', `${FIXTURES}firefox-joined-set-cookie.har`, '--format=json']);
    const report = JSON.parse(run.stdout) as { observatory: { tests: { cookies: { result: string; data: { cookies: Array<{ name: string }> } } } } };
    const { tests } = report.observatory;
    expect(tests.cookies.result).toBe('cookies-session-without-secure-flag');
    expect(tests.cookies.data.cookies.map((cookie) => cookie.name)).toEqual(['sessionid', 'csrftoken']);
  });

  it('writes a Markdown checklist', async () => {
    const run = await tabgrade(['grade', `${FIXTURES}firefox-joined-set-cookie.har`, '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^## Tabgrade: F · Observatory-compatible F \(0\/100\)\n/);
    expect(run.stdout).toContain('\n- [ ] **Cookies** (');
    expect(run.stdout).toContain('\n- [x] ');
    expect(run.stdout).toContain('Page: `https://shop.example/`');
  });

  it('reads a Playwright HAR with a base64 body', async () => {
    const run = await tabgrade(['grade', `${FIXTURES}playwright-base64-body.har`, '--format', 'json']);
    const report = JSON.parse(run.stdout) as { url: string; observatory: { tests: Record<string, { result: string }> } };
    expect(run.code).toBe(0);
    // Query values are left out of the report like cookie values; the anchor stays.
    expect(report.url).toBe('https://cafe.example/menu?lang=REDACTED#top');
    expect(report.observatory.tests['x-frame-options']?.result).toBe('x-frame-options-sameorigin-or-deny');
  });

  it('uses probes recorded in the HAR', async () => {
    const run = await tabgrade(['grade', `${FIXTURES}observatory-probes.har`, '--format', 'json']);
    const report = JSON.parse(run.stdout) as { observatory: { tests: Record<string, { result: string; notes: string[] }> } };
    expect(report.observatory.tests.redirection?.result).toBe('redirection-to-https');
    expect(report.observatory.tests.redirection?.notes.join(' ')).not.toContain('not checked');
  });

  it('reads standard input for "-"', async () => {
    const har = readFileSync(`${ROOT}${FIXTURES}firefox-joined-set-cookie.har`, 'utf8');
    const run = await tabgrade(['grade', '-'], har);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Tabgrade report for https://shop.example/');
  });

  it('reports a page that did not load without a grade', async () => {
    const run = await tabgrade(['grade', `${FIXTURES}failed-document.har`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tabgrade: no grade: the navigation ended without a document response');
    expect(run.stdout).toContain('net::ERR_NAME_NOT_RESOLVED');
  });
});

describe('tabgrade grade --min-grade', () => {
  it('exits 1 when the grade is below the minimum, still printing the report', async () => {
    const run = await tabgrade(['grade', `${FIXTURES}firefox-joined-set-cookie.har`, '--min-grade', 'B']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('tabgrade: Tabgrade grade F is below the minimum B\n');
    expect(run.stdout).toContain('Tabgrade report for https://shop.example/');
  });

  it('exits 0 when the grade meets the minimum, in any letter case', async () => {
    expect((await tabgrade(['grade', `${FIXTURES}redirect-chain-to-https.har`, '--min-grade', 'A+'])).code).toBe(0);
    expect((await tabgrade(['grade', `${FIXTURES}firefox-joined-set-cookie.har`, '--min-grade=f'])).code).toBe(0);
  });

  it('exits 1 when there is no grade at all', async () => {
    const run = await tabgrade(['grade', `${FIXTURES}failed-document.har`, '--min-grade', 'F']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('tabgrade: no grade, so --min-grade F is not met\n');
  });
});

describe('tabgrade grade gates and formats', () => {
  it('--fail-on fails on findings of that severity or higher, naming them', async () => {
    const run = await tabgrade(['grade', `${FIXTURES}firefox-joined-set-cookie.har`, '--fail-on', 'high', '--summary']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^tabgrade: \d+ findings? of severity high or higher: .*cookie-session-without-secure/);
  });

  it('--algorithm 1.6.3 grades with the ten tests of the previous release', async () => {
    const [current, previous] = await Promise.all([
      tabgrade(['grade', `${FIXTURES}redirect-chain-to-https.har`, '--format', 'json']),
      tabgrade(['grade', `${FIXTURES}redirect-chain-to-https.har`, '--format', 'json', '--algorithm', '1.6.3']),
    ]);
    const read = (run: Run) => JSON.parse(run.stdout) as { observatory: { algorithm: string; testsQuantity: number; tests: Record<string, unknown> } };
    expect(read(current).observatory).toMatchObject({ algorithm: '1.7.0', testsQuantity: 12 });
    expect(Object.keys(read(current).observatory.tests)).toContain('cross-origin-opener-policy');
    expect(read(previous).observatory).toMatchObject({ algorithm: '1.6.3', testsQuantity: 10 });
    expect(Object.keys(read(previous).observatory.tests)).not.toContain('cross-origin-opener-policy');
  });

  it('--min-observatory-grade gates the Observatory-compatible letter, not the Tabgrade one', async () => {
    const run = await tabgrade(['grade', `${FIXTURES}redirect-chain-to-https.har`, '--min-observatory-grade', 'A+', '--fail-on', 'high']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('writes SARIF 2.1.0 and the text findings the summary form leaves out', async () => {
    const sarif = await tabgrade(['grade', `${FIXTURES}firefox-joined-set-cookie.har`, '--format', 'sarif']);
    expect(sarif.code).toBe(0);
    const log = JSON.parse(sarif.stdout) as { version: string; runs: Array<{ tool: { driver: { name: string; version: string } }; results: Array<{ ruleId: string }> }> };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.tool.driver).toMatchObject({ name: 'Tabgrade', version });
    expect(log.runs[0]?.results.map((result) => result.ruleId)).toContain('observatory/cookies-session-without-secure-flag');
    const full = await tabgrade(['grade', `${FIXTURES}firefox-joined-set-cookie.har`]);
    const short = await tabgrade(['grade', `${FIXTURES}firefox-joined-set-cookie.har`, '--summary']);
    expect(full.stdout).toContain('Findings beyond the Observatory tests');
    expect(short.stdout).not.toContain('Findings beyond the Observatory tests');
    expect(short.stdout.split('\n').slice(0, 3)).toEqual(full.stdout.split('\n').slice(0, 3));
  });
});

describe('tabgrade errors', () => {
  it('rejects files that are not HAR files with one line naming the problem', async () => {
    expectUsageFailure(await tabgrade(['grade', `${FIXTURES}not-a-har.json`]), `${FIXTURES}not-a-har.json: not a HAR file: missing log`);
    expectUsageFailure(await tabgrade(['grade', `${FIXTURES}no-document.har`]), `${FIXTURES}no-document.har: no HTML document found among 3 entries`);
    const invalid = await tabgrade(['grade', `${FIXTURES}invalid-json.har`]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/^tabgrade: test\/fixtures\/har\/invalid-json\.har: not a HAR file: not valid JSON \([^\n]+\)\n$/);
  });

  it('names a file it cannot read', async () => {
    expectUsageFailure(await tabgrade(['grade', 'missing.har']), 'cannot read missing.har: no such file');
    expectUsageFailure(await tabgrade(['grade', FIXTURES]), `cannot read ${FIXTURES}: is a directory, not a HAR file`);
  });

  it('names the bad argument', async () => {
    const cases: Array<[string[], string]> = [
      [[], 'missing command (see tabgrade --help)'],
      [['grde', 'x.har'], "unknown command 'grde' (see tabgrade --help)"],
      [['--verbose'], "unknown option '--verbose' (see tabgrade --help)"],
      [['grade'], 'missing HAR file: tabgrade grade <file.har>'],
      [['grade', 'a.har', 'b.har'], "unexpected argument 'b.har': grade takes one HAR file"],
      [['grade', 'a.har', '--format', 'xml'], "unknown format 'xml' (use text, json, markdown, sarif)"],
      [['grade', 'a.har', '--format'], '--format needs a value (text, json, markdown, sarif)'],
      [['grade', 'a.har', '--fail-on', 'info'], "unknown severity 'info' for --fail-on (use high, medium, low)"],
      [['grade', 'a.har', '--min-grade', 'E'], "unknown grade 'E' for --min-grade (use one of A+ A A- B+ B B- C+ C C- D+ D D- F)"],
      [['grade', 'a.har', '--quiet'], "unknown option '--quiet' for grade (see tabgrade --help)"],
    ];
    const runs = await Promise.all(cases.map(([args]) => tabgrade(args)));
    runs.forEach((run, i) => expectUsageFailure(run, cases[i]?.[1] ?? ''));
  });

  it('takes a file name that starts with a dash after --', async () => {
    expectUsageFailure(await tabgrade(['grade', '--', '--odd.har']), 'cannot read --odd.har: no such file');
  });
});
