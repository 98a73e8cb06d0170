/**
 * The packed form of the HSTS preload list (what Tabgrade ships), and its unpacker.
 *
 * `scripts/lib/hsts-preload-coder.mjs` packs the uncompressed compact form of
 * `hsts-preload-compact.ts` ("v1", 0.9 MB) with a coder made for it; `unpackHstsPreload`
 * gives back the exact v1 bytes, which `decodeHstsPreload` then reads. Deflate took v1 to
 * 440 KB; this takes it to about 371 KB.
 *
 * Why a coder of our own: what predicts a character of a host name is the few characters
 * before it (`com.exa` → `m`) and, for the first character after the part an entry shares
 * with the entry before it, that entry's character there (the list is sorted: it is
 * larger). Deflate can only copy strings it has seen. Here each character is taken apart
 * into yes/no decisions down a binary tree shaped by the character before it (likely
 * characters are fewer decisions: 3.4 million for the real list rather than 3.8), each
 * decision is predicted from the 3 characters before it, and a binary range coder spends
 * on it what the prediction says it is worth. Predictions adapt as they go, fast while a
 * context is new (see `learningSteps`), and a context seen for the first time starts from
 * what the packer measured for the character before it (`priors`), not from one half: that
 * is most of the gain of also consulting shorter contexts (measured: 383 KB without priors,
 * 375 KB choosing between orders 3 and 2, 371 KB with priors), at none of the cost — one
 * prediction read and written per decision keeps unpacking fast.
 *
 * Layout (numbers little-endian):
 *
 *   4 bytes   "tgh1"
 *   u32       number of entries N
 *   u32       length of the v1 form
 *   u32       hash of the v1 form (`hashBytes`), checked after unpacking
 *   u16       length of v1's header line, then that line (its JSON and `\n`) as is
 *   2 bytes   the model's parameters: adaptation limit, observations a prior counts as
 *   1,708 B   code lengths (1..15), two to a byte, low half first: of the 40 symbols in each
 *             of 79 trees — one per character (38), the tree of the character after it, and
 *             one per `above` (41: a character, or none), the tree of a name's first character
 *             after the shared part — then of the 256 shared-prefix lengths
 *   1,520 B   priors: for each character (38) and node of its tree (40), the probability of
 *             a 0 (0..63, of 64) that a new context after that character starts from
 *   the rest  the range coder's bytes: for each entry, its shared-prefix length, then the
 *             symbols of the rest of its name, the last one being the end of the name
 *
 * Symbols: `-` `.` `0`–`9` `a`–`z` (0–37, byte order), end (38: `\n`), end of an entry
 * without include_subdomains (39: `!\n`). Unpacking refuses, with `HstsPreloadFormatError`,
 * anything that does not unpack to exactly the announced number of bytes with the announced
 * hash; it always ends, since nothing is written past the announced length.
 */
import { HstsPreloadFormatError } from './hsts-preload-compact';

/** `-.0-9a-z`, in byte order. */
const ALPHABET = '-.0123456789abcdefghijklmnopqrstuvwxyz';
const END = 38;
const END_HOST_ONLY = 39;
const SYMBOLS = 40;
/** The context symbol before the start of a name. */
const NONE = 40;
const CONTEXTS = 41;
const SHARED_VALUES = 256;
const MAX_NAME = 255;
const MAGIC = [0x74, 0x67, 0x68, 0x31]; // "tgh1"
const FIXED_HEADER = 18;
const PARAMETERS = 2;
/** Characters (not ends) a context can follow, and their priors' size. */
const CHARACTERS = 38;
const PRIORS = CHARACTERS * SYMBOLS;
const LONGEST_CODE = 15;
/** Character trees: one per character before (the rest of a name), one per `above` (its first character). */
const TREES = CHARACTERS + CONTEXTS;
/** Code lengths, two to a byte: the trees', then the shared lengths'. */
const CODE_LENGTH_BYTES = (TREES * SYMBOLS + SHARED_VALUES) / 2;
/** Far above the real list's 0.9 MB: refuses to allocate whatever a damaged length says. */
const MAX_UNPACKED = 64 * 1024 * 1024;

export function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24)) >>> 0;
}

/** A 32-bit hash of `bytes` (FNV-1a's multiplier, four bytes a step for speed): not cryptographic, it catches damage. */
export function hashBytes(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  const whole = bytes.length & ~3;
  let i = 0;
  for (; i < whole; i += 4) {
    hash = Math.imul(hash ^ ((bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) | ((bytes[i + 2] ?? 0) << 16) | ((bytes[i + 3] ?? 0) << 24)), 0x01000193);
    hash ^= hash >>> 15;
  }
  for (; i < bytes.length; i++) hash = Math.imul(hash ^ (bytes[i] ?? 0), 0x01000193);
  return hash >>> 0;
}

/**
 * The binary tree of the canonical prefix code with these code lengths (one per leaf):
 * `tree[2 * node + bit]` is the next internal node (< leaves), or leaves + the leaf. Throws
 * unless the lengths make a complete code, so that every path ends at a leaf.
 */
export function codeTree(lengths: ArrayLike<number>): Int16Array {
  const leaves = lengths.length;
  let kraft = 0;
  for (let leaf = 0; leaf < leaves; leaf++) {
    const length = lengths[leaf] ?? 0;
    if (length < 1 || length > LONGEST_CODE) throw new HstsPreloadFormatError('bad code length');
    kraft += 2 ** (LONGEST_CODE - length);
  }
  if (kraft !== 2 ** LONGEST_CODE) throw new HstsPreloadFormatError('the code is not complete');
  const order = Array.from({ length: leaves }, (_, leaf) => leaf).sort((a, b) => (lengths[a] ?? 0) - (lengths[b] ?? 0) || a - b);
  const tree = new Int16Array(2 * leaves).fill(-1);
  let nodes = 1;
  let code = 0;
  let previousLength = lengths[order[0] ?? 0] ?? 0;
  for (const leaf of order) {
    const length = lengths[leaf] ?? 0;
    code <<= length - previousLength;
    previousLength = length;
    let node = 0;
    for (let depth = length - 1; depth >= 0; depth--) {
      const slot = 2 * node + ((code >>> depth) & 1);
      if (depth === 0) {
        tree[slot] = leaves + leaf;
      } else {
        if (tree[slot] === -1) tree[slot] = nodes++;
        node = tree[slot] ?? 0;
      }
    }
    code++;
  }
  return breadthFirst(tree, leaves);
}

/**
 * `tree` with its internal nodes numbered level by level: the nodes near the root, which
 * most symbols pass, then sit side by side at the start of each context's slot.
 */
function breadthFirst(tree: Int16Array, leaves: number): Int16Array {
  const renamed = new Int16Array(tree.length);
  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] ?? 0;
    for (let bit = 0; bit < 2; bit++) {
      const child = tree[2 * node + bit] ?? 0;
      if (child < leaves) {
        renamed[2 * head + bit] = queue.length;
        queue.push(child);
      } else {
        renamed[2 * head + bit] = child;
      }
    }
  }
  return renamed;
}

/**
 * How a prediction learns, by its observation count n: it moves 1/(n + 1.5) of the way to
 * what it saw (a fresh context follows its first bits instead of creeping from one half),
 * until n reaches `limit` (at most 15); then by the same fraction for good. Entry n:
 * rate (of 32768) << 4 | the next count.
 */
export function learningSteps(limit: number): Int32Array {
  const steps = new Int32Array(16);
  for (let n = 0; n < 16; n++) steps[n] = (Math.round(32768 / (Math.min(n, limit) + 1.5)) << 4) | (n < limit ? n + 1 : n);
  return steps;
}

/*
 * A prediction is 16 bits: (probability of a 0 bit, of 4096, xor 2048) << 4 | observation
 * count (0..15), so that a zeroed table is "one half, never seen". `learned` is the state
 * after a bit (`target` 4096 for a 0, 0 for a 1). The range coder uses the probability with
 * its lowest bit set: 1..4095 of 4096, never certain.
 */
function learned(state: number, target: number, steps: Int32Array): number {
  const step = steps[state & 15] ?? 0;
  const p = (state >>> 4) ^ 0x800;
  return (((p + (Math.imul(target - p, step >>> 4) >> 15)) ^ 0x800) << 4) | (step & 15);
}

/**
 * What the packed list says it unpacks to (its length and hash), without unpacking it: a
 * key for keeping the unpacked bytes, and the check that kept bytes are those.
 */
export interface PackedIdentity {
  length: number;
  hash: number;
}

export function packedIdentity(packed: Uint8Array): PackedIdentity | null {
  if (packed.length < FIXED_HEADER || MAGIC.some((byte, i) => packed[i] !== byte)) return null;
  return { length: readUint32(packed, 8), hash: readUint32(packed, 12) };
}

/** True when `bytes` are what a list with this identity unpacks to. */
export function matchesIdentity(bytes: Uint8Array, identity: PackedIdentity): boolean {
  return bytes.length === identity.length && hashBytes(bytes) === identity.hash;
}

/**
 * The v1 bytes packed in `packed` (see the file comment). Throws `HstsPreloadFormatError`
 * on anything that is not a packed list, or is damaged.
 */
export function unpackHstsPreload(packed: Uint8Array): Uint8Array {
  if (packed.length < FIXED_HEADER || MAGIC.some((byte, i) => packed[i] !== byte)) throw new HstsPreloadFormatError('not a packed HSTS preload list');
  const count = readUint32(packed, 4);
  const outLength = readUint32(packed, 8);
  const hash = readUint32(packed, 12);
  const headerLength = (packed[16] ?? 0) | ((packed[17] ?? 0) << 8);
  let at = FIXED_HEADER + headerLength;
  const bodyStart = at + PARAMETERS + CODE_LENGTH_BYTES + PRIORS;
  if (bodyStart + 5 > packed.length) throw new HstsPreloadFormatError('truncated');
  // Every entry takes at least its shared byte and its line feed.
  if (outLength > MAX_UNPACKED || outLength < headerLength + 2 * count || outLength > headerLength + count * (MAX_NAME + 3)) {
    throw new HstsPreloadFormatError('the announced sizes do not agree');
  }
  const limit = packed[at] ?? 0;
  const priorCount = packed[at + 1] ?? 0;
  if (limit < 1 || limit > 15 || priorCount > 15) throw new HstsPreloadFormatError('bad coder parameters');
  at += PARAMETERS;
  const lengths = new Uint8Array(2 * CODE_LENGTH_BYTES);
  for (let i = 0; i < CODE_LENGTH_BYTES; i++) {
    const byte = packed[at + i] ?? 0;
    lengths[2 * i] = byte & 15;
    lengths[2 * i + 1] = byte >>> 4;
  }
  at += CODE_LENGTH_BYTES;
  const trees = new Int16Array(TREES * 2 * SYMBOLS);
  for (let tree = 0; tree < TREES; tree++) trees.set(codeTree(lengths.subarray(tree * SYMBOLS, (tree + 1) * SYMBOLS)), tree * 2 * SYMBOLS);
  const sharedTree = codeTree(lengths.subarray(TREES * SYMBOLS));
  const priors = new Uint16Array(PRIORS);
  for (let i = 0; i < PRIORS; i++) {
    const prior = packed[at + i] ?? 0;
    if (prior > 63) throw new HstsPreloadFormatError('bad prior');
    priors[i] = ((((prior << 6) | 32) ^ 0x800) << 4) | priorCount;
  }

  const out = new Uint8Array(outLength);
  out.set(packed.subarray(FIXED_HEADER, FIXED_HEADER + headerLength), 0);
  const entries = decodeEntries(packed, bodyStart, count, out, headerLength, trees, sharedTree, learningSteps(limit), priors);
  if (entries !== outLength) throw new HstsPreloadFormatError('shorter than announced');
  if (hashBytes(out) !== hash) throw new HstsPreloadFormatError('damaged: the unpacked list is not the one packed');
  return out;
}

/**
 * Decodes the entries into `out` (shared lengths from `headerLength`, names after them);
 * returns where the names ended.
 *
 * The range decoder is LZMA's, held below 2^31 so that all of it is small-integer
 * arithmetic: `range` in [2^23, 2^31), `code` in [0, range). A decision with probability
 * p12/4096 of a 0 splits `range` at `bound`; the bit is the sign of `bound - code - 1`, and
 * the halves are chosen with a mask rather than a branch (which the processor would guess
 * wrong about as often as the data is surprising).
 */
function decodeEntries(
  packed: Uint8Array,
  bodyStart: number,
  count: number,
  out: Uint8Array,
  headerLength: number,
  trees: Int16Array,
  sharedTree: Int16Array,
  steps: Int32Array,
  priors: Uint16Array,
): number {
  // Order 3, one slot of SYMBOLS predictions (one per tree node) per context. Contexts get
  // their slots in the order they first appear, side by side (the 24,000 or so contexts of
  // the real list take 1.9 MB in one piece, not spread over 5.5 MB); `order3Slot` is 0 for
  // a context not seen yet, which then starts from the priors.
  const order3 = new Uint16Array((CONTEXTS ** 3 + 1) * SYMBOLS);
  const order3Slot = new Int32Array(CONTEXTS ** 3);
  let order3Slots = 0;
  const first = new Uint16Array(CONTEXTS ** 2 * SYMBOLS);
  const sharedModel = new Uint16Array(SHARED_VALUES * SHARED_VALUES);
  const byteOf = new Uint8Array(SYMBOLS);
  for (let symbol = 0; symbol < ALPHABET.length; symbol++) byteOf[symbol] = ALPHABET.charCodeAt(symbol);
  const outLength = out.length;
  const bodyEnd = packed.length;

  // The encoder's first byte is its carry cache, always 0; the next four start the code.
  let at = bodyStart;
  if (packed[at++] !== 0) throw new HstsPreloadFormatError('damaged');
  let range = 0x7fffffff;
  let code = 0;
  for (let i = 0; i < 4; i++) code = (code << 8) | (packed[at++] ?? 0);
  if (code < 0 || code >= range) throw new HstsPreloadFormatError('damaged');

  const name = new Uint8Array(MAX_NAME + 1);
  let sharedAt = headerLength;
  let textAt = headerLength + count;
  let previousLength = 0;
  let previousShared = 0;
  for (let k = 0; k < count; k++) {
    // The shared-prefix length, in the context of the entry before's.
    const sharedBase = previousShared * SHARED_VALUES;
    let node = 0;
    let shared: number;
    for (;;) {
      const index = sharedBase + node;
      const state = sharedModel[index] ?? 0;
      const bound = (range >>> 12) * (((state >>> 4) ^ 0x800) | 1);
      const bit = (bound - code - 1) >>> 31;
      const mask = -bit;
      range = (bound & ~mask) | ((range - bound) & mask);
      code -= bound & mask;
      while (range < 0x800000) {
        range <<= 8;
        code = (code << 8) | (packed[at++] ?? 0);
      }
      sharedModel[index] = learned(state, (bit ^ 1) << 12, steps);
      const next = sharedTree[2 * node + bit] ?? 0;
      if (next >= SHARED_VALUES) {
        shared = next - SHARED_VALUES;
        break;
      }
      node = next;
    }
    if (shared > previousLength) throw new HstsPreloadFormatError(`entry ${k} shares more than the entry before it has`);
    out[sharedAt++] = shared;
    previousShared = shared;

    // The first character after the shared part, in the context of the previous name's
    // character there (or NONE when the previous name ended there) and the one before.
    const above = shared < previousLength ? (name[shared] ?? 0) : NONE;
    let i = shared;
    let symbol: number;
    {
      const base = (above * CONTEXTS + (i > 0 ? (name[i - 1] ?? 0) : NONE)) * SYMBOLS;
      const tree = (CHARACTERS + above) * 2 * SYMBOLS;
      let treeNode = 0;
      for (;;) {
        const index = base + treeNode;
        const state = first[index] ?? 0;
        const bound = (range >>> 12) * (((state >>> 4) ^ 0x800) | 1);
        const bit = (bound - code - 1) >>> 31;
        const mask = -bit;
        range = (bound & ~mask) | ((range - bound) & mask);
        code -= bound & mask;
        while (range < 0x800000) {
          range <<= 8;
          code = (code << 8) | (packed[at++] ?? 0);
        }
        first[index] = learned(state, (bit ^ 1) << 12, steps);
        const next = trees[tree + 2 * treeNode + bit] ?? 0;
        if (next >= SYMBOLS) {
          symbol = next - SYMBOLS;
          break;
        }
        treeNode = next;
      }
    }
    // The rest, each in the context of the characters before it.
    while (symbol < END) {
      if (i >= MAX_NAME || textAt >= outLength) throw new HstsPreloadFormatError(`entry ${k} is longer than announced`);
      name[i++] = symbol;
      out[textAt++] = byteOf[symbol] ?? 0;
      const c1 = symbol;
      const c2 = i > 1 ? (name[i - 2] ?? 0) : NONE;
      const c3 = i > 2 ? (name[i - 3] ?? 0) : NONE;
      const context3 = (c1 * CONTEXTS + c2) * CONTEXTS + c3;
      let slot = order3Slot[context3] ?? 0;
      if (slot === 0) {
        slot = ++order3Slots;
        order3Slot[context3] = slot;
        // A loop rather than set(subarray(…)): no view object per new context (measured).
        const start = slot * SYMBOLS;
        for (let node = 0; node < SYMBOLS; node++) order3[start + node] = priors[c1 * SYMBOLS + node] ?? 0;
      }
      const base3 = slot * SYMBOLS;
      const tree = c1 * 2 * SYMBOLS;
      let treeNode = 0;
      for (;;) {
        const index = base3 + treeNode;
        const state = order3[index] ?? 0;
        const bound = (range >>> 12) * (((state >>> 4) ^ 0x800) | 1);
        const bit = (bound - code - 1) >>> 31;
        const mask = -bit;
        range = (bound & ~mask) | ((range - bound) & mask);
        code -= bound & mask;
        while (range < 0x800000) {
          range <<= 8;
          code = (code << 8) | (packed[at++] ?? 0);
        }
        order3[index] = learned(state, (bit ^ 1) << 12, steps);
        const next = trees[tree + 2 * treeNode + bit] ?? 0;
        if (next >= SYMBOLS) {
          symbol = next - SYMBOLS;
          break;
        }
        treeNode = next;
      }
    }
    if (symbol === END_HOST_ONLY) {
      if (textAt >= outLength) throw new HstsPreloadFormatError('longer than announced');
      out[textAt++] = 0x21; // '!'
    }
    if (textAt >= outLength) throw new HstsPreloadFormatError('longer than announced');
    out[textAt++] = 0x0a;
    previousLength = i;
    // A valid stream ends exactly at the last byte; reading on means bytes are missing.
    if (at > bodyEnd) throw new HstsPreloadFormatError('truncated');
  }
  return textAt;
}
