/**
 * `tabgrade audit --dns`: the host's CAA records and DNSSEC through a DoH resolver (a
 * loopback server here, Node's real fetch), in the JSON report; and without `--dns`, not one
 * request reaches the resolver.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import type { AuditEnvironment } from '../../src/cli/audit';
import type { BrowserAudit, BrowserAuditOptions } from '../../src/cli/audit-browser';
import { nodeIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import type { TlsInfo } from '../../src/core/tls';
import { startDohServer, type DohServer } from '../helpers/doh-server';
import { captureFrom } from '../helpers/fixtures';
import { reportSchemaErrors } from '../helpers/report-schema';

const PAGE = 'https://shop.example.com/';

const tls: TlsInfo = {
  source: 'node', url: PAGE, state: 'secure', protocol: 'TLSv1.3', cipherSuite: null, keaGroup: null, signatureScheme: null,
  certificate: { subject: 'CN=shop.example.com', issuer: "CN=R11,O=Let's Encrypt,C=US", validFrom: null, validTo: Date.now() + 60 * 86_400_000, sha256: null, serialNumber: null, isBuiltInRoot: false },
  chain: [], trusted: true, domainMismatch: false, notValidAtThisTime: false, hsts: null, certificateTransparency: null, weaknessReasons: [], errorMessage: null, ocspStapled: true,
};

function browserAudit(options: BrowserAuditOptions): Promise<BrowserAudit> {
  const capture = captureFrom({ url: options.url, headers: [{ name: 'Content-Type', value: 'text/html' }], html: '<!doctype html><title>x</title>' });
  return Promise.resolve({ capture, loadTimedOut: false, completionTimedOut: false, navigationError: null });
}

let built: string;
let server: DohServer;
beforeAll(async () => {
  built = await mkdtemp(join(tmpdir(), 'tabgrade-fake-extension-'));
  await writeFile(join(built, 'manifest.json'), '{}');
});
afterAll(() => rm(built, { recursive: true, force: true }));
afterEach(() => server.close());

function environment(): AuditEnvironment {
  return {
    extensionDir: built, env: { CHROMIUM_PATH: process.execPath }, platform: 'linux', tabgradeVersion: 'test',
    browserAudit, inspectTls: () => Promise.resolve({ ok: true as const, tls }),
  };
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { ...nodeIo(), stdout: (text: string) => void (out += text), stderr: (text: string) => void (err += text), readStdin: () => Promise.resolve('') };
  const code = await main(args, io, environment());
  return { code, out, err };
}

describe('tabgrade audit --dns', () => {
  it('asks the resolver for the host and its parents up to the CAA records, and reports them', async () => {
    server = await startDohServer({ caa: { 'example.com': ['0 issue "letsencrypt.org"'] }, signed: ['shop.example.com'] });
    const result = await run(['audit', PAGE, '--format', 'json', '--dns-resolver', server.url]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(server.requests).toEqual(['shop.example.com CAA', 'example.com CAA']);
    const report = JSON.parse(result.out) as { dns: { caa: { verdict: string; foundAt: string }; dnssecValidated: boolean; summary: string[] }; findings: Array<{ id: string }> };
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.dns).toMatchObject({ caa: { verdict: 'allowed', foundAt: 'example.com' }, dnssecValidated: true });
    expect(report.dns.summary[0]).toBe("CAA allows only letsencrypt.org, the certificate is from Let's Encrypt ✓");
  });

  it('reports a CAA record set that does not allow the certificate’s CA as a high finding', async () => {
    server = await startDohServer({ caa: { 'shop.example.com': ['0 issue "pki.goog"'] } });
    const result = await run(['audit', PAGE, '--format', 'text', '--dns-resolver', server.url]);
    expect(result.out).toContain("CAA allows only pki.goog, the certificate is from Let's Encrypt ✗");
    expect(result.out).toContain("The CAA records do not allow the certificate's CA");
  });

  it('sends nothing to any resolver without --dns', async () => {
    server = await startDohServer({ caa: { 'example.com': ['0 issue "letsencrypt.org"'] } });
    const result = await run(['audit', PAGE, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(server.requests).toEqual([]);
    expect(JSON.parse(result.out)).not.toHaveProperty('dns');
  });
});

describe('the --dns options', () => {
  it('--dns uses the default resolver; --dns-resolver takes https (or loopback http) only', () => {
    expect(parseArgs(['audit', PAGE, '--dns'])).toMatchObject({ dnsResolver: 'https://cloudflare-dns.com/dns-query' });
    expect(parseArgs(['audit', PAGE, '--dns-resolver', 'https://dns.google/resolve'])).toMatchObject({ dnsResolver: 'https://dns.google/resolve' });
    expect(parseArgs(['audit', PAGE, '--dns-resolver=https://dns.google/resolve', '--dns'])).toMatchObject({ dnsResolver: 'https://dns.google/resolve' });
    expect(parseArgs(['audit', PAGE])).not.toHaveProperty('dnsResolver');
    expect(() => parseArgs(['audit', PAGE, '--dns-resolver', 'http://dns.example/'])).toThrow('--dns-resolver must be an https URL');
  });
});
