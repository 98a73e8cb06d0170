import { afterAll, describe, expect, it } from 'vitest';
import { hasVersion } from '../../../../src/core/checks/tabgrade/disclosure-headers';
import { technologyHeadersCheck } from '../../../../src/core/checks/tabgrade/technology-headers';
import { harness, page } from './support';

const check = harness(technologyHeadersCheck);
afterAll(() => check.expectAllFindingsCovered());

describe('technology-headers', () => {
  it('reports X-Powered-By with a version as low', () => {
    expect(check.fixture('x-powered-by-php')).toMatchObject([{ id: 'x-powered-by-disclosed', severity: 'low', data: { value: 'PHP/8.1.2-1ubuntu2.14', versioned: true } }]);
  });

  it('reports X-Powered-By without a version as informational', () => {
    expect(check.fixture('x-powered-by-express')).toMatchObject([{ id: 'x-powered-by-disclosed', severity: 'info', data: { versioned: false } }]);
  });

  it('reports the ASP.NET version headers', () => {
    expect(check.ids(check.fixture('server-iis-version'))).toEqual(['x-powered-by-disclosed', 'x-aspnet-version-disclosed', 'x-aspnetmvc-version-disclosed']);
  });

  it('reports CMS headers with versions, and skips bare names that say little', () => {
    const findings = check.fixture('cms-generator-headers');
    expect(check.ids(findings)).toEqual(['x-generator-disclosed', 'x-php-version-disclosed']);
    expect(check.run(page({ 'X-Powered-CMS': 'Bitrix Site Manager 23.1' }))).toMatchObject([{ id: 'x-powered-cms-disclosed' }]);
    expect(check.run(page({ 'X-Powered-By-Plesk': 'PleskLin 18.0' }))).toMatchObject([{ id: 'x-powered-by-plesk-disclosed' }]);
  });

  it('says nothing when no such header is sent', () => {
    expect(check.fixture('html-page-plain')).toEqual([]);
    expect(check.run(page({ 'X-Powered-By': '   ' }))).toEqual([]);
  });

  it('tells versions from names', () => {
    expect(hasVersion('PHP/8.2.1')).toBe(true);
    expect(hasVersion('Drupal 10 (https://www.drupal.org)')).toBe(true);
    expect(hasVersion('PleskLin')).toBe(false);
    expect(hasVersion('v2.3 build')).toBe(true);
    expect(hasVersion('Next.js')).toBe(false);
  });
});
