import { describe, expect, it } from 'vitest';
import { authorityOfIssuer } from '../../../src/core/dns/ca-domains';

describe('authorityOfIssuer', () => {
  it('maps common issuers to their CAA domains', () => {
    expect(authorityOfIssuer('CN=R11,O=Let\'s Encrypt,C=US')).toEqual({ organisation: "Let's Encrypt", domains: ['letsencrypt.org'] });
    expect(authorityOfIssuer('C=US, O=Google Trust Services, CN=WR1')?.domains).toContain('pki.goog');
    expect(authorityOfIssuer('CN=Sectigo RSA Domain Validation Secure Server CA,O=Sectigo Limited')?.domains).toContain('sectigo.com');
    expect(authorityOfIssuer('CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1,O=DigiCert Inc')?.domains).toContain('digicert.com');
    expect(authorityOfIssuer('CN=Amazon RSA 2048 M02,O=Amazon,C=US')?.domains).toContain('amazon.com');
  });

  it('is null for an issuer it does not know', () => {
    expect(authorityOfIssuer('O=Tabgrade Test CA,CN=localhost')).toBeNull();
  });
});
