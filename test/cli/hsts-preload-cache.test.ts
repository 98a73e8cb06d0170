/**
 * The CLI keeps the unpacked HSTS preload list in the user's cache directory: the first run
 * unpacks and writes it, later runs read it (checked against the packed list's length and
 * hash), and damaged or unwritable caches only mean unpacking again.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let cacheHome: string;
beforeEach(() => {
  cacheHome = mkdtempSync(join(tmpdir(), 'tabgrade-cache-'));
  vi.stubEnv('XDG_CACHE_HOME', cacheHome);
  vi.resetModules();
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(cacheHome, { recursive: true, force: true });
});

async function freshRun() {
  vi.resetModules();
  const coder = await import('../../src/core/hsts-preload-coder');
  const unpack = vi.spyOn(coder, 'unpackHstsPreload');
  const { bundledHstsPreload } = await import('../../src/cli/hsts-preload');
  return { list: bundledHstsPreload(), unpack };
}

describe('the CLI’s HSTS preload cache', () => {
  it('unpacks on the first run only, and later runs answer the same', async () => {
    const first = await freshRun();
    expect(first.unpack).toHaveBeenCalledTimes(1);
    const files = readdirSync(join(cacheHome, 'tabgrade'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^hsts-preload-\d+-[0-9a-f]+\.bin$/);
    const second = await freshRun();
    expect(second.unpack).not.toHaveBeenCalled();
    for (const host of ['github.com', 'web.dev', 'example.com']) expect(second.list?.entry(host), host).toBe(first.list?.entry(host));
  });

  it('unpacks again when the kept file is damaged', async () => {
    await freshRun();
    const file = join(cacheHome, 'tabgrade', readdirSync(join(cacheHome, 'tabgrade'))[0] ?? '');
    const bytes = readFileSync(file);
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    const run = await freshRun();
    expect(run.unpack).toHaveBeenCalledTimes(1);
    expect(run.list?.entry('github.com')).toBe(true);
  });

  it('still grades when the cache directory cannot be written', async () => {
    // A cache directory below a plain file: no directory can be made there, even by root.
    const blocker = join(cacheHome, 'not-a-directory');
    writeFileSync(blocker, '');
    vi.stubEnv('XDG_CACHE_HOME', blocker);
    const run = await freshRun();
    expect(run.unpack).toHaveBeenCalledTimes(1);
    expect(run.list?.entry('github.com')).toBe(true);
    expect(readdirSync(cacheHome)).toEqual(['not-a-directory']);
  });
});
