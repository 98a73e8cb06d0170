/**
 * Which CAA issuer domains stand for the CA named in a certificate's issuer. Knowledge is
 * data: the table is `ca-domains.json`, with its source and date.
 */
import table from './ca-domains.json';

export interface CertificateAuthority {
  organisation: string;
  domains: string[];
}

/** The CA whose name appears in `issuer` (a distinguished name such as `CN=R11,O=Let's Encrypt,C=US`), or null. */
export function authorityOfIssuer(issuer: string): CertificateAuthority | null {
  const lower = issuer.toLowerCase();
  const found = table.authorities.find((authority) => authority.match.some((word) => lower.includes(word)));
  return found === undefined ? null : { organisation: found.organisation, domains: [...found.domains] };
}
