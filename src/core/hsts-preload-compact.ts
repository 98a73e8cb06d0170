/**
 * The compact form of the HSTS preload list that Tabgrade ships, and its reader.
 *
 * Written by `scripts/build-hsts-preload.mjs` (with `scripts/lib/hsts-preload-format.mjs`)
 * from `data/hsts-preload/hsts-preload.tsv`; shipped packed by `hsts-preload-coder.ts`, which
 * gives these bytes back. Unpacked:
 *
 *   {"format":"tabgrade-hsts-preload","version":1,"source":…,"date":"2026-06-01","entries":N}\n
 *   N bytes: for each entry, how many leading characters it shares with the entry before it
 *   then, for each entry, the rest of its characters and `\n`, or `!\n` when the entry does
 *   not include subdomains
 *
 * Entries are host names with their labels reversed (`www.example.com` → `com.example.www`),
 * sorted by byte, so a domain's subdomains follow it and share its characters: stored this
 * way ("front coding") the 94,600 names take 0.9 MB instead of 1.5 MB, and the coder takes
 * them to about 371 KB (deflate: 440 KB). Reading rebuilds every name into one byte array (a few
 * milliseconds); a lookup is a binary search over it, without building strings.
 */
import type { HstsPreloadList } from './hsts-preload';

export const HSTS_PRELOAD_FORMAT = 'tabgrade-hsts-preload';
export const HSTS_PRELOAD_FORMAT_VERSION = 1;

const LINE_FEED = 0x0a;
const HOST_ONLY = 0x21; // '!'

export class HstsPreloadFormatError extends Error {
  override name = 'HstsPreloadFormatError';
}

interface Header {
  source: string;
  date: string | null;
  entries: number;
}

function readHeader(bytes: Uint8Array): { header: Header; end: number } {
  const end = bytes.indexOf(LINE_FEED);
  if (end === -1) throw new HstsPreloadFormatError('no header line');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(0, end)));
  } catch {
    throw new HstsPreloadFormatError('the header is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) throw new HstsPreloadFormatError('the header is not an object');
  const { format, version, source, date, entries } = parsed as Record<string, unknown>;
  if (format !== HSTS_PRELOAD_FORMAT || version !== HSTS_PRELOAD_FORMAT_VERSION) {
    throw new HstsPreloadFormatError(`not ${HSTS_PRELOAD_FORMAT} version ${HSTS_PRELOAD_FORMAT_VERSION}`);
  }
  if (typeof source !== 'string' || (date !== null && typeof date !== 'string') || typeof entries !== 'number' || !Number.isSafeInteger(entries) || entries < 0) {
    throw new HstsPreloadFormatError('the header lacks source, date or entries');
  }
  return { header: { source, date, entries }, end };
}

/**
 * Reads the unpacked compact form. Throws `HstsPreloadFormatError` on anything else —
 * including names out of order, which would make lookups miss: a list that loads answers
 * right or not at all.
 */
export function decodeHstsPreload(bytes: Uint8Array): HstsPreloadList {
  const { header, end } = readHeader(bytes);
  const count = header.entries;
  const sharedAt = end + 1;
  let at = sharedAt + count;
  if (at > bytes.length) throw new HstsPreloadFormatError('truncated');

  // Every name's characters, one after the other; name k is names[starts[k] .. starts[k + 1]).
  let total = 0;
  for (let k = 0; k < count; k++) total += bytes[sharedAt + k] ?? 0;
  const names = new Uint8Array(total + (bytes.length - at));
  const starts = new Int32Array(count + 1);
  const hostOnly: number[] = [];
  let length = 0;
  let previousStart = 0;
  let previousLength = 0;
  for (let k = 0; k < count; k++) {
    const shared = bytes[sharedAt + k] ?? 0;
    if (shared > previousLength) throw new HstsPreloadFormatError(`entry ${k} shares more than the entry before it has`);
    const start = length;
    // Plain loops: faster here than copyWithin or subarray + set on 94,600 short runs (measured).
    for (let i = 0; i < shared; i++) names[length++] = names[previousStart + i] ?? 0;
    let byte = bytes[at++];
    while (byte !== LINE_FEED && byte !== HOST_ONLY) {
      if (byte === undefined) throw new HstsPreloadFormatError('truncated');
      names[length++] = byte;
      byte = bytes[at++];
    }
    if (byte === HOST_ONLY) {
      hostOnly.push(k);
      if (bytes[at++] !== LINE_FEED) throw new HstsPreloadFormatError(`entry ${k}: "!" not followed by a line feed`);
    }
    // Sorted, no repeats: the first character after the shared part is larger than the one
    // the entry before had there (or the entry before ended there).
    if (length === start + shared || (k > 0 && shared < previousLength && (names[start + shared] ?? 0) <= (names[previousStart + shared] ?? 0))) {
      throw new HstsPreloadFormatError(`entry ${k} is out of order`);
    }
    starts[k] = start;
    previousStart = start;
    previousLength = length - start;
  }
  starts[count] = length;
  if (at !== bytes.length) throw new HstsPreloadFormatError('bytes left after the last entry');
  return new CompactHstsPreloadList(header.source, header.date, names.subarray(0, length), starts, new Set(hostOnly));
}

class CompactHstsPreloadList implements HstsPreloadList {
  readonly size: number;

  constructor(
    readonly source: string,
    readonly date: string | null,
    private readonly names: Uint8Array,
    private readonly starts: Int32Array,
    /** Indexes of the entries without include_subdomains (a few hundred). */
    private readonly hostOnly: ReadonlySet<number>,
  ) {
    this.size = starts.length - 1;
  }

  entry(name: string): boolean | undefined {
    const key = reversedLabels(name);
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = this.compare(key, middle);
      if (order === 0) return !this.hostOnly.has(middle);
      if (order < 0) high = middle - 1;
      else low = middle + 1;
    }
    return undefined;
  }

  /** `key` against entry `index`, by character code (the order the entries are sorted in). */
  private compare(key: string, index: number): number {
    const start = this.starts[index] ?? 0;
    const length = (this.starts[index + 1] ?? 0) - start;
    const shorter = Math.min(key.length, length);
    for (let i = 0; i < shorter; i++) {
      const difference = key.charCodeAt(i) - (this.names[start + i] ?? 0);
      if (difference !== 0) return difference;
    }
    return key.length - length;
  }
}

/** `www.example.com` → `com.example.www`. */
function reversedLabels(name: string): string {
  if (name.indexOf('.') === -1) return name;
  return name.split('.').reverse().join('.');
}
