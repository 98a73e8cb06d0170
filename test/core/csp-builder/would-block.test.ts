import { describe, expect, it } from 'vitest';
import { draftPolicies } from '../../../src/core/csp-builder/draft';
import { observePage } from '../../../src/core/csp-builder/observe-page';
import { parsePolicy, wouldBlock } from '../../../src/core/csp-builder/would-block';
import { builderCapture } from './support';

const summary = (policy: string, name: string, overrides = {}): string[] =>
  wouldBlock(policy, builderCapture(name, overrides)).map((entry) => `${entry.reason} ${entry.directive} ${entry.url}`);

describe('wouldBlock: the drafts', () => {
  it.each(['blog-with-cdn', 'clean-static'])('the allow-list draft of %s blocks nothing the page loads', async (name) => {
    const capture = builderCapture(name);
    const observations = await observePage(capture);
    expect(observations).not.toBeNull();
    const { allowList } = draftPolicies(observations!);
    expect(wouldBlock(allowList.text, capture)).toEqual([]);
  });

  it('the strict draft of the blog blocks only the script tags written in the HTML, until they carry the nonce', async () => {
    const capture = builderCapture('blog-with-cdn');
    const { strict } = draftPolicies((await observePage(capture))!);
    expect(wouldBlock(strict.text, capture).map((entry) => `${entry.reason} ${entry.url}`)).toEqual([
      'needs-nonce https://cdn.jsdelivr.net/npm/lib@1.2.3/lib.min.js',
      'needs-nonce https://blog.example.com/assets/app.js',
    ]);
  });
});

describe('wouldBlock: any policy', () => {
  it("blocks what a narrower policy does not list, by each request's directive and its fallbacks", () => {
    const blocked = summary("default-src 'self'; script-src 'self' https://cdn.jsdelivr.net; img-src *; font-src https:", 'blog-with-cdn');
    expect(blocked).toEqual(expect.arrayContaining([
      "not-allowed default-src https://fonts.googleapis.com/css2?family=Inter",
      "not-allowed script-src https://www.googletagmanager.com/gtag/js?id=G-1",
      // img-src * does not cover data:.
      'not-allowed img-src data:image/gif;base64,R0lGODlhAQABAAAAACw=',
      'not-allowed default-src https://api.example.com/v1/comments?post=1',
      'not-allowed default-src wss://live.example.com/socket',
      'not-allowed default-src https://www.youtube-nocookie.com/embed/abc',
    ]));
    expect(blocked.some((line) => line.includes('fonts.gstatic.com'))).toBe(false);
    expect(blocked.some((line) => line.includes('images.example-cdn.com'))).toBe(false);
    // form-action does not fall back to default-src: forms stay allowed without it.
    expect(blocked.some((line) => line.includes('newsletter'))).toBe(false);
  });

  it("under 'strict-dynamic', scripts added by scripts are trusted and tags in the HTML need their nonce", () => {
    const html = '<script src="/app.js" nonce="r4nd0m"></script><script src="https://cdn.example/lib.js"></script>';
    const overrides = {
      html: { text: html, source: 'served' as const, truncated: false },
      subresources: [...builderCapture('clean-static').subresources, { ...builderCapture('clean-static').subresources[1]!, url: 'https://late.example/added.js' }],
    };
    expect(summary("script-src 'nonce-r4nd0m' 'strict-dynamic'", 'clean-static', overrides)).toEqual(['needs-nonce script-src https://cdn.example/lib.js']);
    expect(summary("script-src 'sha256-AAAA' 'strict-dynamic'", 'clean-static', overrides)).toEqual([
      'not-allowed script-src https://clean.example/app.js',
      'not-allowed script-src https://cdn.example/lib.js',
    ]);
  });

  it('requires every policy of a comma-separated list to allow a request', () => {
    expect(summary("img-src *, img-src 'self'", 'blog-with-cdn').filter((line) => line.includes('img-src'))).toEqual([
      'not-allowed img-src https://images.example-cdn.com/hero.jpg',
      'not-allowed img-src https://images.example-cdn.com/late.jpg',
      'not-allowed img-src data:image/gif;base64,R0lGODlhAQABAAAAACw=',
    ]);
  });

  it("form-action and base-uri are judged on their own", () => {
    expect(summary("form-action 'self'", 'blog-with-cdn')).toEqual(['not-allowed form-action https://newsletter.example.org/subscribe']);
  });
});

describe('parsePolicy', () => {
  it('lower-cases directive names, keeps the first of a repeated directive and skips empty parts', () => {
    expect([...parsePolicy(" Script-Src 'self';; script-src *; img-src\t'none' ").entries()]).toEqual([
      ['script-src', ["'self'"]],
      ['img-src', ["'none'"]],
    ]);
  });
});
