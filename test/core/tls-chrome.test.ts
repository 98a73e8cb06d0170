/**
 * Chrome's securityInfo mapped into the TLS model, with certificates openssl makes for the
 * run (as test/e2e/support/https-server.ts does), and the tls-connection findings they raise.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyCapture, type PageCapture } from '../../src/core/capture';
import { setDocument } from '../../src/core/capture-updates';
import { tlsConnectionCheck } from '../../src/core/checks/tabgrade/tls-connection';
import { hostMatchesCertificateName, parseChromeSecurityInfo } from '../../src/core/tls-chrome';
import type { TlsInfo } from '../../src/core/tls';

const URL = 'https://localhost/';
const DAY = 86_400_000;
let folder = '';

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { stdio: 'pipe' });
}

/** A certificate for `name`, self-signed unless a CA is given; returns its DER. */
function makeCertificate(id: string, options: { days?: number; key?: string[]; san?: string; sign?: string; ca?: boolean } = {}): Buffer {
  const key = join(folder, `${id}.key`);
  const pem = join(folder, `${id}.pem`);
  const san = options.san ?? 'subjectAltName=DNS:localhost,IP:127.0.0.1';
  const newKey = options.key ?? ['-newkey', 'rsa:2048'];
  if (options.ca === true) {
    // Signed by the run's CA, so the signature is checked (a self-signed one never is).
    const csr = join(folder, `${id}.csr`);
    const ext = join(folder, `${id}.ext`);
    execFileSync('sh', ['-c', `printf '%s\\n' '${san}' > '${ext}'`]);
    openssl('req', '-new', ...newKey, '-nodes', '-keyout', key, '-out', csr, '-subj', `/CN=localhost/O=Tabgrade ${id}`);
    openssl('x509', '-req', '-in', csr, '-CA', join(folder, 'ca.pem'), '-CAkey', join(folder, 'ca.key'), '-CAcreateserial', '-out', pem,
      '-days', String(options.days ?? 90), `-${options.sign ?? 'sha256'}`, '-extfile', ext);
  } else {
    openssl('req', '-x509', ...newKey, '-nodes', '-keyout', key, '-out', pem, '-days', String(options.days ?? 90),
      '-subj', `/CN=localhost/O=Tabgrade ${id}`, '-addext', san);
  }
  const der = join(folder, `${id}.der`);
  openssl('x509', '-in', pem, '-outform', 'DER', '-out', der);
  return readFileSync(der);
}

const der: Record<string, Buffer> = {};

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'tabgrade-chrome-tls-'));
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(folder, 'ca.key'), '-out', join(folder, 'ca.pem'), '-days', '30', '-subj', '/CN=Tabgrade Test CA');
  der.good = makeCertificate('good', { days: 200 });
  der.expiring = makeCertificate('expiring', { days: 10 });
  der.sha1 = makeCertificate('sha1', { ca: true, sign: 'sha1' });
  der.smallKey = makeCertificate('small-key', { key: ['-newkey', 'rsa:1024'] });
  der.wrongName = makeCertificate('wrong-name', { san: 'subjectAltName=DNS:other.example' });
  der.ec = makeCertificate('ec', { key: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], ca: true });
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What Chrome puts in `details.securityInfo` with `securityInfoRawDer`. */
function securityInfo(bytes: Buffer, state = 'secure'): unknown {
  const rawDER = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return { state, certificates: [{ fingerprint: { sha256: createHash('sha256').update(bytes).digest('base64') }, rawDER }] };
}

function parsed(bytes: Buffer, state = 'secure', url = URL): TlsInfo {
  const tls = parseChromeSecurityInfo(securityInfo(bytes, state), url);
  if (tls === null) throw new Error('not parsed');
  return tls;
}

function findings(tls: TlsInfo, now = Date.now()): string[] {
  const capture: PageCapture = {
    ...setDocument(emptyCapture({ navigationId: 'n', tabId: 1, url: tls.url, startedAt: 0 }), {
      url: tls.url, method: 'GET', statusCode: 200, statusLine: '', headers: [], type: 'main_frame', timeStamp: 0, fromCache: false,
    }),
    tls,
  };
  return tlsConnectionCheck.run(capture, { now }).map((finding) => `${finding.id}:${finding.severity}`);
}

describe('parseChromeSecurityInfo', () => {
  it('reads the leaf certificate from its DER', () => {
    const tls = parsed(der.good!);
    const cert = tls.certificate;
    expect(tls).toMatchObject({ source: 'chrome', url: URL, state: 'secure', trusted: true, domainMismatch: false, protocol: null });
    expect(cert).toMatchObject({
      subject: 'CN=localhost, O=Tabgrade good',
      issuer: 'CN=localhost, O=Tabgrade good',
      subjectAltNames: ['DNS:localhost', 'IP Address:127.0.0.1'],
      keyType: 'rsa',
      keyBits: 2048,
      signatureAlgorithm: 'sha256WithRSAEncryption',
    });
    expect(cert?.sha256).toBe(createHash('sha256').update(der.good!).digest('hex').toUpperCase().match(/../g)!.join(':'));
    const days = Math.round(((cert?.validTo ?? 0) - (cert?.validFrom ?? 0)) / DAY);
    expect(days).toBe(200);
    expect(tls.chain).toEqual([cert]);
    expect(findings(tls)).toEqual([]);
  });

  it('reads EC keys and their curve size', () => {
    expect(parsed(der.ec!).certificate).toMatchObject({ keyType: 'ec', keyBits: 256, signatureAlgorithm: 'sha256WithRSAEncryption', issuer: 'CN=Tabgrade Test CA' });
  });

  it('keeps the fingerprint Chrome gave, in hex, when there is no DER', () => {
    const hash = createHash('sha256').update('x').digest();
    const tls = parseChromeSecurityInfo({ state: 'secure', certificates: [{ fingerprint: { sha256: hash.toString('base64') } }] }, URL);
    expect(tls).toMatchObject({ certificate: null, chain: [], trusted: true, domainMismatch: false });
  });

  it('treats what is not a certificate as unknown, never throws', () => {
    expect(parseChromeSecurityInfo(null, URL)).toBeNull();
    expect(parseChromeSecurityInfo('secure', URL)).toBeNull();
    expect(parseChromeSecurityInfo({ state: 'odd', certificates: [{ rawDER: [1, 2, 3] }] }, URL)).toMatchObject({ state: 'unknown', certificate: null, trusted: null });
    expect(parseChromeSecurityInfo({ state: 'secure', certificates: [{ rawDER: new Uint8Array(10) }] }, URL)?.certificate).toBeNull();
  });

  it('accepts the DER as a byte array or a typed array', () => {
    const asArray = parseChromeSecurityInfo({ state: 'secure', certificates: [{ rawDER: [...der.good!] }] }, URL);
    const asView = parseChromeSecurityInfo({ state: 'secure', certificates: [{ rawDER: new Uint8Array(der.good!) }] }, URL);
    expect(asArray?.certificate?.subject).toBe('CN=localhost, O=Tabgrade good');
    expect(asView?.certificate?.subject).toBe('CN=localhost, O=Tabgrade good');
  });
});

describe('findings from Chrome’s certificate', () => {
  it('an expiring certificate', () => {
    expect(findings(parsed(der.expiring!))).toEqual(['tls-certificate-expiring-soon:medium']);
  });

  it('an expired certificate (seen after its end)', () => {
    const tls = parsed(der.expiring!);
    expect(findings(tls, (tls.certificate?.validTo ?? 0) + DAY)).toEqual(['tls-certificate-expired:high']);
  });

  it('a SHA-1 signature from a CA', () => {
    const tls = parsed(der.sha1!);
    expect(tls.certificate?.signatureAlgorithm).toBe('sha1WithRSAEncryption');
    expect(findings(tls)).toEqual(['tls-weak-signature:high']);
  });

  it('a 1024-bit RSA key', () => {
    const tls = parsed(der.smallKey!);
    expect(tls.certificate).toMatchObject({ keyType: 'rsa', keyBits: 1024 });
    expect(findings(tls)).toEqual(['tls-weak-key:high']);
  });

  it('a certificate for another name', () => {
    const tls = parsed(der.wrongName!);
    expect(tls.domainMismatch).toBe(true);
    expect(findings(tls)).toEqual(['tls-certificate-untrusted:high']);
    expect(parsed(der.good!, 'secure', 'https://127.0.0.1:8443/').domainMismatch).toBe(false);
  });

  it('the browser’s “broken” verdict', () => {
    const tls = parsed(der.good!, 'broken');
    expect(tls.trusted).toBe(false);
    expect(findings(tls)).toEqual(['tls-certificate-untrusted:high']);
  });
});

describe('hostMatchesCertificateName', () => {
  it('matches exact names, one-label wildcards and IP addresses', () => {
    expect(hostMatchesCertificateName('shop.example', 'DNS:shop.example')).toBe(true);
    expect(hostMatchesCertificateName('www.shop.example', 'DNS:*.shop.example')).toBe(true);
    expect(hostMatchesCertificateName('a.b.shop.example', 'DNS:*.shop.example')).toBe(false);
    expect(hostMatchesCertificateName('shop.example', 'DNS:*.shop.example')).toBe(false);
    expect(hostMatchesCertificateName('x.example', 'DNS:*.example')).toBe(false);
    expect(hostMatchesCertificateName('127.0.0.1', 'IP Address:127.0.0.1')).toBe(true);
    expect(hostMatchesCertificateName('127.0.0.1', 'DNS:127.0.0.1')).toBe(false);
  });
});
