/**
 * The TLS connection and certificate of the main document, as far as the browser shares
 * them with extensions. Firefox does (`webRequest.getSecurityInfo`); Chrome shares its verdict
 * and the server's certificate only with the feature `WebRequestSecurityInfo` on
 * (chrome://flags/#web-request-security-info; `tls-chrome.ts`). The CLI fills the same shape from
 * its own handshake with Node's `tls` module (`src/cli/tls-inspect.ts`), whatever the browser.
 */

export interface CertificateSummary {
  subject: string;
  issuer: string;
  /** Validity bounds in ms since the epoch; null when unknown. */
  validFrom: number | null;
  validTo: number | null;
  sha256: string | null;
  serialNumber: string | null;
  isBuiltInRoot: boolean;
  /** Names the certificate is valid for (`DNS:example.com`, `IP Address:…`); only where the source gives them (Node). */
  subjectAltNames?: string[];
  /** Public key: `rsa`, `ec`, `ed25519` …, and its size in bits (RSA modulus, EC curve size). */
  keyType?: string | null;
  keyBits?: number | null;
  /** The certificate's own signature, e.g. `sha256WithRSAEncryption`. */
  signatureAlgorithm?: string | null;
}

export type ConnectionState = 'secure' | 'weak' | 'broken' | 'insecure' | 'unknown';

export interface TlsInfo {
  /** `chrome`: `webRequest` securityInfo behind the WebRequestSecurityInfo feature (`tls-chrome.ts`). */
  source: 'firefox' | 'node' | 'chrome';
  /** The response this describes (a redirect hop's TLS must not stand for the final page's). */
  url: string;
  state: ConnectionState;
  /** e.g. `TLSv1.3`; null when unknown. */
  protocol: string | null;
  cipherSuite: string | null;
  keaGroup: string | null;
  /** The handshake's signature scheme, e.g. `RSA-PSS-SHA256`. */
  signatureScheme: string | null;
  /** The server's own certificate (first of the chain). */
  certificate: CertificateSummary | null;
  /** The chain as the browser built it, server certificate first. */
  chain: CertificateSummary[];
  /** Whether the browser trusts the chain; null when it did not say. */
  trusted: boolean | null;
  domainMismatch: boolean;
  notValidAtThisTime: boolean;
  /** Whether the browser has HSTS for the host (its own cache or preload list). */
  hsts: boolean | null;
  /** Firefox's Certificate Transparency status, e.g. `policy_compliant`. */
  certificateTransparency: string | null;
  weaknessReasons: string[];
  errorMessage: string | null;
  /** Whether the server stapled an OCSP response to the handshake; null/absent when the source cannot tell (Firefox). */
  ocspStapled?: boolean | null;
}

/** Page- and network-controlled strings are bounded before they are kept. */
const MAX_TEXT = 1024;
const MAX_CHAIN = 10;

function text(value: unknown): string | null {
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : null;
}

function flag(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

function time(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function certificate(raw: unknown): CertificateSummary | null {
  const cert = record(raw);
  if (cert === null) return null;
  const validity = record(cert.validity);
  const fingerprint = record(cert.fingerprint);
  return {
    subject: text(cert.subject) ?? '',
    issuer: text(cert.issuer) ?? '',
    validFrom: time(validity?.start),
    validTo: time(validity?.end),
    sha256: text(fingerprint?.sha256),
    serialNumber: text(cert.serialNumber),
    isBuiltInRoot: cert.isBuiltInRoot === true,
  };
}

const STATES: ReadonlySet<string> = new Set(['secure', 'weak', 'broken', 'insecure']);

/** Firefox's `SecurityInfo` (an `unknown` from the browser) as Tabgrade keeps it. */
export function parseFirefoxSecurityInfo(raw: unknown, url: string): TlsInfo | null {
  const info = record(raw);
  if (info === null) return null;
  const state = text(info.state);
  const chain = Array.isArray(info.certificates)
    ? info.certificates.slice(0, MAX_CHAIN).map(certificate).filter((cert): cert is CertificateSummary => cert !== null)
    : [];
  const untrusted = flag(info.isUntrusted);
  return {
    source: 'firefox',
    url,
    state: state !== null && STATES.has(state) ? (state as ConnectionState) : 'unknown',
    protocol: text(info.protocolVersion),
    cipherSuite: text(info.cipherSuite),
    keaGroup: text(info.keaGroupName),
    signatureScheme: text(info.signatureSchemeName),
    certificate: chain[0] ?? null,
    chain,
    trusted: untrusted === null ? (state === 'broken' ? false : null) : !untrusted,
    domainMismatch: info.isDomainMismatch === true,
    notValidAtThisTime: info.isNotValidAtThisTime === true,
    hsts: flag(info.hsts),
    certificateTransparency: text(info.certificateTransparencyStatus),
    weaknessReasons: Array.isArray(info.weaknessReasons)
      ? info.weaknessReasons.filter((reason): reason is string => typeof reason === 'string').map((reason) => reason.slice(0, 64)).slice(0, 10)
      : typeof info.weaknessReasons === 'string' ? [info.weaknessReasons.slice(0, 64)] : [],
    errorMessage: text(info.errorMessage),
  };
}

/** Whole days from `now` until the certificate expires (negative once expired); null when unknown. */
export function daysUntilExpiry(tls: TlsInfo, now: number): number | null {
  const end = tls.certificate?.validTo;
  return end === null || end === undefined ? null : Math.floor((end - now) / 86_400_000);
}

/** TLS versions below 1.2 are deprecated (RFC 8996). */
export function isDeprecatedProtocol(protocol: string | null): boolean {
  if (protocol === null) return false;
  const match = /^(?:TLSv?|SSLv?)\s*(\d+)(?:\.(\d+))?/i.exec(protocol.trim());
  if (match === null) return false;
  if (/^SSL/i.test(protocol.trim())) return true;
  const major = Number(match[1]);
  const minor = Number(match[2] ?? 0);
  return major < 1 || (major === 1 && minor < 2);
}

/** Signature schemes built on SHA-1 or MD5 are broken for certificate signatures. */
export function isWeakSignatureScheme(scheme: string | null): boolean {
  return scheme !== null && /sha-?1(?!\d)|md5/i.test(scheme);
}

/** Certificates in the chain whose own signature uses SHA-1 or MD5 (a self-signed root's signature is never checked, so it does not count). */
export function weaklySignedCertificates(tls: TlsInfo): CertificateSummary[] {
  return tls.chain.filter((cert) => cert.subject !== cert.issuer && cert.signatureAlgorithm != null && isWeakSignatureScheme(cert.signatureAlgorithm));
}

/** RSA keys under 2048 bits are below every current CA/Browser Forum and NIST minimum. */
export function isWeakKey(cert: CertificateSummary): boolean {
  return cert.keyType === 'rsa' && typeof cert.keyBits === 'number' && cert.keyBits < 2048;
}
