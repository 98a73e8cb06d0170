/**
 * The page scan, in its two halves:
 * - the content script's DOM snapshot (src/content/snapshot.ts), the only scan work done on
 *   the page's main thread besides the one-shot library probe. Measured in real headless
 *   Chromium on the same pages the e2e tests use (jsdom is not representative: its URL
 *   reflection re-reads the document for every `src`, so 5,000 tags take seconds there);
 * - core's SRI and library analysis of that snapshot, which runs in the worker and the
 *   popup, never in the page.
 *
 *   npx vitest bench --run --project unit test/bench/page-scan.bench.ts
 *
 * Targets: snapshot plus analysis under 1 ms for a typical page and under 10 ms for 5,000
 * tags. Analysis iterations use URLs never seen before (a fresh query string), so the per-URL
 * detection cache does not flatter the figures. (Not measured here: the one-time work of a
 * fresh popup — parsing the bundled data and computing each library's upgrade target, a
 * few milliseconds per library the first time it is seen.)
 */
import { afterAll, bench, describe } from 'vitest';
import { bundleForPage } from '../helpers/page-bundle';
import { chromium, type Browser, type Page } from 'playwright-core';
import { emptyCapture, type DomSnapshot, type ExternalResourceTag, type PageCapture } from '../../src/core/capture';
import { libraryFindings } from '../../src/core/checks/tabgrade/vulnerable-libraries';
import { subresourceIntegrityFindings } from '../../src/core/checks/tabgrade/subresource-integrity-in-depth';
import { sriRows } from '../../src/core/checks/tabgrade/sri-resources';
import { libraryInventory } from '../../src/core/libraries/inventory';
import { CHROMIUM_FLAGS, findChromium } from '../../scripts/lib/chromium-path.mjs';

const PAGE_URL = 'https://www.example.com/shop/';
const SRI = 'sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW';

/** About what a typical page holds: 10 scripts, 5 links, a few libraries, some SRI. */
function typicalTags(salt: string): ExternalResourceTag[] {
  const tag = (element: 'script' | 'link', url: string, extra: Partial<ExternalResourceTag> = {}): ExternalResourceTag => ({
    element, url: `${url}${salt}`, rel: element === 'link' ? 'stylesheet' : null, as: null, type: null, integrity: null, crossorigin: null, origin: 'parser', firstSeenMs: 0, ...extra,
  });
  return [
    tag('link', 'https://www.example.com/css/site.css'),
    tag('link', 'https://fonts.example.net/css?family=Inter'),
    tag('link', 'https://cdn.example.net/bootstrap/3.4.1/css/bootstrap.min.css', { integrity: SRI, crossorigin: 'anonymous' }),
    tag('link', 'https://www.example.com/fonts/inter.woff2', { rel: 'preload', as: 'font' }),
    tag('link', 'https://www.example.com/js/app.mjs', { rel: 'modulepreload' }),
    tag('script', 'https://code.jquery.com/jquery-3.4.1.min.js', { integrity: SRI, crossorigin: 'anonymous' }),
    tag('script', 'https://cdn.example.net/bootstrap/3.4.1/js/bootstrap.min.js'),
    tag('script', 'https://www.googletagmanager.com/gtag/js?id=G-XXXX'),
    tag('script', 'https://www.example.com/js/vendor/lodash-4.17.15.min.js'),
    tag('script', 'https://www.example.com/js/app.js'),
    tag('script', 'https://www.example.com/js/widgets.js'),
    tag('script', 'https://widget.vendor.net/embed.js'),
    tag('script', 'https://cdnjs.cloudflare.com/ajax/libs/moment.js/2.29.1/moment.min.js'),
    tag('script', 'https://www.example.com/js/chunk-3f9a1c.js'),
    tag('script', 'https://www.example.com/js/runtime.js', { type: 'module' }),
  ];
}

/** What the snapshot keeps of the 5,000-tag page: its first 2,000 tags. */
function hugeTags(salt: string, count = 2000): ExternalResourceTag[] {
  return Array.from({ length: count }, (_, index) => {
    const host = index % 3 === 0 ? 'https://www.example.com' : `https://cdn${index % 7}.example.net`;
    const script = index % 2 === 0;
    const name = script ? (index % 50 === 0 ? `jquery-3.${index % 8}.0.min.js` : `chunk-${index}.js`) : `part-${index}.css`;
    return {
      element: script ? 'script' : 'link', url: `${host}/${script ? 'js' : 'css'}/${name}${salt}`, rel: script ? null : 'stylesheet', as: null, type: null,
      integrity: index % 5 === 0 ? SRI : index % 9 === 0 ? 'sha1-abc' : null, crossorigin: index % 5 === 0 ? 'anonymous' : null, origin: 'parser', firstSeenMs: 0,
    };
  });
}

function captureOf(tags: ExternalResourceTag[]): PageCapture {
  const dom: DomSnapshot = { url: PAGE_URL, contentType: 'text/html', takenAt: 0, tags, inlineScriptCount: 1, metas: [], truncated: false, totalTags: tags.length };
  return { ...emptyCapture({ navigationId: 'bench', tabId: 1, url: PAGE_URL, startedAt: 0 }), state: 'complete', dom };
}

/** What the popup computes for the Page section (rows and findings share nothing cached). */
function analyse(capture: PageCapture): number {
  return sriRows(capture).length + libraryInventory(capture).length + subresourceIntegrityFindings(capture).length + libraryFindings(capture).length;
}

let round = 0;
const fresh = (make: (salt: string) => ExternalResourceTag[], count: number): PageCapture[] =>
  Array.from({ length: count }, () => captureOf(make(`?v=${round++}`)));

describe('core: SRI + library analysis (worker/popup, off the page)', () => {
  const typical = fresh(typicalTags, 2000);
  // More tag sets than the URL cache holds URLs, so a repeated set is no longer cached.
  const huge = fresh(hugeTags, 100);
  let typicalIndex = 0;
  let hugeIndex = 0;
  // A new capture object each time: rows are memoised per capture object, as views share them.
  bench('typical page (15 tags, 5 libraries)', () => {
    analyse({ ...(typical[typicalIndex++ % typical.length] as PageCapture) });
  });
  bench('5,000-tag page (2,000 tags kept by the snapshot)', () => {
    analyse({ ...(huge[hugeIndex++ % huge.length] as PageCapture) });
  }, { iterations: 40 });
});

// --- The snapshot, in Chromium ---------------------------------------------------------

function typicalHtml(): string {
  const links = typicalTags('').map((tag) =>
    tag.element === 'script'
      ? `<script src="${tag.url}"${tag.integrity !== null ? ` integrity="${tag.integrity}" crossorigin="anonymous"` : ''}${tag.type !== null ? ` type="${tag.type}"` : ''}></script>`
      : `<link rel="${tag.rel ?? ''}" href="${tag.url}"${tag.as !== null ? ` as="${tag.as}"` : ''}>`,
  );
  return `<!doctype html><html><head><meta name="referrer" content="no-referrer">${links.join('')}</head><body>${'<p>text</p>'.repeat(300)}<script>var x = 1;</script></body></html>`;
}

function hugeHtml(): string {
  // Same shape as the e2e fixture test/fixtures/site/five-thousand-tags.html builds.
  const tags = Array.from({ length: 5000 }, (_, index) =>
    index % 2 === 0 ? `<script type="text/plain" src="/js/chunk-${index}.js"></script>` : `<link rel="preload" as="style" href="/css/part-${index}.css">`,
  );
  return `<!doctype html><html><head></head><body>${tags.join('\n')}</body></html>`;
}

interface ChromiumPages {
  browser: Browser;
  typical: Page;
  huge: Page;
}


async function openChromium(): Promise<ChromiumPages | null> {
  const found = findChromium() as { ok: boolean; path?: string };
  if (!found.ok || found.path === undefined) return null;
  const code = await bundleForPage('test/helpers/snapshot-entry.ts', 'TabgradeSnapshot');
  const browser = await chromium.launch({ executablePath: found.path, headless: true, args: [...(CHROMIUM_FLAGS as string[])] });
  const open = async (html: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().resourceType() === 'document' ? route.fulfill({ contentType: 'text/html', body: html }) : route.fulfill({ status: 204 })));
    await page.goto(PAGE_URL);
    await page.addScriptTag({ content: code });
    return page;
  };
  return { browser, typical: await open(typicalHtml()), huge: await open(hugeHtml()) };
}

const pages = await openChromium();
afterAll(async () => {
  await pages?.browser.close();
});

/**
 * Times `runs` first snapshots inside the page and returns the mean, in ms (no round trips
 * counted): each the content script's first read of the page, a fresh IncrementalSnapshot
 * (src/content/index.ts), which reads every tag and resolves the URLs of those it keeps.
 */
async function snapshotMean(page: Page, runs: number): Promise<number> {
  return page.evaluate((count) => {
    type Api = { IncrementalSnapshot: new (clock: unknown) => { take(doc: Document): { totalTags: number } }; TagClock: new () => unknown };
    const api = (globalThis as unknown as { TabgradeSnapshot: Api }).TabgradeSnapshot;
    const started = performance.now();
    for (let run = 0; run < count; run++) new api.IncrementalSnapshot(new api.TagClock()).take(document);
    return (performance.now() - started) / count;
  }, runs);
}

/**
 * Times `runs` incremental snapshots, each after one tag was added: what a page that keeps
 * adding tags costs the content script once it has read the page. The first (full) read is
 * made once, outside the timing, and kept in the page between samples.
 */
async function incrementalMean(page: Page, runs: number): Promise<number> {
  return page.evaluate((count) => {
    type Incremental = { invalidate(records: MutationRecord[]): void; take(doc: Document): { totalTags: number } };
    type Api = { IncrementalSnapshot: new (clock: unknown) => Incremental; TagClock: new () => unknown; ATTRIBUTES_READ: string[] };
    type Kept = { snapshots: Incremental; observer: MutationObserver };
    const scope = globalThis as unknown as { TabgradeSnapshot: Api; benchIncremental?: Kept };
    const api = scope.TabgradeSnapshot;
    if (scope.benchIncremental === undefined) {
      const snapshots = new api.IncrementalSnapshot(new api.TagClock());
      const observer = new MutationObserver(() => undefined);
      observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: api.ATTRIBUTES_READ });
      snapshots.take(document);
      scope.benchIncremental = { snapshots, observer };
    }
    const { snapshots, observer } = scope.benchIncremental;
    let total = 0;
    for (let run = 0; run < count; run++) {
      const script = document.createElement('script');
      script.type = 'text/plain';
      script.src = `/js/added-${run}.js`;
      document.body.append(script);
      const started = performance.now();
      snapshots.invalidate(observer.takeRecords());
      snapshots.take(document);
      total += performance.now() - started;
      script.remove();
      snapshots.invalidate(observer.takeRecords());
    }
    return total / count;
  }, runs);
}

describe.skipIf(pages === null)('content script: DOM snapshot in Chromium (timed inside the page, 20 snapshots per sample)', () => {
  bench('5,000 script/link tags, incremental snapshot after one more tag ×20', async () => {
    await incrementalMean((pages as ChromiumPages).huge, 20);
  }, { iterations: 20 });
  bench('typical page (15 tags) ×20', async () => {
    await snapshotMean((pages as ChromiumPages).typical, 20);
  });
  bench('5,000 script/link tags ×20', async () => {
    await snapshotMean((pages as ChromiumPages).huge, 20);
  }, { iterations: 20 });
  bench('(round trip alone, to subtract)', async () => {
    await (pages as ChromiumPages).typical.evaluate(() => 0);
  });
});
