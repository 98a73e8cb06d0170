/**
 * The bundled HSTS preload list, loaded the first time the worker grades a page and kept
 * for the worker's life. It is a file of the extension (`HSTS_PRELOAD_FILE`, 371 KB packed by
 * `hsts-preload-coder.ts`), not part of the worker's script: starting the worker, and opening
 * the popup, cost nothing. Reports wait for it (`reports.ts`), so no grade is computed before
 * the list is known; a list that fails to load leaves the grade saying that preload status
 * is unknown.
 *
 * Unpacking takes ~70–120 ms (measured on this project's machines: the coder's context
 * tables do not fit the processor's caches), too long to pay at every start of a worker the
 * browser stops after 30 idle seconds. So the unpacked bytes (886 KB) are kept in the
 * extension's Cache Storage, keyed by the packed file's announced length and hash and
 * checked against them when read: after the first load of each version, a load is a cache
 * read, a hash and the decode. Nothing leaves the browser; a cache that is missing, full or
 * damaged only means unpacking again. That first load is made when the extension is
 * installed or updated (`runtime.onInstalled`, index.ts), so no report waits for the unpack.
 */
import browser from '../shared/browser-api';
import type { HstsPreloadList } from '../core/hsts-preload';
import { matchesIdentity, packedIdentity, unpackHstsPreload, type PackedIdentity } from '../core/hsts-preload-coder';
import { decodeHstsPreload } from '../core/hsts-preload-compact';
import { HSTS_PRELOAD_FILE } from './hsts-preload-file';

const CACHE_NAME = 'tabgrade-hsts-preload';
/** The Cache API keys by http(s) URL; this one is only a name, never fetched. */
const cacheUrl = (identity: PackedIdentity) => `https://tabgrade.invalid/hsts-preload/${identity.length}-${identity.hash.toString(16)}.bin`;
/** For `npm run bench`: how long each load of the list took, and whether it was unpacked. */
export const HSTS_PRELOAD_LOAD_MEASURE = 'tabgrade:hsts-preload-load';

let loading: Promise<HstsPreloadList | null> | null = null;

function cacheStorage(): CacheStorage | null {
  return typeof caches === 'undefined' ? null : caches;
}

async function keptBytes(identity: PackedIdentity): Promise<Uint8Array | null> {
  try {
    const cache = await cacheStorage()?.open(CACHE_NAME);
    const response = await cache?.match(cacheUrl(identity));
    if (response === undefined) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    return matchesIdentity(bytes, identity) ? bytes : null;
  } catch {
    return null;
  }
}

/** Keeps the unpacked bytes, and drops what earlier versions kept. */
async function keep(identity: PackedIdentity, bytes: Uint8Array): Promise<void> {
  const cache = await cacheStorage()?.open(CACHE_NAME);
  if (cache === undefined) return;
  const url = cacheUrl(identity);
  for (const request of await cache.keys()) if (request.url !== url) await cache.delete(request);
  await cache.put(url, new Response(bytes.slice().buffer, { headers: { 'content-type': 'application/octet-stream' } }));
}

/** Why the list was first loaded in this life: for a report, or to prepare it at install. */
export type HstsPreloadPurpose = 'report' | 'install';

async function load(purpose: HstsPreloadPurpose): Promise<HstsPreloadList> {
  const started = performance.now();
  const response = await fetch(browser.runtime.getURL(HSTS_PRELOAD_FILE));
  if (!response.ok) throw new Error(`HSTS preload list: HTTP ${response.status}`);
  const packed = new Uint8Array(await response.arrayBuffer());
  const identity = packedIdentity(packed);
  const kept = identity === null ? null : await keptBytes(identity);
  const bytes = kept ?? unpackHstsPreload(packed);
  const list = decodeHstsPreload(bytes);
  if (kept === null && identity !== null) void keep(identity, bytes).catch(() => undefined);
  performance.measure(HSTS_PRELOAD_LOAD_MEASURE, { start: started, detail: { unpacked: kept === null, purpose } });
  return list;
}

/** The list, or null when it could not be loaded (said once in the worker's console). */
export function bundledHstsPreload(purpose: HstsPreloadPurpose = 'report'): Promise<HstsPreloadList | null> {
  loading ??= load(purpose).catch((error: unknown) => {
    console.error('Tabgrade: the HSTS preload list did not load; grades will say preload status is unknown.', error);
    return null;
  });
  return loading;
}
