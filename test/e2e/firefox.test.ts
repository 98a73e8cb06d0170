/** The cross-browser cases in real Firefox ESR with dist/firefox installed. */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedCases } from './cases/shared';
import { KNOWN_GRADE, startSharedSite, type SharedSite } from './cases/site';
import type { BrowserDriver } from './support/driver';
import { FIREFOX_DOWNLOADS, firefoxDriver } from './support/firefox-driver';

let driver: BrowserDriver;
let site: SharedSite;

beforeAll(async () => {
  [driver, site] = await Promise.all([firefoxDriver(), startSharedSite()]);
});

afterAll(async () => {
  await Promise.all([driver?.close(), site?.close()]);
});

describe('Firefox', () => {
  sharedCases(() => driver, () => site);
});

describe('Firefox only', () => {
  it('exports the JSON report and the Markdown checklist from the popup', async () => {
    const { site: server } = site;
    const page = await driver.open(`${server.origin}/known`);
    const popup = await driver.popupFor(page);
    await expect.poll(() => popup.texts('grade')).toEqual([KNOWN_GRADE.grade]);
    await expect.poll(() => popup.texts('download-json'), { timeout: 10_000 }).toHaveLength(1);
    await mkdir(FIREFOX_DOWNLOADS, { recursive: true });
    const before = new Set(await readdir(FIREFOX_DOWNLOADS));
    await popup.click('download-json');
    await popup.click('download-markdown');
    const fresh = async () => (await readdir(FIREFOX_DOWNLOADS)).filter((name) => !before.has(name) && !name.endsWith('.part'));
    await expect.poll(async () => (await fresh()).sort().map((name) => name.split('.').pop()), { timeout: 15_000 }).toEqual(['json', 'md']);
    const files = await fresh();
    const read = (extension: string) => readFile(join(FIREFOX_DOWNLOADS, files.find((name) => name.endsWith(extension)) ?? ''), 'utf8');
    // A download's file appears before its last bytes are written.
    await expect.poll(() => read('.md'), { timeout: 10_000 }).toMatch(/^- \[ \] /m);
    await expect.poll(() => read('.json').then((text) => text.trim().endsWith('}')), { timeout: 10_000 }).toBe(true);
    const json = JSON.parse(await read('.json')) as { grade: string; score: number };
    expect([json.grade, String(json.score)]).toEqual([KNOWN_GRADE.grade, KNOWN_GRADE.score]);
    await popup.close();
    await page.close();
  });

  it('asks for site access, with a one-click grant, when host permissions are not granted', async () => {
    const { site: server } = site;
    const page = await driver.open(`${server.origin}/known`);
    const popup = await driver.popupFor(page);
    await expect.poll(() => popup.texts('grade')).toHaveLength(1);
    // Firefox's MV3 host permissions are optional: take them away as a user can.
    await popup.evaluate(async () => {
      type PermissionsApi = { permissions: { remove(request: { origins: string[] }): Promise<boolean> } };
      await (globalThis as unknown as { browser: PermissionsApi }).browser.permissions.remove({ origins: ['http://*/*', 'https://*/*'] });
    }, null);
    await expect.poll(() => popup.texts('grant-access'), { timeout: 10_000 }).toEqual(['Grant access']);
    expect((await popup.texts('needs-access'))[0]).toContain('needs access');
    await popup.close();
    await page.close();
  });
});
