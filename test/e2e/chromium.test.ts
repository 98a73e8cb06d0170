/** The cross-browser cases in Chromium (Chromium-only cases live in capture.test.ts and grade.test.ts). */
import { afterAll, beforeAll, describe } from 'vitest';
import { sharedCases } from './cases/shared';
import { startSharedSite, type SharedSite } from './cases/site';
import { chromiumDriver } from './support/chromium-driver';
import type { BrowserDriver } from './support/driver';

let driver: BrowserDriver;
let site: SharedSite;

beforeAll(async () => {
  [driver, site] = await Promise.all([chromiumDriver(), startSharedSite()]);
});

afterAll(async () => {
  await Promise.all([driver?.close(), site?.close()]);
});

describe('Chromium', () => {
  sharedCases(() => driver, () => site);
});
