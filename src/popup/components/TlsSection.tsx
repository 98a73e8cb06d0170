import type { PageCapture } from '../../core/capture';
import { daysUntilExpiry } from '../../core/tls';

const DATE = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

function yesNo(value: boolean | null): string {
  return value === null ? 'unknown' : value ? 'yes' : 'no';
}

/** The document's TLS connection and certificate (Firefox; Chrome with its securityInfo feature on), or why it is not shown. */
export function TlsSection({ capture, now }: { capture: PageCapture; now: number }) {
  const document = capture.document;
  if (document === null) return null;
  const https = document.url.startsWith('https:');
  const tls = capture.tls !== undefined && capture.tls.url === document.url ? capture.tls : null;
  return (
    <section class="panel" aria-label="Connection security" data-testid="tls-section">
      <h2>Connection (TLS)</h2>
      {!https && <p class="empty">Served over plain HTTP: there is no TLS connection to inspect.</p>}
      {https && tls === null && capture.tlsNotShared === 'chrome-feature-off' && (
        <p class="empty" data-testid="tls-unavailable">
          Chrome does not share the TLS connection or certificate with extensions unless you switch it on:
          open <code>chrome://flags/#web-request-security-info</code>, set it to Enabled and relaunch Chrome.
        </p>
      )}
      {https && tls === null && capture.tlsNotShared === undefined && (
        <p class="empty" data-testid="tls-unavailable">
          This browser does not share the TLS connection or certificate with extensions (Firefox does; Chrome only with <code>chrome://flags/#web-request-security-info</code> enabled).
          Open the page in Firefox with Tabgrade, or run <code>openssl s_client -connect host:443 -servername host</code>.
        </p>
      )}
      {tls !== null && (
        <table class="headers" data-testid="tls-table">
          <tbody>
            {tls.source !== 'chrome' && <tr><th scope="row">Protocol</th><td data-testid="tls-protocol">{tls.protocol ?? 'unknown'}</td></tr>}
            {tls.source !== 'chrome' && <tr><th scope="row">Cipher suite</th><td>{tls.cipherSuite ?? 'unknown'}</td></tr>}
            {tls.source === 'chrome' && <tr><th scope="row">Browser verdict</th><td data-testid="tls-state">{tls.state}</td></tr>}
            {tls.keaGroup !== null && <tr><th scope="row">Key exchange</th><td>{tls.keaGroup}</td></tr>}
            {tls.signatureScheme !== null && <tr><th scope="row">Signature</th><td>{tls.signatureScheme}</td></tr>}
            <tr><th scope="row">Subject</th><td data-testid="tls-subject">{tls.certificate?.subject ?? 'unknown'}</td></tr>
            <tr><th scope="row">Issuer</th><td data-testid="tls-issuer">{tls.certificate?.issuer ?? 'unknown'}</td></tr>
            <tr>
              <th scope="row">Valid until</th>
              <td data-testid="tls-expiry">
                {tls.certificate?.validTo == null ? 'unknown' : DATE.format(new Date(tls.certificate.validTo))}
                {(() => {
                  const days = daysUntilExpiry(tls, now);
                  return days === null ? '' : days < 0 ? ' (expired)' : ` (${days} day${days === 1 ? '' : 's'} left)`;
                })()}
              </td>
            </tr>
            {tls.certificate?.validFrom != null && <tr><th scope="row">Valid from</th><td>{DATE.format(new Date(tls.certificate.validFrom))}</td></tr>}
            {(tls.certificate?.subjectAltNames ?? []).length > 0 && (
              <tr><th scope="row">Names</th><td data-testid="tls-names">{tls.certificate?.subjectAltNames?.join(', ')}</td></tr>
            )}
            {tls.certificate?.keyType != null && (
              <tr><th scope="row">Key</th><td data-testid="tls-key">{tls.certificate.keyType.toUpperCase()}{tls.certificate.keyBits == null ? '' : ` ${tls.certificate.keyBits} bits`}</td></tr>
            )}
            {tls.certificate?.signatureAlgorithm != null && (
              <tr><th scope="row">Certificate signature</th><td data-testid="tls-cert-signature">{tls.certificate.signatureAlgorithm}</td></tr>
            )}
            {tls.certificate?.sha256 != null && <tr><th scope="row">SHA-256</th><td data-testid="tls-sha256"><code>{tls.certificate.sha256}</code></td></tr>}
            <tr><th scope="row">Chain trusted</th><td data-testid="tls-trusted">{yesNo(tls.trusted)}</td></tr>
            {tls.source !== 'chrome' && <tr><th scope="row">HSTS (browser)</th><td>{yesNo(tls.hsts)}</td></tr>}
            {tls.source !== 'chrome' && <tr><th scope="row">Certificate Transparency</th><td>{tls.certificateTransparency ?? 'unknown'}</td></tr>}
          </tbody>
        </table>
      )}
    </section>
  );
}
