/**
 * What `npm start` and `npm test` do about missing browsers (scripts/ensure-browsers.mjs
 * follows `setupPlan`), on a pretend file system: install with apt-get when they can, else
 * stop with one line that says what to run.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findTool, missingLine, requireTool, setupPlan } from '../../scripts/lib/system-requirements.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEBIAN = { platform: 'linux' as const, env: { PATH: '/usr/local/bin:/usr/bin:/bin' } };

/** A machine where only `files` exist. */
function machine(...files: string[]) {
  const present = new Set(files);
  return { ...DEBIAN, exists: (path: string) => present.has(path) };
}

const EVERYTHING = machine('/usr/bin/chromium', '/usr/bin/firefox-esr', '/usr/bin/openssl');

describe('setupPlan', () => {
  it('is ready when the job has what it needs, and start needs only Chromium', () => {
    expect(setupPlan('test', EVERYTHING)).toEqual({ kind: 'ready' });
    expect(setupPlan('start', machine('/usr/bin/chromium'))).toEqual({ kind: 'ready' });
  });

  it('installs what is missing with apt-get as root on Debian, fonts with Chromium', () => {
    expect(setupPlan('test', { ...machine('/usr/bin/openssl'), root: true, aptGet: true })).toEqual({
      kind: 'install',
      names: ['chromium', 'firefox'],
      packages: ['chromium', 'fonts-liberation', 'firefox-esr'],
    });
  });

  it('otherwise stops with the one line to run, naming what each missing tool is for', () => {
    expect(setupPlan('test', machine())).toEqual({
      kind: 'stop',
      line:
        'Tabgrade needs Chromium (the audit (npm start) and the Chromium tests), Firefox ESR (the Firefox tests), openssl (the HTTPS test server): ' +
        'run `sudo apt-get install -y chromium firefox-esr openssl` (or set CHROMIUM_PATH / FIREFOX_PATH to one you have)',
    });
    // Root without apt-get (another distribution): the same line, without sudo.
    expect(setupPlan('start', { ...machine(), root: true, aptGet: false })).toEqual({
      kind: 'stop',
      line: 'Tabgrade needs Chromium (the audit (npm start) and the Chromium tests): run `apt-get install -y chromium` (or set CHROMIUM_PATH to one you have)',
    });
  });

  it('does not install over a path the user set that does not exist: the variable is wrong', () => {
    const plan = setupPlan('test', { ...EVERYTHING, env: { ...DEBIAN.env, FIREFOX_PATH: '/opt/ff/firefox' }, root: true, aptGet: true });
    expect(plan).toEqual({ kind: 'stop', line: 'Tabgrade: no Firefox ESR at /opt/ff/firefox (FIREFOX_PATH); fix the variable or unset it' });
  });
});

describe('findTool', () => {
  it('finds Firefox and openssl on PATH too, and honours FIREFOX_PATH', () => {
    expect(findTool('firefox', machine('/usr/local/bin/firefox'))).toEqual({ ok: true, path: '/usr/local/bin/firefox' });
    expect(findTool('openssl', machine('/usr/local/bin/openssl'))).toEqual({ ok: true, path: '/usr/local/bin/openssl' });
    expect(findTool('firefox', { ...machine('/usr/bin/firefox-esr', '/opt/ff'), env: { FIREFOX_PATH: '/opt/ff' } })).toEqual({ ok: true, path: '/opt/ff' });
  });
});

describe('requireTool (the end-to-end suites)', () => {
  it('throws the one-line hint instead of letting a suite skip', () => {
    expect(() => requireTool('firefox', { ...machine(), root: false })).toThrow(
      new Error('Tabgrade needs Firefox ESR (the Firefox tests): run `sudo apt-get install -y firefox-esr` (or set FIREFOX_PATH to one you have)'),
    );
    expect(requireTool('openssl', machine('/usr/bin/openssl'))).toBe('/usr/bin/openssl');
    expect(missingLine(['openssl'], { root: true })).toBe('Tabgrade needs openssl (the HTTPS test server): run `apt-get install -y openssl`');
  });
});

describe('scripts/ensure-browsers.mjs', () => {
  it('says nothing on standard output, and stops at once on a wrong CHROMIUM_PATH', () => {
    const run = spawnSync(process.execPath, ['scripts/ensure-browsers.mjs', 'start'], { cwd: ROOT, env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('Tabgrade: no browser at /nonexistent/chromium (CHROMIUM_PATH); fix the variable or unset it\n');
  });
});
