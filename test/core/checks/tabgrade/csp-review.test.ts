import { afterAll, describe, expect, it } from 'vitest';
import { cspReviewCheck, reviewPolicy } from '../../../../src/core/checks/tabgrade/csp-review';
import { TRUNCATION_MARK } from '../../../../src/core/normalize';
import { harness, page } from './support';

const check = harness(cspReviewCheck);
afterAll(() => check.expectAllFindingsCovered());

/** `[id, severity, subject]` of each finding, for compact expectations. */
function summary(findings: ReturnType<typeof check.run>): Array<[string, string, string | undefined]> {
  return findings.map((finding) => [finding.id, finding.severity, finding.subject]);
}

function csp(policy: string) {
  return check.run(page({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': policy }));
}

describe('csp-review', () => {
  it('has nothing to say about a strict nonce-based policy', () => {
    expect(check.fixture('csp-strict-nonce')).toEqual([]);
    expect(check.fixture('well-configured-page')).toEqual([]);
  });

  it('leaves pages without any CSP to the Observatory test', () => {
    expect(check.fixture('html-page-plain')).toEqual([]);
  });

  it('reports unsafe-inline as high and unsafe-eval as medium, with the “self” caution as info', () => {
    expect(summary(check.fixture('csp-unsafe-inline-and-eval'))).toEqual([
      ['csp-script-unsafe-inline', 'high', 'script-src'],
      ['csp-script-unsafe-eval', 'medium', 'script-src'],
      ['csp-script-allowlist-caution', 'info', 'script-src'],
    ]);
  });

  it('does not hold unsafe-inline against a policy with a nonce (browsers ignore it there)', () => {
    expect(check.fixture('csp-nonce-with-unsafe-inline-fallback')).toEqual([]);
  });

  it('names allowlisted hosts that host JSONP bypasses', () => {
    const findings = check.fixture('csp-jsonp-bypass');
    expect(findings.find((finding) => finding.id === 'csp-script-allowlist-bypass')).toMatchObject({
      severity: 'high',
      data: { values: ['https://www.google.com'] },
    });
  });

  it('reports missing object-src and base-uri', () => {
    expect(summary(check.fixture('csp-missing-object-src'))[0]).toEqual(['csp-missing-directive', 'high', 'object-src']);
    expect(summary(check.fixture('csp-nonce-without-base-uri'))).toEqual([['csp-missing-directive', 'high', 'base-uri']]);
  });

  it('reports scheme sources and wildcards for scripts', () => {
    expect(check.fixture('csp-wildcard-and-schemes')).toMatchObject([{ id: 'csp-plain-url-scheme', severity: 'high', data: { values: ['https:', 'data:'] } }]);
    expect(summary(csp("script-src *; object-src 'none'; base-uri 'self'"))).toEqual([['csp-plain-wildcard', 'high', 'script-src']]);
  });

  it('turns a policy that restricts no fetch at all into one note, not two high findings', () => {
    expect(summary(check.fixture('csp-frame-ancestors-only'))).toEqual([['csp-no-script-restriction', 'info', 'Content-Security-Policy']]);
  });

  it('reports syntax slips: unknown directive, missing semicolon, unquoted keyword', () => {
    expect(summary(check.fixture('csp-syntax-errors'))).toEqual([
      ['csp-script-allowlist-caution', 'info', 'script-src'],
      ['csp-unknown-directive', 'low', 'scirpt-src'],
      ['csp-missing-semicolon', 'medium', 'object-src'],
      ['csp-invalid-keyword', 'low', 'img-src'],
    ]);
  });

  it('does not call a directive the evaluator predates unknown', () => {
    expect(check.fixture('csp-fenced-frame-src')).toEqual([]);
  });

  it('reports http: sources and deprecated directives, without calling “block” an invalid keyword', () => {
    expect(check.fixture('csp-http-source').find((finding) => finding.id === 'csp-src-http')).toMatchObject({ severity: 'medium' });
    expect(summary(check.fixture('csp-deprecated-directive'))).toEqual([
      ['csp-script-allowlist-caution', 'info', 'script-src'],
      ['csp-deprecated-directive', 'info', 'reflected-xss'],
    ]);
  });

  it('reports weak nonces and strict-dynamic without a nonce', () => {
    expect(summary(check.fixture('csp-short-nonce'))).toEqual([['csp-nonce-too-short', 'medium', 'script-src']]);
    // A nonce outside base64 is also not a valid keyword at all.
    expect(summary(csp("script-src 'nonce-abc$defgh1234'; object-src 'none'; base-uri 'self'"))).toEqual([
      ['csp-nonce-charset', 'info', 'script-src'],
      ['csp-invalid-keyword', 'low', 'script-src'],
    ]);
    expect(summary(check.fixture('csp-strict-dynamic-alone'))).toEqual([['csp-strict-dynamic-without-nonce', 'low', 'script-src']]);
  });

  it('reports IP sources, unsafe-hashes and plugin hosts that serve bypassing Flash files', () => {
    expect(summary(csp("script-src 'self' 127.0.0.1; object-src 'none'; base-uri 'self'")).map(([id]) => id)).toContain('csp-ip-source');
    expect(summary(csp("script-src 'unsafe-hashes' 'sha256-AbCdEf0123456789AbCdEf0123456789AbCdEf01234='; object-src 'none'; base-uri 'self'")).map(([id]) => id)).toContain(
      'csp-script-unsafe-hashes',
    );
    expect(csp("script-src 'none'; object-src https://ajax.googleapis.com; base-uri 'self'")).toMatchObject([
      { id: 'csp-object-allowlist-bypass', severity: 'high', data: { values: ['https://ajax.googleapis.com'] } },
    ]);
  });

  describe('several policies (the browser enforces all of them)', () => {
    it('drops a weakness another policy blocks', () => {
      expect(check.fixture('csp-second-policy-covers-first')).toEqual([]);
      expect(check.fixture('csp-policy-without-script-and-strict-one')).toEqual([]);
    });

    it('reports a weakness both policies share once, naming both policies', () => {
      expect(check.fixture('csp-two-weak-policies')[0]).toMatchObject({
        id: 'csp-script-unsafe-inline',
        subject: 'script-src',
        data: { policies: [1, 2], directives: ['script-src', 'default-src'] },
      });
    });
  });

  describe('report-only and meta policies', () => {
    it('reviews a report-only policy at info when nothing is enforced', () => {
      const findings = check.fixture('csp-report-only-weak');
      expect(findings.every((finding) => finding.severity === 'info' && finding.data?.reportOnly === true)).toBe(true);
      expect(findings[0]?.title).toMatch(/^Report-only CSP: /);
    });

    it('ignores a report-only policy next to an enforced one', () => {
      expect(check.fixture('csp-enforced-and-report-only')).toEqual([]);
    });

    it('reviews a meta policy', () => {
      expect(check.fixture('html-page-plain', 'meta-csp-unsafe-inline')[0]).toMatchObject({ id: 'csp-script-unsafe-inline', data: { delivery: ['meta'] } });
    });

    it('drops what a meta policy cannot carry, leaving nothing to review', () => {
      expect(check.fixture('html-page-plain', 'meta-csp-frame-ancestors-only')).toEqual([]);
    });
  });

  it('keeps reviewing when one of the evaluator’s checks throws on a malformed source', () => {
    const findings = check.run(page({ 'Content-Type': 'text/html', 'Content-Security-Policy': "script-src 'self' 'unsafe-inline' ?1; object-src 'none'; base-uri 'self'" }));
    expect(findings.map((finding) => finding.id)).toEqual(expect.arrayContaining(['csp-script-unsafe-inline', 'csp-review-incomplete']));
    expect(findings.find((finding) => finding.id === 'csp-review-incomplete')).toMatchObject({ severity: 'info', data: { policies: [1] } });
  });

  it('marks findings from a policy the capture had to truncate', () => {
    const policy = reviewPolicy(`script-src 'unsafe-inline'${TRUNCATION_MARK}`, 'header', 1);
    expect(policy.truncated).toBe(true);
    expect(policy.text).toBe("script-src 'unsafe-inline'");
  });

  it('keeps page-controlled values out of titles and details', () => {
    for (const finding of check.fixture('csp-jsonp-bypass')) {
      expect(finding.title).not.toContain('google');
      expect(finding.detail).not.toContain('google');
    }
  });
});
