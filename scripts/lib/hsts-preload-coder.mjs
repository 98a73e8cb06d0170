// Packs the uncompressed compact form of the HSTS preload list (v1, written by
// hsts-preload-format.mjs) into the form src/core/hsts-preload-coder.ts unpacks. The layout
// and the model are described there, once; this file makes, bit for bit, the decisions the
// unpacker will read back, so every constant and update below mirrors one there.

const ALPHABET = '-.0123456789abcdefghijklmnopqrstuvwxyz';
const END = 38;
const END_HOST_ONLY = 39;
const SYMBOLS = 40;
const NONE = 40;
const CONTEXT_SYMBOLS = 41;
const MAX_NAME = 255;
const MAGIC = [0x74, 0x67, 0x68, 0x31]; // "tgh1"
const CHARACTERS = 38;
const SHARED_VALUES = 256;
const LONGEST_CODE = 15;
/** Character trees: one per character before (the rest of a name), one per `above` (its first character). */
const TREES = CHARACTERS + CONTEXT_SYMBOLS;

/** Chosen by measuring on the 2026-06-01 list; the unpacker reads them from the file, so any values unpack. */
export const DEFAULT_PARAMETERS = Object.freeze({ limit: 15, priorCount: 3 });

const SYMBOL_OF = new Int16Array(128).fill(-1);
for (let symbol = 0; symbol < ALPHABET.length; symbol++) SYMBOL_OF[ALPHABET.charCodeAt(symbol)] = symbol;

/** The same hash as the unpacker's `hashBytes`. */
export function hashBytes(bytes) {
  let hash = 0x811c9dc5;
  const whole = bytes.length & ~3;
  let i = 0;
  for (; i < whole; i += 4) {
    hash = Math.imul(hash ^ (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)), 0x01000193);
    hash ^= hash >>> 15;
  }
  for (; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash >>> 0;
}

/** v1 bytes → header line length, and per entry its shared length, symbols after it, and end symbol. */
function readV1(bytes) {
  const headerEnd = bytes.indexOf(0x0a);
  if (headerEnd === -1) throw new Error('not the compact form: no header line');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, headerEnd)));
  const count = header.entries;
  if (!Number.isSafeInteger(count) || count < 0) throw new Error('not the compact form: no entry count');
  const headerLength = headerEnd + 1;
  let at = headerLength + count;
  if (at > bytes.length) throw new Error('not the compact form: truncated');
  const entries = [];
  let previousLength = 0;
  for (let k = 0; k < count; k++) {
    const shared = bytes[headerLength + k];
    if (shared > previousLength) throw new Error(`entry ${k} shares more than the entry before it has`);
    const rest = [];
    let end = END;
    for (;;) {
      const byte = bytes[at++];
      if (byte === undefined) throw new Error('not the compact form: truncated');
      if (byte === 0x0a) break;
      if (byte === 0x21) {
        if (bytes[at++] !== 0x0a) throw new Error(`entry ${k}: "!" not followed by a line feed`);
        end = END_HOST_ONLY;
        break;
      }
      const symbol = byte < 128 ? SYMBOL_OF[byte] : -1;
      if (symbol < 0) throw new Error(`entry ${k}: byte ${byte} is not a host name character`);
      rest.push(symbol);
    }
    if (shared + rest.length > MAX_NAME) throw new Error(`entry ${k} is longer than ${MAX_NAME} characters`);
    entries.push({ shared, rest, end });
    previousLength = shared + rest.length;
  }
  if (at !== bytes.length) throw new Error('not the compact form: bytes after the last entry');
  return { headerLength, count, entries };
}

/** Huffman code lengths (1..LONGEST_CODE) for `frequencies`, every leaf counted at least once so that each has a code. */
function codeLengths(frequencies) {
  let weights = frequencies.map((f) => f + 1);
  for (;;) {
    // Merging the two lightest nodes makes every leaf under them one longer.
    let nodes = weights.map((weight, leaf) => ({ weight, leaves: [leaf] }));
    const lengths = new Array(frequencies.length).fill(0);
    while (nodes.length > 1) {
      nodes.sort((a, b) => a.weight - b.weight || a.leaves[0] - b.leaves[0]);
      const [a, b] = nodes;
      const leaves = [...a.leaves, ...b.leaves];
      for (const leaf of leaves) lengths[leaf]++;
      nodes = [{ weight: a.weight + b.weight, leaves }, ...nodes.slice(2)];
    }
    if (Math.max(...lengths) <= LONGEST_CODE) return lengths;
    weights = weights.map((w) => Math.max(1, w >>> 1));
  }
}

/** The unpacker's `codeTree` (canonical code, internal nodes numbered level by level). */
function codeTree(lengths) {
  const leaves = lengths.length;
  const order = Array.from({ length: leaves }, (_, leaf) => leaf).sort((a, b) => lengths[a] - lengths[b] || a - b);
  const tree = new Int16Array(2 * leaves).fill(-1);
  let nodes = 1;
  let code = 0;
  let previousLength = lengths[order[0]];
  for (const leaf of order) {
    const length = lengths[leaf];
    code <<= length - previousLength;
    previousLength = length;
    let node = 0;
    for (let depth = length - 1; depth >= 0; depth--) {
      const slot = 2 * node + ((code >>> depth) & 1);
      if (depth === 0) tree[slot] = leaves + leaf;
      else {
        if (tree[slot] === -1) tree[slot] = nodes++;
        node = tree[slot];
      }
    }
    code++;
  }
  const renamed = new Int16Array(tree.length);
  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    for (let bit = 0; bit < 2; bit++) {
      const child = tree[2 * queue[head] + bit];
      if (child < leaves) {
        renamed[2 * head + bit] = queue.length;
        queue.push(child);
      } else renamed[2 * head + bit] = child;
    }
  }
  return renamed;
}

/** Per leaf, its path down `codeTree(lengths)`: [node, bit, node, bit, …] from the root. */
function codePaths(lengths) {
  const leaves = lengths.length;
  const tree = codeTree(lengths);
  const paths = new Array(leaves);
  const walk = (node, path) => {
    for (let bit = 0; bit < 2; bit++) {
      const next = tree[2 * node + bit];
      if (next >= leaves) paths[next - leaves] = [...path, node, bit];
      else walk(next, [...path, node, bit]);
    }
  };
  walk(0, []);
  return paths;
}

/** The unpacker's `learningSteps`. */
function learningSteps(limit) {
  const steps = new Int32Array(16);
  for (let n = 0; n < 16; n++) steps[n] = (Math.round(32768 / (Math.min(n, limit) + 1.5)) << 4) | (n < limit ? n + 1 : n);
  return steps;
}

/** The unpacker's `learned`: the state after a bit (`target` 4096 for a 0, 0 for a 1). */
function learned(state, target, steps) {
  const step = steps[state & 15];
  const p = (state >>> 4) ^ 0x800;
  return (((p + (Math.imul(target - p, step >>> 4) >> 15)) ^ 0x800) << 4) | (step & 15);
}

/** What the range coder uses: the probability of a 0, 1..4095 of 4096. */
function probability12(state) {
  return ((state >>> 4) ^ 0x800) | 1;
}

/**
 * LZMA's range encoder, with the range held below 2^31 as the unpacker needs: `low` carries
 * into the bytes already written through a cached byte and a run of 0xff bytes.
 */
class RangeEncoder {
  low = 0;
  range = 0x7fffffff;
  cache = 0;
  cacheSize = 1;
  out = [];

  /** Codes `bit` with probability p12 / 4096 of a 0. */
  encode(p12, bit) {
    const bound = (this.range >>> 12) * p12;
    if (bit === 0) this.range = bound;
    else {
      this.low += bound;
      this.range -= bound;
    }
    while (this.range < 0x800000) {
      this.range *= 256;
      this.shiftLow();
    }
  }

  shiftLow() {
    if (this.low < 0xff000000 || this.low >= 0x100000000) {
      const carry = this.low >= 0x100000000 ? 1 : 0;
      let byte = this.cache;
      do {
        this.out.push((byte + carry) & 0xff);
        byte = 0xff;
      } while (--this.cacheSize !== 0);
      this.cache = Math.floor(this.low / 0x1000000) & 0xff;
    }
    this.cacheSize++;
    this.low = (this.low % 0x1000000) * 256;
  }

  finish() {
    for (let i = 0; i < 5; i++) this.shiftLow();
    return this.out;
  }
}

/** Codes one leaf down `path` with the predictions of `table` from `base`. */
function codeDown(coder, table, base, path, steps) {
  for (let step = 0; step < path.length; step += 2) {
    const index = base + path[step];
    const bit = path[step + 1];
    coder.encode(probability12(table[index]), bit);
    table[index] = learned(table[index], (bit ^ 1) << 12, steps);
  }
}

/** The packed form (src/core/hsts-preload-coder.ts) of the v1 bytes `v1`. */
export function packHstsPreload(v1, parameters = DEFAULT_PARAMETERS) {
  const { limit, priorCount } = { ...DEFAULT_PARAMETERS, ...parameters };
  if (!(limit >= 1 && limit <= 15 && priorCount >= 0 && priorCount <= 15)) throw new Error('coder parameters out of range');
  const { headerLength, count, entries } = readV1(v1);
  if (headerLength > 0xffff) throw new Error('header line too long');

  // The trees: each character's is shaped by what follows it, each first character's by
  // what follows the previous name's character there (so likely characters take few decisions).
  const treeFrequencies = Array.from({ length: TREES }, () => new Array(SYMBOLS).fill(0));
  const sharedFrequencies = new Array(SHARED_VALUES).fill(0);
  {
    let previousLength = 0;
    const name = [];
    for (const { shared, rest, end } of entries) {
      sharedFrequencies[shared]++;
      const symbols = [...rest, end];
      treeFrequencies[CHARACTERS + (shared < previousLength ? name[shared] : NONE)][symbols[0]]++;
      for (let j = 1; j < symbols.length; j++) treeFrequencies[symbols[j - 1]][symbols[j]]++;
      name.length = shared;
      name.push(...rest);
      previousLength = name.length;
    }
  }
  const treeLengths = treeFrequencies.map(codeLengths);
  const treePaths = treeLengths.map(codePaths);
  const sharedLengths = codeLengths(sharedFrequencies);
  const sharedPaths = codePaths(sharedLengths);

  // Priors: per character and tree node, how often the decision after that character is a 0
  // over the whole list, in 64ths (the unpacker starts each new order-3 context from them).
  const zeros = new Float64Array(CHARACTERS * SYMBOLS);
  const visits = new Float64Array(CHARACTERS * SYMBOLS);
  for (const { rest, end } of entries) {
    const symbols = [...rest, end];
    for (let j = 1; j < symbols.length; j++) {
      const path = treePaths[symbols[j - 1]][symbols[j]];
      for (let step = 0; step < path.length; step += 2) {
        const index = symbols[j - 1] * SYMBOLS + path[step];
        visits[index]++;
        if (path[step + 1] === 0) zeros[index]++;
      }
    }
  }
  const priors = Array.from(zeros, (zero, index) => Math.min(4095, Math.max(1, Math.round((4096 * (zero + 1)) / (visits[index] + 2)))) >>> 6);
  const priorStates = priors.map((prior) => (((((prior << 6) | 32) ^ 0x800) << 4) | priorCount));

  const steps = learningSteps(limit);
  const order3 = new Uint16Array(CONTEXT_SYMBOLS ** 3 * SYMBOLS);
  const seen3 = new Uint8Array(CONTEXT_SYMBOLS ** 3);
  const first = new Uint16Array(CONTEXT_SYMBOLS ** 2 * SYMBOLS);
  const sharedModel = new Uint16Array(SHARED_VALUES * SHARED_VALUES);
  const coder = new RangeEncoder();

  const name = new Uint8Array(MAX_NAME + 1);
  let previousLength = 0;
  let previousShared = 0;
  for (const { shared, rest, end } of entries) {
    codeDown(coder, sharedModel, previousShared * SHARED_VALUES, sharedPaths[shared], steps);
    previousShared = shared;

    const above = shared < previousLength ? name[shared] : NONE;
    const symbols = [...rest, end];
    codeDown(coder, first, (above * CONTEXT_SYMBOLS + (shared > 0 ? name[shared - 1] : NONE)) * SYMBOLS, treePaths[CHARACTERS + above][symbols[0]], steps);
    for (let j = 1; j < symbols.length; j++) {
      const i = shared + j;
      name[i - 1] = symbols[j - 1];
      const c1 = name[i - 1];
      const c2 = i > 1 ? name[i - 2] : NONE;
      const c3 = i > 2 ? name[i - 3] : NONE;
      const context3 = (c1 * CONTEXT_SYMBOLS + c2) * CONTEXT_SYMBOLS + c3;
      if (seen3[context3] === 0) {
        seen3[context3] = 1;
        order3.set(priorStates.slice(c1 * SYMBOLS, (c1 + 1) * SYMBOLS), context3 * SYMBOLS);
      }
      codeDown(coder, order3, context3 * SYMBOLS, treePaths[c1][symbols[j]], steps);
    }
    if (rest.length > 0) name[shared + rest.length - 1] = rest[rest.length - 1];
    previousLength = shared + rest.length;
  }
  const body = coder.finish();

  const head = [
    ...MAGIC,
    ...uint32(count),
    ...uint32(v1.length),
    ...uint32(hashBytes(v1)),
    headerLength & 0xff,
    headerLength >>> 8,
    ...v1.subarray(0, headerLength),
    limit,
    priorCount,
    ...nibbles([...treeLengths.flat(), ...sharedLengths]),
    ...priors,
  ];
  const out = new Uint8Array(head.length + body.length);
  out.set(head, 0);
  out.set(body, head.length);
  return out;
}

/** Code lengths (1..15), two to a byte, low nibble first. */
function nibbles(values) {
  const out = [];
  for (let i = 0; i < values.length; i += 2) out.push(values[i] | ((values[i + 1] ?? 0) << 4));
  return out;
}

function uint32(value) {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24];
}
