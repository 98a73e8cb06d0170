/**
 * Runs the grading engine's script (`worker-core.ts`) the first time a report is needed.
 *
 * Chrome: the worker is a classic service worker, and `importScripts` is the only way it
 * can load code after its start (a module worker cannot `import()`). A service worker may
 * only import, after it was installed, the scripts it imported while it was being installed
 * — the browser keeps those with the worker — so `precacheWorkerCoreOnInstall` imports the
 * engine once in the `install` event of each version, and every later start of the worker
 * runs it from that copy when first asked (measured: the engine takes ~100 ms to compile
 * and set up; the worker's start, which each page wakes, no longer pays it).
 * Firefox: the background is an event page (a document): the script is added as an element.
 */
import type { WorkerCore } from './worker-core';
import { WORKER_CORE_FILE, WORKER_CORE_GLOBAL } from './worker-files';

const coreUrl = `/${WORKER_CORE_FILE}`;
/** Marked when the engine has run in this life (tests and `npm run bench` read it). */
export const WORKER_CORE_MEASURE = 'tabgrade:worker-core-load';
let loading: Promise<WorkerCore> | null = null;

function loadedCore(): WorkerCore | undefined {
  return (globalThis as Record<string, unknown>)[WORKER_CORE_GLOBAL] as WorkerCore | undefined;
}

function inServiceWorker(): boolean {
  return typeof importScripts === 'function' && typeof document === 'undefined';
}

function appendScript(): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = coreUrl;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${WORKER_CORE_FILE} did not load`));
    document.head.append(script);
  });
}

async function load(): Promise<WorkerCore> {
  if (loadedCore() === undefined) {
    const started = performance.now();
    if (inServiceWorker()) importScripts(coreUrl);
    else await appendScript();
    performance.measure(WORKER_CORE_MEASURE, { start: started });
  }
  const core = loadedCore();
  if (core === undefined) throw new Error(`${WORKER_CORE_FILE} ran but did not provide the grading engine`);
  return core;
}

/**
 * The grading engine, loaded once per life of the worker. A failure is not remembered, so
 * the next request tries again; the caller reports it (never a silent missing grade).
 */
export function loadWorkerCore(): Promise<WorkerCore> {
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** The engine when it has already been loaded in this life, for synchronous callers. */
export function workerCoreIfLoaded(): WorkerCore | undefined {
  return loadedCore();
}

/** Chrome only keeps the imports made while installing: make the engine one of them. */
export function precacheWorkerCoreOnInstall(): void {
  if (!inServiceWorker()) return;
  globalThis.addEventListener('install', () => {
    try {
      importScripts(coreUrl);
    } catch (error) {
      console.error('Tabgrade: the grading engine could not be stored with the worker.', error);
    }
  });
}
