import { describe, expect, it } from 'vitest';
import { isServedHtmlReply, parseWorkerMessage } from '../../src/shared/messages';

const snapshot = { url: 'http://a.test/', contentType: 'text/html', takenAt: 1, tags: [], inlineScriptCount: 0, metas: [], truncated: false, totalTags: 0 };

describe('worker messages', () => {
  it('accepts well-formed messages', () => {
    expect(parseWorkerMessage({ type: 'subscribe', tabId: 4 })).toEqual({ type: 'subscribe', tabId: 4 });
    expect(parseWorkerMessage({ type: 'complete-capture', tabId: 4 })).toEqual({ type: 'complete-capture', tabId: 4 });
    expect(parseWorkerMessage({ type: 'dom-snapshot', snapshot })).toEqual({ type: 'dom-snapshot', snapshot });
  });

  it('rejects anything else', () => {
    expect(parseWorkerMessage(null)).toBeNull();
    expect(parseWorkerMessage({ type: 'subscribe', tabId: '4' })).toBeNull();
    expect(parseWorkerMessage({ type: 'subscribe', tabId: 1.5 })).toBeNull();
    expect(parseWorkerMessage({ type: 'dom-snapshot', snapshot: { ...snapshot, tags: 'x' } })).toBeNull();
    expect(parseWorkerMessage({ type: 'eval', code: 'x' })).toBeNull();
  });

  it('validates served-HTML replies', () => {
    expect(isServedHtmlReply({ html: '<p>', error: null })).toBe(true);
    expect(isServedHtmlReply({ html: 3, error: null })).toBe(false);
    expect(isServedHtmlReply(undefined)).toBe(false);
  });
});
