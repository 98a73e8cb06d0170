/** The browser finder shared by `tabgrade audit`, the demo and the end-to-end tests. */
import { describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium, isBrandedChrome } from '../../scripts/lib/chromium-path.mjs';

const nothing = (): boolean => false;
const only = (path: string) => (candidate: string): boolean => candidate === path;

describe('findChromium', () => {
  it('takes --browser first, and says so when it does not exist', () => {
    const env = { CHROMIUM_PATH: '/env/chromium', PATH: '/usr/bin' };
    expect(findChromium({ browser: '/opt/chrome', env, platform: 'linux', exists: () => true })).toEqual({ ok: true, path: '/opt/chrome', source: 'option' });
    expect(findChromium({ browser: '/opt/chrome', env, platform: 'linux', exists: nothing })).toEqual({ ok: false, message: 'no browser at /opt/chrome (--browser)' });
  });

  it('then CHROMIUM_PATH, without falling back to another browser when it points nowhere', () => {
    expect(findChromium({ env: { CHROMIUM_PATH: '/env/chromium' }, platform: 'linux', exists: () => true })).toMatchObject({ ok: true, path: '/env/chromium', source: 'env' });
    expect(findChromium({ env: { CHROMIUM_PATH: '/env/chromium' }, platform: 'linux', exists: only('/usr/bin/chromium') })).toEqual({
      ok: false,
      message: 'no browser at /env/chromium (CHROMIUM_PATH)',
    });
  });

  it.each([
    ['linux', { PATH: '/home/me/bin:/usr/local/bin' }, '/usr/local/bin/google-chrome-stable'],
    ['linux', { PATH: '' }, '/snap/bin/chromium'],
    ['darwin', { HOME: '/Users/me' }, '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    ['darwin', { HOME: '/Users/me' }, '/Users/me/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    ['win32', { PROGRAMFILES: 'C:\\Program Files' }, 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
    ['win32', { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }, 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
    ['win32', { LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }, 'C:\\Users\\me\\AppData\\Local\\Chromium\\Application\\chrome.exe'],
  ] as const)('on %s with %j finds %s', (platform, env, path) => {
    expect(findChromium({ env, platform, exists: only(path) })).toEqual({ ok: true, path, source: 'search' });
  });

  it('prefers Chromium to Google Chrome on macOS and Windows, whose current releases ignore --load-extension', () => {
    expect(chromiumCandidates({ platform: 'darwin', env: {} })).toEqual([
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ]);
    expect(chromiumCandidates({ platform: 'win32', env: { LOCALAPPDATA: 'C:\\L' } })).toEqual(['C:\\L\\Chromium\\Application\\chrome.exe', 'C:\\L\\Google\\Chrome\\Application\\chrome.exe']);
  });

  it('prefers chromium over Chrome, and PATH over fixed places, on Linux', () => {
    const candidates = chromiumCandidates({ platform: 'linux', env: { PATH: '/usr/local/bin:/usr/bin' } });
    expect(candidates.slice(0, 3)).toEqual(['/usr/local/bin/chromium', '/usr/bin/chromium', '/usr/local/bin/chromium-browser']);
    expect(candidates).toContain('/snap/bin/chromium');
    expect(new Set(candidates).size).toBe(candidates.length);
  });

  it.each([
    ['linux', 'no Chromium or Chrome found: install it (Debian/Ubuntu: apt-get install chromium), or pass --browser PATH (or set CHROMIUM_PATH)'],
    ['darwin', 'no Chromium or Chrome found: install Chromium or Chrome for Testing (npx @puppeteer/browsers install chrome@stable prints its path), then pass --browser PATH (or set CHROMIUM_PATH)'],
    ['win32', 'no Chromium or Chrome found: install Chromium or Chrome for Testing (npx @puppeteer/browsers install chrome@stable prints its path), then pass --browser PATH (or set CHROMIUM_PATH)'],
  ] as const)('says how to get a browser on %s', (platform, message) => {
    expect(findChromium({ env: { PATH: '/usr/bin', HOME: '/home/me', PROGRAMFILES: 'C:\\Program Files' }, platform, exists: nothing })).toEqual({ ok: false, message });
  });
});

describe('isBrandedChrome', () => {
  it.each([
    ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', true],
    ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', true],
    ['/usr/bin/google-chrome-stable', true],
    ['/opt/google/chrome/chrome', true],
    ['/usr/bin/chromium', false],
    ['/snap/bin/chromium', false],
    ['/x/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing', false],
  ] as const)('%s → %s', (path, branded) => {
    expect(isBrandedChrome(path)).toBe(branded);
  });
});
