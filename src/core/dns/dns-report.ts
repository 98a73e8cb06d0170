/**
 * The DNS part of the report: which CAA record set applies to the host, whether it lets the
 * certificate's CA issue, and whether the resolver validated the answers with DNSSEC.
 * Pure: a function of the DNS capture and the TLS capture.
 */
import type { Finding } from '../findings';
import type { TlsInfo } from '../tls';
import { authorityOfIssuer } from './ca-domains';
import { caaIssuerDomain, parseCaaRecord, type CaaRecord } from './caa';
import type { DnsCapture } from './dns-capture';

/**
 * `allowed`: the CAA records let the certificate's CA issue; `disallowed`: they do not;
 * `unrestricted`: no CAA record (or no `issue` tag) anywhere up the tree, so any CA may;
 * `issuer-unknown`: records restrict issuance but the certificate's CA is not known;
 * `lookup-failed`: the resolver did not answer.
 */
export type CaaVerdict = 'allowed' | 'disallowed' | 'unrestricted' | 'issuer-unknown' | 'lookup-failed';

export interface DnsReport {
  resolver: string;
  host: string;
  caa: {
    /** The name whose records apply (the host or a parent); null when none has any. */
    foundAt: string | null;
    records: CaaRecord[];
    /** The CA domains the applying `issue` (or, for a wildcard certificate, `issuewild`) records allow; [] with restricted = no CA may issue. */
    allowedIssuers: string[];
    /** The certificate's issuer, where the capture has it. */
    certificateIssuer: string | null;
    /** The CA the issuer maps to (`ca-domains.json`), with its CAA domains. */
    authority: { organisation: string; domains: string[] } | null;
    verdict: CaaVerdict;
  };
  /** The resolver's AD bit on the host's own answer; null when there is no answer. */
  dnssecValidated: boolean | null;
  /** One line each, plain text, for every view. */
  summary: string[];
  /** The names asked and what came back (for the curious and for bug reports). */
  lookups: Array<{ name: string; status: number | null; error: string | null }>;
}

const CHECK_ID = 'dns-caa-dnssec';
/** Property tags in the IANA CAA registry (RFC 8659, RFC 8657, RFC 9495, CA/B Forum), checked 2026-12-03. */
const KNOWN_TAGS = new Set(['issue', 'issuewild', 'iodef', 'contactemail', 'contactphone', 'issuemail', 'issuevmc']);
const CAA_MDN = 'https://developer.mozilla.org/en-US/docs/Glossary/CAA';

function isWildcardCertificate(tls: TlsInfo | undefined, host: string): boolean {
  const names = tls?.certificate?.subjectAltNames;
  if (names === undefined) return false;
  const parent = host.split('.').slice(1).join('.');
  return !names.includes(`DNS:${host}`) && names.includes(`DNS:*.${parent}`);
}

function quoted(domains: string[]): string {
  return domains.join(', ');
}

/** The DNS report and its findings for `dns`; `tls` is the document's connection, when known. */
export function dnsReport(dns: DnsCapture, tls: TlsInfo | undefined): { report: DnsReport; findings: Finding[] } {
  const findings: Finding[] = [];
  const summary: string[] = [];
  const failed = dns.lookups.find((lookup) => lookup.error !== null || (lookup.status !== 0 && lookup.status !== 3));
  const applying = dns.lookups.find((lookup) => lookup.caa.length > 0);
  const records = (applying?.caa ?? []).map(parseCaaRecord).filter((record): record is CaaRecord => record !== null);
  const wildcard = isWildcardCertificate(tls, dns.host);
  const issue = records.filter((record) => record.tag === 'issue');
  const issuewild = records.filter((record) => record.tag === 'issuewild');
  // RFC 8659 §4.3: issuewild, where present, governs wildcard certificates instead of issue.
  const governing = wildcard && issuewild.length > 0 ? issuewild : issue;
  const allowedIssuers = [...new Set(governing.map((record) => caaIssuerDomain(record.value)).filter((domain) => domain !== ''))];
  const certificateIssuer = tls?.certificate?.issuer || null;
  const authority = certificateIssuer === null ? null : authorityOfIssuer(certificateIssuer);

  let verdict: CaaVerdict;
  if (applying === undefined && failed !== undefined) {
    verdict = 'lookup-failed';
    const lookup = failed;
    summary.push(`CAA: the resolver gave no answer for ${lookup.name} (${lookup.error ?? `DNS status ${lookup.status}`}).`);
    findings.push({
      id: 'dns-lookup-failed', checkId: CHECK_ID, severity: 'info', group: 'transport',
      title: 'The DNS lookup of CAA records failed',
      detail: `The DNS-over-HTTPS resolver ${dns.resolver} gave no usable answer for ${lookup.name}: ${lookup.error ?? `DNS status ${lookup.status}`}. CAA and DNSSEC are not judged.`,
      subject: lookup.name,
    });
  } else if (governing.length === 0) {
    verdict = 'unrestricted';
    summary.push(applying === undefined ? `CAA: no CAA record for ${dns.host} or its parents: any CA may issue certificates for it.` : `CAA at ${applying.name} has no ${wildcard ? 'issue or issuewild' : 'issue'} record: any CA may issue.`);
    findings.push({
      id: 'dns-caa-missing', checkId: CHECK_ID, severity: 'info', group: 'transport',
      title: 'No CAA record limits which CAs may issue certificates',
      detail: 'A CAA record in DNS names the certificate authorities allowed to issue for the domain; CAs must check it (RFC 8659), so a mis-issued certificate from any other CA is refused before it exists.',
      subject: dns.host,
      recommendation: authority === null ? 'Add a CAA record naming your CA, e.g. `example.com. CAA 0 issue "letsencrypt.org"`.' : `Add a CAA record naming your CA: \`${applying?.name ?? dns.host}. CAA 0 issue "${authority.domains[0]}"\`.`,
      learnMoreUrl: CAA_MDN,
    });
  } else if (authority === null) {
    verdict = 'issuer-unknown';
    const restriction = allowedIssuers.length === 0 ? 'no CA may issue' : `only ${quoted(allowedIssuers)} may issue`;
    summary.push(`CAA at ${applying!.name}: ${restriction}; ${certificateIssuer === null ? 'the certificate is not known' : `Tabgrade does not know which CAA domain the certificate's issuer (${certificateIssuer}) uses`}.`);
  } else {
    const allowed = authority.domains.some((domain) => allowedIssuers.includes(domain));
    verdict = allowed ? 'allowed' : 'disallowed';
    const restriction = allowedIssuers.length === 0 ? 'CAA allows no CA' : `CAA allows only ${quoted(allowedIssuers)}`;
    summary.push(`${restriction}, the certificate is from ${authority.organisation} ${allowed ? '✓' : '✗'}`);
    if (!allowed) {
      findings.push({
        id: 'dns-caa-disallows-issuer', checkId: CHECK_ID, severity: 'high', group: 'transport',
        title: "The CAA records do not allow the certificate's CA",
        detail: `The CAA records at ${applying!.name} allow ${allowedIssuers.length === 0 ? 'no CA' : quoted(allowedIssuers)}, but the certificate was issued by ${authority.organisation} (${certificateIssuer}). Either the records are out of date and the next renewal will fail, or the certificate was mis-issued.`,
        subject: applying!.name,
        recommendation: `Add \`${applying!.name}. CAA 0 ${wildcard && issuewild.length > 0 ? 'issuewild' : 'issue'} "${authority.domains[0]}"\` if ${authority.organisation} is your CA.`,
        learnMoreUrl: CAA_MDN,
        data: { allowedIssuers, authority: authority.organisation },
      });
    }
  }

  // RFC 8659 §4.1: a CA that does not understand a critical tag must not issue at all.
  const unknownCritical = records.filter((record) => record.critical && !KNOWN_TAGS.has(record.tag)).map((record) => record.tag);
  if (unknownCritical.length > 0) summary.push(`CAA at ${applying!.name} has a critical tag CAs may not know (${unknownCritical.join(', ')}): a CA that does not understand it must refuse to issue.`);

  const own = dns.lookups[0];
  const dnssecValidated = own === undefined || own.error !== null ? null : own.authenticated;
  if (dnssecValidated === true) summary.push(`DNSSEC: the resolver validated the answer for ${dns.host} ✓`);
  if (dnssecValidated === false) {
    summary.push(`DNSSEC: the resolver did not validate the answer for ${dns.host} (the zone is not signed, or the resolver does not check).`);
    findings.push({
      id: 'dns-dnssec-not-validated', checkId: CHECK_ID, severity: 'info', group: 'transport',
      title: 'DNSSEC did not validate the DNS answer',
      detail: `The resolver ${dns.resolver} did not set the authenticated-data (AD) bit for ${dns.host}: the zone is not signed with DNSSEC, or the resolver does not validate. Without DNSSEC, DNS answers (including CAA) can be forged on the way.`,
      subject: dns.host,
      learnMoreUrl: 'https://developer.mozilla.org/en-US/docs/Glossary/DNS',
    });
  }

  return {
    report: {
      resolver: dns.resolver,
      host: dns.host,
      caa: { foundAt: applying?.name ?? null, records, allowedIssuers, certificateIssuer, authority, verdict },
      dnssecValidated,
      summary,
      lookups: dns.lookups.map(({ name, status, error }) => ({ name, status, error })),
    },
    findings,
  };
}
