import { describe, expect, it } from 'vitest';
import { emptyObservations, parseObservations } from '../../../src/core/csp-builder/observations';
import { observePage } from '../../../src/core/csp-builder/observe-page';
import { builderCapture } from './support';

describe('parseObservations', () => {
  it('reads back what was stored', async () => {
    const observations = await observePage(builderCapture('blog-with-cdn'));
    expect(parseObservations(JSON.parse(JSON.stringify(observations)))).toEqual(observations);
  });

  it('refuses what is not ours, and drops malformed entries', () => {
    expect(parseObservations(null)).toBeNull();
    expect(parseObservations({ ...emptyObservations('https://a.example', true), version: 2 })).toBeNull();
    expect(parseObservations({ ...emptyObservations('https://a.example', true), sources: 'x' })).toBeNull();
    const stored = {
      ...emptyObservations('https://a.example', true),
      sources: [{ kind: 'script', expression: 'https://cdn.example', count: 1, examples: ['https://cdn.example/a.js'] }, { kind: 'evil', expression: 1 }],
      pages: ['https://a.example/', 42],
    };
    const parsed = parseObservations(stored);
    expect(parsed?.sources).toHaveLength(1);
    expect(parsed?.pages).toEqual(['https://a.example/']);
  });
});
