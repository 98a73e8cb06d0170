/**
 * The bundled HSTS preload list, loaded the first time the worker grades a page and kept
 * for the worker's life. It is a file of the extension (`HSTS_PRELOAD_FILE`, deflated), not
 * part of the worker's script: starting the worker, and opening the popup, cost nothing.
 * Reports wait for it (`reports.ts`), so no grade is computed before the list is known; a
 * list that fails to load leaves the grade saying that preload status is unknown.
 */
import browser from 'webextension-polyfill';
import type { HstsPreloadList } from '../core/hsts-preload';
import { decodeHstsPreload } from '../core/hsts-preload-compact';
import { HSTS_PRELOAD_FILE } from './hsts-preload-file';

let loading: Promise<HstsPreloadList | null> | null = null;

async function load(): Promise<HstsPreloadList> {
  const response = await fetch(browser.runtime.getURL(HSTS_PRELOAD_FILE));
  if (!response.ok || response.body === null) throw new Error(`HSTS preload list: HTTP ${response.status}`);
  const inflated = new Response(response.body.pipeThrough(new DecompressionStream('deflate-raw')));
  return decodeHstsPreload(new Uint8Array(await inflated.arrayBuffer()));
}

/** The list, or null when it could not be loaded (said once in the worker's console). */
export function bundledHstsPreload(): Promise<HstsPreloadList | null> {
  loading ??= load().catch((error: unknown) => {
    console.error('Tabgrade: the HSTS preload list did not load; grades will say preload status is unknown.', error);
    return null;
  });
  return loading;
}
