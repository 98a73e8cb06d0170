/**
 * Chrome's `securityInfo` (webRequest `onHeadersReceived` with the extraInfoSpec options
 * `securityInfo` and `securityInfoRawDer`, behind the feature `WebRequestSecurityInfo`) as
 * Tabgrade's `TlsInfo`. Chrome gives only its verdict (`state`) and the server's own
 * certificate (fingerprint, and its DER with `securityInfoRawDer`); everything else about the
 * certificate is read from that DER with the ASN.1 schemas of RFC 5280 from
 * `@peculiar/asn1-x509` (pure TypeScript, no Node built-ins, so it runs in the service worker).
 * Chrome says nothing about the protocol, cipher or chain: those stay unknown.
 */
import { signatureAlgorithmName } from './tls-oids';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, Name, SubjectAlternativeName, id_ce_subjectAltName } from '@peculiar/asn1-x509';
import { namedCurveOid, rsaModulusBits } from './der';
import type { CertificateSummary, ConnectionState, TlsInfo } from './tls';

/** Short names of the attribute types seen in certificate names (RFC 4519, RFC 5280 appendix A). */
const ATTRIBUTE_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST', '2.5.4.10': 'O', '2.5.4.11': 'OU',
  '2.5.4.5': 'serialNumber', '1.2.840.113549.1.9.1': 'emailAddress',
};


/** Public-key algorithms by OID, as `keyType` values (Node's `asymmetricKeyType` spelling). */
const KEY_TYPES: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'rsa', '1.2.840.113549.1.1.10': 'rsa-pss', '1.2.840.10045.2.1': 'ec',
  '1.3.101.112': 'ed25519', '1.3.101.113': 'ed448',
};

/** Named curves by OID and their size in bits (SEC 2). */
const CURVE_BITS: Record<string, number> = {
  '1.2.840.10045.3.1.7': 256, '1.3.132.0.34': 384, '1.3.132.0.35': 521, '1.3.132.0.33': 224, '1.2.840.10045.3.1.1': 192,
};

const KNOWN_STATES: ReadonlySet<string> = new Set(['secure', 'weak', 'broken', 'insecure']);
const MAX_DER = 64 * 1024;
const MAX_NAMES = 100;

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

/** Chrome hands the DER as an ArrayBuffer; a structured clone or a test may give a view or a byte array. */
function derBytes(value: unknown): Uint8Array | null {
  let bytes: Uint8Array | null = null;
  if (value instanceof ArrayBuffer) bytes = new Uint8Array(value);
  else if (ArrayBuffer.isView(value)) bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  else if (Array.isArray(value) && value.every((byte) => Number.isInteger(byte) && byte >= 0 && byte < 256)) bytes = Uint8Array.from(value as number[]);
  return bytes !== null && bytes.length > 0 && bytes.length <= MAX_DER ? bytes : null;
}

function nameText(name: Name): string {
  return name
    .map((rdn) => rdn.map((attribute) => `${ATTRIBUTE_NAMES[attribute.type] ?? attribute.type}=${attribute.value.toString()}`).join('+'))
    .join(', ')
    .slice(0, 1024);
}

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join(':').toUpperCase();
}

function publicKey(cert: Certificate): { keyType: string | null; keyBits: number | null } {
  const info = cert.tbsCertificate.subjectPublicKeyInfo;
  const keyType = KEY_TYPES[info.algorithm.algorithm] ?? null;
  try {
    if (keyType === 'rsa' || keyType === 'rsa-pss') {
      return { keyType, keyBits: rsaModulusBits(new Uint8Array(info.subjectPublicKey)) };
    }
    if (keyType === 'ec' && info.algorithm.parameters != null) {
      const curve = namedCurveOid(new Uint8Array(info.algorithm.parameters));
      return { keyType, keyBits: curve === null ? null : CURVE_BITS[curve] ?? null };
    }
    if (keyType === 'ed25519') return { keyType, keyBits: 256 };
    if (keyType === 'ed448') return { keyType, keyBits: 456 };
  } catch {
    // A key the schemas cannot read: its type is still worth showing.
  }
  return { keyType, keyBits: null };
}

function subjectAltNames(cert: Certificate): string[] {
  const extension = cert.tbsCertificate.extensions?.find((candidate) => candidate.extnID === id_ce_subjectAltName);
  if (extension === undefined) return [];
  const names = AsnConvert.parse(extension.extnValue, SubjectAlternativeName);
  // Spelled as Node's `subjectaltname` spells them, so the CLI and the extension agree.
  return names
    .map((name) => (name.dNSName !== undefined ? `DNS:${name.dNSName}` : name.iPAddress !== undefined ? `IP Address:${name.iPAddress}` : null))
    .filter((name): name is string => name !== null)
    .slice(0, MAX_NAMES);
}

/** The certificate's facts from its DER; null when it is not a certificate the schemas can read. */
export function summariseCertificateDer(der: Uint8Array, sha256: string | null): CertificateSummary | null {
  let cert: Certificate;
  try {
    cert = AsnConvert.parse(der, Certificate);
  } catch {
    return null;
  }
  const tbs = cert.tbsCertificate;
  const subject = nameText(tbs.subject);
  const issuer = nameText(tbs.issuer);
  let names: string[] = [];
  try {
    names = subjectAltNames(cert);
  } catch {
    // A malformed extension: the rest of the certificate still stands.
  }
  return {
    subject,
    issuer,
    validFrom: tbs.validity.notBefore.getTime().getTime(),
    validTo: tbs.validity.notAfter.getTime().getTime(),
    sha256,
    serialNumber: hex(tbs.serialNumber),
    isBuiltInRoot: false,
    subjectAltNames: names,
    ...publicKey(cert),
    signatureAlgorithm: signatureAlgorithmName(cert.signatureAlgorithm.algorithm),
  };
}

/**
 * Whether a host is covered by a subjectAltName entry (RFC 6125 §6.4): exact DNS names, a
 * wildcard only as the whole left-most label and never above a registrable-looking name,
 * and IP addresses only against `IP Address:` entries. Browsers ignore the subject's CN.
 */
export function hostMatchesCertificateName(host: string, name: string): boolean {
  const wanted = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (name.startsWith('IP Address:')) return name.slice('IP Address:'.length).toLowerCase() === wanted;
  if (!name.startsWith('DNS:') || /^[\d.]+$|:/.test(wanted)) return false;
  const pattern = name.slice(4).toLowerCase().replace(/\.$/, '');
  if (pattern === wanted) return true;
  if (!pattern.startsWith('*.') || pattern.split('.').length < 3) return false;
  const dot = wanted.indexOf('.');
  return dot > 0 && wanted.slice(dot + 1) === pattern.slice(2);
}

/** Chrome's fingerprints are base64 of the SHA-256; shown as colon-separated hex like Firefox's and Node's. */
function fingerprintText(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 128) return null;
  if (/^[0-9A-F]{2}(?::[0-9A-F]{2}){31}$/i.test(value)) return value.toUpperCase();
  try {
    const binary = atob(value);
    if (binary.length !== 32) return null;
    return Array.from(binary, (char) => char.charCodeAt(0).toString(16).padStart(2, '0')).join(':').toUpperCase();
  } catch {
    return null;
  }
}

/** Chrome's `details.securityInfo` (an `unknown` from the browser) as Tabgrade keeps it. */
export function parseChromeSecurityInfo(raw: unknown, url: string): TlsInfo | null {
  const info = record(raw);
  if (info === null) return null;
  const state = typeof info.state === 'string' && KNOWN_STATES.has(info.state) ? (info.state as ConnectionState) : 'unknown';
  const leaf = record(Array.isArray(info.certificates) ? info.certificates[0] : null);
  const sha256 = fingerprintText(record(leaf?.fingerprint)?.sha256);
  const der = derBytes(leaf?.rawDER);
  const certificate = der === null ? null : summariseCertificateDer(der, sha256);
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // Not a URL: no name to compare.
  }
  return {
    source: 'chrome',
    url,
    state,
    protocol: null,
    cipherSuite: null,
    keaGroup: null,
    signatureScheme: null,
    certificate,
    chain: certificate === null ? [] : [certificate],
    // "broken" is Chrome's verdict on a certificate error; "secure" means it verified the chain.
    trusted: state === 'secure' ? true : state === 'broken' ? false : null,
    domainMismatch: certificate !== null && host !== '' && !(certificate.subjectAltNames ?? []).some((name) => hostMatchesCertificateName(host, name)),
    notValidAtThisTime: false,
    hsts: null,
    certificateTransparency: null,
    weaknessReasons: [],
    errorMessage: null,
  };
}
