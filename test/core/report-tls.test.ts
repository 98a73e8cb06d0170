/**
 * The document's TLS connection in the report: the JSON `tls` part (valid against the
 * published schema) and the text format's "Connection (TLS)" section, from a capture that
 * carries the CLI's own handshake; absent when the capture has no TLS facts.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report';
import { toJsonReport } from '../../src/core/report-format/json';
import { formatMarkdown } from '../../src/core/report-format/markdown';
import { formatText } from '../../src/core/report-format/text';
import type { CertificateSummary, TlsInfo } from '../../src/core/tls';
import { captureFrom } from '../helpers/fixtures';
import { reportSchemaErrors } from '../helpers/report-schema';

const NOW = Date.UTC(2026, 11, 3);
const DAY = 86_400_000;
const URL = 'https://shop.example.com/';

const leaf: CertificateSummary = {
  subject: 'CN=shop.example.com', issuer: 'CN=Test CA, O=Tabgrade', validFrom: NOW - 30 * DAY, validTo: NOW + 20 * DAY,
  sha256: 'AB:CD', serialNumber: '01', isBuiltInRoot: false,
  subjectAltNames: ['DNS:shop.example.com'], keyType: 'rsa', keyBits: 2048, signatureAlgorithm: 'sha256WithRSAEncryption',
};
const root: CertificateSummary = { ...leaf, subject: 'CN=Test CA, O=Tabgrade', subjectAltNames: [], keyBits: 4096, validTo: NOW + 3000 * DAY };
const tls: TlsInfo = {
  source: 'node', url: URL, state: 'secure', protocol: 'TLSv1.3', cipherSuite: 'TLS_AES_256_GCM_SHA384', keaGroup: 'X25519', signatureScheme: null,
  certificate: leaf, chain: [leaf, root], trusted: true, domainMismatch: false, notValidAtThisTime: false, hsts: null, certificateTransparency: null,
  weaknessReasons: [], errorMessage: null, ocspStapled: false,
};

function report(withTls: TlsInfo | undefined) {
  const capture = captureFrom({ url: URL, headers: [{ name: 'Content-Type', value: 'text/html' }], html: '<!doctype html><title>x</title>' });
  return buildReport(withTls === undefined ? capture : { ...capture, tls: withTls }, { now: NOW });
}

describe('the TLS connection in the report', () => {
  it('JSON: protocol, cipher, OCSP stapling, days left and the whole chain, valid against the schema', () => {
    const json = toJsonReport(report(tls));
    expect(json.tls).toMatchObject({ source: 'node', protocol: 'TLSv1.3', cipherSuite: 'TLS_AES_256_GCM_SHA384', keyExchangeGroup: 'X25519', trusted: true, daysUntilExpiry: 20, ocspStapled: false });
    expect(json.tls?.chain.map((cert) => [cert.subject, cert.keyBits, cert.validTo])).toEqual([
      ['CN=shop.example.com', 2048, new Date(NOW + 20 * DAY).toISOString()],
      ['CN=Test CA, O=Tabgrade', 4096, new Date(NOW + 3000 * DAY).toISOString()],
    ]);
    expect(reportSchemaErrors(json)).toEqual([]);
    expect(json.findings.map((finding) => finding.id)).toContain('tls-ocsp-not-stapled');
  });

  it('text: a Connection (TLS) section with each certificate', () => {
    const text = formatText(report(tls));
    expect(text).toContain('Connection (TLS, from Tabgrade’s own handshake):');
    expect(text).toContain('  protocol TLSv1.3, cipher TLS_AES_256_GCM_SHA384, key exchange X25519');
    expect(text).toContain('  OCSP response stapled: no');
    expect(text).toContain('  certificate expires 2026-12-23 (20 days left)');
    expect(text).toContain('    1. CN=shop.example.com');
    expect(text).toContain('       names DNS:shop.example.com');
    expect(text).toContain('       RSA 2048 bits, signed sha256WithRSAEncryption');
    expect(text).toContain('    2. CN=Test CA, O=Tabgrade');
  });

  it('markdown: the same facts under their own heading, in a code block (certificate names are server-controlled)', () => {
    const markdown = formatMarkdown(report({ ...tls, chain: [{ ...leaf, subject: 'CN=<b>shop</b>' }, root] }));
    expect(markdown).toContain('### Connection (TLS, from Tabgrade’s own handshake)\n\n```\nprotocol TLSv1.3, cipher TLS_AES_256_GCM_SHA384');
    expect(markdown).toContain('  1. CN=<b>shop</b>\n');
    expect(markdown).toContain('OCSP response stapled: no');
  });

  it('leaves the part out when the capture has no TLS facts, or they describe another response', () => {
    expect(toJsonReport(report(undefined))).not.toHaveProperty('tls');
    expect(formatText(report(undefined))).not.toContain('Connection (TLS');
    expect(formatMarkdown(report(undefined))).not.toContain('Connection (TLS');
    expect(report({ ...tls, url: 'https://other.example.com/' }).tls).toBeUndefined();
  });
});
