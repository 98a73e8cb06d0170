import { describe, expect, it } from 'vitest';
import { CAPTURE_LIMITS, type DomSnapshot, type ResponseCapture } from '../../src/core/capture';
import {
  addRedirect,
  addSubresources,
  attachDom,
  boundedHtml,
  completeNavigation,
  failNavigation,
  setDocument,
  startNavigation,
} from '../../src/core/capture-updates';

const start = () => startNavigation(7, 'req-1@1000', 'http://site.test/', 1000);

function response(url: string, type: ResponseCapture['type'] = 'main_frame'): ResponseCapture {
  return { url, method: 'GET', statusCode: 200, statusLine: 'HTTP/1.1 200 OK', headers: [], type, timeStamp: 1, fromCache: false };
}

function snapshot(url: string, takenAt = 2000): DomSnapshot {
  return { url, contentType: 'text/html', takenAt, tags: [], inlineScriptCount: 0, metas: [], truncated: false, totalTags: 0 };
}

describe('capture updates', () => {
  it('follows redirects to the final document', () => {
    let capture = start();
    capture = addRedirect(capture, { url: 'http://site.test/', statusCode: 301, statusLine: '', location: 'https://site.test/', headers: [], internal: false });
    capture = setDocument(capture, response('https://site.test/'));
    expect(capture.requestedUrl).toBe('http://site.test/');
    expect(capture.url).toBe('https://site.test/');
    expect(capture.redirects.map((hop) => hop.statusCode)).toEqual([301]);
  });

  it('caps redirect hops', () => {
    let capture = start();
    for (let index = 0; index < CAPTURE_LIMITS.redirects + 5; index++) {
      capture = addRedirect(capture, { url: `http://site.test/${index}`, statusCode: 302, statusLine: '', location: `http://site.test/${index + 1}`, headers: [], internal: false });
    }
    expect(capture.redirects).toHaveLength(CAPTURE_LIMITS.redirects);
  });

  it('keeps sub-resources up to the cap and counts the rest', () => {
    let capture = setDocument(start(), response('http://site.test/'));
    for (let index = 0; index < CAPTURE_LIMITS.subresourcesPerPage + 3; index++) {
      capture = addSubresources(capture, [response(`http://site.test/${index}.js`, 'script')]);
    }
    expect(capture.subresources).toHaveLength(CAPTURE_LIMITS.subresourcesPerPage);
    expect(capture.droppedSubresources).toBe(3);
  });

  it('adds a batch in order, splitting it at the cap', () => {
    const before = setDocument(start(), response('http://site.test/'));
    const nearlyFull = addSubresources(
      before,
      Array.from({ length: CAPTURE_LIMITS.subresourcesPerPage - 2 }, (_, index) => response(`http://site.test/${index}.css`, 'stylesheet')),
    );
    const batch = ['a', 'b', 'c', 'd'].map((name) => response(`http://site.test/${name}.js`, 'script'));
    const after = addSubresources(nearlyFull, batch);
    expect(after.subresources.slice(-2).map((r) => r.url)).toEqual(['http://site.test/a.js', 'http://site.test/b.js']);
    expect(after.droppedSubresources).toBe(2);
    expect(addSubresources(after, [])).toBe(after);
    expect(before.subresources).toHaveLength(0);
  });

  it('attaches a snapshot of the same document (fragment ignored) and refuses one of another page', () => {
    const capture = setDocument(start(), response('http://site.test/'));
    expect(attachDom(capture, snapshot('http://site.test/#top')).dom).not.toBeNull();
    expect(attachDom(capture, snapshot('http://elsewhere.test/')).dom).toBeNull();
  });

  it('accepts a same-origin snapshot after pushState, but not a stale one from before the navigation', () => {
    const capture = setDocument(start(), response('http://site.test/'));
    expect(attachDom(capture, snapshot('http://site.test/app/route', 2000)).dom).not.toBeNull();
    expect(attachDom(capture, snapshot('http://site.test/old', 500)).dom).toBeNull();
  });

  it('completes once and records failures', () => {
    const done = completeNavigation(start(), 5000);
    expect(done.state).toBe('complete');
    expect(completeNavigation(done, 9000).completedAt).toBe(5000);
    const failed = failNavigation(start(), 'net::ERR_CONNECTION_REFUSED', 3000);
    expect(failed.state).toBe('error');
    expect(failed.error).toBe('net::ERR_CONNECTION_REFUSED');
    expect(completeNavigation(failed, 4000).state).toBe('error');
  });

  it('bounds HTML and marks it truncated', () => {
    expect(boundedHtml('abcdef', 'served', 4)).toEqual({ text: 'abcd', source: 'served', truncated: true });
    expect(boundedHtml('ab', 'dom', 4)).toEqual({ text: 'ab', source: 'dom', truncated: false });
  });
});
