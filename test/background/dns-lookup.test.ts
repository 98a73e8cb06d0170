/**
 * The worker's opt-in DNS lookup: with the setting off not one request leaves; with it on,
 * the document host's CAA answers land in the capture, and a second load of the same host is
 * answered from the cache. The worker's fetch is routed to a loopback DoH server (the
 * setting takes https resolvers only, so the https URL is rewritten to the server).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageCapture } from '../../src/core/capture';
import { startDohServer, type DohServer } from '../helpers/doh-server';
import { captureFrom } from '../helpers/fixtures';

let stored: Record<string, unknown> = {};
vi.mock('../../src/shared/browser-api', () => ({
  default: { storage: { local: { get: async () => stored }, onChanged: { addListener: () => undefined } } },
}));

let capture: PageCapture | null = null;
vi.mock('../../src/background/capture-store', () => ({
  getCapture: async () => capture,
  updateCapture: async (_tabId: number, change: (current: PageCapture | null) => PageCapture | null) => {
    capture = change(capture);
  },
}));

// The DNS code comes with the grading engine's script, which only a browser can load.
vi.mock('../../src/background/worker-core-loader', async () => {
  const { lookupDns } = await import('../../src/core/dns/doh-lookup');
  return { loadWorkerCore: async () => ({ lookupDns }) };
});

const RESOLVER = 'https://doh.example/dns-query';
let server: DohServer;

beforeEach(async () => {
  server = await startDohServer({ caa: { 'example.com': ['0 issue "letsencrypt.org"'] }, signed: ['shop.example.com'] });
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => realFetch(url.replace(RESOLVER, server.url), init));
  capture = captureFrom({ url: 'https://shop.example.com/', headers: [{ name: 'Content-Type', value: 'text/html' }] });
  const { clearDnsCache } = await import('../../src/background/dns-lookup');
  clearDnsCache();
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await server.close();
});

describe('the worker’s DNS lookup', () => {
  it('sends nothing while the setting is off (the default)', async () => {
    stored = {};
    const { addDnsLookup } = await import('../../src/background/dns-lookup');
    const added = vi.fn();
    await addDnsLookup(1, added);
    stored = { settings: { dns: { enabled: false, resolver: RESOLVER } } };
    await addDnsLookup(1, added);
    expect(server.requests).toEqual([]);
    expect(added).not.toHaveBeenCalled();
    expect(capture?.dns).toBeUndefined();
  });

  it('when on: asks the chosen resolver, puts the answers into the capture, and caches them per host', async () => {
    stored = { settings: { dns: { enabled: true, resolver: RESOLVER } } };
    const { addDnsLookup } = await import('../../src/background/dns-lookup');
    const added = vi.fn();
    await addDnsLookup(1, added);
    expect(server.requests).toEqual(['shop.example.com CAA', 'example.com CAA']);
    expect(capture?.dns).toMatchObject({ resolver: RESOLVER, host: 'shop.example.com', lookups: [{ name: 'shop.example.com', authenticated: true }, { name: 'example.com', caa: ['0 issue "letsencrypt.org"'] }] });
    expect(added).toHaveBeenCalledOnce();

    capture = captureFrom({ url: 'https://shop.example.com/other', headers: [{ name: 'Content-Type', value: 'text/html' }] });
    await addDnsLookup(1, added);
    expect(server.requests).toHaveLength(2);
    expect(capture.dns?.host).toBe('shop.example.com');
  });
});
