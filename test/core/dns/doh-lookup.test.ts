import { afterEach, describe, expect, it } from 'vitest';
import { isLoopbackResolverUrl, isResolverUrl, lookupDns, type DohFetch } from '../../../src/core/dns/doh-lookup';
import { startDohServer, type DohServer } from '../../helpers/doh-server';

let server: DohServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('isResolverUrl', () => {
  it('takes https URLs only (loopback http apart, for local resolvers)', () => {
    expect(isResolverUrl('https://cloudflare-dns.com/dns-query')).toBe(true);
    expect(isResolverUrl('http://cloudflare-dns.com/dns-query')).toBe(false);
    expect(isResolverUrl('https://user:pw@dns.example/')).toBe(false);
    expect(isResolverUrl('not a url')).toBe(false);
    expect(isLoopbackResolverUrl('http://127.0.0.1:8053/dns-query')).toBe(true);
    expect(isLoopbackResolverUrl('http://dns.example/dns-query')).toBe(false);
  });
});

describe('lookupDns against a loopback DoH server', () => {
  it('climbs to the first parent with CAA records, then stops', async () => {
    server = await startDohServer({ caa: { 'example.com': ['0 issue "letsencrypt.org"'] }, signed: ['shop.eu.example.com'] });
    const dns = await lookupDns('shop.eu.example.com', server.url, fetch as DohFetch);
    expect(server.requests).toEqual(['shop.eu.example.com CAA', 'eu.example.com CAA', 'example.com CAA']);
    expect(dns?.lookups.map((lookup) => [lookup.name, lookup.authenticated, lookup.caa])).toEqual([
      ['shop.eu.example.com', true, []],
      ['eu.example.com', false, []],
      ['example.com', false, ['0 issue "letsencrypt.org"']],
    ]);
  });

  it('stops at a failure: the record set that applies is then unknown', async () => {
    server = await startDohServer({ caa: { 'example.com': ['0 issue "letsencrypt.org"'] }, failing: ['eu.example.com'] });
    const dns = await lookupDns('shop.eu.example.com', server.url, fetch as DohFetch);
    expect(dns?.lookups.map((lookup) => lookup.error)).toEqual([null, 'the resolver answered HTTP 500']);
    expect(server.requests).toHaveLength(2);
  });

  it('times out a resolver that does not answer', async () => {
    const never: DohFetch = (_url, init) => new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    const dns = await lookupDns('example.com', 'https://dns.example/dns-query', never, 50);
    expect(dns?.lookups).toEqual([{ name: 'example.com', status: null, authenticated: false, caa: [], error: 'no answer within 0.05 s' }]);
  });

  it('asks nothing for an IP address, and refuses a plain-http remote resolver', async () => {
    server = await startDohServer({ caa: {} });
    expect(await lookupDns('127.0.0.1', server.url, fetch as DohFetch)).toBeNull();
    expect(server.requests).toEqual([]);
    await expect(lookupDns('example.com', 'http://dns.example/', fetch as DohFetch)).rejects.toThrow('not an https resolver URL');
  });
});
