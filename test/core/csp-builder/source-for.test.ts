import { describe, expect, it } from 'vitest';
import { resolveUrl, sourceFor } from '../../../src/core/csp-builder/source-for';

const PAGE = new URL('https://www.example.com/post/1');

describe('sourceFor', () => {
  it("writes 'self' for the page's own origin (and its wss: twin), the exact origin for others", () => {
    expect(sourceFor(new URL('https://www.example.com/app.js'), PAGE)).toBe("'self'");
    expect(sourceFor(new URL('wss://www.example.com/live'), PAGE)).toBe("'self'");
    expect(sourceFor(new URL('https://cdn.example.com/npm/x@1/x.js?v=2#h'), PAGE)).toBe('https://cdn.example.com');
    expect(sourceFor(new URL('https://CDN.example.com:443/x.js'), PAGE)).toBe('https://cdn.example.com');
    expect(sourceFor(new URL('http://127.0.0.1:4567/x.js'), PAGE)).toBe('http://127.0.0.1:4567');
    expect(sourceFor(new URL('wss://live.example.com/socket'), PAGE)).toBe('wss://live.example.com');
  });

  it('writes a scheme only for URLs that have no host (data:, blob:)', () => {
    expect(sourceFor(new URL('data:image/gif;base64,R0'), PAGE)).toBe('data:');
    expect(sourceFor(new URL('blob:https://www.example.com/uuid'), PAGE)).toBe('blob:');
    expect(sourceFor(new URL('about:blank'), PAGE)).toBeNull();
  });
});

describe('resolveUrl', () => {
  it('resolves relative URLs and refuses what no policy governs', () => {
    expect(resolveUrl('/a.js', PAGE.href)?.href).toBe('https://www.example.com/a.js');
    expect(resolveUrl('//cdn.example.com/a.js', PAGE.href)?.href).toBe('https://cdn.example.com/a.js');
    expect(resolveUrl('javascript:alert(1)', PAGE.href)).toBeNull();
    expect(resolveUrl('http://[bad', PAGE.href)).toBeNull();
  });
});
