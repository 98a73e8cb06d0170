import type { BrowserContext, Worker } from 'playwright-core';

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Waits for a (re)started worker to be ready and returns it. */
  waitForReadyWorker(): Promise<Worker>;
  close(): Promise<void>;
}

export function launchExtensionContext(extensionDir: string, options?: { headless?: boolean; args?: string[] }): Promise<LaunchedExtension>;
