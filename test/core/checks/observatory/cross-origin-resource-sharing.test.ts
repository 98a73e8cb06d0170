import { describe, expect, it } from 'vitest';
import { CORS_RESULTS, crossOriginResourceSharingTest } from '../../../../src/core/checks/observatory/cross-origin-resource-sharing';
import { captureFrom, loadHeaders } from '../../../helpers/fixtures';
import { preloadContext, probe, response } from '../../../helpers/chains';

/** An HTTPS page with a CORS probe answered with the given header fixture. */
function withCorsAnswer(fixture: string) {
  const cors = probe('https://example.com/', [], response('https://example.com/', loadHeaders(fixture), 204));
  return captureFrom({ headers: loadHeaders('html-page'), overrides: { probes: { cors } } });
}

const run = (capture: ReturnType<typeof captureFrom>) => crossOriginResourceSharingTest.run(capture, preloadContext());

describe('cross-origin-resource-sharing', () => {
  it('finds nothing shared when the preflight has no Access-Control-Allow-Origin', () => {
    expect(run(withCorsAnswer('cors-none'))).toMatchObject({
      result: 'cross-origin-resource-sharing-not-implemented',
      pass: true,
      scoreModifier: 0,
      data: { allowOrigin: null, judgedFrom: 'cors-probe' },
    });
  });

  it('finds public access for *', () => {
    expect(run(withCorsAnswer('cors-allow-origin-star'))).toMatchObject({
      result: 'cross-origin-resource-sharing-implemented-with-public-access',
      pass: true,
      data: { allowOrigin: '*' },
    });
  });

  it('finds restricted access for a specific origin', () => {
    expect(run(withCorsAnswer('cors-specific-origin'))).toMatchObject({
      result: 'cross-origin-resource-sharing-implemented-with-restricted-access',
      data: { allowOrigin: 'https://app.example.com', originWithCredentials: false },
    });
  });

  it('reads repeated headers joined, so "*, *" is not public', () => {
    expect(run(withCorsAnswer('cors-allow-origin-star-twice')).result).toBe('cross-origin-resource-sharing-implemented-with-restricted-access');
  });

  it('scores an echoed origin with credentials as restricted, like the live scanner, and warns', () => {
    const result = run(withCorsAnswer('cors-echoed-origin-with-credentials'));
    expect(result).toMatchObject({
      result: 'cross-origin-resource-sharing-implemented-with-restricted-access',
      pass: true,
      scoreModifier: 0,
      data: { originWithCredentials: true, echoesProbeOrigin: true },
    });
    expect(result.notes.join(' ')).toMatch(/echoed the probe’s Origin and allows credentials/);
  });

  it('treats a failed preflight as not implemented, and says why', () => {
    const capture = captureFrom({ headers: loadHeaders('html-page'), overrides: { probes: { cors: probe('https://example.com/', [], null, 'net::ERR_TIMED_OUT') } } });
    const result = run(capture);
    expect(result.result).toBe('cross-origin-resource-sharing-not-implemented');
    expect(result.notes.join(' ')).toContain('ERR_TIMED_OUT');
  });

  it('falls back to the page’s own headers when no preflight was made', () => {
    const result = run(captureFrom({ headers: loadHeaders('cors-allow-origin-star') }));
    expect(result).toMatchObject({ result: 'cross-origin-resource-sharing-implemented-with-public-access', data: { judgedFrom: 'document' } });
    expect(result.notes.join(' ')).toMatch(/No CORS preflight probe was made/);
  });

  it('has nothing to judge without probe or document', () => {
    const result = run(captureFrom({ overrides: { state: 'loading' } }));
    expect(result.result).toBe('cross-origin-resource-sharing-not-implemented');
    expect(result.notes).toHaveLength(1);
  });

  it('never returns universal access, which the live scanner cannot reach', () => {
    expect(CORS_RESULTS).not.toContain('cross-origin-resource-sharing-implemented-with-universal-access');
  });
});
