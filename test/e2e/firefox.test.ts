/** The cross-browser cases in real Firefox ESR with dist/firefox installed. */
import { afterAll, beforeAll, describe } from 'vitest';
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
