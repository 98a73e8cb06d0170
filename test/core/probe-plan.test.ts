import { describe, expect, it } from 'vitest';
import { emptyCapture, type ResponseCapture } from '../../src/core/capture';
import { setDocument } from '../../src/core/capture-updates';
import { plannedProbes } from '../../src/core/probe-plan';

function doc(url: string): ResponseCapture {
  return { url, method: 'GET', statusCode: 200, statusLine: '', headers: [], type: 'main_frame', timeStamp: 0, fromCache: false };
}

describe('plannedProbes', () => {
  it('asks http://<host>/ and a CORS preflight for a page reached over https', () => {
    const capture = setDocument(emptyCapture({ navigationId: 'n', tabId: 1, url: 'https://www.site.test:8443/shop?q=1', startedAt: 0 }), doc('https://www.site.test:8443/shop?q=1'));
    expect(plannedProbes(capture)).toEqual([
      { key: 'http', url: 'http://www.site.test/', method: 'GET' },
      { key: 'cors', url: 'https://www.site.test:8443/shop?q=1', method: 'OPTIONS' },
    ]);
  });

  it('skips the http probe when the navigation itself started on http://', () => {
    const capture = setDocument(emptyCapture({ navigationId: 'n', tabId: 1, url: 'http://site.test/', startedAt: 0 }), doc('https://site.test/'));
    expect(plannedProbes(capture).map((probe) => probe.key)).toEqual(['cors']);
  });

  it('plans nothing before the document arrives, and nothing already done', () => {
    const loading = emptyCapture({ navigationId: 'n', tabId: 1, url: 'https://site.test/', startedAt: 0 });
    expect(plannedProbes(loading)).toEqual([]);
    const done = setDocument(loading, doc('https://site.test/'));
    done.probes = { http: { url: 'http://site.test/', redirects: [], response: null, error: 'refused' }, cors: { url: 'https://site.test/', redirects: [], response: null } };
    expect(plannedProbes(done)).toEqual([]);
  });

  it('brackets IPv6 hosts', () => {
    const capture = setDocument(emptyCapture({ navigationId: 'n', tabId: 1, url: 'https://[::1]/', startedAt: 0 }), doc('https://[::1]/'));
    expect(plannedProbes(capture)[0]?.url).toBe('http://[::1]/');
  });
});
