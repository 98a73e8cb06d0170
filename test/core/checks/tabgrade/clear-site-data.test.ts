import { afterAll, describe, expect, it } from 'vitest';
import { clearSiteDataCheck, parseClearSiteData } from '../../../../src/core/checks/tabgrade/clear-site-data';
import type { RedirectHop } from '../../../../src/core/capture';
import { loadHeaders } from '../../../helpers/fixtures';
import { harness, page } from './support';

const check = harness(clearSiteDataCheck);
afterAll(() => check.expectAllFindingsCovered());

function logoutHop(headersFixture: string | null): RedirectHop {
  return {
    url: 'https://example.com/accounts/logout/',
    statusCode: 302,
    statusLine: 'HTTP/1.1 302 Found',
    location: 'https://example.com/',
    headers: headersFixture === null ? [] : loadHeaders(`tabgrade/${headersFixture}`),
    internal: false,
  };
}

describe('clear-site-data', () => {
  it('never asks for Clear-Site-Data on ordinary pages', () => {
    expect(check.fixture('html-page-plain')).toEqual([]);
  });

  it('is right on a logout response, here a redirect hop', () => {
    expect(check.fixture('html-page-plain', undefined, { redirects: [logoutHop('clear-site-data-logout')] })).toEqual([]);
  });

  it('suggests it when the logout response lacks it', () => {
    expect(check.fixture('html-page-plain', undefined, { redirects: [logoutHop(null)] })).toMatchObject([
      { id: 'clear-site-data-missing-on-logout', severity: 'info' },
    ]);
    expect(check.ids(check.fixture('html-page-plain', undefined, { url: 'https://example.com/sign-out' }))).toEqual(['clear-site-data-missing-on-logout']);
  });

  it('warns when it would log users out on an ordinary page', () => {
    expect(check.fixture('clear-site-data-on-home-page')).toMatchObject([{ id: 'clear-site-data-on-regular-page', severity: 'info', data: { types: ['cookies', 'storage'] } }]);
  });

  it('leaves a cache-only clear on an ordinary page alone', () => {
    expect(check.fixture('clear-site-data-cache-only')).toEqual([]);
  });

  it('reports unquoted types, which browsers ignore', () => {
    expect(check.fixture('clear-site-data-unquoted')).toMatchObject([{ id: 'clear-site-data-invalid', severity: 'low', data: { ignored: ['cookies', 'storage'] } }]);
  });

  it('notes that plain HTTP ignores it', () => {
    expect(check.fixture('clear-site-data-logout', undefined, { url: 'http://example.com/logout' })).toMatchObject([{ id: 'clear-site-data-insecure-context' }]);
  });

  it('parses quoted types, keeping unknown ones aside', () => {
    expect(parseClearSiteData('"cache", "cookies", "*", "bogus", storage')).toEqual({ types: ['cache', 'cookies', '*'], ignored: ['"bogus"', 'storage'] });
  });

  it('does not treat a "catalog" path as a logout', () => {
    expect(check.run(page({ 'Content-Type': 'text/html' }, { url: 'https://example.com/catalogue/blogout-sale' }))).toEqual([]);
  });
});
