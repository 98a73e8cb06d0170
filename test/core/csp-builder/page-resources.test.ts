import { describe, expect, it } from 'vitest';
import { pageResources } from '../../../src/core/csp-builder/page-resources';
import { builderCapture } from './support';

function summary(name: string, overrides = {}): string[] {
  return pageResources(builderCapture(name, overrides)).map((resource) => `${resource.kind} ${resource.url}${resource.parserInserted ? ' (parser)' : ''}`);
}

describe('pageResources', () => {
  it('joins the HTML, the DOM tags and the network log, each URL once per kind, with the kind of directive that decides it', () => {
    const resources = summary('blog-with-cdn');
    expect(resources).toEqual(expect.arrayContaining([
      'style https://fonts.googleapis.com/css2?family=Inter (parser)',
      'script https://cdn.jsdelivr.net/npm/lib@1.2.3/lib.min.js (parser)',
      'script https://blog.example.com/assets/app.js (parser)',
      // Added by a script: only the network log saw it.
      'script https://www.googletagmanager.com/gtag/js?id=G-1',
      // Lazy: written in the HTML, not loaded yet.
      'image https://images.example-cdn.com/late.jpg',
      'image data:image/gif;base64,R0lGODlhAQABAAAAACw=',
      'font https://fonts.gstatic.com/s/inter/v12/inter.woff2',
      'connect https://api.example.com/v1/comments?post=1',
      'connect wss://live.example.com/socket',
      'connect https://blog.example.com/beacon',
      'frame https://www.youtube-nocookie.com/embed/abc',
      // "other" in the network log, named by <link rel=manifest>.
      'manifest https://blog.example.com/manifest.webmanifest',
      'form https://newsletter.example.org/subscribe (parser)',
      // A form without action posts to the page itself.
      'form https://blog.example.com/post/1 (parser)',
    ]));
    expect(resources.filter((line) => line.includes('lib.min.js'))).toHaveLength(1);
    expect(resources.some((line) => line.includes('tracker.example.net'))).toBe(false);
    expect(resources.some((line) => line.startsWith('other '))).toBe(false);
  });

  it('uses the DOM snapshot when there is no HTML: parser tags are parser-inserted, script-added ones are not', () => {
    const resources = summary('clean-static', {
      html: null,
      dom: {
        url: 'https://clean.example/', contentType: 'text/html', takenAt: 0, inlineScriptCount: 1, metas: [], truncated: false, totalTags: 2,
        tags: [
          { element: 'script', url: 'https://clean.example/app.js', rel: null, as: null, type: 'module', integrity: null, crossorigin: null, origin: 'parser', firstSeenMs: 0 },
          { element: 'script', url: 'https://widgets.example/w.js', rel: null, as: null, type: null, integrity: null, crossorigin: null, origin: 'added-after-load', firstSeenMs: 900 },
        ],
      },
    });
    expect(resources).toContain('script https://clean.example/app.js (parser)');
    expect(resources).toContain('script https://widgets.example/w.js');
  });

  it('resolves relative URLs against <base href>', () => {
    const capture = builderCapture('clean-static', { html: { text: '<base href="https://static.clean.example/v2/"><img src="logo.png">', source: 'served', truncated: false } });
    const urls = pageResources(capture).map((resource) => `${resource.kind} ${resource.url}`);
    expect(urls).toContain('image https://static.clean.example/v2/logo.png');
    expect(urls).toContain('base https://static.clean.example/v2/');
  });
});
