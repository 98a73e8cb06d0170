import { afterAll, describe, expect, it } from 'vitest';
import { charsetParameter, contentTypeCharsetCheck, markupDeclaresCharset } from '../../../../src/core/checks/tabgrade/content-type-charset';
import { harness, page } from './support';

const check = harness(contentTypeCharsetCheck);
afterAll(() => check.expectAllFindingsCovered());

describe('content-type-charset', () => {
  it('accepts a charset in the header, quoted or not, in any case', () => {
    expect(check.fixture('html-page-plain', 'no-charset')).toEqual([]);
    expect(check.fixture('content-type-quoted-utf8', 'no-charset')).toEqual([]);
  });

  it('accepts a header without charset when the page declares it early', () => {
    expect(check.fixture('content-type-without-charset', 'meta-charset')).toEqual([]);
    expect(check.fixture('content-type-without-charset', 'meta-http-equiv-charset')).toEqual([]);
  });

  it('reports an HTML page that declares no encoding anywhere', () => {
    expect(check.fixture('content-type-without-charset', 'no-charset')).toMatchObject([{ id: 'content-type-charset-missing', severity: 'low' }]);
  });

  it('follows the HTML prescan: a <meta charset> after the first 1024 bytes does not count', () => {
    expect(check.ids(check.fixture('content-type-without-charset', 'late-meta-charset'))).toEqual(['content-type-charset-missing']);
    // In a live DOM serialisation the whole head is searched instead.
    expect(check.fixture('content-type-without-charset', 'late-meta-charset', { htmlSource: 'dom' })).toEqual([]);
  });

  it('says nothing without the page HTML, since a meta declaration cannot be ruled out', () => {
    expect(check.fixture('content-type-without-charset')).toEqual([]);
  });

  it('mentions legacy encodings as informational', () => {
    expect(check.fixture('content-type-latin1', 'no-charset')).toMatchObject([{ id: 'content-type-charset-not-utf8', severity: 'info', data: { charset: 'iso-8859-1' } }]);
  });

  it('reports a successful response without any Content-Type', () => {
    expect(check.fixture('content-type-missing')).toMatchObject([{ id: 'content-type-missing', severity: 'low' }]);
    expect(check.run(page({}, { statusCode: 404 }))).toEqual([]);
    expect(check.run(page({}, { statusCode: 204 }))).toEqual([]);
  });

  it('leaves non-HTML types alone', () => {
    expect(check.run(page({ 'Content-Type': 'application/json' }, { html: '{}' }))).toEqual([]);
  });

  it('parses the charset parameter', () => {
    expect(charsetParameter('text/html; Charset="UTF-8"')).toBe('utf-8');
    expect(charsetParameter('text/html;charset=')).toBeNull();
    expect(markupDeclaresCharset('\uFEFF<html>')).toBe(true);
  });
});
