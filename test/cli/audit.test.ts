/**
 * `tabgrade audit`'s clear failures before any browser starts. The audit itself runs in real
 * Chromium in test/e2e/audit.test.ts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEnvironment } from '../../src/cli/audit';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

interface Captured {
  io: CliIo;
  out: () => string;
  err: () => string;
}

function captureIo(): Captured {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (text) => void (out += text),
      stderr: (text) => void (err += text),
      readFile: () => Promise.reject(new Error('not used')),
      readStdin: () => Promise.resolve(''),
      writeFile: () => Promise.reject(new Error('not used')),
    },
    out: () => out,
    err: () => err,
  };
}

let built: string;
beforeAll(async () => {
  built = await mkdtemp(join(tmpdir(), 'tabgrade-fake-extension-'));
  await writeFile(join(built, 'manifest.json'), '{}');
});
afterAll(() => rm(built, { recursive: true, force: true }));

function environment(overrides: Partial<AuditEnvironment>): AuditEnvironment {
  return { extensionDir: built, env: { PATH: '' }, platform: 'linux', tabgradeVersion: 'test', ...overrides };
}

describe('tabgrade audit stops with one line when it cannot run', () => {
  it('says to build when the extension is missing', async () => {
    const run = captureIo();
    const code = await main(['audit', 'http://127.0.0.1:1/'], run.io, environment({ extensionDir: '/nonexistent/dist/chrome' }));
    expect(code).toBe(2);
    expect(run.err()).toBe('tabgrade: the extension is not built (no /nonexistent/dist/chrome/manifest.json); run `npm run build` in the Tabgrade folder first\n');
    expect(run.out()).toBe('');
  });

  it('names the browser path that does not exist', async () => {
    const run = captureIo();
    const code = await main(['audit', 'http://127.0.0.1:1/', '--browser', '/no/such/chrome'], run.io, environment({}));
    expect(code).toBe(2);
    expect(run.err()).toBe('tabgrade: no browser at /no/such/chrome (--browser)\n');
  });

  it('says how to install a browser when there is none', async () => {
    const run = captureIo();
    const code = await main(['audit', 'http://127.0.0.1:1/'], run.io, environment({ env: { CHROMIUM_PATH: '' }, platform: 'darwin' }));
    // macOS paths do not exist on the test machine, so nothing is found.
    expect(code).toBe(2);
    expect(run.err()).toBe('tabgrade: no Chromium or Chrome found: install Chromium or Chrome for Testing (npx @puppeteer/browsers install chrome@stable prints its path), then pass --browser PATH (or set CHROMIUM_PATH)\n');
  });
});
