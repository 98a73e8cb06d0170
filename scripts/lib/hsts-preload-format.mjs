// Writes the compact form of the HSTS preload list that src/core/hsts-preload-compact.ts
// reads (the format is described there, once). Used by scripts/build-hsts-preload.mjs and by
// the tests that build small lists.

export const FORMAT = 'tabgrade-hsts-preload';
export const FORMAT_VERSION = 1;

/** Lower-case LDH labels joined by dots: what Chromium's list holds (IDNs in punycode). */
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;
const MAX_HOST_LENGTH = 253;

/** `www.example.com` → `com.example.www`: sorting these keeps each domain beside its parents. */
export function reversedName(name) {
  return name.split('.').reverse().join('.');
}

/** `NAME<TAB>1|0` lines (1 = include_subdomains) → `[name, includeSubDomains]` pairs. */
export function parseHstsPreloadTsv(text) {
  const entries = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line === '') continue;
    const [name, flag, extra] = line.split('\t');
    if (extra !== undefined || (flag !== '0' && flag !== '1')) throw new Error(`line ${index + 1}: expected NAME<TAB>1|0, got ${JSON.stringify(line)}`);
    entries.push([name, flag === '1']);
  }
  return entries;
}

/**
 * The uncompressed compact form (a Uint8Array) of `entries` (`[name, includeSubDomains]`
 * pairs, any order). Throws on a name that is not a lower-case host, or on a repeated name.
 */
export function encodeHstsPreload(entries, { source, date }) {
  const rows = entries.map(([name, includeSubDomains]) => {
    if (!HOST.test(name) || name.length > MAX_HOST_LENGTH) throw new Error(`not a lower-case host name: ${JSON.stringify(name)}`);
    return { key: reversedName(name), includeSubDomains: includeSubDomains === true };
  });
  // UTF-16 code-unit order, which for these ASCII names is the byte order the decoder checks.
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const header = `${JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, source, date, entries: rows.length })}\n`;
  const shared = new Uint8Array(rows.length);
  const text = [];
  let previous = '';
  for (const [index, row] of rows.entries()) {
    if (row.key === previous) throw new Error(`listed twice: ${reversedName(row.key)}`);
    let common = 0;
    while (common < previous.length && common < row.key.length && previous[common] === row.key[common]) common++;
    shared[index] = common;
    text.push(row.key.slice(common), row.includeSubDomains ? '\n' : '!\n');
    previous = row.key;
  }
  const head = new TextEncoder().encode(header);
  const tail = new TextEncoder().encode(text.join(''));
  const out = new Uint8Array(head.length + shared.length + tail.length);
  out.set(head, 0);
  out.set(shared, head.length);
  out.set(tail, head.length + shared.length);
  return out;
}
