/**
 * The worker's HSTS preload list: fetched from the extension's own file on the first
 * report (never when the worker starts), unpacked and decoded once; every report waits for
 * it, and a list that fails to load gives grades that say preload status is unknown.
 * `fetch` serves the bytes the extension build writes (the committed list's data).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import bundled from '../../src/core/data/hsts-preload.json' with { type: 'json' };
import { WORKER_CORE_GLOBAL } from '../../src/background/worker-files';
import { captureFrom } from '../helpers/fixtures';

vi.mock('../../src/shared/browser-api', () => ({
  default: {
    runtime: { getURL: (path: string) => `chrome-extension://tabgrade/${path}` },
    storage: { local: { get: async () => ({}) }, onChanged: { addListener: () => undefined } },
  },
}));

const listBytes = Buffer.from(bundled.data, 'base64');
const fetchMock = vi.fn<(url: string) => Promise<Response>>();

beforeEach(() => {
  vi.resetModules();
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

/**
 * The worker's reports as the worker runs them: the grading engine's script has run (it
 * hands itself over on a global) before the first report, fresh for each test.
 */
async function freshReports(): Promise<typeof import('../../src/background/reports')> {
  delete (globalThis as Record<string, unknown>)[WORKER_CORE_GLOBAL];
  await import('../../src/background/worker-core');
  return import('../../src/background/reports');
}

const github = () => captureFrom({ url: 'https://github.com/', headers: [{ name: 'content-type', value: 'text/html' }] });

describe('the worker’s HSTS preload list', () => {
  it('is fetched from the extension’s file on the first report only, and every report uses it', async () => {
    fetchMock.mockImplementation(async () => new Response(listBytes));
    const { reportOf } = await freshReports();
    expect(fetchMock).not.toHaveBeenCalled();

    const [first, second] = await Promise.all([reportOf(github()), reportOf(github())]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('chrome-extension://tabgrade/data/hsts-preload.bin');
    for (const report of [first, second]) {
      expect(report.observatory.tests['strict-transport-security'].result).toBe('hsts-preloaded');
      expect(report.notes.filter((note) => note.includes('HSTS preload list of 2026-06-01'))).toHaveLength(1);
      expect(report.notes.join(' ')).not.toMatch(/no HSTS preload list/);
    }
    await reportOf(github());
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('leaves grades saying preload status is unknown when the file cannot be read', async () => {
    fetchMock.mockImplementation(async () => new Response('not found', { status: 404 }));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { reportOf } = await freshReports();
    const report = await reportOf(github());
    expect(report.observatory.tests['strict-transport-security'].result).not.toBe('hsts-preloaded');
    expect(report.notes.join(' ')).toMatch(/no HSTS preload list/);
    expect(report.observatory.tests['strict-transport-security'].notes.join(' ')).toMatch(/preload status unknown/);
  });

  it('refuses damaged bytes rather than answering from them', async () => {
    fetchMock.mockImplementation(async () => new Response(listBytes.subarray(0, 1000)));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { bundledHstsPreload } = await import('../../src/background/hsts-preload');
    expect(await bundledHstsPreload()).toBeNull();
  });

  describe('with Cache Storage', () => {
    /** A Cache Storage of one cache, in memory, as the extension's origin has. */
    function fakeCaches() {
      const entries = new Map<string, ArrayBuffer>();
      const cache = {
        match: async (url: string) => (entries.has(url) ? new Response(entries.get(url)) : undefined),
        put: async (url: string, response: Response) => void entries.set(url, await response.arrayBuffer()),
        keys: async () => [...entries.keys()].map((url) => new Request(url)),
        delete: async (request: Request) => entries.delete(request.url),
      };
      vi.stubGlobal('caches', { open: async () => cache });
      return entries;
    }
    const settle = () => new Promise((done) => setTimeout(done, 20));

    it('keeps the unpacked list, and a later worker answers the same from it without unpacking', async () => {
      const entries = fakeCaches();
      entries.set('https://tabgrade.invalid/hsts-preload/1-0.bin', new ArrayBuffer(1));
      fetchMock.mockImplementation(async () => new Response(listBytes));
      const first = await (await import('../../src/background/hsts-preload')).bundledHstsPreload();
      await settle();
      // Only this version's bytes are kept.
      expect([...entries.keys()]).toHaveLength(1);
      expect([...entries.keys()][0]).toMatch(/^https:\/\/tabgrade\.invalid\/hsts-preload\/\d+-[0-9a-f]+\.bin$/);

      vi.resetModules();
      const coder = await import('../../src/core/hsts-preload-coder');
      const unpack = vi.spyOn(coder, 'unpackHstsPreload');
      const second = await (await import('../../src/background/hsts-preload')).bundledHstsPreload();
      expect(unpack).not.toHaveBeenCalled();
      for (const host of ['github.com', 'web.dev', 'example.com', 'accounts.google.com']) expect(second?.entry(host), host).toBe(first?.entry(host));
      expect(second?.size).toBe(first?.size);
    });

    it('unpacks again when the kept bytes are damaged', async () => {
      const entries = fakeCaches();
      fetchMock.mockImplementation(async () => new Response(listBytes));
      await (await import('../../src/background/hsts-preload')).bundledHstsPreload();
      await settle();
      const [url] = [...entries.keys()];
      const damaged = new Uint8Array(entries.get(url ?? '') ?? new ArrayBuffer(0));
      const middle = damaged.length >> 1;
      damaged[middle] = (damaged[middle] ?? 0) ^ 0xff;
      entries.set(url ?? '', damaged.buffer);

      vi.resetModules();
      const coder = await import('../../src/core/hsts-preload-coder');
      const unpack = vi.spyOn(coder, 'unpackHstsPreload');
      const list = await (await import('../../src/background/hsts-preload')).bundledHstsPreload();
      expect(unpack).toHaveBeenCalledTimes(1);
      expect(list?.entry('github.com')).toBe(true);
    });
  });
});
