import { describe, expect, it } from 'vitest';
import { describeNetworkError } from '../../src/cli/network-errors';

describe('describeNetworkError', () => {
  it.each([
    ['net::ERR_CONNECTION_REFUSED', 'connection refused (is the server running on that port?) (net::ERR_CONNECTION_REFUSED)'],
    ['page.goto: net::ERR_NAME_NOT_RESOLVED at http://nowhere.invalid/', 'host name not found (net::ERR_NAME_NOT_RESOLVED)'],
    ['net::ERR_CERT_WEAK_KEY', 'certificate error (net::ERR_CERT_WEAK_KEY)'],
    ['net::ERR_SOMETHING_NEW', 'net::ERR_SOMETHING_NEW'],
    ['the request failed', 'the request failed'],
  ])('%s → %s', (error, words) => {
    expect(describeNetworkError(error)).toBe(words);
  });
});
