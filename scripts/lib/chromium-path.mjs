// Finding a Chromium or Chrome to drive: the end-to-end tests, the demo and `tabgrade audit`
// all use this one list, so "which browser runs" has one answer. Order: an explicit path
// (`--browser`), then CHROMIUM_PATH, then the usual install places for the platform,
// Chromium before Google Chrome: branded Google Chrome ignores --load-extension since
// version 137, so it can only audit with an older release.
// Plain ES module (no TypeScript) because the scripts run it directly with Node; the CLI
// bundles it. Types are in chromium-path.d.mts.
import { existsSync, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';

/** Program names looked up on PATH on Linux and other Unix systems, best first. */
const UNIX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Where Linux distributions put them when PATH does not say (a service, a bare shell). */
const UNIX_FIXED = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
];

const MAC_APPS = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome'];

/** Relative to Program Files, Program Files (x86) and the per-user LOCALAPPDATA. */
const WINDOWS_INSTALLS = ['Chromium\\Application\\chrome.exe', 'Google\\Chrome\\Application\\chrome.exe'];

/** Every place worth looking on `platform`, best first, without checking that they exist. */
export function chromiumCandidates({ platform = process.platform, env = process.env } = {}) {
  if (platform === 'darwin') {
    const roots = ['/Applications', ...(env.HOME ? [posix.join(env.HOME, 'Applications')] : [])];
    return roots.flatMap((root) => MAC_APPS.map((app) => posix.join(root, app)));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root) => root !== undefined && root !== '');
    return roots.flatMap((root) => WINDOWS_INSTALLS.map((install) => win32.join(root, install)));
  }
  const onPath = (env.PATH ?? '').split(':').filter((dir) => dir !== '');
  const found = UNIX_NAMES.flatMap((name) => onPath.map((dir) => posix.join(dir, name)));
  return [...new Set([...found, ...UNIX_FIXED])];
}

/** How to get a browser on `platform`, in one sentence. */
export function installHint(platform = process.platform) {
  if (platform === 'darwin' || platform === 'win32') {
    // Chrome for Testing loads unpacked extensions; current Google Chrome does not.
    return 'install Chromium or Chrome for Testing (npx @puppeteer/browsers install chrome@stable prints its path), then pass --browser PATH (or set CHROMIUM_PATH)';
  }
  return 'install it (Debian/Ubuntu: apt-get install chromium), or pass --browser PATH (or set CHROMIUM_PATH)';
}

/** True for Google's branded Chrome, which no longer loads an extension named on the command line. */
export function isBrandedChrome(path) {
  // `Google Chrome.app`, `google-chrome-stable`, `/opt/google/chrome/chrome`, `Google\\Chrome\\Application\\chrome.exe`.
  return /google[ -]chrome|[\\/]google[\\/]chrome[\\/]/i.test(path) && !/for testing/i.test(path);
}

function isFile(path) {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The browser to launch: `{ ok: true, path, source }`, or `{ ok: false, message }` with a
 * sentence saying what to do. A path the user named that does not exist is an error rather
 * than a silent fallback, so they never audit with another browser than the one they chose.
 */
export function findChromium({ browser = null, platform = process.platform, env = process.env, exists = isFile } = {}) {
  if (browser !== null && browser !== undefined) {
    return exists(browser) ? { ok: true, path: browser, source: 'option' } : { ok: false, message: `no browser at ${browser} (--browser)` };
  }
  if (env.CHROMIUM_PATH) {
    return exists(env.CHROMIUM_PATH)
      ? { ok: true, path: env.CHROMIUM_PATH, source: 'env' }
      : { ok: false, message: `no browser at ${env.CHROMIUM_PATH} (CHROMIUM_PATH)` };
  }
  const path = chromiumCandidates({ platform, env }).find((candidate) => exists(candidate));
  return path === undefined
    ? { ok: false, message: `no Chromium or Chrome found: ${installHint(platform)}` }
    : { ok: true, path, source: 'search' };
}

/** Where the browser tests run: Debian's chromium unless CHROMIUM_PATH says otherwise. Throws when none. */
export function chromiumPath() {
  const found = findChromium();
  if (!found.ok) throw new Error(found.message);
  return found.path;
}

// Without the background-networking flags Chromium keeps trying Google's hosts, which this
// closed network refuses; --no-sandbox because CI runs as root.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
