/**
 * Certificate signature algorithms by OID (RFC 3279, RFC 4055, RFC 5758, RFC 8410), named
 * as OpenSSL and Node name them: one table for every reader of certificates (the CLI's own
 * handshake, Chrome's securityInfo), so both name an algorithm alike.
 */
export const SIGNATURE_ALGORITHMS: Readonly<Record<string, string>> = {
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
};

/** The OpenSSL name of a signature algorithm OID, or the dotted OID when Tabgrade does not know it. */
export function signatureAlgorithmName(oid: string): string {
  return Object.hasOwn(SIGNATURE_ALGORITHMS, oid) ? (SIGNATURE_ALGORITHMS[oid] ?? oid) : oid;
}
