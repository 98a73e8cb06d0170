/**
 * Property tests of the HAR reader on real-world-shaped input gone wrong: the fixtures (one
 * per exporter) and generated HARs with fields replaced by the wrong type, removed, nulled,
 * turned into huge lists or deep nesting, statuses such as -2, invalid base64 and relative
 * URLs, and files cut short or with bytes flipped. Whatever the input:
 * - nothing but a one-line HarError leaves `parseHarText`, `parseHarBytes` or `importHar`;
 * - reading the bytes (`parseHarBytes`, which builds only what the reader reads) gives the
 *   same import as reading the text with `JSON.parse`, warnings and refusals included;
 * - each case takes bounded time.
 * 20,000 cases in all, a few seconds.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HarError, importHar, parseHarText } from '../../src/core/har';
import { scanJson } from '../../src/core/har/json-scan';
import { parseHarBytes } from '../../src/core/har/read';

const FIXTURES = fileURLToPath(new URL('../fixtures/har/', import.meta.url));
const FIXTURE_TEXTS = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.har') && name !== 'invalid-json.har')
  .map((name) => readFileSync(FIXTURES + name, 'utf8'));

const encoder = new TextEncoder();

/** The slowest one case may be on this shared two-core machine (a case takes about 1 ms). */
const CASE_BUDGET_MS = 1_000;
/** Each test takes one to three seconds here; the margin is for a busy machine running every suite. */
const TEST_TIMEOUT_MS = 30_000;

type Outcome = { ok: true; value: ReturnType<typeof importHar> } | { ok: false; message: string };

/** Runs one reading; anything but a one-line HarError fails the property. */
function outcome(read: () => unknown): Outcome {
  try {
    return { ok: true, value: importHar(read()) };
  } catch (error) {
    if (!(error instanceof HarError)) throw error;
    if (error.message.includes('\n')) throw new Error(`multi-line message: ${error.message}`);
    return { ok: false, message: error.message };
  }
}

/** How the cases ended, so a test can check its input was not refused wholesale. */
const tally = { graded: 0, refused: 0 };

/** The property every case checks: only HarError, bytes ≡ text, bounded time. */
function readsAlike(text: string): void {
  const started = performance.now();
  const fromText = outcome(() => parseHarText(text));
  const fromBytes = outcome(() => parseHarBytes(encoder.encode(text)));
  expect(fromBytes).toEqual(fromText);
  expect(performance.now() - started).toBeLessThan(CASE_BUDGET_MS);
  tally[fromText.ok ? 'graded' : 'refused']++;
}

/** Runs `property` for `runs` cases and checks that most of them were graded, not refused. */
function mostlyGraded(runs: number, share: number, property: fc.IProperty<[unknown, ...unknown[]]>): void {
  tally.graded = 0;
  tally.refused = 0;
  fc.assert(property, { numRuns: runs });
  expect(tally.graded / (tally.graded + tally.refused)).toBeGreaterThan(share);
}

// --- Odd values, as exporters and broken files write them --------------------------------

/** A list nested `depth` deep: `[[[…]]]`. */
function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Odd values that cost nothing to read: wrong types, negative statuses, broken base64, relative URLs … */
const lightOddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<unknown>(null, -2, -1, 0, 1000, 200.5, 1e300, '200', '-2', '', ' ', 'x', true, false, {}, [], [null], [{}]) },
  { weight: 2, arbitrary: fc.constantFrom('***', 'iVBORw0KGgo=!!', 'SGVsbG8', '====', 'data:text/html;base64,PHA+', '/relative', '//cdn.example/x', 'http://[bad', 'a.example:443', 'javascript:alert(1)') },
  { weight: 2, arbitrary: fc.constantFrom('text/html', 'application/javascript', 'base64', 'BASE64 ', 'document', 'script', 'x-unknown', 'CONNECT', 'OPTIONS', 'http', 'dns') },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  // `__proto__` as JSON writes it: an own member, not the prototype.
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__": {"status": 200}, "status": 200}') as unknown) },
);

/** And the big ones: huge lists, deep nesting, long strings. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 20, arbitrary: lightOddValue },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 4_000 }).map((length) => Array.from({ length }, (_, i) => ({ name: `h${i}`, value: i }))) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 1_500 }).map(nested) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 200_000 }).map((length) => 'A'.repeat(length)) },
);

type Mutation =
  | { kind: 'replace'; walk: number[]; value: unknown }
  | { kind: 'remove'; walk: number[] }
  | { kind: 'repeat'; walk: number[]; times: number };

/** Where to change the document: at each level, which member to go into (modulo their count). */
const walk = fc.array(fc.nat(), { minLength: 1, maxLength: 8 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('replace' as const), walk, value: oddValue }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), walk }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), walk, times: fc.integer({ min: 1, max: 60 }) }) },
);

type Container = Record<string | number, unknown>;

/** Applies `change` to the member the walk ends at (it stops early at a value that is not a container). */
function mutate(root: unknown, change: Mutation): void {
  let parent: Container | null = null;
  let key: string | number = '';
  let node: unknown = root;
  for (const step of change.walk) {
    if (typeof node !== 'object' || node === null) break;
    const keys: Array<string | number> = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    parent = node as Container;
    key = keys[step % keys.length] as string | number;
    node = parent[key];
  }
  if (parent === null) return;
  if (change.kind === 'replace') parent[key] = structuredClone(change.value);
  else if (change.kind === 'remove') {
    if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else delete parent[key];
  } else if (Array.isArray(parent) && typeof key === 'number') {
    // A huge list of the same entry, header or page.
    parent.splice(key, 0, ...Array.from({ length: change.times }, () => structuredClone(node)));
  }
}

/** Larger documents are left out: one case stays a few milliseconds. */
const MAX_CASE_CHARS = 3_000_000;

// --- Generated HARs in the exporters' shapes ----------------------------------------------

const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> => fc.oneof({ weight: 8, arbitrary }, { weight: 1, arbitrary: lightOddValue });
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(maybe(arbitrary), { nil: undefined, freq: 4 });

const header = fc.record({
  name: maybe(fc.constantFrom('Content-Type', 'Set-Cookie', 'Location', 'Strict-Transport-Security', 'Content-Security-Policy', 'Host', ':status', 'X-Frame-Options')),
  value: maybe(fc.constantFrom('text/html', 'text/html; charset=utf-8', 'application/javascript', 'a=1; Secure\nb=2', '/next', 'max-age=31536000', "default-src 'self'", 'DENY', '')),
});

const body = fc.oneof(
  fc.constantFrom('<!doctype html><script src="/app.js"></script><link rel=stylesheet href=/s.css>', '/*! jQuery v1.12.4 */', 'body{}', ''),
  fc.constantFrom('PCFkb2N0eXBlIGh0bWw+', 'iVBORw0KGgoAAAANSUhEUg==', '***not base64***'),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

const generatedEntry = fc.record(
  {
    pageref: optional(fc.constantFrom('page_1', 'page_2')),
    startedDateTime: optional(fc.constantFrom('2026-11-20T10:00:00.000Z', '2026-11-20T10:00:00.1234567+01:00', '2026-11-20 10:00:00', 'yesterday')),
    time: optional(fc.double({ min: -1, max: 1e5, noNaN: true })),
    _resourceType: optional(fc.constantFrom('document', 'script', 'image', 'fetch', 'other')),
    _tabgradeProbe: optional(fc.constantFrom('http', 'cors', 'crossdomainXml', 'clientaccesspolicyXml')),
    request: maybe(
      fc.record(
        {
          method: maybe(fc.constantFrom('GET', 'get', 'POST', 'OPTIONS', 'HEAD', 'CONNECT')),
          url: maybe(fc.constantFrom('https://a.example/', 'http://a.example/', 'https://a.example/app.js', 'https://a.example/crossdomain.xml', 'https://b.example/x', '/path', 'data:,x')),
          headers: maybe(fc.array(header, { maxLength: 4 })),
        },
        { requiredKeys: [] },
      ),
    ),
    response: maybe(
      fc.record(
        {
          status: maybe(fc.constantFrom(0, 200, 204, 301, 302, 404, -2)),
          statusText: optional(fc.constantFrom('OK', 'Internal Redirect', '')),
          httpVersion: optional(fc.constantFrom('HTTP/1.1', 'h2', 'http/2.0', 'HTTP/3')),
          redirectURL: optional(fc.constantFrom('', 'https://a.example/', '/next')),
          headers: maybe(fc.array(header, { maxLength: 5 })),
          content: optional(
            fc.record(
              { mimeType: optional(fc.constantFrom('text/html', 'application/javascript', 'image/png', 'text/xml', 'x-unknown')), text: optional(body), encoding: optional(fc.constantFrom('base64', 'BASE64', 'gzip')) },
              { requiredKeys: [] },
            ),
          ),
          _error: optional(fc.constantFrom('net::ERR_FAILED', 'net::ERR_BLOCKED_BY_CLIENT')),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: ['request', 'response'] },
);

/** The page's document as most exporters write it, each field now and then odd. */
const documentEntry = fc.record({
  pageref: optional(fc.constant('page_1')),
  _resourceType: optional(fc.constant('document')),
  request: fc.record({ method: maybe(fc.constant('GET')), url: maybe(fc.constantFrom('https://a.example/', 'https://a.example/shop?x=1#top', '/')), headers: maybe(fc.array(header, { maxLength: 3 })) }),
  response: fc.record({
    status: maybe(fc.constant(200)),
    headers: maybe(fc.tuple(fc.constant({ name: 'Content-Type', value: 'text/html; charset=utf-8' }), fc.array(header, { maxLength: 4 })).map(([first, rest]) => [first, ...rest])),
    content: optional(fc.record({ mimeType: maybe(fc.constant('text/html')), text: optional(body), encoding: optional(fc.constantFrom('base64', '')) }, { requiredKeys: ['mimeType'] })),
  }),
});

const generatedHar = fc.record({
  log: fc.record(
    {
      pages: optional(fc.array(maybe(fc.record({ id: maybe(fc.constantFrom('page_1', 'page_2')), title: optional(fc.constantFrom('https://a.example/', 'Home')), pageTimings: optional(fc.record({ onLoad: maybe(fc.integer({ min: -1, max: 5000 })) })) }, { requiredKeys: [] })), { maxLength: 3 })),
      entries: maybe(
        fc
          .tuple(fc.option(documentEntry, { freq: 5, nil: undefined }), fc.array(maybe(generatedEntry), { maxLength: 8 }))
          .map(([document, rest]) => (document === undefined ? rest : [document, ...rest])),
      ),
    },
    { requiredKeys: ['entries'] },
  ),
});

describe('HAR reader, real-world-shaped input gone wrong', () => {
  it('fixtures with one to four fields replaced, removed or repeated (2,500 cases)', () => {
    // Most still grade: one odd field rarely costs the page its grade.
    mostlyGraded(
      2_500,
      0.5,
      fc.property(fc.nat({ max: FIXTURE_TEXTS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, changes) => {
        const doc = JSON.parse(FIXTURE_TEXTS[which] as string) as unknown;
        for (const change of changes) mutate(doc, change);
        const text = JSON.stringify(doc);
        fc.pre(text.length <= MAX_CASE_CHARS);
        readsAlike(text);
      }),
    );
  }, TEST_TIMEOUT_MS);

  it('generated HARs in the exporters’ shapes, with odd values anywhere (3,500 cases)', () => {
    mostlyGraded(3_500, 0.3, fc.property(generatedHar, (doc) => readsAlike(JSON.stringify(doc))));
  }, TEST_TIMEOUT_MS);

  it('fixtures cut short or with bytes changed: a HarError or an import, never a crash (7,000 cases)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: FIXTURE_TEXTS.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
        (which, cut, flips) => {
          const bytes = encoder.encode(FIXTURE_TEXTS[which] as string);
          const damaged = bytes.slice(0, Math.max(1, Math.floor(bytes.length * (flips.length === 0 ? cut : 1))));
          for (const [where, byte] of flips) damaged[Math.floor(where * (damaged.length - 1))] = byte;
          const started = performance.now();
          outcome(() => parseHarBytes(damaged));
          expect(performance.now() - started).toBeLessThan(CASE_BUDGET_MS);
        },
      ),
      { numRuns: 7_000 },
    );
  }, TEST_TIMEOUT_MS);

  it('scanJson gives what JSON.parse gives, whatever the JSON and its white space (7,000 cases)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 0, 1, '\t', '\r\n  '), (value, space) => {
        const text = JSON.stringify(value, null, space);
        expect(scanJson(encoder.encode(text))).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 7_000 },
    );
  }, TEST_TIMEOUT_MS);
});
