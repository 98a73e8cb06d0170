import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { observePage } from '../../../src/core/csp-builder/observe-page';
import { builderCapture } from './support';

const sha256 = (text: string): string => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('observePage', () => {
  it('finds the narrowest source for every kind of request of the blog fixture', async () => {
    const observations = await observePage(builderCapture('blog-with-cdn'));
    expect(observations?.origin).toBe('https://blog.example.com');
    expect(observations?.https).toBe(true);
    expect(observations?.pages).toEqual(['https://blog.example.com/post/1']);
    const sources = observations?.sources.map((source) => `${source.kind} ${source.expression} ×${source.count}`).sort();
    expect(sources).toEqual([
      "connect 'self' ×1",
      'connect https://api.example.com ×1',
      'connect wss://live.example.com ×1',
      'font https://fonts.gstatic.com ×1',
      "form 'self' ×1",
      'form https://newsletter.example.org ×1',
      'frame https://www.youtube-nocookie.com ×1',
      "image 'self' ×1",
      'image data: ×1',
      'image https://images.example-cdn.com ×2',
      "manifest 'self' ×1",
      "script 'self' ×1",
      'script https://cdn.jsdelivr.net ×1',
      'script https://www.googletagmanager.com ×1',
      "style 'self' ×1",
      'style https://fonts.googleapis.com ×1',
    ]);
    expect(observations?.parserScripts).toEqual(['https://cdn.jsdelivr.net/npm/lib@1.2.3/lib.min.js', 'https://blog.example.com/assets/app.js']);
  });

  it('hashes the inline script and style exactly as written, and lists what a policy would stop', async () => {
    const observations = await observePage(builderCapture('blog-with-cdn'));
    expect(observations?.inlineScripts.map((code) => [code.hash, code.preview])).toEqual([[sha256('window.dataLayer = window.dataLayer || [];'), 'window.dataLayer = window.dataLayer || [];']]);
    expect(observations?.inlineStyles.map((code) => code.hash)).toEqual([sha256('body { font-family: Inter, sans-serif; }')]);
    expect(observations?.eventHandlers.map((use) => [use.attribute, use.where, use.hash])).toEqual([
      ['onclick', 'button#subscribe', sha256("track('subscribe')")],
      ['onmouseover', 'div.share', sha256('showShare(this)')],
    ]);
    expect(observations?.javascriptUrls.map((use) => use.where)).toEqual(['a.back']);
    expect(observations?.styleAttributes).toHaveLength(2);
    expect(observations?.evalUses).toEqual([]);
    expect(observations?.notes).toEqual([]);
  });

  it('notes code that needs eval: known libraries (by their runtime version) and inline calls', async () => {
    const capture = builderCapture('clean-static', {
      html: { text: '<script>setTimeout("tick()", 10)</script>', source: 'served', truncated: false },
      runtimeLibraries: { probes: 1, lastProbedAt: 0, rejected: 0, error: null, hits: [{ component: 'knockout', version: '3.5.1', via: 'window.ko.version', firstSeenMs: 10 }] },
    });
    const uses = (await observePage(capture))?.evalUses ?? [];
    expect(uses.map((use) => [use.what, use.certain])).toEqual([
      ['inline script “setTimeout("tick()", 10)”', false],
      ['Knockout 3.5.1', true],
    ]);
  });

  it('says what it could not see', async () => {
    const withoutHtml = await observePage(builderCapture('clean-static', { html: null, droppedSubresources: 12, state: 'loading' }));
    expect(withoutHtml?.notes).toEqual([
      expect.stringContaining('HTML has not been read yet'),
      expect.stringContaining('12 requests beyond'),
      expect.stringContaining('still loading'),
    ]);
    const fromDom = await observePage(builderCapture('clean-static', { html: { text: '<p>x</p>', source: 'dom', truncated: true } }));
    expect(fromDom?.notes).toEqual([expect.stringContaining('live page'), expect.stringContaining('longer than Tabgrade keeps')]);
  });

  it('has nothing to say about a capture without a document, outside http(s), or of something other than HTML', async () => {
    expect(await observePage(builderCapture('clean-static', { document: null }))).toBeNull();
    const json = builderCapture('clean-static');
    expect(await observePage({ ...json, document: { ...json.document!, headers: [{ name: 'Content-Type', value: 'application/json' }] } })).toBeNull();
    expect(await observePage(builderCapture('clean-static', { url: 'file:///tmp/x.html' }))).toBeNull();
  });
});
