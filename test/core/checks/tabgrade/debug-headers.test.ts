import { afterAll, describe, expect, it } from 'vitest';
import type { RedirectHop } from '../../../../src/core/capture';
import { debugHeadersCheck } from '../../../../src/core/checks/tabgrade/debug-headers';
import { harness } from './support';

const check = harness(debugHeadersCheck);
afterAll(() => check.expectAllFindingsCovered());

describe('debug-headers', () => {
  it.each([
    ['debug-symfony-profiler', 'debug-symfony-profiler', 'high', 'x-debug-token-link'],
    ['debug-laravel-debugbar', 'debug-laravel-debugbar', 'high', 'phpdebugbar-id'],
    ['debug-clockwork', 'debug-clockwork', 'high', 'x-clockwork-id'],
    ['debug-rails-web-console', 'debug-rails-web-console', 'high', 'x-web-console-session-id'],
    ['debug-miniprofiler', 'debug-miniprofiler', 'medium', 'x-miniprofiler-ids'],
    ['debug-chrome-logger', 'debug-chrome-logger', 'medium', 'x-chromelogger-data'],
    ['debug-firephp', 'debug-firephp', 'medium', 'x-wf-protocol-1'],
    ['debug-iis-express', 'debug-iis-express-sourcefiles', 'low', 'x-sourcefiles'],
    ['debug-spring-application-context', 'debug-spring-application-context', 'low', 'x-application-context'],
  ])('%s → %s', (fixture, id, severity, header) => {
    expect(check.fixture(fixture)).toMatchObject([{ id, severity, subject: header }]);
  });

  it('finds a profiler tag on a redirect hop too', () => {
    const hop: RedirectHop = {
      url: 'https://example.com/',
      statusCode: 301,
      statusLine: 'HTTP/1.1 301',
      location: 'https://example.com/en/',
      headers: [{ name: 'X-Debug-Token', value: 'abc' }],
      internal: false,
    };
    expect(check.ids(check.fixture('html-page-plain', undefined, { redirects: [hop] }))).toEqual(['debug-symfony-profiler']);
  });

  it('is quiet on ordinary pages (X-Request-Id and X-Runtime are not debug headers)', () => {
    expect(check.fixture('html-page-plain')).toEqual([]);
    expect(check.fixture('cookies-rails-session')).toEqual([]);
  });
});
