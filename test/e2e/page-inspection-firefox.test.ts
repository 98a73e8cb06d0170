/**
 * Page inspection in real Firefox ESR with dist/firefox installed: the main-world probe
 * (`scripting.executeScript` with `world: 'MAIN'`, Firefox 128+) finds both jQuery copies,
 * including the one a third-party widget injects a second after load, and the SRI table
 * lists the widget's tag. The Chromium file covers the other cases in depth.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserDriver, PopupView } from './support/driver';
import { firefoxDriver } from './support/firefox-driver';
import { html, startServer, type TestServer } from './support/server';

const require = createRequire(import.meta.url);
const JS: Array<[string, string]> = [['Content-Type', 'text/javascript']];

let driver: BrowserDriver;
let site: TestServer;
let other: TestServer;

beforeAll(async () => {
  [driver, site, other] = await Promise.all([firefoxDriver(), startServer(), startServer()]);
  const read = (path: string): Promise<string> => readFile(require.resolve(path), 'utf8');
  site.route('/vendor/jquery-3.7.1.min.js', { headers: JS, body: await read('jquery-3.7.1/dist/jquery.min.js') });
  other.route('/vendor/jquery-1.12.4.min.js', { headers: JS, body: await read('jquery-1.12.4/dist/jquery.min.js') });
  other.route('/widget/loader.js', { headers: JS, body: await readFile(new URL('../fixtures/site/widget-loader.js', import.meta.url), 'utf8') });
  const page = await readFile(new URL('../fixtures/site/two-jquery.html', import.meta.url), 'utf8');
  site.route('/two-jquery', html(page.replaceAll('{{WIDGET}}', other.altOrigin)));
});

afterAll(async () => {
  await Promise.all([driver?.close(), site?.close(), other?.close()]);
});

async function libraries(popup: PopupView): Promise<string[]> {
  const components = await popup.attributes('library-row', 'data-component');
  const versions = await popup.attributes('library-row', 'data-version');
  return components.map((component, index) => `${component ?? ''}@${versions[index] ?? ''}`).sort();
}

describe('Firefox: page inspection', () => {
  it('finds both jQuery copies, the widget’s injected after load, through the main-world probe', async () => {
    const page = await driver.open(`${site.origin}/two-jquery`);
    // The widget adds its jQuery one second after load; give it time before asking.
    await new Promise((wait) => setTimeout(wait, 1500));
    const popup = await driver.popupFor(page);
    await expect.poll(() => libraries(popup), { timeout: 20_000 }).toEqual(['jquery@1.12.4', 'jquery@3.7.1']);
    await expect.poll(async () => (await popup.texts('library-source')).join(' | '), { timeout: 10_000 }).toContain('runtime: window.widgetJQ.fn.jquery');
    expect((await popup.texts('library-source')).join(' | ')).toContain('runtime: window.jQuery.fn.jquery');
    const added = await popup.attributes('sri-row', 'data-added');
    const urls = await popup.attributes('sri-row', 'data-url');
    expect(added[urls.indexOf(`${other.altOrigin}/vendor/jquery-1.12.4.min.js`)]).toBe('added-after-load');
    await popup.close();
    await page.close();
  });
});
