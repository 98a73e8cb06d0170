/**
 * The options page's DNS section: CAA and DNSSEC through DNS-over-HTTPS, off by default,
 * with the resolver the user chooses and a plain statement of what it is sent.
 */
import { useEffect, useState } from 'preact/hooks';
import { isResolverUrl } from '../core/dns/doh-lookup';
import { DEFAULT_DNS_RESOLVER, type DnsSettings } from '../core/settings';

export function DnsSection({ dns, onChange }: { dns: DnsSettings; onChange: (dns: DnsSettings) => void }) {
  const [resolver, setResolver] = useState(dns.resolver);
  useEffect(() => setResolver(dns.resolver), [dns.resolver]);
  const valid = isResolverUrl(resolver.trim());

  return (
    <section class="panel">
      <h2>DNS: CAA and DNSSEC</h2>
      <div class="switch">
        <label>
          <input type="checkbox" checked={dns.enabled} onChange={() => onChange({ ...dns, enabled: !dns.enabled })} data-testid="setting-dns-enabled" /> Look up CAA
          records and DNSSEC through DNS-over-HTTPS
        </label>
        <p class="muted" data-testid="dns-disclosure">
          Off by default. When on, Tabgrade sends the audited page’s host name and its parent domains (for shop.example.com: shop.example.com, example.com, com) to the
          resolver below — nothing else: no URL path, no cookies. The resolver’s operator sees which sites you audit. Nothing is sent while this is off.
        </p>
      </div>
      <label class="switch">
        Resolver (DNS JSON API, https only){' '}
        <input
          type="url"
          value={resolver}
          size={40}
          onInput={(event) => setResolver((event.target as HTMLInputElement).value)}
          onChange={() => valid && onChange({ ...dns, resolver: resolver.trim() })}
          aria-invalid={!valid}
          data-testid="setting-dns-resolver"
        />
      </label>
      {!valid && <p class="muted" role="alert">Only https:// resolver URLs are used, e.g. {DEFAULT_DNS_RESOLVER} or https://dns.google/resolve.</p>}
    </section>
  );
}
