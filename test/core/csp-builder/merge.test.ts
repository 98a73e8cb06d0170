import { describe, expect, it } from 'vitest';
import { mergeObservations } from '../../../src/core/csp-builder/merge';
import { emptyObservations, OBSERVATION_LIMITS, type SiteObservations } from '../../../src/core/csp-builder/observations';
import { observePage } from '../../../src/core/csp-builder/observe-page';
import { builderCapture } from './support';

async function page(path: string, html: string, requests: Array<[string, string]> = []): Promise<SiteObservations> {
  const url = `https://shop.example${path}`;
  const base = builderCapture('clean-static', { url, html: { text: html, source: 'served', truncated: false } });
  const capture = {
    ...base,
    document: base.document === null ? null : { ...base.document, url },
    subresources: requests.map(([type, requestUrl]) => ({ ...(base.document ?? base.subresources[0]!), url: requestUrl, type: type as 'script' })),
  };
  const observations = await observePage(capture);
  if (observations === null) throw new Error('no observations');
  return observations;
}

describe('mergeObservations', () => {
  it('allows what every page needs: the union of sources, inline hashes and breakages, by identity', async () => {
    const home = await page('/', '<script>home()</script><button id="buy" onclick="buy()">Buy</button>', [['script', 'https://cdn.one.example/a.js'], ['image', 'https://img.example/1.png']]);
    const checkout = await page('/checkout', '<script>checkout()</script><button id="buy" onclick="buy()">Buy</button>', [['script', 'https://js.stripe.example/v3'], ['image', 'https://img.example/2.png'], ['image', 'https://img.example/1.png']]);
    const merged = mergeObservations(home, checkout);
    expect(merged.pages).toEqual(['https://shop.example/', 'https://shop.example/checkout']);
    expect(merged.sources.map((source) => `${source.kind} ${source.expression} ×${source.count}`)).toEqual([
      'script https://cdn.one.example ×1',
      'image https://img.example ×2',
      'script https://js.stripe.example ×1',
    ]);
    expect(merged.sources.find((source) => source.expression === 'https://img.example')?.examples).toEqual(['https://img.example/1.png', 'https://img.example/2.png']);
    expect(merged.inlineScripts.map((code) => code.preview)).toEqual(['home()', 'checkout()']);
    // The same handler on the same element of two pages is one thing to fix.
    expect(merged.eventHandlers).toHaveLength(1);
  });

  it('is idempotent: learning the same page again changes nothing but its place in the page list', async () => {
    const home = await page('/', '<script>home()</script>', [['script', 'https://cdn.one.example/a.js']]);
    const other = await page('/about', '<p>About</p>');
    const once = mergeObservations(home, other);
    expect(mergeObservations(once, other)).toEqual(once);
    expect(mergeObservations(once, home).pages).toEqual(['https://shop.example/about', 'https://shop.example/']);
    expect(mergeObservations(once, home).sources).toEqual(once.sources);
  });

  it('stays bounded however many pages are learned', () => {
    let site = emptyObservations('https://shop.example', true);
    for (let index = 0; index < OBSERVATION_LIMITS.pages + 20; index++) {
      const next = emptyObservations('https://shop.example', true);
      next.pages = [`https://shop.example/p/${index}`];
      next.sources = [{ kind: 'image', expression: 'https://img.example', count: 1, examples: [`https://img.example/${index}.png`] }];
      site = mergeObservations(site, next);
    }
    expect(site.pages).toHaveLength(OBSERVATION_LIMITS.pages);
    expect(site.pages.at(-1)).toBe(`https://shop.example/p/${OBSERVATION_LIMITS.pages + 19}`);
    const images = site.sources[0];
    expect(images?.examples).toHaveLength(OBSERVATION_LIMITS.examplesPerSource);
    // A lower bound: more distinct URLs were seen than the examples kept (the view says "at least").
    expect(images?.count).toBeGreaterThan(OBSERVATION_LIMITS.examplesPerSource);
  });

  it('never mixes origins, and keeps the newest page’s notes', () => {
    const a = emptyObservations('https://a.example', true);
    const b = emptyObservations('https://b.example', true);
    b.pages = ['https://b.example/'];
    expect(mergeObservations(a, b)).toBe(a);
    const older = { ...emptyObservations('https://a.example', true), notes: ['The page was still loading'] };
    const newer = { ...emptyObservations('https://a.example', false), notes: [] };
    expect(mergeObservations(older, newer).notes).toEqual([]);
    expect(mergeObservations(older, newer).https).toBe(true);
  });
});
