import { afterAll, describe, expect, it } from 'vitest';
import { serverHeaderCheck } from '../../../../src/core/checks/tabgrade/server-header';
import { harness, page } from './support';

const check = harness(serverHeaderCheck);
afterAll(() => check.expectAllFindingsCovered());

describe('server-header', () => {
  it('reports a version, with the value kept as data only', () => {
    const [finding] = check.fixture('server-apache-ubuntu');
    expect(finding).toMatchObject({ id: 'server-version-disclosed', severity: 'low', subject: 'Server', data: { value: 'Apache/2.4.53 (Ubuntu)' } });
    expect(finding?.title).not.toContain('Apache');
    expect(finding?.detail).not.toContain('2.4.53');
    expect(check.ids(check.fixture('server-iis-version'))).toEqual(['server-version-disclosed']);
  });

  it('does not report a bare product name (a scanner myth)', () => {
    expect(check.fixture('server-nginx-bare')).toEqual([]);
    expect(check.run(page({ Server: 'cloudflare' }))).toEqual([]);
    expect(check.run(page({ Server: 'Apache' }))).toEqual([]);
    expect(check.run(page({ Server: '' }))).toEqual([]);
    expect(check.fixture('html-page-plain')).toEqual([]);
  });

  it.each([
    ['server-django-runserver', 'development-server-wsgiref'],
    ['server-werkzeug', 'development-server-werkzeug'],
    ['server-webrick', 'development-server-webrick'],
    ['server-python-http-server', 'development-server-python-http-server'],
    ['server-cassini', 'development-server-cassini'],
  ])('recognises a development server (%s)', (fixture, id) => {
    expect(check.fixture(fixture)).toMatchObject([{ id, severity: 'medium' }]);
  });

  it('sees versions in parentheses and after a space', () => {
    expect(check.ids(check.run(page({ Server: 'Jetty(9.4.51.v20230217)' })))).toEqual(['server-version-disclosed']);
    expect(check.ids(check.run(page({ Server: 'openresty/1.21.4.1' })))).toEqual(['server-version-disclosed']);
  });
});
