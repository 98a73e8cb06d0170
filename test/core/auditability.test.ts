import { describe, expect, it } from 'vitest';
import { auditability } from '../../src/core/auditability';

describe('auditability', () => {
  it.each([
    ['https://example.com/', true],
    ['http://localhost:8000/admin/', true],
    ['http://127.0.0.1:5173/', true],
  ])('audits %s', (url, expected) => {
    expect(auditability(url).auditable).toBe(expected);
  });

  it.each([
    ['chrome://settings', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['edge://flags', 'browser-page'],
    ['chrome-extension://abc/popup.html', 'extension-page'],
    ['moz-extension://abc/popup.html', 'extension-page'],
    ['https://chromewebstore.google.com/detail/x', 'web-store'],
    ['https://chrome.google.com/webstore/detail/x', 'web-store'],
    ['https://addons.mozilla.org/en-US/firefox/', 'web-store'],
    ['view-source:https://example.com/', 'view-source'],
    ['file:///home/me/index.html', 'local-file'],
    ['data:text/html,hi', 'data-url'],
    ['ftp://example.com/', 'unsupported-scheme'],
    [undefined, 'no-url'],
    ['', 'no-url'],
  ])('refuses %s as %s, with an explanation', (url, reason) => {
    const result = auditability(url);
    expect(result.auditable).toBe(false);
    if (!result.auditable) {
      expect(result.reason).toBe(reason);
      expect(result.explanation.length).toBeGreaterThan(20);
    }
  });
});
