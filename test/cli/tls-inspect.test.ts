/**
 * `inspectTls` against loopback TLS servers whose certificates openssl makes for this run:
 * a test CA, a good leaf (served with and without a stapled OCSP response that the CA signs
 * with `openssl ocsp`), an expired leaf and a 1024-bit SHA-1 leaf.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateSignatureAlgorithm, inspectTls, summarizeCertificate, type TlsInspection } from '../../src/cli/tls-inspect';
import { isWeakKey, weaklySignedCertificates } from '../../src/core/tls';
import { requireTool } from '../../scripts/lib/system-requirements.mjs';

const OPENSSL = requireTool('openssl');
const run = promisify(execFile);

let folder: string;
const servers: Server[] = [];

async function openssl(...args: string[]): Promise<void> {
  await run(OPENSSL, args, { cwd: folder });
}

async function leaf(name: string, bits: number, digest: string): Promise<void> {
  await openssl('req', '-newkey', `rsa:${bits}`, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', '/CN=localhost');
  await openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '30', `-${digest}`, '-extfile', 'ext.cnf', '-out', `${name}.pem`);
}

const CA_CONFIG = `[ca]
default_ca = test
[test]
database = db/index.txt
serial = db/serial
new_certs_dir = db
default_md = sha256
policy = any
copy_extensions = copy
unique_subject = no
[any]
commonName = supplied
`;

async function makeCertificates(): Promise<void> {
  await openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/CN=Tabgrade Test CA/O=Tabgrade');
  await writeFile(join(folder, 'ext.cnf'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  await leaf('good', 2048, 'sha256');
  await leaf('weak', 1024, 'sha1');
  // `openssl x509` cannot back-date; `openssl ca` takes explicit validity dates.
  await mkdir(join(folder, 'db'));
  await writeFile(join(folder, 'db/index.txt'), '');
  await writeFile(join(folder, 'db/serial'), '01\n');
  await writeFile(join(folder, 'ca.cnf'), CA_CONFIG);
  await openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'old.key', '-out', 'old.csr', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost');
  await openssl('ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', 'old.csr', '-out', 'old.pem', '-startdate', '20200101000000Z', '-enddate', '20200201000000Z', '-notext');
  // A real OCSP response for the good leaf, signed by the test CA (status "unknown": it is not in the CA's index).
  await openssl('ocsp', '-issuer', 'ca.pem', '-cert', 'good.pem', '-no_nonce', '-reqout', 'ocsp-request.der');
  await openssl('ocsp', '-index', 'db/index.txt', '-rsigner', 'ca.pem', '-rkey', 'ca.key', '-CA', 'ca.pem', '-reqin', 'ocsp-request.der', '-respout', 'ocsp-response.der', '-ndays', '1');
}

const file = (name: string) => readFile(join(folder, name));

/** A TLS server on loopback; `staple` is sent when the client asks for OCSP. */
async function serve(name: string, staple?: Buffer): Promise<string> {
  const chain = Buffer.concat([await file(`${name}.pem`), await file('ca.pem')]);
  const server = createServer({ key: await file(`${name}.key`), cert: chain, ciphers: 'DEFAULT@SECLEVEL=0' }, (socket) => socket.end());
  if (staple !== undefined) server.on('OCSPRequest', (_certificate, _issuer, callback: (error: Error | null, response: Buffer) => void) => callback(null, staple));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `https://localhost:${(server.address() as AddressInfo).port}/`;
}

function tlsOf(result: TlsInspection) {
  if (!result.ok) throw new Error(`inspection failed: ${result.reason}`);
  return result.tls;
}

let stapledUrl: string;
let plainUrl: string;
let expiredUrl: string;
let weakUrl: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tabgrade-tls-inspect-'));
  await makeCertificates();
  stapledUrl = await serve('good', await file('ocsp-response.der'));
  plainUrl = await serve('good');
  expiredUrl = await serve('old');
  weakUrl = await serve('weak');
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  await rm(folder, { recursive: true, force: true });
});

describe('inspectTls', () => {
  it('describes protocol, cipher and the whole chain, and says the OCSP response was stapled', async () => {
    const tls = tlsOf(await inspectTls(stapledUrl, { ca: await file('ca.pem') }));
    expect(tls).toMatchObject({ source: 'node', url: stapledUrl, state: 'secure', protocol: 'TLSv1.3', trusted: true, domainMismatch: false, notValidAtThisTime: false, ocspStapled: true, errorMessage: null });
    expect(tls.cipherSuite).toMatch(/^TLS_/);
    expect(tls.chain.map((cert) => cert.subject)).toEqual(['CN=localhost', 'CN=Tabgrade Test CA, O=Tabgrade']);
    expect(tls.chain[1]?.issuer).toBe('CN=Tabgrade Test CA, O=Tabgrade');
    expect(tls.certificate).toMatchObject({ issuer: 'CN=Tabgrade Test CA, O=Tabgrade', subjectAltNames: ['DNS:localhost', 'IP Address:127.0.0.1'], keyType: 'rsa', keyBits: 2048, signatureAlgorithm: 'sha256WithRSAEncryption' });
    expect(tls.certificate?.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const days = Math.floor(((tls.certificate?.validTo ?? 0) - Date.now()) / 86_400_000);
    expect(days).toBeGreaterThanOrEqual(28);
    expect(days).toBeLessThanOrEqual(30);
  });

  it('says "not stapled" when the server sends no OCSP response', async () => {
    expect(tlsOf(await inspectTls(plainUrl, { ca: await file('ca.pem') })).ocspStapled).toBe(false);
  });

  it('records, without refusing, a chain Node does not trust', async () => {
    const tls = tlsOf(await inspectTls(plainUrl));
    expect(tls).toMatchObject({ state: 'broken', trusted: false });
    expect(tls.errorMessage).toMatch(/SELF_SIGNED|UNABLE_TO_GET_ISSUER/);
  });

  it('flags an expired certificate as not valid at this time', async () => {
    const tls = tlsOf(await inspectTls(expiredUrl, { ca: await file('ca.pem') }));
    expect(tls).toMatchObject({ state: 'broken', notValidAtThisTime: true });
    expect(tls.certificate?.validTo).toBe(Date.UTC(2020, 1, 1));
    expect(tls.errorMessage).toContain('CERT_HAS_EXPIRED');
  });

  it('reports a 1024-bit key signed with SHA-1', async () => {
    const tls = tlsOf(await inspectTls(weakUrl, { ca: await file('ca.pem') }));
    expect(tls.certificate).toMatchObject({ keyBits: 1024, signatureAlgorithm: 'sha1WithRSAEncryption' });
    expect(tls.certificate !== null && isWeakKey(tls.certificate)).toBe(true);
    expect(weaklySignedCertificates(tls).map((cert) => cert.subject)).toEqual(['CN=localhost']);
  });

  it('checks the host name against the certificate', async () => {
    const tls = tlsOf(await inspectTls(plainUrl.replace('localhost', '127.0.0.1'), { ca: await file('ca.pem') }));
    expect(tls.domainMismatch).toBe(false);
    const expired = tlsOf(await inspectTls(expiredUrl.replace('localhost', '127.0.0.1'), { ca: await file('ca.pem') }));
    expect(expired.domainMismatch).toBe(true);
  });

  it('never throws: refused connections, timeouts and non-https URLs come back as reasons', async () => {
    const closed = await inspectTls('https://127.0.0.1:1/');
    expect(closed).toMatchObject({ ok: false });
    expect(!closed.ok && closed.reason).toContain('ECONNREFUSED');
    expect(await inspectTls('http://localhost/')).toEqual({ ok: false, reason: 'not an https URL' });
    // A plain TCP listener that never answers the ClientHello.
    const held: Socket[] = [];
    const silent = createTcpServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    expect(await inspectTls(`https://127.0.0.1:${port}/`, { timeoutMs: 200 })).toEqual({ ok: false, reason: 'no TLS handshake within 0.2 s' });
    for (const socket of held) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });
});

describe('certificateSignatureAlgorithm', () => {
  it('reads the signature OID of a DER certificate and refuses what is not one', async () => {
    const der = summarizeCertificate(Buffer.from((await file('ca.pem')).toString().replace(/-----[^-]+-----|\s/g, ''), 'base64'));
    expect(der.signatureAlgorithm).toBe('sha256WithRSAEncryption');
    expect(certificateSignatureAlgorithm(new Uint8Array([0x30, 0x03, 0x02, 0x01]))).toBeNull();
    expect(certificateSignatureAlgorithm(new Uint8Array())).toBeNull();
  });
});
