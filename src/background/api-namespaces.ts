/**
 * Sets up every API namespace of the browser's `browser` object once the worker has
 * handled its first event, off the path of its start.
 *
 * Until the polyfill was loaded through `require` (src/shared/browser-api.ts), the
 * bundler's interop did this as a side effect, at the very start: 9–12 ms of each cold
 * start. Without it, namespaces are set up when first used; and then page loads measured
 * 2–4 % slower against the listener floor, in A/B runs on this project's 2-core machine
 * (the light page, 50 interleaved loads per run, the same build with and without this
 * step). Why is not known: each namespace is set up once per worker life, and reading a
 * namespace again costs nothing. Setting them up here keeps both the faster start and the
 * loads of before.
 */
import browser from '../shared/browser-api';

let scheduled = false;

/**
 * Only in a service worker, Chromium's kind of background, where it was measured. Firefox
 * runs the same script as an event page, where no gain was seen. (This step was once
 * blamed for a flaky Firefox e2e test; the cause turned out to be a popup told the probes
 * were done before they had started, fixed in enrich.ts `enrichingForView`.)
 */
function inServiceWorker(): boolean {
  return typeof ServiceWorkerGlobalScope !== 'undefined' && globalThis instanceof ServiceWorkerGlobalScope;
}

export function setUpApiNamespacesSoon(): void {
  if (scheduled || !inServiceWorker()) return;
  scheduled = true;
  setTimeout(() => {
    try {
      // Reading a namespace's property descriptor is what makes the browser set it up.
      for (const name of Object.getOwnPropertyNames(browser)) Object.getOwnPropertyDescriptor(browser, name);
    } catch {
      // Only a warm-up: any namespace it misses is set up on first use as usual.
    }
  }, 0);
}
