/**
 * `npm start`'s code path (scripts/lib/demo-run.mjs → `tabgrade audit`) against the real demo
 * site, with the browser replaced by a plain HTTP fetch of the page: standard output carries
 * the report and nothing else in every format, so `npm start --silent -- --format json | jq .`
 * works; the banner and notes go to standard error. The same run in real Chromium is what
 * `npm start` itself does.
 */
import { get } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOptions, runDemo } from '../../scripts/lib/demo-run.mjs';
import type { AuditEnvironment } from '../../src/cli/audit';
import type { BrowserAudit, BrowserAuditOptions } from '../../src/cli/audit-browser';
import { nodeIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import type { HttpHeader } from '../../src/core/capture';
import { captureFrom } from '../helpers/fixtures';
import { reportSchemaErrors } from '../helpers/report-schema';

/** The document as the server sent it: every header line in order (both Set-Cookie lines), and the HTML. */
function fetchPage(url: string): Promise<{ statusCode: number; headers: HttpHeader[]; html: string }> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      const headers: HttpHeader[] = [];
      for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) headers.push({ name: response.rawHeaders[i] ?? '', value: response.rawHeaders[i + 1] ?? '' });
      let html = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (html += chunk));
      response.on('end', () => resolve({ statusCode: response.statusCode ?? 0, headers, html }));
    }).on('error', reject);
  });
}

/** Stands in for Chromium with the extension: a capture of the document alone (no probes, no DOM). */
async function fetchedAudit(options: BrowserAuditOptions): Promise<BrowserAudit> {
  const page = await fetchPage(options.url);
  return { capture: captureFrom({ url: options.url, statusCode: page.statusCode, headers: page.headers, html: page.html }), loadTimedOut: false, completionTimedOut: false, navigationError: null };
}

let extensionDir: string;
beforeAll(async () => {
  extensionDir = await mkdtemp(join(tmpdir(), 'tabgrade-demo-extension-'));
  await writeFile(join(extensionDir, 'manifest.json'), '{}');
});
afterAll(() => rm(extensionDir, { recursive: true, force: true }));

/** Runs the demo as `npm start -- <args>` would, returning what each stream received. */
async function demo(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { ...nodeIo(), stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text) };
  const environment: AuditEnvironment = { extensionDir, env: { CHROMIUM_PATH: process.execPath }, platform: 'linux', tabgradeVersion: 'test', browserAudit: fetchedAudit };
  const code = await runDemo(args, { main: (cliArgs) => main(cliArgs, io, environment), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

describe('npm start prints only the report on standard output', () => {
  it('--format json: one JSON document, the demo shop graded, the banner on stderr', async () => {
    const run = await demo(['--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { url: string; findings: Array<{ id: string }> };
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    // The demo's known gaps: its cookies lack Secure.
    expect(report.findings.length).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/^Auditing the built-in demo site at http:\/\/127\.0\.0\.1:\d+\/ /);
    expect(run.stderr).not.toContain('{');
  });

  it('--format sarif parses; text and markdown begin with the report', async () => {
    const [sarif, text, markdown] = await Promise.all([demo(['--format', 'sarif']), demo([]), demo(['--format', 'markdown'])]);
    expect(JSON.parse(sarif.stdout)).toMatchObject({ version: '2.1.0' });
    expect(text.stdout).toMatch(/^Tabgrade report for http:\/\/127\.0\.0\.1:\d+\/\n/);
    expect(markdown.stdout).toMatch(/^## Tabgrade: /);
    for (const run of [sarif, text, markdown]) {
      expect(run.code).toBe(0);
      expect(run.stderr).not.toContain('Tabgrade report for');
      expect(run.stdout).not.toContain('Auditing the built-in demo site');
    }
  });

  it('says what is wrong in one line, before any audit, when an option of its own is', async () => {
    expect(() => demoOptions(['--url'])).toThrow('--url needs a value');
    expect(await demo(['--screenshot'])).toEqual({ code: 2, stdout: '', stderr: 'demo: --screenshot needs a value\n' });
    expect(await demo(['--screenshot', '/nonexistent-folder/popup.png'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'demo: cannot write the screenshot to /nonexistent-folder/popup.png: no such folder\n',
    });
  });
});
