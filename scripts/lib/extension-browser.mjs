// Launches Debian's Chromium (headless unless asked) with the built extension loaded and
// waits until its service worker has registered its listeners. Shared by the end-to-end
// tests, the demo and the screenshot script.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium-path.mjs';

async function waitForReadyWorker(context) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const worker = context.serviceWorkers().find((candidate) => candidate.url().startsWith('chrome-extension://'));
    if (worker === undefined) {
      await context.waitForEvent('serviceworker', { timeout: 2_000 }).catch(() => undefined);
      continue;
    }
    // Events that fire before the worker's listeners exist are lost: wait for its flag.
    const ready = await worker.evaluate(() => globalThis.tabgradeReady === true).catch(() => false);
    if (ready) return worker;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the extension service worker did not become ready within 20 s');
}

export async function launchExtensionContext(extensionDir, { headless = true, args = [] } = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`${extensionDir} has no manifest.json: run \`npm run build\` first`);
  const profile = await mkdtemp(join(tmpdir(), 'tabgrade-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...CHROMIUM_FLAGS, ...args],
  });
  const worker = await waitForReadyWorker(context);
  return {
    context,
    extensionId: new URL(worker.url()).host,
    worker,
    waitForReadyWorker: () => waitForReadyWorker(context),
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
