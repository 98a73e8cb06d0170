/**
 * "Learn this site" storage, against an in-memory `storage.local`: opt-in per origin,
 * merged across pages, forgotten when turned off, and bounded in the number of sites.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyObservations, type SiteObservations } from '../../src/core/csp-builder/observations';

const store = new Map<string, unknown>();

vi.mock('../../src/shared/browser-api', () => ({
  default: {
    storage: {
      local: {
        get: async (keys: string | null) => {
          if (keys === null) return Object.fromEntries(store);
          return store.has(keys) ? { [keys]: structuredClone(store.get(keys)) } : {};
        },
        set: async (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(items)) store.set(key, structuredClone(value));
        },
        remove: async (keys: string | string[]) => {
          for (const key of Array.isArray(keys) ? keys : [keys]) store.delete(key);
        },
      },
    },
  },
}));

const { forgetLearned, learnPage, MAX_ORIGINS, readLearnedSite, setLearning } = await import('../../src/shared/csp-learning-store');

function page(origin: string, path: string, imageHost: string): SiteObservations {
  return {
    ...emptyObservations(origin, true),
    pages: [`${origin}${path}`],
    sources: [{ kind: 'image', expression: imageHost, count: 1, examples: [`${imageHost}${path}.png`] }],
  };
}

beforeEach(() => store.clear());

describe('csp-learning-store', () => {
  it('stores nothing until learning is turned on for the origin', async () => {
    const home = page('https://shop.example', '/', 'https://img.example');
    expect(await learnPage(home)).toBe(home);
    expect(store.size).toBe(0);
    expect(await readLearnedSite('https://shop.example')).toEqual({ enabled: false, observations: null });
  });

  it('merges every page learned, and forgets them when turned off', async () => {
    await setLearning('https://shop.example', true);
    await learnPage(page('https://shop.example', '/', 'https://img.example'));
    const merged = await learnPage(page('https://shop.example', '/checkout', 'https://pay.example'));
    expect(merged.pages).toEqual(['https://shop.example/', 'https://shop.example/checkout']);
    expect(merged.sources.map((source) => source.expression)).toEqual(['https://img.example', 'https://pay.example']);
    expect((await readLearnedSite('https://shop.example')).observations).toEqual(merged);

    await forgetLearned('https://shop.example');
    expect(await readLearnedSite('https://shop.example')).toEqual({ enabled: true, observations: null });

    await setLearning('https://shop.example', false);
    expect([...store.keys()].some((key) => key.startsWith('csp-learning:'))).toBe(false);
  });

  it('keeps at most MAX_ORIGINS sites, forgetting the least recently updated', async () => {
    for (let index = 0; index <= MAX_ORIGINS; index++) {
      const origin = `https://site${index}.example`;
      await setLearning(origin, true);
      await learnPage(page(origin, '/', 'https://img.example'));
      // Distinct timestamps, so "oldest" is well defined.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect((await readLearnedSite('https://site0.example')).enabled).toBe(false);
    expect((await readLearnedSite(`https://site${MAX_ORIGINS}.example`)).enabled).toBe(true);
    expect([...store.keys()].filter((key) => key.startsWith('csp-learning:'))).toHaveLength(MAX_ORIGINS);
  });

  it('ignores stored data that is not valid observations of that origin', async () => {
    store.set('csp-learning:https://shop.example', { enabled: true, observations: { version: 1, origin: 'https://evil.example', https: true } });
    expect(await readLearnedSite('https://shop.example')).toEqual({ enabled: true, observations: null });
  });
});
