import { describe, expect, it } from 'vitest';
import { HSTS_RESULTS, readHstsHeader, strictTransportSecurityTest } from '../../../../src/core/checks/observatory/strict-transport-security';
import { captureFrom, captureFromFixtures, loadHeaders } from '../../../helpers/fixtures';
import { hop, preloadContext, probe, response, unknownPreloadContext } from '../../../helpers/chains';

const run = (capture: Parameters<typeof strictTransportSecurityTest.run>[0], context = preloadContext()) => strictTransportSecurityTest.run(capture, context);

describe('strict-transport-security', () => {
  it('passes with a max-age of a year, reporting its directives', () => {
    const result = run(captureFromFixtures('hsts-max-age-one-year'));
    expect(result).toMatchObject({
      result: 'hsts-implemented-max-age-at-least-six-months',
      pass: true,
      scoreModifier: 0,
      data: { maxAge: 31536000, includeSubDomains: true, preload: true, preloaded: false, readFrom: 'document' },
    });
  });

  it('counts 15552000 seconds (180 days) as six months', () => {
    expect(run(captureFromFixtures('hsts-max-age-exactly-180-days')).result).toBe('hsts-implemented-max-age-at-least-six-months');
  });

  it('fails a max-age under six months', () => {
    expect(run(captureFromFixtures('hsts-max-age-too-short'))).toMatchObject({
      result: 'hsts-implemented-max-age-less-than-six-months',
      pass: false,
      scoreModifier: -10,
    });
  });

  it('reports a missing header', () => {
    expect(run(captureFromFixtures('hsts-absent'))).toMatchObject({ result: 'hsts-not-implemented', pass: false, scoreModifier: -20 });
  });

  it.each(['hsts-set-twice', 'hsts-missing-max-age', 'hsts-max-age-spaced', 'hsts-empty-value'])('finds %s invalid', (fixture) => {
    expect(run(captureFromFixtures(fixture))).toMatchObject({ result: 'hsts-header-invalid', scoreModifier: -20 });
  });

  it('follows the Observatory in counting an unparseable max-age as six months, with a note', () => {
    const result = run(captureFromFixtures('hsts-max-age-not-a-number'));
    expect(result.result).toBe('hsts-implemented-max-age-at-least-six-months');
    expect(result.data.maxAge).toBeNull();
    expect(result.notes.join(' ')).toMatch(/not a number/);
  });

  it('gives hsts-preloaded for a preloaded host, whatever the header says', () => {
    const capture = captureFromFixtures('hsts-set-twice', undefined, { url: 'https://www.preloaded.example/' });
    expect(run(capture, preloadContext(['preloaded.example']))).toMatchObject({
      result: 'hsts-preloaded',
      pass: true,
      scoreModifier: 5,
      data: { preloaded: true, includeSubDomains: true },
    });
  });

  it('says so when preload status is unknown, and treats the host as not preloaded', () => {
    const result = run(captureFromFixtures('hsts-max-age-one-year'), unknownPreloadContext);
    expect(result.result).toBe('hsts-implemented-max-age-at-least-six-months');
    expect(result.notes.join(' ')).toMatch(/preload status unknown/);
    // With a list, the status is known: no such caveat.
    expect(run(captureFromFixtures('hsts-max-age-one-year')).notes.join(' ')).not.toMatch(/preload status unknown/);
  });

  it('gives hsts-not-implemented-no-https for a page served over plain HTTP', () => {
    const result = run(captureFrom({ url: 'http://example.com/', headers: loadHeaders('hsts-max-age-one-year') }));
    expect(result).toMatchObject({ result: 'hsts-not-implemented-no-https', pass: false, scoreModifier: -20 });
    expect(result.notes.join(' ')).toMatch(/did not try HTTPS/);
  });

  it('reads the header from the HTTPS page the plain-HTTP probe reached', () => {
    const capture = captureFrom({
      url: 'http://example.com/',
      headers: [],
      overrides: {
        probes: {
          http: probe('http://example.com/', [hop('http://example.com/', 'https://example.com/')], response('https://example.com/', loadHeaders('hsts-max-age-too-short'))),
        },
      },
    });
    expect(run(capture)).toMatchObject({ result: 'hsts-implemented-max-age-less-than-six-months', data: { readFrom: 'http-probe' } });
  });

  it('gives hsts-invalid-cert when the HTTPS page failed on its certificate', () => {
    const capture = captureFrom({ url: 'https://expired.example/', overrides: { error: 'net::ERR_CERT_DATE_INVALID' } });
    expect(run(capture)).toMatchObject({ result: 'hsts-invalid-cert', pass: false, scoreModifier: -20 });
  });

  it('lets the preload list override an invalid certificate, as the Observatory does', () => {
    const capture = captureFrom({ url: 'https://expired.example/', overrides: { error: 'net::ERR_CERT_DATE_INVALID' } });
    expect(run(capture, preloadContext(['expired.example'])).result).toBe('hsts-preloaded');
  });

  it('notes that nothing could be checked before the document arrives', () => {
    const result = run(captureFrom({ url: 'https://example.com/', overrides: { state: 'loading' } }));
    expect(result.result).toBe('hsts-not-implemented-no-https');
    expect(result.notes.join(' ')).toMatch(/No document response/);
  });

  it('can return every result it declares', () => {
    expect(new Set(HSTS_RESULTS)).toEqual(
      new Set(['hsts-preloaded', 'hsts-implemented-max-age-at-least-six-months', 'hsts-implemented-max-age-less-than-six-months', 'hsts-not-implemented', 'hsts-header-invalid', 'hsts-not-implemented-no-https', 'hsts-invalid-cert']),
    );
  });
});

describe('readHstsHeader', () => {
  it.each([
    ['max-age=31536000', 'hsts-implemented-max-age-at-least-six-months', 31536000],
    ['MAX-AGE=100; max-age=31536000', 'hsts-implemented-max-age-at-least-six-months', 31536000],
    ['max-age=-1', 'hsts-implemented-max-age-less-than-six-months', -1],
    ['max-age=0', 'hsts-implemented-max-age-less-than-six-months', 0],
    ['max-age=20000000xyz', 'hsts-implemented-max-age-at-least-six-months', 20000000],
    ['max-age=1, max-age=2', 'hsts-header-invalid', null],
    ['includeSubDomains', 'hsts-header-invalid', null],
  ])('%j', (header, result, maxAge) => {
    const reading = readHstsHeader(header);
    expect(reading.result).toBe(result);
    expect(reading.maxAge).toBe(maxAge);
  });

  it('only looks at the first 1024 characters', () => {
    expect(readHstsHeader(`max-age=31536000; ${'x'.repeat(1100)}, y`).result).toBe('hsts-implemented-max-age-at-least-six-months');
  });
});
