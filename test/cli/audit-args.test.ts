import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTLE_SECONDS, DEFAULT_TIMEOUT_SECONDS, parseArgs, UsageError } from '../../src/cli/args';

function usageErrorOf(args: string[]): string {
  try {
    parseArgs(args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error('expected a UsageError');
}

describe('tabgrade audit arguments', () => {
  it('has defaults for everything but the URL', () => {
    expect(parseArgs(['audit', 'http://localhost:8000'])).toEqual({
      kind: 'audit',
      url: 'http://localhost:8000/',
      format: 'text',
      minGrade: null,
      minObservatoryGrade: null,
      failOn: null,
      summary: false,
      algorithm: '1.7.0',
      harPath: null,
      timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
      settleSeconds: DEFAULT_SETTLE_SECONDS,
      browser: null,
      includeSecrets: false,
      notes: [],
    });
  });

  it('reads every option, before or after the URL, in both spellings', () => {
    expect(
      parseArgs(['audit', '--format=json', 'https://staging.example/a?b=1', '--min-grade', 'b+', '--har', 'out.har', '--timeout=2.5', '--settle', '0', '--browser', '/opt/chrome', '--include-secrets', '--algorithm', '1.6.3']),
    ).toEqual({
      kind: 'audit',
      url: 'https://staging.example/a?b=1',
      format: 'json',
      minGrade: 'B+',
      minObservatoryGrade: null,
      failOn: null,
      summary: false,
      algorithm: '1.6.3',
      harPath: 'out.har',
      timeoutSeconds: 2.5,
      settleSeconds: 0,
      browser: '/opt/chrome',
      includeSecrets: true,
      notes: [],
    });
  });

  it.each([
    [['audit'], 'missing URL: tabgrade audit <url>'],
    [['audit', 'http://a.example/', 'http://b.example/'], "unexpected argument 'http://b.example/': audit takes one URL"],
    [['audit', 'file:///etc/passwd'], "'file:///etc/passwd' is not an http:// or https:// address (e.g. http://localhost:8000/)"],
    [['audit', 'about:blank'], "'about:blank' is not an http:// or https:// address (e.g. http://localhost:8000/)"],
    [['audit', 'javascript:alert(1)'], "'javascript:alert(1)' is not an http:// or https:// address (e.g. http://localhost:8000/)"],
    [['audit', 'not a url'], "'not a url' is not a URL: give an http:// or https:// address (e.g. http://localhost:8000/)"],
    [['audit', 'http://a.example/', '--timeout', '0'], "--timeout must be a number of seconds above 0 and at most 600, not '0'"],
    [['audit', 'http://a.example/', '--timeout=soon'], "--timeout must be a number of seconds above 0 and at most 600, not 'soon'"],
    [['audit', 'http://a.example/', '--timeout'], '--timeout needs a value (seconds, default 30)'],
    [['audit', 'http://a.example/', '--algorithm', '6'], "unknown algorithm '6' (use 1.7.0 or 1.6.3)"],
    [['audit', 'http://a.example/', '--settle=-1'], "--settle must be a number of seconds from 0 to 60, not '-1'"],
    [['audit', 'http://a.example/', '--settle=later'], "--settle must be a number of seconds from 0 to 60, not 'later'"],
    [['audit', 'http://a.example/', '--har'], '--har needs a value (a file to write, e.g. page.har)'],
    [['audit', 'http://a.example/', '--format', 'xml'], "unknown format 'xml' (use text, json, markdown, sarif)"],
    [['audit', 'http://a.example/', '--fail-on', 'critical'], "unknown severity 'critical' for --fail-on (use high, medium, low)"],
    [['audit', 'http://a.example/', '--min-observatory-grade', 'E'], "unknown grade 'E' for --min-observatory-grade (use one of A+ A A- B+ B B- C+ C C- D+ D D- F)"],
    [['audit', 'http://a.example/', '--verbose'], "unknown option '--verbose' for audit (see tabgrade --help)"],
    [['grade', 'a.har', '--har', 'b.har'], "unknown option '--har' for grade (see tabgrade --help)"],
  ])('%j → %s', (args, message) => {
    expect(usageErrorOf(args)).toBe(message);
  });

  it.each([
    ['localhost:8000', 'http://localhost:8000/'],
    ['localhost', 'http://localhost/'],
    ['example.com', 'http://example.com/'],
    ['staging.example.com/shop?page=2#top', 'http://staging.example.com/shop?page=2#top'],
    ['127.0.0.1:8080', 'http://127.0.0.1:8080/'],
    ['[::1]:3000/', 'http://[::1]:3000/'],
  ])('takes %s, which has no scheme, as %s and says so', (typed, url) => {
    expect(parseArgs(['audit', typed])).toMatchObject({ url, notes: [`no scheme in '${typed}': auditing ${url} (write https:// to start there)`] });
  });

  it('reads the CI gates and --summary for both commands', () => {
    expect(parseArgs(['grade', 'page.har', '--min-observatory-grade', 'c', '--fail-on=Medium', '--summary', '--format', 'sarif', '--algorithm=1.6.3'])).toEqual({
      kind: 'grade',
      file: 'page.har',
      format: 'sarif',
      minGrade: null,
      minObservatoryGrade: 'C',
      failOn: 'medium',
      summary: true,
      algorithm: '1.6.3',
    });
    expect(parseArgs(['audit', 'http://a.example/', '--fail-on', 'high', '--min-grade', 'B'])).toMatchObject({ minGrade: 'B', failOn: 'high', minObservatoryGrade: null });
  });

  it('shows help instead of auditing', () => {
    expect(parseArgs(['audit', 'http://a.example/', '--help'])).toEqual({ kind: 'help' });
  });
});
