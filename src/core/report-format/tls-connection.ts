/**
 * The document's TLS connection as report text (the CLI's text format; the popup has its own
 * `TlsSection`): protocol, cipher, OCSP stapling and each certificate of the chain. The facts
 * come from the capture (Firefox's securityInfo, or the CLI's own handshake); the findings
 * about them are the `tls-connection` check's, not this file's.
 */
import { daysUntilExpiry, type CertificateSummary, type TlsInfo } from '../tls';
import { clip, singleLine } from './sanitize';

const SOURCE_WORDS: Record<TlsInfo['source'], string> = { firefox: 'as Firefox saw it', chrome: 'as Chrome saw it', node: 'from Tabgrade’s own handshake' };

function yesNo(value: boolean | null | undefined, unknown = 'unknown'): string {
  return value === null || value === undefined ? unknown : value ? 'yes' : 'no';
}

function day(ms: number | null): string {
  return ms === null ? 'unknown' : new Date(ms).toISOString().slice(0, 10);
}

function certificateLines(cert: CertificateSummary, index: number, now: number): string[] {
  const days = cert.validTo === null ? null : Math.floor((cert.validTo - now) / 86_400_000);
  const left = days === null ? '' : days < 0 ? ' (expired)' : ` (${days} day${days === 1 ? '' : 's'} left)`;
  const key = cert.keyType == null ? null : `${cert.keyType.toUpperCase()}${cert.keyBits == null ? '' : ` ${cert.keyBits} bits`}`;
  const lines = [
    `  ${index}. ${clip(singleLine(cert.subject), 160)}`,
    `     issuer ${clip(singleLine(cert.issuer), 160)}`,
    `     valid ${day(cert.validFrom)} to ${day(cert.validTo)}${left}`,
  ];
  const names = cert.subjectAltNames ?? [];
  if (names.length > 0) lines.push(`     names ${clip(singleLine(names.join(', ')), 300)}`);
  const facts = [key, cert.signatureAlgorithm == null ? null : `signed ${singleLine(cert.signatureAlgorithm)}`].filter((fact): fact is string => fact !== null);
  if (facts.length > 0) lines.push(`     ${facts.join(', ')}`);
  if (cert.sha256 !== null) lines.push(`     SHA-256 ${singleLine(cert.sha256)}`);
  return lines;
}

export function tlsConnectionLines(tls: TlsInfo, now: number): string[] {
  const days = daysUntilExpiry(tls, now);
  const lines = [
    '',
    `Connection (TLS, ${SOURCE_WORDS[tls.source]}):`,
    `  protocol ${singleLine(tls.protocol ?? 'unknown')}, cipher ${singleLine(tls.cipherSuite ?? 'unknown')}${tls.keaGroup === null ? '' : `, key exchange ${singleLine(tls.keaGroup)}`}`,
    `  chain trusted: ${yesNo(tls.trusted)}${tls.domainMismatch ? ', not valid for this host name' : ''}${tls.notValidAtThisTime ? ', not valid at this time' : ''}${tls.errorMessage === null ? '' : ` (${clip(singleLine(tls.errorMessage), 200)})`}`,
    `  OCSP response stapled: ${yesNo(tls.ocspStapled, 'not known')}`,
  ];
  if (days !== null) lines.push(`  certificate expires ${day(tls.certificate?.validTo ?? null)}${days < 0 ? ' (expired)' : ` (${days} day${days === 1 ? '' : 's'} left)`}`);
  if (tls.chain.length > 0) {
    lines.push(`  Certificate chain (${tls.chain.length}, server first):`);
    tls.chain.forEach((cert, index) => lines.push(...certificateLines(cert, index + 1, now).map((line) => `  ${line}`)));
  }
  return lines;
}
