import { describe, expect, it } from 'vitest';
import { DEFAULT_DNS_RESOLVER, DEFAULT_SETTINGS, parseSettings } from '../../src/core/settings';

describe('the DNS settings', () => {
  it('are off by default, with Cloudflare’s resolver', () => {
    expect(DEFAULT_SETTINGS.dns).toEqual({ enabled: false, resolver: 'https://cloudflare-dns.com/dns-query' });
    expect(parseSettings({}).dns).toEqual({ enabled: false, resolver: DEFAULT_DNS_RESOLVER });
    expect(parseSettings({ dns: 'on' }).dns).toEqual({ enabled: false, resolver: DEFAULT_DNS_RESOLVER });
    expect(parseSettings({ dns: { enabled: 'true' } }).dns.enabled).toBe(false);
  });

  it('keep the user’s https resolver, and refuse any other', () => {
    expect(parseSettings({ dns: { enabled: true, resolver: 'https://dns.google/resolve' } }).dns).toEqual({ enabled: true, resolver: 'https://dns.google/resolve' });
    for (const resolver of ['http://dns.google/resolve', 'http://127.0.0.1/dns-query', 'javascript:alert(1)', 'https://u:p@dns.example/', `https://dns.example/${'x'.repeat(400)}`, 42]) {
      expect(parseSettings({ dns: { enabled: true, resolver } }).dns.resolver).toBe(DEFAULT_DNS_RESOLVER);
    }
  });
});
