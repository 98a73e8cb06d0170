import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { breakagesOf } from '../../../src/core/csp-builder/breakages';
import { observePage } from '../../../src/core/csp-builder/observe-page';
import { builderCapture } from './support';

const sha256 = (text: string): string => `sha256-${createHash('sha256').update(text).digest('base64')}`;

async function breakages(name: string, overrides = {}) {
  const observations = await observePage(builderCapture(name, overrides));
  if (observations === null) throw new Error('no observations');
  return breakagesOf(observations);
}

describe('breakagesOf', () => {
  it('says plainly what the blog fixture will lose, with fixes, and which only the strict draft breaks', async () => {
    const found = await breakages('blog-with-cdn');
    expect(found.map((breakage) => [breakage.id, breakage.title, breakage.variants])).toEqual([
      ['nonce-needed', '2 <script src> tags in the HTML need nonce="…" under the strict policy', ['strict']],
      ['event-handlers', '2 inline event handlers: onclick on button#subscribe, onmouseover on div.share', ['strict', 'allow-list']],
      ['javascript-urls', '1 javascript: URL: href on a.back', ['strict', 'allow-list']],
    ]);
    const handlers = found.find((breakage) => breakage.id === 'event-handlers');
    expect(handlers?.items).toEqual(["onclick on button#subscribe: track('subscribe')", 'onmouseover on div.share: showShare(this)']);
    expect(handlers?.fix).toContain('addEventListener');
    expect(handlers?.stopgap).toBe(`script-src-attr 'unsafe-hashes' '${sha256("track('subscribe')")}' '${sha256('showShare(this)')}'`);
  });

  it('reports eval-dependent code as certain or possible, and plugins', async () => {
    const found = await breakages('clean-static', {
      html: { text: '<script>eval(data)</script><embed src="/movie.swf">', source: 'served', truncated: false },
      runtimeLibraries: { probes: 1, lastProbedAt: 0, rejected: 0, error: null, hits: [{ component: 'alpinejs', version: '3.13.0', via: 'window.Alpine.version', firstSeenMs: 5 }] },
    });
    const evalUse = found.find((breakage) => breakage.id === 'eval');
    expect(evalUse?.certainty).toBe('breaks');
    expect(evalUse?.title).toBe("Code that needs 'unsafe-eval' (2): inline script “eval(data)”, alpinejs 3.13.0");
    expect(evalUse?.items[1]).toContain('@alpinejs/csp');
    const plugins = found.find((breakage) => breakage.id === 'plugins');
    expect(plugins?.items).toEqual(['embed: /movie.swf']);
  });

  it('finds nothing to break on a page with no inline code and no scripts in its HTML', async () => {
    expect(await breakages('clean-static', { html: { text: '<p>Hi</p>', source: 'served', truncated: false }, subresources: [] })).toEqual([]);
  });
});
