/**
 * The third pillar of hardening a site: the transport. Judged from what the browser tells
 * extensions about the document's TLS connection (Firefox; Chrome's certificate behind a flag, see `tls-chrome.ts`; see `tls.ts`).
 * - TLS 1.0 and 1.1 are deprecated (RFC 8996) and disabled in every current browser: high.
 * - A certificate that expires within 21 days will break the site if renewal fails (certbot
 *   renews at 30 days left and Let's Encrypt's own expiry mails start at 20, so under 21
 *   means renewal has already missed at least a week of attempts): high under 7 days,
 *   medium under 21; expired: high.
 * - A SHA-1 or MD5 signature can be forged: high.
 * - A chain the browser does not trust, or a name mismatch: high (only a user who clicked
 *   through a warning sees the page at all).
 * - Certificate Transparency not satisfied: medium (browsers may reject it).
 * - A certificate in the chain signed with SHA-1 or MD5, or an RSA key under 2048 bits
 *   (CA/Browser Forum Baseline Requirements §6.1.5, §7.1.3): high. Only the CLI's own
 *   handshake (Node) reports these per certificate.
 * - No stapled OCSP response: info, never capping — browsers then ask the CA themselves (or,
 *   like Chrome, not at all), which costs a round trip and tells the CA who visits; only
 *   reported where the source could tell (Node).
 */
import type { PageCapture } from '../../capture';
import type { CheckContext, Finding, TabgradeCheck } from '../../findings';
import { daysUntilExpiry, isDeprecatedProtocol, isWeakKey, isWeakSignatureScheme, weaklySignedCertificates } from '../../tls';
import { clip, findingMaker } from './shared';

const make = findingMaker('tls-connection', 'transport');
const LEARN_MORE = 'https://developer.mozilla.org/en-US/docs/Web/Security/Transport_Layer_Security';
const WARN_DAYS = 21;
const URGENT_DAYS = 7;

const CERTBOT_RENEW = 'sudo certbot renew --dry-run   # then check the renewal timer: systemctl list-timers | grep certbot';

export const tlsConnectionCheck: TabgradeCheck = {
  id: 'tls-connection',
  title: 'TLS connection and certificate',
  group: 'transport',
  needs: ['tls'],
  run(capture: PageCapture, context: CheckContext): Finding[] {
    const tls = capture.tls;
    if (tls === undefined || capture.document === null || tls.url !== capture.document.url) return [];
    const findings: Finding[] = [];

    if (isDeprecatedProtocol(tls.protocol)) {
      findings.push(make({
        id: 'tls-protocol-deprecated',
        severity: 'high',
        title: `The connection uses ${clip(tls.protocol ?? '', 40)}, which is deprecated`,
        detail: 'TLS 1.0 and 1.1 have known weaknesses and are disabled in current browsers (RFC 8996). Offer TLS 1.2 and 1.3 only.',
        subject: tls.protocol ?? undefined,
        recommendation: 'Allow TLS 1.2 and TLS 1.3 only.',
        fixes: {
          apache: 'SSLProtocol -all +TLSv1.2 +TLSv1.3',
          nginx: 'ssl_protocols TLSv1.2 TLSv1.3;',
          caddy: '# Caddy offers TLS 1.2+ by default; remove any `protocols tls1.0` override',
        },
        learnMoreUrl: LEARN_MORE,
      }));
    }

    const days = daysUntilExpiry(tls, context.now);
    if (days !== null && days < WARN_DAYS) {
      const expired = days < 0;
      findings.push(make({
        id: expired ? 'tls-certificate-expired' : 'tls-certificate-expiring-soon',
        severity: expired || days < URGENT_DAYS ? 'high' : 'medium',
        title: expired ? 'The certificate has expired' : `The certificate expires in ${days} day${days === 1 ? '' : 's'}`,
        detail: expired
          ? 'Browsers refuse expired certificates: visitors see a full-page warning.'
          : 'Automatic renewal normally happens with 30 days left; a certificate this close to expiry suggests renewal is failing.',
        subject: tls.certificate?.subject,
        recommendation: 'Renew the certificate and check that automatic renewal works.',
        fixes: { apache: CERTBOT_RENEW, nginx: CERTBOT_RENEW, django: CERTBOT_RENEW },
        learnMoreUrl: 'https://letsencrypt.org/docs/integration-guide/#when-to-renew',
        data: { validTo: tls.certificate?.validTo ?? null, days },
      }));
    }

    if (isWeakSignatureScheme(tls.signatureScheme)) {
      findings.push(make({
        id: 'tls-weak-signature',
        severity: 'high',
        title: `The connection is signed with ${clip(tls.signatureScheme ?? '', 60)}`,
        detail: 'SHA-1 and MD5 signatures can be forged. Use a certificate and key that sign with SHA-256 or better.',
        subject: tls.signatureScheme ?? undefined,
        recommendation: 'Reissue the certificate with a SHA-256 (or stronger) signature.',
        learnMoreUrl: LEARN_MORE,
      }));
    }

    if (tls.trusted === false || tls.domainMismatch || tls.notValidAtThisTime) {
      const reasons = [
        tls.trusted === false ? 'the browser does not trust its issuer (self-signed, or a missing intermediate certificate)' : null,
        tls.domainMismatch ? 'it is not valid for this host name' : null,
        tls.notValidAtThisTime ? 'it is not valid at this time' : null,
      ].filter((reason): reason is string => reason !== null);
      findings.push(make({
        id: 'tls-certificate-untrusted',
        severity: 'high',
        title: 'The certificate is not trusted',
        detail: `Visitors see a security warning because ${reasons.join(', and ')}. (A self-signed certificate is fine on a development machine, never in production.)`,
        subject: tls.certificate?.issuer,
        recommendation: 'Serve a certificate from a public CA (e.g. Let’s Encrypt) with its full chain.',
        fixes: {
          apache: 'SSLCertificateFile /etc/letsencrypt/live/example.com/fullchain.pem\nSSLCertificateKeyFile /etc/letsencrypt/live/example.com/privkey.pem',
          nginx: 'ssl_certificate /etc/letsencrypt/live/example.com/fullchain.pem;\nssl_certificate_key /etc/letsencrypt/live/example.com/privkey.pem;',
        },
        learnMoreUrl: LEARN_MORE,
      }));
    }

    const weaklySigned = weaklySignedCertificates(tls);
    if (weaklySigned.length > 0 && !isWeakSignatureScheme(tls.signatureScheme)) {
      const first = weaklySigned[0];
      findings.push(make({
        id: 'tls-weak-signature',
        severity: 'high',
        title: `A certificate in the chain is signed with ${clip(first?.signatureAlgorithm ?? '', 60)}`,
        detail: 'SHA-1 and MD5 signatures can be forged, and browsers reject certificates signed with them. Use a certificate chain signed with SHA-256 or better.',
        subject: first?.subject,
        recommendation: 'Reissue the certificate with a SHA-256 (or stronger) signature.',
        learnMoreUrl: LEARN_MORE,
        data: { certificates: weaklySigned.map((cert) => cert.subject) },
      }));
    }

    const weakKeys = tls.chain.filter(isWeakKey);
    if (weakKeys.length > 0) {
      const first = weakKeys[0];
      findings.push(make({
        id: 'tls-weak-key',
        severity: 'high',
        title: `A certificate in the chain has a ${first?.keyBits ?? 'small'}-bit RSA key`,
        detail: 'RSA keys under 2048 bits can be factored with enough computing power; public CAs stopped issuing them in 2013 (CA/Browser Forum Baseline Requirements §6.1.5).',
        subject: first?.subject,
        recommendation: 'Generate a new key (RSA 2048+ or ECDSA P-256) and reissue the certificate.',
        fixes: { apache: 'openssl req -newkey rsa:3072 -nodes -keyout example.key -out example.csr', nginx: 'openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout example.key -out example.csr' },
        learnMoreUrl: LEARN_MORE,
        data: { certificates: weakKeys.map((cert) => cert.subject) },
      }));
    }

    if (tls.ocspStapled === false) {
      findings.push(make({
        id: 'tls-ocsp-not-stapled',
        severity: 'info',
        title: 'The server does not staple an OCSP response',
        detail: 'Without stapling, a browser that checks revocation asks the CA itself: an extra round trip, and the CA learns who visits the site. Stapling sends the CA’s signed answer with the handshake.',
        recommendation: 'Turn on OCSP stapling (where the CA still runs an OCSP responder).',
        fixes: {
          apache: 'SSLUseStapling on\nSSLStaplingCache shmcb:/var/run/ocsp(128000)',
          nginx: 'ssl_stapling on;\nssl_stapling_verify on;',
        },
        learnMoreUrl: 'https://www.rfc-editor.org/rfc/rfc6066#section-8',
      }));
    }

    const ct = tls.certificateTransparency;
    if (ct !== null && ct.startsWith('policy_') && ct !== 'policy_compliant') {
      findings.push(make({
        id: 'tls-certificate-transparency',
        severity: 'medium',
        title: 'The certificate does not meet Certificate Transparency policy',
        detail: 'Browsers require publicly trusted certificates to be logged in Certificate Transparency logs; one that is not may be rejected.',
        subject: ct,
        learnMoreUrl: 'https://developer.mozilla.org/en-US/docs/Web/Security/Certificate_Transparency',
      }));
    }
    return findings;
  },
};
