/** The cross-browser cases in real Firefox ESR with dist/firefox installed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedCases } from './cases/shared';
import { startSharedSite, type SharedSite } from './cases/site';
import type { BrowserDriver } from './support/driver';
import { firefoxDriver } from './support/firefox-driver';

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
