import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { draftAllowList, draftPolicies, draftStrict, NONCE_SOURCE } from '../../../src/core/csp-builder/draft';
import { observePage } from '../../../src/core/csp-builder/observe-page';
import type { SiteObservations } from '../../../src/core/csp-builder/observations';
import type { PageCapture } from '../../../src/core/capture';
import { builderCapture } from './support';

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

async function observe(capture: PageCapture): Promise<SiteObservations> {
  const observations = await observePage(capture);
  if (observations === null) throw new Error('no observations');
  return observations;
}

function directive(text: string, name: string): string[] | undefined {
  for (const part of text.split('; ')) {
    const [head, ...sources] = part.split(' ');
    if (head === name) return sources;
  }
  return undefined;
}

const CLEAN_INLINE = "\n    document.documentElement.classList.add('js');\n  ";

describe('a clean page (everything from its own origin, one inline script)', () => {
  it("allow-list: default-src 'self' and the inline script's hash, nothing else to allow", async () => {
    const policy = draftAllowList(await observe(builderCapture('clean-static')));
    expect(policy.text).toBe(`default-src 'self'; script-src 'self' ${sha256(CLEAN_INLINE)}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'`);
    expect(policy.usesNonce).toBe(false);
  });

  it('strict: the nonce for the module script written in the HTML, the inline hash, strict-dynamic and the fallbacks for old browsers', async () => {
    const policy = draftStrict(await observe(builderCapture('clean-static')));
    expect(policy.text).toBe(
      `default-src 'self'; script-src ${NONCE_SOURCE} ${sha256(CLEAN_INLINE)} 'strict-dynamic' 'unsafe-inline' https:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'`,
    );
    expect(policy.usesNonce).toBe(true);
  });
});

describe('the blog fixture (CDNs, an API, a WebSocket, a video, a newsletter form)', () => {
  it('allow-list: each directive names exactly the origins seen, never a scheme or a wildcard', async () => {
    const { text } = draftAllowList(await observe(builderCapture('blog-with-cdn')));
    expect(directive(text, 'default-src')).toEqual(["'self'"]);
    expect(directive(text, 'script-src')).toEqual(["'self'", 'https://cdn.jsdelivr.net', 'https://www.googletagmanager.com', sha256('window.dataLayer = window.dataLayer || [];')]);
    expect(directive(text, 'style-src')).toEqual(["'self'", 'https://fonts.googleapis.com', sha256('body { font-family: Inter, sans-serif; }')]);
    expect(directive(text, 'style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(directive(text, 'img-src')).toEqual(["'self'", 'https://images.example-cdn.com', 'data:']);
    expect(directive(text, 'font-src')).toEqual(["'self'", 'https://fonts.gstatic.com']);
    expect(directive(text, 'connect-src')).toEqual(["'self'", 'https://api.example.com', 'wss://live.example.com']);
    expect(directive(text, 'frame-src')).toEqual(["'self'", 'https://www.youtube-nocookie.com']);
    expect(directive(text, 'form-action')).toEqual(["'self'", 'https://newsletter.example.org']);
    expect(directive(text, 'object-src')).toEqual(["'none'"]);
    // The manifest is same-origin: default-src covers it, no manifest-src needed.
    expect(directive(text, 'manifest-src')).toBeUndefined();
    expect(text).not.toMatch(/ https: | \*|'unsafe-eval'/);
  });

  it('strict: scripts by nonce and hash only; the other directives as in the allow-list', async () => {
    const observations = await observe(builderCapture('blog-with-cdn'));
    const { strict, allowList } = draftPolicies(observations);
    expect(directive(strict.text, 'script-src')).toEqual([NONCE_SOURCE, sha256('window.dataLayer = window.dataLayer || [];'), "'strict-dynamic'", "'unsafe-inline'", 'https:']);
    expect(directive(strict.text, 'base-uri')).toEqual(["'none'"]);
    for (const name of ['default-src', 'style-src', 'img-src', 'font-src', 'connect-src', 'frame-src', 'object-src', 'form-action', 'frame-ancestors']) {
      expect(directive(strict.text, name), name).toEqual(directive(allowList.text, name));
    }
  });

  it('says why every source is there', async () => {
    const policy = draftAllowList(await observe(builderCapture('blog-with-cdn')));
    const why = (name: string, expression: string): string | undefined =>
      policy.directives.find((candidate) => candidate.name === name)?.sources.find((source) => source.expression === expression)?.why;
    expect(why('img-src', 'https://images.example-cdn.com')).toBe('2 images: https://images.example-cdn.com/hero.jpg, https://images.example-cdn.com/late.jpg');
    expect(why('script-src', sha256('window.dataLayer = window.dataLayer || [];'))).toBe('inline <script> (script) “window.dataLayer = window.dataLayer || [];”');
    expect(why('style-src-attr', "'unsafe-inline'")).toContain('2 style="…" attributes (header, div.share)');
    expect(why('script-src', "'self'")).toBe('this site’s own origin — 1 script: https://blog.example.com/assets/app.js');
    expect(policy.directives.every((candidate) => candidate.sources.every((source) => source.why !== ''))).toBe(true);
  });
});

describe('edge cases', () => {
  it("a page without scripts gets script-src 'none' in the strict draft", async () => {
    const capture = builderCapture('clean-static', { html: { text: '<p>Static</p>', source: 'served', truncated: false }, subresources: [] });
    const policy = draftStrict(await observe(capture));
    expect(directive(policy.text, 'script-src')).toEqual(["'none'"]);
    expect(policy.usesNonce).toBe(false);
  });

  it('an http page gets no https: fallback (it would not match its own scripts in old browsers either way)', async () => {
    const capture = builderCapture('clean-static', { url: 'http://localhost:8000/', html: { text: '<script>go()</script>', source: 'served', truncated: false }, subresources: [] });
    const strict = draftStrict(await observe(capture));
    expect(directive(strict.text, 'script-src')).toEqual([sha256('go()'), "'strict-dynamic'", "'unsafe-inline'"]);
  });

  it('a page with <base href> keeps it allowed', async () => {
    const capture = builderCapture('clean-static', { html: { text: '<base href="https://static.clean.example/">', source: 'served', truncated: false } });
    const { strict, allowList } = draftPolicies(await observe(capture));
    expect(directive(strict.text, 'base-uri')).toEqual(["'self'", 'https://static.clean.example']);
    expect(directive(allowList.text, 'base-uri')).toEqual(["'self'", 'https://static.clean.example']);
  });

  it('requests of a type the browser did not name go into default-src, by exact origin', async () => {
    const base = builderCapture('clean-static');
    const capture = { ...base, subresources: [...base.subresources, { ...base.subresources[0]!, type: 'other' as const, url: 'https://prefetch.example/next' }] };
    expect(directive(draftAllowList(await observe(capture)).text, 'default-src')).toEqual(["'self'", 'https://prefetch.example']);
  });
});
