/**
 * The opt-in DNS lookup in real Chromium with the built extension: off by default, the DoH
 * resolver (a loopback https server here) gets not one request; turned on in the settings,
 * the worker asks it about the audited host and its parents, and the popup shows the CAA and
 * DNSSEC lines. The page's host name is mapped to loopback by Chromium's resolver rules,
 * since IP addresses and `localhost` have no DNS parents to ask about.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { html, startServer, type TestServer } from './support/server';

const HOST = 'shop.example.test';
let ext: ExtensionBrowser;
let site: TestServer;
let doh: Server;
let dohUrl: string;
let folder: string;
/** `name type` of every query the resolver received. */
const dohRequests: string[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tabgrade-doh-'));
  const key = join(folder, 'key.pem');
  const cert = join(folder, 'cert.pem');
  await promisify(execFile)('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost']);
  doh = createServer({ key: await readFile(key), cert: await readFile(cert) }, (request, response) => {
    const url = new URL(request.url ?? '/', 'https://localhost');
    const name = url.searchParams.get('name') ?? '';
    dohRequests.push(`${name} ${url.searchParams.get('type') ?? ''}`);
    const records = name === 'example.test' ? [{ name, type: 257, TTL: 300, data: '0 issue "letsencrypt.org"' }] : [];
    response.writeHead(200, { 'Content-Type': 'application/dns-json' });
    response.end(JSON.stringify({ Status: 0, AD: name === HOST, Answer: records }));
  });
  await new Promise<void>((resolve) => doh.listen(0, '127.0.0.1', resolve));
  dohUrl = `https://localhost:${(doh.address() as AddressInfo).port}/dns-query`;
  site = await startServer({ '/': html('<!doctype html><title>Shop</title><h1>Shop</h1>') });
  ext = await launchWithExtension({ extraArgs: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`] });
});

afterAll(async () => {
  doh?.closeAllConnections();
  await Promise.all([ext?.close(), site?.close(), new Promise((resolve) => (doh === undefined ? resolve(null) : doh.close(resolve))), rm(folder, { recursive: true, force: true })]);
});

async function openAudited() {
  const page = await ext.context.newPage();
  await page.goto(`http://${HOST}:${site.port}/`, { waitUntil: 'load' });
  const popup = await ext.openPopup(await ext.tabIdOf(page));
  await popup.getByTestId('grade-card').waitFor();
  await popup.getByTestId('tests').waitFor();
  return { page, popup };
}

describe('DNS lookups (Chromium)', () => {
  it('the options page: off by default, says what is sent, takes https resolvers only', async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
    const enabled = options.getByTestId('setting-dns-enabled');
    await enabled.waitFor();
    expect(await enabled.isChecked()).toBe(false);
    expect(await options.getByTestId('dns-disclosure').innerText()).toContain('sends the audited page’s host name and its parent domains');
    const resolver = options.getByTestId('setting-dns-resolver');
    expect(await resolver.inputValue()).toBe('https://cloudflare-dns.com/dns-query');
    await resolver.fill('http://dns.example/dns-query');
    await resolver.press('Enter');
    await resolver.blur();
    await options.getByRole('alert').waitFor();
    await resolver.fill('https://dns.google/resolve');
    await resolver.blur();
    await enabled.check();
    const worker = await ext.worker();
    await expect.poll(() => worker.evaluate(async () => {
      type StorageApi = { storage: { local: { get(key: string): Promise<Record<string, { dns?: unknown }>> } } };
      return (await (globalThis as unknown as { chrome: StorageApi }).chrome.storage.local.get('settings')).settings?.dns;
    })).toEqual({ enabled: true, resolver: 'https://dns.google/resolve' });
    expect(dohRequests).toEqual([]);
    await options.close();
  });

  it('sends nothing to the resolver while the setting is off (the default)', async () => {
    const worker = await ext.worker();
    await worker.evaluate(async (resolver) => {
      type StorageApi = { storage: { local: { set(items: object): Promise<void> } } };
      // The resolver is chosen, but DNS lookups stay off.
      await (globalThis as unknown as { chrome: StorageApi }).chrome.storage.local.set({ settings: { dns: { enabled: false, resolver } } });
    }, dohUrl);
    const { page, popup } = await openAudited();
    await popup.waitForTimeout(1500);
    expect(dohRequests).toEqual([]);
    expect(await popup.getByTestId('dns-section').count()).toBe(0);
    await Promise.all([page.close(), popup.close()]);
  });

  it('when on: asks the chosen resolver about the host and its parents, and the popup shows CAA and DNSSEC', async () => {
    const worker = await ext.worker();
    await worker.evaluate(async (resolver) => {
      type StorageApi = { storage: { local: { set(items: object): Promise<void> } } };
      await (globalThis as unknown as { chrome: StorageApi }).chrome.storage.local.set({ settings: { dns: { enabled: true, resolver } } });
    }, dohUrl);
    const { page, popup } = await openAudited();
    const section = popup.getByTestId('dns-section');
    await section.waitFor({ timeout: 15_000 });
    const text = await section.innerText();
    expect(text).toContain('CAA at example.test: only letsencrypt.org may issue');
    expect(text).toContain(`DNSSEC: the resolver validated the answer for ${HOST}`);
    expect(dohRequests).toEqual([`${HOST} CAA`, 'example.test CAA']);
    await Promise.all([page.close(), popup.close()]);
  });
});
