import type { DnsReport } from '../../core/dns/dns-report';

/** CAA and DNSSEC, when the user turned DNS lookups on (options page); every line comes from core. */
export function DnsSection({ dns }: { dns: DnsReport }) {
  return (
    <section class="panel" aria-label="DNS: CAA and DNSSEC" data-testid="dns-section">
      <h2>DNS (CAA, DNSSEC)</h2>
      <ul>
        {dns.summary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p class="muted">
        Asked {dns.resolver} about {dns.lookups.map((lookup) => lookup.name).join(', ')}.
      </p>
    </section>
  );
}
