import { describe, expect, it } from 'vitest';
import { emptyCapture, type ExternalResourceTag } from '../../src/core/capture';
import { tagRows } from '../../src/core/page-tags';

function tag(url: string): ExternalResourceTag {
  return { element: 'script', url, rel: null, as: null, type: null, integrity: null, crossorigin: null, origin: 'parser', firstSeenMs: 0 };
}

describe('tagRows', () => {
  it('marks same- and cross-origin resources, and unparseable URLs as cross-origin', () => {
    const capture = emptyCapture({ navigationId: 'n', tabId: 1, url: 'https://site.test/page', startedAt: 0 });
    capture.dom = {
      url: capture.url, contentType: 'text/html', takenAt: 0, inlineScriptCount: 0, metas: [], truncated: false, totalTags: 4,
      tags: [tag('https://site.test/app.js'), tag('https://cdn.test/lib.js'), tag('http://site.test/app.js'), tag('not a url')],
    };
    expect(tagRows(capture).map((row) => row.sameOrigin)).toEqual([true, false, false, false]);
    expect(tagRows(capture)[1]?.resourceOrigin).toBe('https://cdn.test');
  });

  it('is empty without a snapshot', () => {
    expect(tagRows(emptyCapture({ navigationId: 'n', tabId: 1, url: 'https://site.test/', startedAt: 0 }))).toEqual([]);
  });
});
