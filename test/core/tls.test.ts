import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { daysUntilExpiry, isDeprecatedProtocol, isWeakSignatureScheme, parseFirefoxSecurityInfo } from '../../src/core/tls';

// Recorded from Firefox ESR 153's webRequest.getSecurityInfo for a self-signed loopback certificate.
const selfSigned: unknown = JSON.parse(readFileSync(new URL('../fixtures/tls/firefox-self-signed.json', import.meta.url), 'utf8'));

describe('parseFirefoxSecurityInfo', () => {
  it('keeps protocol, cipher, certificate and trust', () => {
    const tls = parseFirefoxSecurityInfo(selfSigned, 'https://localhost/');
    expect(tls).toMatchObject({
      url: 'https://localhost/',
      state: 'secure',
      protocol: 'TLSv1.3',
      cipherSuite: 'TLS_AES_256_GCM_SHA384',
      keaGroup: 'x25519',
      trusted: false,
      hsts: false,
      certificateTransparency: 'not_applicable',
    });
    expect(tls?.certificate).toMatchObject({ issuer: 'O=Tabgrade Test CA,CN=localhost', validTo: 1796485696000, isBuiltInRoot: false });
  });

  it('survives garbage and bounds strings', () => {
    expect(parseFirefoxSecurityInfo(null, 'x')).toBeNull();
    expect(parseFirefoxSecurityInfo('secure', 'x')).toBeNull();
    const odd = parseFirefoxSecurityInfo({ state: 'strange', protocolVersion: 3, certificates: [null, { subject: 'x'.repeat(5000) }], weaknessReasons: 'cipher' }, 'x');
    expect(odd?.state).toBe('unknown');
    expect(odd?.protocol).toBeNull();
    expect(odd?.certificate?.subject.length).toBe(1024);
    expect(odd?.weaknessReasons).toEqual(['cipher']);
    expect(odd?.trusted).toBeNull();
  });
});

describe('TLS facts', () => {
  it('counts whole days until expiry, negative once expired', () => {
    const tls = parseFirefoxSecurityInfo(selfSigned, 'https://localhost/');
    if (tls === null) throw new Error('fixture did not parse');
    expect(daysUntilExpiry(tls, 1796485696000 - 9.5 * 86_400_000)).toBe(9);
    expect(daysUntilExpiry(tls, 1796485696000 + 3_600_000)).toBe(-1);
  });

  it.each([
    ['TLSv1', true], ['TLSv1.1', true], ['SSLv3', true], ['TLSv1.2', false], ['TLSv1.3', false], [null, false], ['unknown', false],
  ])('protocol %s deprecated: %s', (protocol, expected) => {
    expect(isDeprecatedProtocol(protocol)).toBe(expected);
  });

  it.each([
    ['RSA-PKCS1-SHA1', true], ['ECDSA-SHA1', true], ['RSA-MD5', true], ['RSA-PSS-SHA256', false], ['ECDSA-P384-SHA384', false], [null, false],
  ])('signature %s weak: %s', (scheme, expected) => {
    expect(isWeakSignatureScheme(scheme)).toBe(expected);
  });
});
