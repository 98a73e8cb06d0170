import { describe, expect, it } from 'vitest';
import { emptyCapture, type PageCapture } from '../../../../src/core/capture';
import { setDocument } from '../../../../src/core/capture-updates';
import { tlsConnectionCheck } from '../../../../src/core/checks/tabgrade/tls-connection';
import type { TlsInfo } from '../../../../src/core/tls';

const NOW = Date.UTC(2026, 10, 25);
const DAY = 86_400_000;
const URL = 'https://shop.example/';

function capture(tls: Partial<TlsInfo> | undefined, documentUrl = URL): PageCapture {
  const base = setDocument(emptyCapture({ navigationId: 'n', tabId: 1, url: documentUrl, startedAt: 0 }), {
    url: documentUrl, method: 'GET', statusCode: 200, statusLine: '', headers: [], type: 'main_frame', timeStamp: 0, fromCache: false,
  });
  if (tls === undefined) return base;
  const full: TlsInfo = {
    source: 'firefox', url: URL, state: 'secure', protocol: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', keaGroup: 'x25519',
    signatureScheme: 'ECDSA-P256-SHA256', certificate: { subject: 'CN=shop.example', issuer: 'CN=R11,O=Let\'s Encrypt', validFrom: NOW - 30 * DAY, validTo: NOW + 60 * DAY, sha256: null, serialNumber: null, isBuiltInRoot: false },
    chain: [], trusted: true, domainMismatch: false, notValidAtThisTime: false, hsts: true, certificateTransparency: 'policy_compliant', weaknessReasons: [], errorMessage: null,
    ...tls,
  };
  return { ...base, tls: full };
}

const ids = (c: PageCapture) => tlsConnectionCheck.run(c, { now: NOW }).map((finding) => `${finding.id}:${finding.severity}`);

describe('tls-connection', () => {
  it('says nothing about a healthy connection, or when the browser shared nothing', () => {
    expect(ids(capture({}))).toEqual([]);
    expect(ids(capture(undefined))).toEqual([]);
  });

  it('ignores TLS facts of another response (a redirect hop)', () => {
    expect(ids(capture({ protocol: 'TLSv1' }, 'https://www.shop.example/'))).toEqual([]);
  });

  it('flags TLS 1.0/1.1', () => {
    expect(ids(capture({ protocol: 'TLSv1.1' }))).toEqual(['tls-protocol-deprecated:high']);
  });

  it('warns before expiry: medium under 21 days, high under 7, high once expired', () => {
    const cert = capture({}).tls?.certificate;
    if (!cert) throw new Error('no certificate');
    expect(ids(capture({ certificate: { ...cert, validTo: NOW + 10 * DAY } }))).toEqual(['tls-certificate-expiring-soon:medium']);
    expect(ids(capture({ certificate: { ...cert, validTo: NOW + 3 * DAY } }))).toEqual(['tls-certificate-expiring-soon:high']);
    expect(ids(capture({ certificate: { ...cert, validTo: NOW - DAY } }))).toEqual(['tls-certificate-expired:high']);
    expect(ids(capture({ certificate: { ...cert, validTo: NOW + 20 * DAY } }))).toEqual(['tls-certificate-expiring-soon:medium']);
    expect(ids(capture({ certificate: { ...cert, validTo: NOW + 22 * DAY } }))).toEqual([]);
  });

  it('flags a weak signature, an untrusted chain and a CT policy failure', () => {
    expect(ids(capture({ signatureScheme: 'RSA-PKCS1-SHA1' }))).toEqual(['tls-weak-signature:high']);
    expect(ids(capture({ trusted: false }))).toEqual(['tls-certificate-untrusted:high']);
    expect(ids(capture({ domainMismatch: true }))).toEqual(['tls-certificate-untrusted:high']);
    expect(ids(capture({ certificateTransparency: 'policy_not_enough_scts' }))).toEqual(['tls-certificate-transparency:medium']);
    expect(ids(capture({ certificateTransparency: 'not_applicable' }))).toEqual([]);
  });

  it('flags a chain certificate signed with SHA-1 or holding a small RSA key (Node reports these per certificate)', () => {
    const leaf = { subject: 'CN=shop.example', issuer: 'CN=Intermediate', validFrom: NOW - DAY, validTo: NOW + 60 * DAY, sha256: null, serialNumber: null, isBuiltInRoot: false, keyType: 'rsa', keyBits: 2048, signatureAlgorithm: 'sha256WithRSAEncryption' };
    const root = { ...leaf, subject: 'CN=Old Root', issuer: 'CN=Old Root', signatureAlgorithm: 'sha1WithRSAEncryption' };
    const node = { source: 'node' as const, signatureScheme: null, certificate: leaf };
    expect(ids(capture({ ...node, chain: [leaf, root] }))).toEqual([]);
    const sha1 = { ...leaf, signatureAlgorithm: 'sha1WithRSAEncryption' };
    expect(ids(capture({ ...node, certificate: sha1, chain: [sha1, root] }))).toEqual(['tls-weak-signature:high']);
    const small = { ...leaf, keyBits: 1024 };
    expect(ids(capture({ ...node, certificate: small, chain: [small] }))).toEqual(['tls-weak-key:high']);
    const ec = { ...leaf, keyType: 'ec', keyBits: 256 };
    expect(ids(capture({ ...node, certificate: ec, chain: [ec] }))).toEqual([]);
  });

  it('notes a missing OCSP staple as info, only where the source could tell', () => {
    expect(ids(capture({ ocspStapled: false }))).toEqual(['tls-ocsp-not-stapled:info']);
    expect(ids(capture({ ocspStapled: true }))).toEqual([]);
    expect(ids(capture({ ocspStapled: null }))).toEqual([]);
  });
});
