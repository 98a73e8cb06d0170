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
import type { TlsInfo } from '../../src/core/tls';
import { captureFrom } from '../helpers/fixtures';
import { startHttpsServer } from '../e2e/support/https-server';

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

describe('tabgrade audit inspects an https page’s TLS itself', () => {
  const DAY = 86_400_000;
  function httpsBrowser(): (options: BrowserAuditOptions) => Promise<BrowserAudit> {
    return (options) => Promise.resolve({
      capture: captureFrom({ url: options.url, headers: [{ name: 'Content-Type', value: 'text/html' }], html: '<!doctype html><title>x</title>' }),
      loadTimedOut: false, completionTimedOut: false, navigationError: null,
    });
  }
  const expired: TlsInfo = {
    source: 'node', url: 'https://shop.example.com/', state: 'broken', protocol: 'TLSv1.1', cipherSuite: 'TLS_RSA_WITH_AES_128_CBC_SHA', keaGroup: null, signatureScheme: null,
    certificate: { subject: 'CN=shop.example.com', issuer: 'CN=Test CA', validFrom: Date.now() - 400 * DAY, validTo: Date.now() - 2 * DAY, sha256: null, serialNumber: null, isBuiltInRoot: false },
    chain: [], trusted: null, domainMismatch: false, notValidAtThisTime: true, hsts: null, certificateTransparency: null, weaknessReasons: [], errorMessage: 'CERT_HAS_EXPIRED', ocspStapled: false,
  };

  it('puts Node’s TLS facts into the capture, so the TLS findings and caps apply (a public host)', async () => {
    const asked: string[] = [];
    const run = captureIo();
    const inspectTls = (url: string) => { asked.push(url); return Promise.resolve({ ok: true as const, tls: expired }); };
    const code = await main(['audit', 'https://shop.example.com/', '--format', 'json'], run.io, environment({ ...WITH_BROWSER, browserAudit: httpsBrowser(), inspectTls }));
    expect(code).toBe(0);
    expect(asked).toEqual(['https://shop.example.com/']);
    const report = JSON.parse(run.out()) as { grade: string; findings: Array<{ id: string }>; tabgrade: { caps: Array<{ rule: string }> } };
    expect(report.findings.map((finding) => finding.id)).toEqual(expect.arrayContaining(['tls-protocol-deprecated', 'tls-certificate-expired', 'tls-certificate-untrusted', 'tls-ocsp-not-stapled']));
    expect(report.tabgrade.caps.map((cap) => cap.rule)).toEqual(expect.arrayContaining(['certificate-invalid-public', 'tls-deprecated-protocol']));
    expect(report.grade).toBe('F');
  });

  it('adds a note, and still grades, when the handshake fails', async () => {
    const run = captureIo();
    const inspectTls = () => Promise.resolve({ ok: false as const, reason: 'no TLS handshake within 5 s' });
    const code = await main(['audit', 'https://shop.example.com/', '--format', 'json'], run.io, environment({ ...WITH_BROWSER, browserAudit: httpsBrowser(), inspectTls }));
    expect(code).toBe(0);
    const report = JSON.parse(run.out()) as { notes: string[]; findings: Array<{ id: string }> };
    expect(report.notes).toContain('Tabgrade could not inspect the TLS connection itself (no TLS handshake within 5 s); the certificate and protocol were not checked.');
    expect(report.findings.some((finding) => finding.id.startsWith('tls-'))).toBe(false);
  });

  it('does not inspect a plain-HTTP page', async () => {
    const run = captureIo();
    const inspectTls = () => Promise.reject(new Error('inspected a plain-HTTP page'));
    expect(await main(['audit', 'http://shop.example/', '--format', 'json'], run.io, environment({ ...WITH_BROWSER, browserAudit: httpsBrowser(), inspectTls }))).toBe(0);
  });

  it('by default shakes hands with the server itself (Node’s tls) and prints the connection', async () => {
    const server = await startHttpsServer({ days: 10, organisation: 'Tabgrade audit test', body: '<!doctype html><title>x</title>' });
    try {
      const run = captureIo();
      const code = await main(['audit', `${server.origin}/`, '--format', 'text'], run.io, environment({ ...WITH_BROWSER, browserAudit: httpsBrowser() }));
      expect(code).toBe(0);
      const text = run.out();
      expect(text).toContain('Connection (TLS, from Tabgrade’s own handshake):');
      expect(text).toMatch(/protocol TLSv1\.3, cipher TLS_\w+/);
      expect(text).toContain('OCSP response stapled: no');
      expect(text).toMatch(/certificate expires \d{4}-\d{2}-\d{2} \(\d+ days left\)/);
      expect(text).toContain('1. CN=localhost, O=Tabgrade audit test');
      expect(text).toContain('names DNS:localhost, IP Address:127.0.0.1');
      expect(text).toContain('The certificate expires in');
    } finally {
      await server.close();
    }
  });

  it('says what its own handshake saw when the browser refuses the certificate', async () => {
    const run = captureIo();
    const refused = () => Promise.resolve({ capture: null, loadTimedOut: false, completionTimedOut: false, navigationError: 'net::ERR_CERT_DATE_INVALID' });
    const old: TlsInfo = { ...expired, certificate: expired.certificate === null ? null : { ...expired.certificate, validTo: Date.UTC(2020, 1, 1) } };
    const code = await main(['audit', 'https://shop.example.com/'], run.io, environment({ ...WITH_BROWSER, browserAudit: refused, inspectTls: () => Promise.resolve({ ok: true as const, tls: old }) }));
    expect(code).toBe(2);
    expect(run.err()).toMatch(/^tabgrade: cannot reach https:\/\/shop\.example\.com\/: the certificate has expired or is not yet valid \(net::ERR_CERT_DATE_INVALID\)\. Tabgrade's own handshake \(TLSv1\.1\): CN=shop\.example\.com issued by CN=Test CA, valid until 2020-02-01 \(expired \d+ days ago\); CERT_HAS_EXPIRED\n$/);
  });
});
