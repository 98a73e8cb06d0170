/**
 * `tabgrade audit`'s manners without a browser: clear failures before any browser starts,
 * what it assumes about an address without a scheme, and output that is only the report.
 * The browser is replaced by a stand-in that returns a capture; the audit itself runs in
 * real Chromium in test/e2e/audit.test.ts.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEnvironment } from '../../src/cli/audit';
import type { BrowserAudit, BrowserAuditOptions } from '../../src/cli/audit-browser';
import { nodeIo, type CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { REDACTED } from '../../src/core/har';
import { captureFrom } from '../helpers/fixtures';

interface Captured {
  io: CliIo;
  out: () => string;
  err: () => string;
}

/** Standard output and error kept as strings; files go through Node unless `overrides` say otherwise. */
function captureIo(overrides: Partial<CliIo> = {}): Captured {
  let out = '';
  let err = '';
  return {
    io: {
      ...nodeIo(),
      stdout: (text) => void (out += text),
      stderr: (text) => void (err += text),
      readStdin: () => Promise.resolve(''),
      ...overrides,
    },
    out: () => out,
    err: () => err,
  };
}

/** A browser stand-in: records what it was asked to open and returns a graded-looking capture of it. */
function fakeBrowser(): { opened: string[]; browserAudit: (options: BrowserAuditOptions) => Promise<BrowserAudit> } {
  const opened: string[] = [];
  return {
    opened,
    browserAudit: (options) => {
      opened.push(options.url);
      const capture = captureFrom({ url: options.url, headers: [{ name: 'Content-Type', value: 'text/html' }, { name: 'X-Frame-Options', value: 'DENY' }], html: '<!doctype html><title>x</title>' });
      return Promise.resolve({ capture, loadTimedOut: false, completionTimedOut: false, navigationError: null });
    },
  };
}

/** A browser that must not start: the failure has to come first. */
function noBrowser(): Promise<BrowserAudit> {
  throw new Error('the browser was started');
}

let built: string;
beforeAll(async () => {
  built = await mkdtemp(join(tmpdir(), 'tabgrade-fake-extension-'));
  await writeFile(join(built, 'manifest.json'), '{}');
});
afterAll(() => rm(built, { recursive: true, force: true }));

function environment(overrides: Partial<AuditEnvironment>): AuditEnvironment {
  return { extensionDir: built, env: { PATH: '' }, platform: 'linux', tabgradeVersion: 'test', browserAudit: noBrowser, ...overrides };
}

/** A "browser" that exists (this Node), so the search succeeds and the stand-in runs. */
const WITH_BROWSER = { env: { CHROMIUM_PATH: process.execPath } };

describe('tabgrade audit stops with one line when it cannot run', () => {
  it('says to build when the extension is missing', async () => {
    const run = captureIo();
    const code = await main(['audit', 'http://127.0.0.1:1/'], run.io, environment({ extensionDir: '/nonexistent/dist/chrome' }));
    expect(code).toBe(2);
    expect(run.err()).toBe('tabgrade: the extension is not built (no /nonexistent/dist/chrome/manifest.json); run `npm run build` in the Tabgrade folder first\n');
    expect(run.out()).toBe('');
  });

  it('names the browser path that does not exist', async () => {
    const run = captureIo();
    const code = await main(['audit', 'http://127.0.0.1:1/', '--browser', '/no/such/chrome'], run.io, environment({}));
    expect(code).toBe(2);
    expect(run.err()).toBe('tabgrade: no browser at /no/such/chrome (--browser)\n');
  });

  it('says how to install a browser when there is none', async () => {
    const run = captureIo();
    const code = await main(['audit', 'http://127.0.0.1:1/'], run.io, environment({ env: { CHROMIUM_PATH: '' }, platform: 'darwin' }));
    // macOS paths do not exist on the test machine, so nothing is found.
    expect(code).toBe(2);
    expect(run.err()).toBe('tabgrade: no Chromium or Chrome found: install Chromium or Chrome for Testing (npx @puppeteer/browsers install chrome@stable prints its path), then pass --browser PATH (or set CHROMIUM_PATH)\n');
  });
});

describe('tabgrade audit checks its output path first', () => {
  it('stops with one line, before the browser starts, when the --har folder does not exist', async () => {
    const run = captureIo();
    const code = await main(['audit', 'http://127.0.0.1:1/', '--har', '/nonexistent-folder/page.har'], run.io, environment(WITH_BROWSER));
    expect(code).toBe(2);
    expect(run.err()).toBe('tabgrade: cannot write the HAR to /nonexistent-folder/page.har: no such folder\n');
    expect(run.out()).toBe('');
  });

  it('stops when --har names a folder, or a path through a file', async () => {
    for (const [path, words] of [[built, 'is a directory'], [join(built, 'manifest.json', 'page.har'), 'a part of the path is not a folder']] as const) {
      const run = captureIo();
      expect(await main(['audit', 'http://127.0.0.1:1/', '--har', path], run.io, environment(WITH_BROWSER))).toBe(2);
      expect(run.err()).toBe(`tabgrade: cannot write the HAR to ${path}: ${words}\n`);
    }
  });

  it('prints the report before a failing write, then says why and exits 2', async () => {
    const browser = fakeBrowser();
    const noSpace = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const run = captureIo({ writeFile: () => Promise.reject(noSpace) });
    const path = join(built, 'page.har');
    const code = await main(['audit', 'http://127.0.0.1:1/', '--format', 'json', '--har', path], run.io, environment({ ...WITH_BROWSER, browserAudit: browser.browserAudit }));
    expect(code).toBe(2);
    expect((JSON.parse(run.out()) as { url: string }).url).toBe('http://127.0.0.1:1/');
    expect(run.err()).toBe(`tabgrade: cannot write the HAR to ${path}: no space left on the device\n`);
  });

  it('writes the HAR after the report, without the query values of the page URL', async () => {
    const browser = fakeBrowser();
    const run = captureIo();
    const path = join(built, 'once.har');
    const code = await main(['audit', 'http://127.0.0.1:1/login?once=ONE-TIME-TOKEN', '--format', 'json', '--har', path], run.io, environment({ ...WITH_BROWSER, browserAudit: browser.browserAudit }));
    expect([code, run.err()]).toEqual([0, '']);
    const har = await readFile(path, 'utf8');
    for (const text of [har, run.out()]) {
      expect(text).not.toContain('ONE-TIME-TOKEN');
      expect(text).toContain(`http://127.0.0.1:1/login?once=${REDACTED}`);
    }
  });
});

describe('tabgrade audit takes an address without a scheme as http://', () => {
  it.each([
    ['localhost:8000', 'http://localhost:8000/'],
    ['example.com', 'http://example.com/'],
    ['127.0.0.1:8080/shop?page=2', 'http://127.0.0.1:8080/shop?page=2'],
  ])('%s → %s, with a note on stderr and only the report on stdout', async (typed, url) => {
    const browser = fakeBrowser();
    const run = captureIo();
    const code = await main(['audit', typed, '--format', 'json'], run.io, environment({ ...WITH_BROWSER, browserAudit: browser.browserAudit }));
    expect(code).toBe(0);
    expect(browser.opened).toEqual([url]);
    expect(run.err()).toBe(`tabgrade: no scheme in '${typed}': auditing ${url} (write https:// to start there)\n`);
    expect(JSON.parse(run.out())).toMatchObject({ schemaVersion: 2 });
  });
});
