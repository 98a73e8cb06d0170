import { describe, expect, it } from 'vitest';
import type { DomSnapshot } from '../../../../src/core/capture';
import { SRI_RESULTS, classifyScriptSrc, subresourceIntegrityTest } from '../../../../src/core/checks/observatory/subresource-integrity';
import { captureFrom, captureFromFixtures, loadHeaders, loadHtml } from '../../../helpers/fixtures';
import { preloadContext } from '../../../helpers/chains';

const PAGE = 'https://www.example.com/';
const run = (capture: ReturnType<typeof captureFrom>) => subresourceIntegrityTest.run(capture, preloadContext());
const onPage = (html: string, url = PAGE) => run(captureFromFixtures('html-page', html, { url }));

describe('subresource-integrity', () => {
  it.each([
    ['sri-no-scripts', 'sri-not-implemented-but-no-scripts-loaded', true, 0],
    ['sri-inline-script-only', 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin', true, 0],
    ['sri-same-origin-without-integrity', 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin', true, 0],
    ['sri-same-origin-with-integrity', 'sri-implemented-and-all-scripts-loaded-securely', true, 5],
    ['sri-external-https-with-integrity', 'sri-implemented-and-external-scripts-loaded-securely', true, 5],
    ['sri-external-https-without-integrity', 'sri-not-implemented-but-external-scripts-loaded-securely', false, -5],
    ['sri-external-http-with-integrity', 'sri-implemented-but-external-scripts-not-loaded-securely', false, -20],
    ['sri-protocol-relative-without-integrity', 'sri-not-implemented-and-external-scripts-not-loaded-securely', false, -50],
  ])('%s → %s', (fixture, result, pass, modifier) => {
    expect(onPage(fixture)).toMatchObject({ result, pass, scoreModifier: modifier });
  });

  it('lists foreign scripts with their integrity and crossorigin', () => {
    expect(onPage('sri-external-https-without-integrity').data).toEqual({
      scripts: [
        {
          src: 'https://cdn.jsdelivr.net/npm/lib@1.0.0/dist/lib.min.js',
          integrity: 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC',
          crossorigin: 'anonymous',
        },
        { src: 'https://www.googletagmanager.com/gtag/js?id=G-XXXX', integrity: null, crossorigin: null },
      ],
    });
  });

  it('does not give same-origin relative scripts a secure scheme on a plain-HTTP page', () => {
    expect(onPage('sri-same-origin-with-integrity', 'http://www.example.com/').result).toBe('sri-not-implemented-but-all-scripts-loaded-from-secure-origin');
  });

  it('skips documents that are not HTML, by the Observatory’s exact type comparison', () => {
    expect(run(captureFromFixtures('sri-json-page', 'sri-external-http-with-integrity'))).toMatchObject({ result: 'sri-not-implemented-response-not-html', pass: true });
    expect(run(captureFromFixtures('sri-uppercase-html-type', 'sri-external-http-with-integrity')).result).toBe('sri-not-implemented-response-not-html');
  });

  it('parses a document without any Content-Type', () => {
    expect(run(captureFromFixtures('sri-no-content-type', 'sri-external-http-with-integrity')).result).toBe('sri-implemented-but-external-scripts-not-loaded-securely');
  });

  it('reports html-not-parseable for a JSON array served as HTML', () => {
    expect(onPage('sri-json-array-body')).toMatchObject({ result: 'html-not-parseable', pass: false, scoreModifier: -20 });
  });

  it('falls back to the DOM snapshot and notes what that cannot tell', () => {
    const dom: DomSnapshot = {
      url: PAGE,
      contentType: 'text/html',
      takenAt: 0,
      tags: [{ element: 'script', url: 'https://cdn.example.net/x.js', rel: null, as: null, type: null, integrity: null, crossorigin: null, origin: 'parser', firstSeenMs: 0 }],
      inlineScriptCount: 0,
      metas: [],
      truncated: false,
      totalTags: 1,
    };
    const result = run(captureFrom({ url: PAGE, headers: loadHeaders('html-page'), overrides: { dom } }));
    expect(result.result).toBe('sri-not-implemented-but-external-scripts-loaded-securely');
    expect(result.notes.join(' ')).toMatch(/live page/);
  });

  it('notes missing HTML and a missing document', () => {
    const noHtml = run(captureFrom({ url: PAGE, headers: loadHeaders('html-page') }));
    expect(noHtml.result).toBe('sri-not-implemented-but-no-scripts-loaded');
    expect(noHtml.notes.join(' ')).toMatch(/HTML was not available/);
    expect(run(captureFrom({ url: PAGE })).notes.join(' ')).toMatch(/No document response/);
  });

  it('notes truncated HTML', () => {
    const capture = captureFrom({ url: PAGE, headers: loadHeaders('html-page'), html: loadHtml('sri-no-scripts') });
    const truncated = { ...capture, html: capture.html && { ...capture.html, truncated: true } };
    expect(run(truncated).notes.join(' ')).toMatch(/cut at the size limit/);
  });

  it('declares every result it can give', () => {
    expect(SRI_RESULTS).toContain('html-not-parseable');
    expect(SRI_RESULTS).toHaveLength(9);
  });
});

describe('classifyScriptSrc', () => {
  it.each([
    ['/app.js', { sameSite: true, secureScheme: true }],
    ['app.js', { sameSite: true, secureScheme: true }],
    ['//cdn.example.com/a.js', { sameSite: false, secureScheme: false }],
    ['https://cdn.example.com/a.js', { sameSite: true, secureScheme: true }],
    ['http://cdn.example.com/a.js', { sameSite: true, secureScheme: false }],
    ['https://cdn.other.org/a.js', { sameSite: false, secureScheme: true }],
    // Only lower-case "http(s)://" counts as a full URL; anything else is "relative".
    ['HTTPS://cdn.other.org/a.js', { sameSite: true, secureScheme: true }],
    [' https://cdn.other.org/a.js', { sameSite: true, secureScheme: true }],
    ['https://', { sameSite: false, secureScheme: false }],
  ])('%j', (src, expected) => {
    expect(classifyScriptSrc(src, 'www.example.com', true)).toEqual(expected);
  });
});
