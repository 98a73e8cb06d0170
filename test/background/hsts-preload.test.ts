/**
 * The worker's HSTS preload list: fetched from the extension's own file on the first
 * report (never when the worker starts), inflated and decoded once; every report waits for
 * it, and a list that fails to load gives grades that say preload status is unknown.
 * `fetch` serves the bytes the extension build writes (the committed list's data).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import bundled from '../../src/core/data/hsts-preload.json' with { type: 'json' };
import { captureFrom } from '../helpers/fixtures';

vi.mock('webextension-polyfill', () => ({
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

const github = () => captureFrom({ url: 'https://github.com/', headers: [{ name: 'content-type', value: 'text/html' }] });

describe('the worker’s HSTS preload list', () => {
  it('is fetched from the extension’s file on the first report only, and every report uses it', async () => {
    fetchMock.mockImplementation(async () => new Response(listBytes));
    const { reportOf } = await import('../../src/background/reports');
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
    const { reportOf } = await import('../../src/background/reports');
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
});
