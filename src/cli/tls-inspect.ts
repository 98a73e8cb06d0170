/**
 * The CLI's own look at an HTTPS server's TLS: one handshake with Node's `tls` module, so
 * `tabgrade audit` reports the connection and the certificate chain whatever the browser
 * (Chromium shares none of it with extensions; see `core/tls.ts`). It fills the same
 * `TlsInfo` the Firefox capture fills, so the same checks, caps and views read it.
 *
 * The handshake accepts what a browser would refuse (old protocols, weak keys, untrusted
 * chains) because describing a weak server is the point; whether Node would have trusted
 * the chain is recorded, not enforced.
 */
import { signatureAlgorithmName } from '../core/tls-oids';
import { X509Certificate, type KeyObject } from 'node:crypto';
import { checkServerIdentity, connect, type ConnectionOptions, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import { isIP } from 'node:net';
import type { PageCapture } from '../core/capture';
import type { CertificateSummary, TlsInfo } from '../core/tls';

export const TLS_INSPECT_TIMEOUT_MS = 5000;
const MAX_CHAIN = 10;

export type TlsInspection = { ok: true; tls: TlsInfo } | { ok: false; reason: string };

export interface TlsInspectOptions {
  timeoutMs?: number;
  /** Extra trusted roots (tests); Node's bundled roots otherwise. */
  ca?: string | Buffer | Array<string | Buffer>;
}


/** Bit sizes of the EC curves Node names in `asymmetricKeyDetails.namedCurve`. */
const CURVE_BITS: Readonly<Record<string, number>> = { prime256v1: 256, secp384r1: 384, secp521r1: 521, secp256k1: 256 };

/** One DER element's header at `offset`: where its content starts and how long it is. */
function derElement(der: Uint8Array, offset: number): { tag: number; start: number; length: number } | null {
  const byte = (index: number): number => der[index] ?? 0;
  if (offset + 2 > der.length) return null;
  const tag = byte(offset);
  let length = byte(offset + 1);
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > der.length) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + byte(start + i);
    start += count;
  }
  return start + length <= der.length ? { tag, start, length } : null;
}

function oidText(bytes: Uint8Array): string {
  const first = bytes[0] ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let value = 0;
  for (const byte of bytes.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/**
 * The `signatureAlgorithm` of a DER certificate (RFC 5280 §4.1: SEQUENCE { tbsCertificate,
 * signatureAlgorithm, signatureValue }). Node 20's `X509Certificate` does not expose it.
 */
export function certificateSignatureAlgorithm(der: Uint8Array): string | null {
  const certificate = derElement(der, 0);
  if (certificate === null || certificate.tag !== 0x30) return null;
  const tbs = derElement(der, certificate.start);
  if (tbs === null || tbs.tag !== 0x30) return null;
  const algorithm = derElement(der, tbs.start + tbs.length);
  if (algorithm === null || algorithm.tag !== 0x30) return null;
  const oid = derElement(der, algorithm.start);
  if (oid === null || oid.tag !== 0x06 || oid.length === 0) return null;
  const dotted = oidText(der.subarray(oid.start, oid.start + oid.length));
  return signatureAlgorithmName(dotted);
}

function keyFacts(key: KeyObject): { keyType: string | null; keyBits: number | null } {
  const details = key.asymmetricKeyDetails;
  const keyType = key.asymmetricKeyType ?? null;
  if (details?.modulusLength !== undefined) return { keyType, keyBits: details.modulusLength };
  if (details?.namedCurve !== undefined) return { keyType, keyBits: CURVE_BITS[details.namedCurve] ?? null };
  if (keyType === 'ed25519') return { keyType, keyBits: 256 };
  if (keyType === 'ed448') return { keyType, keyBits: 456 };
  return { keyType, keyBits: null };
}

/** Node's one-line-per-attribute distinguished name as Firefox writes it (`CN=…, O=…`). */
function distinguishedName(text: string): string {
  return text.split('\n').filter((part) => part !== '').join(', ');
}

function splitAltNames(value: string | undefined): string[] {
  return value === undefined || value === '' ? [] : value.split(', ').slice(0, 100);
}

export function summarizeCertificate(der: Buffer): CertificateSummary {
  const cert = new X509Certificate(der);
  const validFrom = Date.parse(cert.validFrom);
  const validTo = Date.parse(cert.validTo);
  return {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    validFrom: Number.isFinite(validFrom) ? validFrom : null,
    validTo: Number.isFinite(validTo) ? validTo : null,
    sha256: cert.fingerprint256,
    serialNumber: cert.serialNumber,
    // Node does not say whether a root is one it ships; Firefox's flag has no equivalent here.
    isBuiltInRoot: false,
    subjectAltNames: splitAltNames(cert.subjectAltName),
    ...keyFacts(cert.publicKey),
    signatureAlgorithm: certificateSignatureAlgorithm(der),
  };
}

/** The chain as the server sent it, server certificate first, stopping where it loops (a self-signed root is its own issuer). */
function peerChain(peer: DetailedPeerCertificate): Buffer[] {
  const chain: Buffer[] = [];
  const seen = new Set<string>();
  let current: DetailedPeerCertificate | undefined = peer;
  while (current?.raw !== undefined && !seen.has(current.fingerprint256) && chain.length < MAX_CHAIN) {
    seen.add(current.fingerprint256);
    chain.push(current.raw);
    current = current.issuerCertificate;
  }
  return chain;
}

/** OpenSSL's verification codes that mean "wrong time" rather than "wrong issuer". */
const TIME_ERRORS: ReadonlySet<string> = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

function describeSocket(socket: TLSSocket, url: URL, host: string, ocspStapled: boolean): TlsInfo {
  const peer = socket.getPeerCertificate(true);
  const chain = peerChain(peer).map(summarizeCertificate);
  const verifyError = socket.authorizationError === null || socket.authorizationError === undefined ? null : String(socket.authorizationError);
  const identityError = peer.raw === undefined ? null : checkServerIdentity(host, peer) ?? null;
  // OpenSSL reports one error: after a time error it did not say whether the issuer is trusted.
  const trusted = chain.length === 0 ? false : verifyError === null ? true : TIME_ERRORS.has(verifyError) ? null : false;
  const leaf = chain[0];
  const now = Date.now();
  const outsideValidity = leaf !== undefined && ((leaf.validFrom !== null && now < leaf.validFrom) || (leaf.validTo !== null && now > leaf.validTo));
  const notValidAtThisTime = outsideValidity || (verifyError !== null && TIME_ERRORS.has(verifyError));
  const cipher = socket.getCipher();
  const ephemeral = socket.getEphemeralKeyInfo();
  const keaGroup = ephemeral !== null && typeof ephemeral === 'object' && 'name' in ephemeral && typeof ephemeral.name === 'string' ? ephemeral.name : null;
  const broken = trusted !== true || notValidAtThisTime || identityError !== null;
  const errors = [verifyError, identityError?.message ?? null].filter((error): error is string => error !== null);
  return {
    source: 'node',
    url: url.href,
    state: broken ? 'broken' : 'secure',
    protocol: socket.getProtocol(),
    cipherSuite: cipher.standardName ?? cipher.name,
    keaGroup,
    // Node does not report the handshake's signature scheme; each certificate's own signature is in the chain.
    signatureScheme: null,
    certificate: chain[0] ?? null,
    chain,
    trusted,
    domainMismatch: identityError !== null,
    notValidAtThisTime,
    hsts: null,
    certificateTransparency: null,
    weaknessReasons: [],
    errorMessage: errors.length === 0 ? null : errors.join('; '),
    ocspStapled,
  };
}

function failureReason(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error instanceof Error ? `${error.code}: ${error.message}` : error.code;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * One handshake with `url`'s host and port (SNI = the host name, never an IP address, as
 * RFC 6066 §3 requires), asking for a stapled OCSP response. Never throws: a failure or a
 * timeout comes back as `{ ok: false, reason }`.
 */
export function inspectTls(url: string, options: TlsInspectOptions = {}): Promise<TlsInspection> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve({ ok: false, reason: 'not a URL' });
  }
  if (target.protocol !== 'https:') return Promise.resolve({ ok: false, reason: 'not an https URL' });
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = target.port === '' ? 443 : Number(target.port);
  const timeoutMs = options.timeoutMs ?? TLS_INSPECT_TIMEOUT_MS;

  return new Promise((resolve) => {
    let settled = false;
    let ocspStapled = false;
    // `requestOCSP` is passed on by `tls.connect` to its TLSSocket, though @types/node lists it only for the socket.
    const connectOptions: ConnectionOptions & { requestOCSP: boolean } = {
      host,
      port,
      ...(isIP(host) === 0 ? { servername: host } : {}),
      rejectUnauthorized: false,
      requestOCSP: true,
      // Accept what a weak server offers so it can be described (TLS 1.0, SHA-1, small keys).
      minVersion: 'TLSv1',
      ciphers: 'DEFAULT@SECLEVEL=0',
      ...(options.ca !== undefined ? { ca: options.ca } : {}),
    };
    const socket = connect(connectOptions);
    const finish = (result: TlsInspection): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: `no TLS handshake within ${timeoutMs / 1000} s` }), timeoutMs);
    // Emitted before 'secureConnect' when the client asked for OCSP; null (or empty) when nothing was stapled.
    socket.on('OCSPResponse', (response: Buffer | null | undefined) => {
      ocspStapled = Buffer.isBuffer(response) && response.length > 0;
    });
    socket.once('secureConnect', () => {
      try {
        finish({ ok: true, tls: describeSocket(socket, target, host, ocspStapled) });
      } catch (error) {
        finish({ ok: false, reason: failureReason(error) });
      }
    });
    socket.once('error', (error) => finish({ ok: false, reason: failureReason(error) }));
  });
}

/**
 * The capture with the CLI's own TLS facts for its document, or, when the handshake failed,
 * the capture unchanged and a note saying why (a TLS inspection never fails the audit).
 * Plain-HTTP documents have no TLS to inspect.
 */
export async function withInspectedTls(
  capture: PageCapture,
  inspect: (url: string) => Promise<TlsInspection>,
): Promise<{ capture: PageCapture; note: string | null }> {
  const url = capture.document?.url;
  if (url === undefined || !url.startsWith('https:')) return { capture, note: null };
  const result = await inspect(url);
  if (!result.ok) return { capture, note: `Tabgrade could not inspect the TLS connection itself (${result.reason}); the certificate and protocol were not checked.` };
  return { capture: { ...capture, tls: { ...result.tls, url } }, note: null };
}

/**
 * One line about the server certificate for a browser that refused it (the audit has no page
 * to grade then): what Tabgrade's own handshake saw, so the user learns why without openssl.
 */
export function certificateSummaryLine(tls: TlsInfo, now: number): string {
  const cert = tls.certificate;
  if (cert === null) return `Tabgrade's own handshake (${tls.protocol ?? 'unknown protocol'}) got no certificate`;
  const days = cert.validTo === null ? null : Math.floor((cert.validTo - now) / 86_400_000);
  const until = cert.validTo === null ? '' : `, valid until ${new Date(cert.validTo).toISOString().slice(0, 10)}${days !== null && days < 0 ? ` (expired ${-days} day${days === -1 ? '' : 's'} ago)` : ''}`;
  const error = tls.errorMessage === null ? '' : `; ${tls.errorMessage}`;
  return `Tabgrade's own handshake (${tls.protocol ?? 'unknown protocol'}): ${cert.subject} issued by ${cert.issuer}${until}${error}`;
}
