import { describe, expect, it } from 'vitest';
import { emptyCapture, type ResponseCapture } from '../../src/core/capture';
import { setDocument } from '../../src/core/capture-updates';
import { NOT_FOUND_PROBE_PATH, plannedProbes } from '../../src/core/probe-plan';
import { captureFrom } from '../helpers/fixtures';

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

describe('the opt-in debug-page probe', () => {
  const capture = captureFrom({ url: 'https://shop.example/cart', headers: [{ name: 'Content-Type', value: 'text/html' }] });

  it('asks for a page that does not exist on the audited origin only when the site is opted in', () => {
    expect(plannedProbes(capture).map((probe) => probe.key)).not.toContain('notFound');
    const planned = plannedProbes(capture, { debugProbe: true }).find((probe) => probe.key === 'notFound');
    expect(planned).toEqual({ key: 'notFound', url: `https://shop.example${NOT_FOUND_PROBE_PATH}`, method: 'GET', readBody: true });
  });

  it('asks once per capture', () => {
    const probed = { ...capture, probes: { notFound: { url: `https://shop.example${NOT_FOUND_PROBE_PATH}`, redirects: [], response: null, error: 'refused' } } };
    expect(plannedProbes(probed, { debugProbe: true }).map((probe) => probe.key)).not.toContain('notFound');
  });
});
