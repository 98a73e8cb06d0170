/**
 * The bundled HSTS preload list for the command line. The CLI bundle carries it (the
 * committed `hsts-preload.json`, 500 KB of base64), so `tabgrade grade` needs no file beside
 * it; it is decoded the first time a page is graded. A list that cannot be read leaves the
 * grade saying that preload status is unknown.
 */
import bundled from '../core/data/hsts-preload.json' with { type: 'json' };
import { hstsPreloadContext, type HstsPreloadList } from '../core/hsts-preload';
import { unpackHstsPreload } from '../core/hsts-preload-coder';
import { decodeHstsPreload } from '../core/hsts-preload-compact';
import type { ObservatoryContext } from '../core/checks/observatory/types';

let list: HstsPreloadList | null | undefined;

/** The bundled list, decoded once; null when it cannot be read. */
export function bundledHstsPreload(): HstsPreloadList | null {
  if (list === undefined) {
    try {
      list = decodeHstsPreload(unpackHstsPreload(new Uint8Array(Buffer.from(bundled.data, 'base64'))));
    } catch {
      list = null;
    }
  }
  return list;
}

/** The Observatory context of every grade the CLI prints. */
export function cliObservatoryContext(): Partial<ObservatoryContext> {
  return hstsPreloadContext(bundledHstsPreload());
}
