import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../../../src/core/capture';
import { REDIRECTION_RESULTS, redirectionTest } from '../../../../src/core/checks/observatory/redirection';
import { captureFrom, loadHeaders } from '../../../helpers/fixtures';
import { hop, preloadContext, probe, response, unknownPreloadContext } from '../../../helpers/chains';

/** A capture of an HTTPS page plus an `http://` probe. */
function withProbe(http: ProbeResult, url = 'https://example.com/') {
  return captureFrom({ url, headers: loadHeaders('html-page'), overrides: { probes: { http } } });
}

const run = (capture: ReturnType<typeof captureFrom>, context = preloadContext()) => redirectionTest.run(capture, context);

describe('redirection', () => {
  it('passes a redirect to HTTPS on the same host', () => {
    const result = run(withProbe(probe('http://example.com/', [hop('http://example.com/', 'https://example.com/')], response('https://example.com/'))));
    expect(result).toMatchObject({
      result: 'redirection-to-https',
      pass: true,
      scoreModifier: 0,
      data: { route: ['http://example.com/', 'https://example.com/'], destination: 'https://example.com/', statusCode: 200, redirects: true, observedFrom: 'http-probe' },
    });
  });

  it('passes when every host on the way is preloaded', () => {
    const http = probe('http://example.com/', [hop('http://example.com/', 'https://www.example.com/')], response('https://www.example.com/'));
    expect(run(withProbe(http), preloadContext(['example.com']))).toMatchObject({ result: 'redirection-all-redirects-preloaded', pass: true });
  });

  it('passes a site that does not answer plain HTTP', () => {
    const result = run(withProbe(probe('http://example.com/', [], null, 'net::ERR_CONNECTION_REFUSED')));
    expect(result).toMatchObject({ result: 'redirection-not-needed-no-http', pass: true });
    expect(result.notes.join(' ')).toContain('ERR_CONNECTION_REFUSED');
  });

  it('penalises a first redirect to HTTPS on another host', () => {
    const http = probe('http://example.com/', [hop('http://example.com/', 'https://www.example.com/')], response('https://www.example.com/'));
    expect(run(withProbe(http))).toMatchObject({ result: 'redirection-off-host-from-http', pass: false, scoreModifier: -5 });
  });

  it('penalises a first redirect to another HTTP URL, reporting the final status', () => {
    const http = probe(
      'http://example.com/',
      [hop('http://example.com/', 'http://www.example.com/', { status: 302 }), hop('http://www.example.com/', 'https://www.example.com/')],
      response('https://www.example.com/', [], 203),
    );
    expect(run(withProbe(http))).toMatchObject({ result: 'redirection-not-to-https-on-initial-redirection', scoreModifier: -10, data: { statusCode: 203 } });
  });

  it('fails redirects that end on HTTP', () => {
    const http = probe('http://example.com/', [hop('http://example.com/', 'http://www.example.com/')], response('http://www.example.com/'));
    expect(run(withProbe(http))).toMatchObject({ result: 'redirection-not-to-https', scoreModifier: -20 });
  });

  it('fails a site that serves plain HTTP without redirecting', () => {
    expect(run(withProbe(probe('http://example.com/', [], response('http://example.com/'))))).toMatchObject({
      result: 'redirection-missing',
      pass: false,
      scoreModifier: -20,
      data: { redirects: false },
    });
  });

  it('fails when a certificate is refused on the way', () => {
    const http = probe('http://example.com/', [hop('http://example.com/', 'https://example.com/')], null, 'net::ERR_CERT_AUTHORITY_INVALID');
    expect(run(withProbe(http))).toMatchObject({ result: 'redirection-invalid-cert', scoreModifier: -20, data: { route: ['http://example.com/'] } });
  });

  it('stops after ten redirects, as the Observatory does', () => {
    const hops = Array.from({ length: 11 }, (_, i) => hop(`http://example.com/${i}`, `http://example.com/${i + 1}`));
    hops.push(hop('http://example.com/11', 'https://example.com/'));
    const result = run(withProbe(probe('http://example.com/0', hops, response('https://example.com/'))));
    expect(result.result).toBe('redirection-not-to-https');
    expect(result.data.route).toHaveLength(11);
  });

  it('uses the user’s own navigation when it started on http:// and no probe was made', () => {
    const capture = captureFrom({ url: 'https://example.com/', headers: loadHeaders('html-page'), redirects: [hop('http://example.com/', 'https://example.com/')] });
    const result = run(capture);
    expect(result).toMatchObject({ result: 'redirection-to-https', data: { observedFrom: 'navigation' } });
    expect(result.notes.join(' ')).toMatch(/your own navigation/);
  });

  it('prefers the probe to the navigation', () => {
    const capture = captureFrom({
      url: 'https://example.com/',
      headers: loadHeaders('html-page'),
      redirects: [hop('http://example.com/', 'https://example.com/')],
      overrides: { probes: { http: probe('http://example.com/', [], response('http://example.com/')) } },
    });
    expect(run(capture).result).toBe('redirection-missing');
  });

  it('notes a browser-made HSTS upgrade, which hides the server’s own answer', () => {
    const http = probe('http://example.com/', [hop('http://example.com/', 'https://example.com/', { internal: true })], response('https://example.com/'));
    const result = run(withProbe(http));
    expect(result.result).toBe('redirection-to-https');
    expect(result.notes.join(' ')).toMatch(/upgraded http:\/\/ to https:\/\/ by itself/);
  });

  it('guesses, and says so, when plain HTTP was not checked', () => {
    const capture = captureFrom({ url: 'https://example.com/', headers: loadHeaders('html-page') });
    const guess = run(capture);
    expect(guess.result).toBe('redirection-to-https');
    expect(guess.notes.join(' ')).toMatch(/not checked/);
    expect(run(capture, preloadContext(['example.com'])).result).toBe('redirection-all-redirects-preloaded');
  });

  it('notes unknown preload status', () => {
    const capture = withProbe(probe('http://example.com/', [hop('http://example.com/', 'https://example.com/')], response('https://example.com/')));
    const result = run(capture, unknownPreloadContext);
    expect(result.result).toBe('redirection-to-https');
    expect(result.notes.join(' ')).toMatch(/preload status unknown/);
    // With a list, the status is known: no such caveat.
    expect(run(capture).notes.join(' ')).not.toMatch(/preload status unknown/);
  });

  it('treats a navigation that failed on a certificate as an invalid certificate', () => {
    const capture = captureFrom({ url: 'http://example.com/', redirects: [hop('http://example.com/', 'https://example.com/')], overrides: { url: 'https://example.com/', error: 'net::ERR_CERT_COMMON_NAME_INVALID' } });
    expect(run(capture).result).toBe('redirection-invalid-cert');
  });

  it('declares every result the Observatory can give', () => {
    expect(REDIRECTION_RESULTS).toHaveLength(8);
  });
});
