/**
 * The incremental snapshot equals the full one in real Chromium, after random DOM mutation
 * sequences (test/helpers/dom-mutations.ts) — the part jsdom cannot show: Chromium resolves
 * `script.src` and `link.href` against the current base URL, which `<base>` elements and
 * `history.replaceState` change under the cached readings. Each property run happens in one
 * `page.evaluate`, which returns the first batch after which the two disagree.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../../scripts/lib/chromium-path.mjs';
import { applyOperations, domMutationBatches, START_HTML, type DomOperation } from '../helpers/dom-mutations';
import { bundleForPage } from '../helpers/page-bundle';
import { attributeValue } from '../helpers/url-shapes';

const PAGE_URL = 'https://www.example.com/start/page.html';


let browser: Browser;
let page: Page;

beforeAll(async () => {
  const code = await bundleForPage('test/helpers/snapshot-entry.ts', 'TabgradeSnapshots', { minify: false });
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...(CHROMIUM_FLAGS as string[])] });
  page = await browser.newPage();
  await page.route('**/*', (route) => (route.request().resourceType() === 'document' ? route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>t</title>' }) : route.fulfill({ status: 204 })));
  await page.goto(PAGE_URL);
  await page.addScriptTag({ content: `${code}\nwindow.applyOperations = ${applyOperations.toString()};` });
});
afterAll(async () => {
  await browser?.close();
});

/** Runs the batches in the page; null when every snapshot matched, else where and how they differ. */
function runInPage(start: string, batches: DomOperation[][]) {
  return page.evaluate(({ start, batches }) => {
    type Snap = { takenAt?: number } & Record<string, unknown>;
    type Api = {
      TagClock: new () => unknown;
      IncrementalSnapshot: new (clock: unknown) => { invalidate(records: MutationRecord[]): void; take(doc: Document): Snap };
      takeSnapshot(doc: Document, clock: unknown): Snap;
      ATTRIBUTES_READ: string[];
    };
    const scope = window as unknown as { TabgradeSnapshots: Api; applyOperations(ops: unknown[]): void };
    const api = scope.TabgradeSnapshots;
    document.head.innerHTML = '';
    document.body.innerHTML = start;
    history.replaceState(null, '', new URL('/start/page.html', location.origin).href);
    const clock = new api.TagClock();
    const incremental = new api.IncrementalSnapshot(clock);
    const observer = new MutationObserver((records) => incremental.invalidate(records));
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: api.ATTRIBUTES_READ });
    const text = (snapshot: Snap) => JSON.stringify({ ...snapshot, takenAt: 0 });
    try {
      for (let index = -1; index < batches.length; index++) {
        if (index >= 0) scope.applyOperations(batches[index] as unknown[]);
        incremental.invalidate(observer.takeRecords());
        const fast = text(incremental.take(document));
        const full = text(api.takeSnapshot(document, clock));
        if (fast !== full) return { batch: index, fast, full };
      }
      return null;
    } finally {
      observer.disconnect();
    }
  }, { start, batches });
}

describe('incremental DOM snapshot in Chromium', () => {
  it('reads what the full snapshot reads after any sequence of mutations, <base> and URL changes included', async () => {
    await fc.assert(
      fc.asyncProperty(domMutationBatches, async (batches) => {
        const mismatch = await runInPage(START_HTML, batches);
        expect(mismatch).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('re-reads relative addresses when the base URL changes', async () => {
    // The case the cache must not get wrong, spelled out: a <base> added after the first read.
    const batches: DomOperation[][] = [[{ kind: 'add', tag: 'base', parent: 0, attributes: [['href', 'https://other.example/base/']] }], [{ kind: 'url', path: '/other/deeper/page' }]];
    expect(await runInPage(START_HTML, batches)).toBeNull();
  });

  it('resolves plain addresses as Chromium does (script.src, link.href), and leaves the rest to it', async () => {
    const values = fc.sample(attributeValue(), { numRuns: 4_000, seed: 20261203 });
    const bases = ['https://www.example.com/shop/', 'https://www.example.com/shop/page.html?q=1#top', 'http://localhost:8000/a/b', 'https://cdn.example.net'];
    const result = await page.evaluate(({ values, bases }) => {
      type Api = { resolveFast(raw: string, base: unknown): string | null; urlBase(baseUri: string): unknown };
      const api = (window as unknown as { TabgradeSnapshots: Api }).TabgradeSnapshots;
      const mismatches: string[] = [];
      let answered = 0;
      const baseElement = document.createElement('base');
      document.head.prepend(baseElement);
      try {
        for (const base of bases) {
          baseElement.href = base;
          const resolved = api.urlBase(document.baseURI);
          for (const raw of values) {
            const fast = api.resolveFast(raw, resolved);
            if (fast === null) continue;
            answered++;
            const script = document.createElement('script');
            script.setAttribute('src', raw);
            const link = document.createElement('link');
            link.setAttribute('href', raw);
            if (script.src !== fast || link.href !== fast) mismatches.push(`${JSON.stringify(raw)} on ${base}: ${fast} vs ${script.src}`);
          }
        }
      } finally {
        baseElement.remove();
      }
      return { mismatches: mismatches.slice(0, 5), answered };
    }, { values, bases });
    expect(result.mismatches).toEqual([]);
    expect(result.answered).toBeGreaterThan(1_000);
  });
});
