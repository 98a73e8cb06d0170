/**
 * The DNS part of the report: which CAA record set applies, whether it lets the
 * certificate's CA issue, DNSSEC, and how JSON (valid against the schema), text and Markdown show it.
 */
import { describe, expect, it } from 'vitest';
import type { DnsCapture, DnsNameLookup } from '../../../src/core/dns/dns-capture';
import { dnsReport } from '../../../src/core/dns/dns-report';
import { buildReport } from '../../../src/core/report';
import { toJsonReport } from '../../../src/core/report-format/json';
import { formatMarkdown } from '../../../src/core/report-format/markdown';
import { formatText } from '../../../src/core/report-format/text';
import type { CertificateSummary, TlsInfo } from '../../../src/core/tls';
import { captureFrom } from '../../helpers/fixtures';
import { reportSchemaErrors } from '../../helpers/report-schema';

const URL = 'https://shop.example.com/';
const RESOLVER = 'https://cloudflare-dns.com/dns-query';

function lookup(name: string, caa: string[] = [], authenticated = false): DnsNameLookup {
  return { name, status: 0, authenticated, caa, error: null };
}

function dns(...lookups: DnsNameLookup[]): DnsCapture {
  return { resolver: RESOLVER, host: 'shop.example.com', lookups };
}

function tls(issuer: string, subjectAltNames = ['DNS:shop.example.com']): TlsInfo {
  const certificate: CertificateSummary = { subject: 'CN=shop.example.com', issuer, validFrom: null, validTo: null, sha256: null, serialNumber: null, isBuiltInRoot: false, subjectAltNames };
  return {
    source: 'node', url: URL, state: 'secure', protocol: 'TLSv1.3', cipherSuite: null, keaGroup: null, signatureScheme: null, certificate, chain: [certificate],
    trusted: true, domainMismatch: false, notValidAtThisTime: false, hsts: null, certificateTransparency: null, weaknessReasons: [], errorMessage: null,
  };
}

const LETS_ENCRYPT = "CN=R11,O=Let's Encrypt,C=US";
const ids = (result: ReturnType<typeof dnsReport>): string[] => result.findings.map((finding) => finding.id);

describe('dnsReport', () => {
  it('CAA on a parent that allows the certificate’s CA: allowed ✓, DNSSEC validated', () => {
    const result = dnsReport(dns(lookup('shop.example.com', [], true), lookup('example.com', ['0 issue "letsencrypt.org"', '0 iodef "mailto:x@example.com"'])), tls(LETS_ENCRYPT));
    expect(result.report.caa).toMatchObject({ foundAt: 'example.com', allowedIssuers: ['letsencrypt.org'], verdict: 'allowed', authority: { organisation: "Let's Encrypt" } });
    expect(result.report.summary).toEqual(["CAA allows only letsencrypt.org, the certificate is from Let's Encrypt ✓", 'DNSSEC: the resolver validated the answer for shop.example.com ✓']);
    expect(ids(result)).toEqual([]);
  });

  it('CAA that does not allow the certificate’s CA: high', () => {
    const result = dnsReport(dns(lookup('shop.example.com', ['0 issue "digicert.com"'], true)), tls(LETS_ENCRYPT));
    expect(result.report.caa.verdict).toBe('disallowed');
    expect(result.findings[0]).toMatchObject({ id: 'dns-caa-disallows-issuer', severity: 'high', subject: 'shop.example.com' });
    expect(result.report.summary[0]).toBe("CAA allows only digicert.com, the certificate is from Let's Encrypt ✗");
  });

  it('`issue ";"` allows no CA at all', () => {
    const result = dnsReport(dns(lookup('shop.example.com', ['0 issue ";"'], true)), tls(LETS_ENCRYPT));
    expect(result.report.caa).toMatchObject({ verdict: 'disallowed', allowedIssuers: [] });
  });

  it('a wildcard certificate is judged by issuewild where there is one', () => {
    const records = ['0 issue "letsencrypt.org"', '0 issuewild "digicert.com"'];
    expect(dnsReport(dns(lookup('shop.example.com', records, true)), tls(LETS_ENCRYPT, ['DNS:*.example.com'])).report.caa.verdict).toBe('disallowed');
    expect(dnsReport(dns(lookup('shop.example.com', records, true)), tls(LETS_ENCRYPT)).report.caa.verdict).toBe('allowed');
  });

  it('no CAA anywhere: info, with a record to add for the certificate’s CA; DNSSEC not validated: info', () => {
    const result = dnsReport(dns(lookup('shop.example.com'), lookup('example.com'), lookup('com')), tls(LETS_ENCRYPT));
    expect(result.report.caa.verdict).toBe('unrestricted');
    expect(ids(result)).toEqual(['dns-caa-missing', 'dns-dnssec-not-validated']);
    expect(result.findings[0]?.recommendation).toContain('CAA 0 issue "letsencrypt.org"');
    expect(result.findings.every((finding) => finding.severity === 'info')).toBe(true);
  });

  it('an unknown issuer, or no certificate: the restriction is said, nothing is judged', () => {
    const result = dnsReport(dns(lookup('shop.example.com', ['0 issue "letsencrypt.org"'], true)), undefined);
    expect(result.report.caa.verdict).toBe('issuer-unknown');
    expect(result.report.summary[0]).toBe('CAA at shop.example.com: only letsencrypt.org may issue; the certificate is not known.');
    expect(dnsReport(dns(lookup('shop.example.com', ['0 issue "letsencrypt.org"'], true)), tls('O=Tabgrade Test CA')).report.caa.verdict).toBe('issuer-unknown');
  });

  it('says when a critical tag that CAs may not understand blocks issuance', () => {
    const result = dnsReport(dns(lookup('shop.example.com', ['0 issue "letsencrypt.org"', '128 tbs "x"'], true)), tls(LETS_ENCRYPT));
    expect(result.report.summary).toContain('CAA at shop.example.com has a critical tag CAs may not know (tbs): a CA that does not understand it must refuse to issue.');
    expect(dnsReport(dns(lookup('shop.example.com', ['128 issue "letsencrypt.org"'], true)), tls(LETS_ENCRYPT)).report.summary).toHaveLength(2);
  });

  it('a failed lookup: info, and DNSSEC unknown', () => {
    const result = dnsReport(dns({ name: 'shop.example.com', status: null, authenticated: false, caa: [], error: 'no answer within 5 s' }), tls(LETS_ENCRYPT));
    expect(result.report.caa.verdict).toBe('lookup-failed');
    expect(result.report.dnssecValidated).toBeNull();
    expect(ids(result)).toEqual(['dns-lookup-failed']);
  });
});

describe('the DNS part in the report', () => {
  const page = captureFrom({ url: URL, headers: [{ name: 'Content-Type', value: 'text/html' }], html: '<!doctype html><title>x</title>' });
  const withDns = { ...page, tls: tls(LETS_ENCRYPT), dns: dns(lookup('shop.example.com', ['0 issue "digicert.com"'])) };

  it('JSON: a `dns` part valid against the schema, its findings among the others, the grade unchanged', () => {
    const report = buildReport(withDns, { now: 0 });
    const json = toJsonReport(report);
    expect(json.dns?.caa.verdict).toBe('disallowed');
    expect(reportSchemaErrors(json)).toEqual([]);
    expect(report.findings[0]?.id).toBe('dns-caa-disallows-issuer');
    expect(report.findings.map((finding) => finding.id)).toContain('dns-dnssec-not-validated');
    expect(report.verdict).toEqual(buildReport({ ...page, tls: tls(LETS_ENCRYPT) }, { now: 0 }).verdict);
  });

  it('text and Markdown: a DNS section with the summary lines', () => {
    const report = buildReport(withDns, { now: 0 });
    expect(formatText(report)).toContain(`DNS (through ${RESOLVER}):\n  CAA allows only digicert.com, the certificate is from Let's Encrypt ✗`);
    expect(formatMarkdown(report)).toContain('### DNS (CAA, DNSSEC)');
  });

  it('absent when DNS lookups were off', () => {
    const report = buildReport(page, { now: 0 });
    expect(report.dns).toBeUndefined();
    expect(toJsonReport(report)).not.toHaveProperty('dns');
    expect(formatText(report)).not.toContain('DNS (through');
  });
});
