/**
 * The bundled HSTS preload list for the command line. The CLI bundle carries it (the
 * committed `hsts-preload.json`, 500 KB of base64), so `tabgrade grade` needs no file beside
 * it; it is decoded the first time a page is graded. A list that cannot be read leaves the
 * grade saying that preload status is unknown.
 *
 * Unpacking takes ~100 ms; as the extension does with Cache Storage, the unpacked bytes are
 * kept — in the user's cache directory (`$XDG_CACHE_HOME/tabgrade`, else `~/.cache/tabgrade`),
 * named by the packed list's announced length and hash and checked against them when read —
 * so that only the first run of each version unpacks. A cache that cannot be read or
 * written only means unpacking again.
 */
import bundled from '../core/data/hsts-preload.json' with { type: 'json' };
import { hstsPreloadContext, type HstsPreloadList } from '../core/hsts-preload';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { matchesIdentity, packedIdentity, unpackHstsPreload, type PackedIdentity } from '../core/hsts-preload-coder';
import { decodeHstsPreload } from '../core/hsts-preload-compact';
import type { ObservatoryContext } from '../core/checks/observatory/types';

let list: HstsPreloadList | null | undefined;

function cacheFile(identity: PackedIdentity): string {
  const base = process.env.XDG_CACHE_HOME !== undefined && process.env.XDG_CACHE_HOME !== '' ? process.env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'tabgrade', `hsts-preload-${identity.length}-${identity.hash.toString(16)}.bin`);
}

function keptBytes(identity: PackedIdentity): Uint8Array | null {
  try {
    const bytes = new Uint8Array(readFileSync(cacheFile(identity)));
    return matchesIdentity(bytes, identity) ? bytes : null;
  } catch {
    return null;
  }
}

function keep(identity: PackedIdentity, bytes: Uint8Array): void {
  try {
    const file = cacheFile(identity);
    mkdirSync(join(file, '..'), { recursive: true });
    // Written beside, then renamed: a run reading it meanwhile never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
  } catch {
    // A read-only or full disk: the next run unpacks again.
  }
}

/** The bundled list, decoded once; null when it cannot be read. */
export function bundledHstsPreload(): HstsPreloadList | null {
  if (list === undefined) {
    try {
      const packed = new Uint8Array(Buffer.from(bundled.data, 'base64'));
      const identity = packedIdentity(packed);
      const kept = identity === null ? null : keptBytes(identity);
      const bytes = kept ?? unpackHstsPreload(packed);
      list = decodeHstsPreload(bytes);
      if (kept === null && identity !== null) keep(identity, bytes);
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
