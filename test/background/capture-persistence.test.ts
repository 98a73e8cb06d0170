/**
 * The stored layout of captures (src/background/capture-persistence.ts): whatever sequence
 * of changes a tab goes through, reading storage back gives the capture the worker holds
 * (without its HTML), nothing of another page leaks in, nothing is left behind when the tab
 * goes, and a write copies only the parts that changed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCapture, type DomSnapshot, type PageCapture, type ResponseCapture } from '../../src/core/capture';
import { addSubresources, attachDom } from '../../src/core/capture-updates';
import { assembleStored, chunkKey, domKey, mainKey, planWrite, type PersistedState } from '../../src/background/capture-persistence';

const TAB = 7;

function response(index: number): ResponseCapture {
  return { url: `https://example.com/r/${index}.js`, method: 'GET', statusCode: 200, statusLine: 'HTTP/1.1 200 OK', headers: [{ name: 'x-index', value: String(index) }], type: 'script', timeStamp: index, fromCache: false };
}

function snapshot(url: string, count: number): DomSnapshot {
  const tags = Array.from({ length: count }, (_, index) => ({
    element: 'script' as const, url: `${url}s${index}.js`, rel: null, as: null, type: null, integrity: null, crossorigin: null, origin: 'parser' as const, firstSeenMs: 0,
  }));
  return { url, contentType: 'text/html', takenAt: count, tags, inlineScriptCount: 0, metas: [], truncated: false, totalTags: count };
}

/** An in-memory storage.session with the worker's bookkeeping beside it. */
class FakeStorage {
  readonly data = new Map<string, unknown>();
  state: PersistedState | undefined;
  lastWrite: string[] = [];

  write(capture: PageCapture | undefined): void {
    const plan = planWrite(TAB, this.state, capture);
    for (const key of plan.remove) this.data.delete(key);
    // storage.session stores a copy: a structured clone, not the object.
    for (const [key, value] of Object.entries(plan.set)) this.data.set(key, structuredClone(value));
    this.lastWrite = Object.keys(plan.set);
    this.state = plan.state;
  }

  read(): PageCapture | undefined {
    return assembleStored(Object.fromEntries(this.data)).get(TAB)?.capture;
  }
}

const page = (id: string, url = `https://example.com/${id}/`): PageCapture => ({
  ...emptyCapture({ navigationId: id, tabId: TAB, url, startedAt: 1 }),
  html: { text: '<p>kept in memory only</p>', source: 'served', truncated: false },
} as PageCapture);

const withoutHtml = (capture: PageCapture): PageCapture => ({ ...capture, html: null });

describe('stored captures', () => {
  it('reads back what was written, without the HTML', () => {
    const storage = new FakeStorage();
    let capture = addSubresources(page('a'), [response(1), response(2)]);
    capture = attachDom({ ...capture, document: response(0) }, snapshot(capture.url, 3));
    storage.write(capture);
    expect(storage.read()).toEqual(withoutHtml(capture));
  });

  it('writes only the new sub-resources and leaves the DOM snapshot alone when it did not change', () => {
    const storage = new FakeStorage();
    let capture = attachDom({ ...page('a'), document: response(0) }, snapshot('https://example.com/a/', 2000));
    capture = addSubresources(capture, [response(1)]);
    storage.write(capture);
    expect(storage.lastWrite.sort()).toEqual([chunkKey(TAB, 0), domKey(TAB), mainKey(TAB)].sort());
    capture = addSubresources(capture, [response(2), response(3)]);
    storage.write(capture);
    expect(storage.lastWrite.sort()).toEqual([chunkKey(TAB, 1), mainKey(TAB)].sort());
    expect(JSON.parse((storage.data.get(chunkKey(TAB, 1)) as { json: string }).json)).toHaveLength(2);
    expect(storage.read()?.subresources.map((item) => item.timeStamp)).toEqual([1, 2, 3]);
  });

  it('never mixes a part of the previous page into the next one', () => {
    const storage = new FakeStorage();
    storage.write(attachDom(addSubresources({ ...page('a'), document: response(0) }, [response(1)]), snapshot('https://example.com/a/', 1)));
    // A part the previous page left (as if its removal had not happened yet) is ignored.
    const stale = storage.data.get(chunkKey(TAB, 0));
    storage.write(page('b'));
    storage.data.set(chunkKey(TAB, 0), stale);
    expect(storage.read()).toEqual(withoutHtml(page('b')));
  });

  it('reads a capture whose parts are damaged without them, rather than failing', () => {
    const storage = new FakeStorage();
    const capture = attachDom(addSubresources({ ...page('a'), document: response(0) }, [response(1)]), snapshot('https://example.com/a/', 1));
    storage.write(capture);
    storage.data.set(chunkKey(TAB, 0), { navigationId: 'a', json: '[{"url": ' });
    storage.data.set(domKey(TAB), { navigationId: 'a', json: 42 });
    expect(storage.read()).toEqual({ ...withoutHtml(capture), subresources: [], dom: null });
  });

  it('removes every key of a tab that is gone', () => {
    const storage = new FakeStorage();
    let capture = attachDom({ ...page('a'), document: response(0) }, snapshot('https://example.com/a/', 1));
    for (let batch = 0; batch < 5; batch++) capture = addSubresources(capture, [response(batch)]);
    storage.write(capture);
    storage.write(undefined);
    expect([...storage.data.keys()]).toEqual([]);
  });

  it('reads a capture written whole by an earlier version of the worker', () => {
    const capture = attachDom(addSubresources({ ...page('a'), html: null, document: response(0) }, [response(1)]), snapshot('https://example.com/a/', 2));
    const read = assembleStored({ [mainKey(TAB)]: structuredClone(capture), 'settings': { badge: true } });
    expect(read.get(TAB)?.capture).toEqual(capture);
  });

  it('matches the worker’s capture after any sequence of changes, and leaves no key behind', () => {
    type Step = { kind: 'batch'; size: number } | { kind: 'dom'; tags: number } | { kind: 'navigate' } | { kind: 'close' } | { kind: 'restart' };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('batch' as const), size: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ kind: fc.constant('dom' as const), tags: fc.integer({ min: 0, max: 30 }) }),
      fc.constant({ kind: 'navigate' as const }),
      fc.constant({ kind: 'close' as const }),
      fc.constant({ kind: 'restart' as const }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const storage = new FakeStorage();
        let capture: PageCapture | undefined = { ...page('n0'), document: response(0) };
        let pages = 0;
        let counter = 0;
        storage.write(capture);
        for (const next of steps) {
          if (next.kind === 'restart') {
            // A stopped and restarted worker knows only what it reads back.
            const read = assembleStored(Object.fromEntries(storage.data)).get(TAB);
            storage.state = read?.state;
            capture = read?.capture;
            continue;
          }
          if (next.kind === 'close') capture = undefined;
          else if (next.kind === 'navigate' || capture === undefined) capture = { ...page(`n${++pages}`), document: response(0) };
          else if (next.kind === 'batch') capture = addSubresources(capture, Array.from({ length: next.size }, () => response(++counter)));
          else capture = attachDom(capture, snapshot(capture.url, next.tags));
          storage.write(capture);
          if (capture === undefined) {
            if (storage.data.size !== 0) return false;
          } else {
            expect(storage.read()).toEqual(withoutHtml(capture));
            const live = new Set([mainKey(TAB), domKey(TAB), ...Array.from({ length: storage.state?.chunks ?? 0 }, (_, index) => chunkKey(TAB, index))]);
            if ([...storage.data.keys()].some((key) => !live.has(key))) return false;
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
