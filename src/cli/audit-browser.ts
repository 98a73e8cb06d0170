/**
 * Drives a real Chromium with the built extension for `tabgrade audit`: the extension is the
 * gatherer here exactly as in a user's browser, so the CLI grades what the popup would show.
 * This file only launches, navigates and asks the worker's automation hooks
 * (`src/background/automation.ts`) for the capture; it judges nothing.
 *
 * playwright-core is imported here only, and dynamically, so that `tabgrade grade` works
 * without it (see vite.cli.config.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import type { AutomationHooks } from '../background/automation';
import type { PageCapture } from '../core/capture';
import { CHROMIUM_FLAGS, isBrandedChrome } from '../../scripts/lib/chromium-path.mjs';
import { UsageError } from './args';

export interface BrowserAuditOptions {
  url: string;
  /** The unpacked extension (dist/chrome). */
  extensionDir: string;
  executablePath: string;
  /** How long to wait for the page's `load` event. */
  loadTimeoutMs: number;
  /** How long to keep watching after `load` for scripts the page adds late. */
  settleMs: number;
}

export interface BrowserAudit {
  /** What the extension captured for the tab; null if it saw nothing at all. */
  capture: PageCapture | null;
  /** True when `load` did not fire in time: the capture is what had arrived by then. */
  loadTimedOut: boolean;
  /** True when the extra requests (probes, served HTML) did not finish in time. */
  completionTimedOut: boolean;
  /** The browser's own navigation error (e.g. `net::ERR_CONNECTION_REFUSED`), if any. */
  navigationError: string | null;
}

/** Chromium to a ready worker took about 1.5 s here; 20 s covers a slow CI machine. */
const WORKER_READY_MS = 20_000;
/** Probes time out after 8 s each in the worker (probe-requests.ts) and run in parallel. */
const COMPLETION_MS = 15_000;
/** How long the worker may take to record a navigation error after the browser reported it. */
const SETTLE_MS = 2_000;

type Playwright = typeof import('playwright-core');

/** The worker's global, as automation.ts installs it. */
type WorkerGlobal = { tabgrade?: AutomationHooks };
type TabsGlobal = { chrome: { tabs: { query(query: object): Promise<Array<{ id?: number }>> } } };

async function loadPlaywright(): Promise<Playwright> {
  try {
    return await import('playwright-core');
  } catch {
    throw new UsageError('playwright-core is not installed; run `npm ci` in the Tabgrade folder (audit needs it to drive the browser)');
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Playwright's launch errors carry a long call log after the first line.
  return message.split('\n').find((line) => line.trim() !== '')?.trim() ?? message;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function readyWorker(context: BrowserContext, executablePath: string): Promise<Worker> {
  const deadline = Date.now() + WORKER_READY_MS;
  while (Date.now() < deadline) {
    const worker = context.serviceWorkers().find((candidate) => candidate.url().startsWith('chrome-extension://'));
    if (worker === undefined) {
      await context.waitForEvent('serviceworker', { timeout: 2_000 }).catch(() => undefined);
      continue;
    }
    // Navigation events that fire before the worker's listeners exist are lost: wait for its flag.
    const ready = await worker.evaluate(() => (globalThis as WorkerGlobal).tabgrade?.ready === true).catch(() => false);
    if (ready) return worker;
    await sleep(50);
  }
  throw new UsageError(
    isBrandedChrome(executablePath)
      ? `the Tabgrade extension did not load in ${executablePath}: Google Chrome 137 and later ignore --load-extension; use Chromium or Chrome for Testing (--browser PATH)`
      : `the Tabgrade extension did not start in ${executablePath} within ${WORKER_READY_MS / 1000} s; rebuild it with \`npm run build\``,
  );
}

function tabIds(worker: Worker): Promise<number[]> {
  return worker.evaluate(async () => {
    const tabs = await (globalThis as unknown as TabsGlobal).chrome.tabs.query({});
    return tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  });
}

/** The extension's id for a page opened after `before` was read: the one tab that is new. */
async function newTabId(worker: Worker, before: readonly number[]): Promise<number> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const added = (await tabIds(worker)).filter((id) => !before.includes(id));
    if (added.length === 1 && added[0] !== undefined) return added[0];
    if (Date.now() > deadline) throw new Error('could not tell which browser tab the audit opened');
    await sleep(50);
  }
}

function getCapture(worker: Worker, tabId: number): Promise<PageCapture | null> {
  return worker.evaluate((id) => {
    const hooks = (globalThis as WorkerGlobal).tabgrade;
    return hooks === undefined ? null : hooks.getCapture(id);
  }, tabId);
}

/** Waits until the worker has recorded the end of a failed navigation (or gives up quietly). */
async function settledCapture(worker: Worker, tabId: number): Promise<PageCapture | null> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const capture = await getCapture(worker, tabId);
    if (capture !== null && (capture.error !== null || capture.document !== null)) return capture;
    if (Date.now() > deadline) return capture;
    await sleep(50);
  }
}

/** `complete(tabId)` bounded in time: the completed capture, or `timed-out`. */
async function completeWithin(worker: Worker, tabId: number, ms: number): Promise<PageCapture | null | 'timed-out'> {
  const completion = worker.evaluate((id) => {
    const hooks = (globalThis as WorkerGlobal).tabgrade;
    return hooks === undefined ? null : hooks.complete(id);
  }, tabId);
  // Closing the browser rejects an abandoned evaluation; that is expected, not an error.
  completion.catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timed-out'>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), ms);
  });
  try {
    return await Promise.race([completion, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function launch(playwright: Playwright, options: BrowserAuditOptions, profile: string): Promise<BrowserContext> {
  try {
    return await playwright.chromium.launchPersistentContext(profile, {
      executablePath: options.executablePath,
      headless: true,
      args: [`--disable-extensions-except=${options.extensionDir}`, `--load-extension=${options.extensionDir}`, ...CHROMIUM_FLAGS],
    });
  } catch (error) {
    throw new UsageError(`cannot start the browser at ${options.executablePath}: ${firstLine(error)}`);
  }
}

/** Opens `url` in a fresh headless profile with the extension loaded and returns its capture. */
export async function auditInBrowser(options: BrowserAuditOptions): Promise<BrowserAudit> {
  const playwright = await loadPlaywright();
  // A fresh profile: no cookies, cache or settings from the user's browsing change the grade.
  const profile = await mkdtemp(join(tmpdir(), 'tabgrade-audit-'));
  try {
    const context = await launch(playwright, options, profile);
    try {
      const worker = await readyWorker(context, options.executablePath);
      const before = await tabIds(worker);
      const page = await context.newPage();
      const tabId = await newTabId(worker, before);

      let loadTimedOut = false;
      let navigationError: string | null = null;
      try {
        await page.goto(options.url, { waitUntil: 'load', timeout: options.loadTimeoutMs });
        // The content script keeps recording tags added after load; give late widgets their moment.
        if (options.settleMs > 0) await page.waitForTimeout(options.settleMs);
      } catch (error) {
        if (error instanceof playwright.errors.TimeoutError) loadTimedOut = true;
        else navigationError = firstLine(error);
      }

      const settled = await settledCapture(worker, tabId);
      if (settled === null || settled.document === null) {
        return { capture: settled, loadTimedOut, completionTimedOut: false, navigationError };
      }
      const completed = await completeWithin(worker, tabId, COMPLETION_MS);
      if (completed === 'timed-out') {
        return { capture: await getCapture(worker, tabId), loadTimedOut, completionTimedOut: true, navigationError };
      }
      return { capture: completed, loadTimedOut, completionTimedOut: false, navigationError };
    } finally {
      await context.close().catch(() => undefined);
    }
  } finally {
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
}
