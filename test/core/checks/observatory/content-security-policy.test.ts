import { describe, expect, it } from 'vitest';
import type { PageCapture } from '../../../../src/core/capture';
import {
  CSP_RESULTS,
  contentSecurityPolicyTest,
  type CspPolicyFlags,
} from '../../../../src/core/checks/observatory/content-security-policy';
import type { ObservatoryContext, ObservatoryTestResult } from '../../../../src/core/checks/observatory/types';
import { TRUNCATION_MARK } from '../../../../src/core/normalize';
import { captureFrom, captureFromFixtures, loadHeaders, loadHtml } from '../../../helpers/fixtures';

const context: ObservatoryContext = { isHstsPreloaded: () => null };
const seen = new Set<string>();

function run(capture: PageCapture): ObservatoryTestResult {
  const result = contentSecurityPolicyTest.run(capture, context);
  seen.add(result.result);
  return result;
}

function policyOf(result: ObservatoryTestResult): CspPolicyFlags {
  const policy = result.data.policy as CspPolicyFlags | null;
  if (policy === null) throw new Error('expected policy flags');
  return policy;
}

function withCsp(value: string, url = 'https://example.com/'): PageCapture {
  return captureFrom({ url, headers: [{ name: 'Content-Type', value: 'text/html' }, { name: 'Content-Security-Policy', value }] });
}

describe('content-security-policy: results', () => {
  it("gives the top result to default-src 'none' without unsafe sources", () => {
    const result = run(captureFromFixtures('csp-default-src-none'));
    expect(result).toMatchObject({ result: 'csp-implemented-with-no-unsafe-default-src-none', pass: true, scoreModifier: 10 });
    expect(policyOf(result)).toMatchObject({ defaultNone: true, antiClickjacking: true, insecureBaseUri: false, insecureFormAction: false });
    expect(result.data).toMatchObject({ http: true, meta: false, numPolicies: 1 });
  });

  it('passes a policy without unsafe sources', () => {
    expect(run(captureFromFixtures('csp-no-unsafe'))).toMatchObject({ result: 'csp-implemented-with-no-unsafe', pass: true, scoreModifier: 5 });
  });

  it("ignores 'unsafe-inline' next to a nonce, as browsers do", () => {
    const result = run(captureFromFixtures('csp-nonce-cancels-unsafe-inline'));
    expect(result.result).toBe('csp-implemented-with-no-unsafe');
    expect((result.data.directives as Record<string, string[]>)['script-src']).toEqual(["'nonce-r4nd0m'"]);
  });

  it('passes, without bonus, unsafe sources in style-src only', () => {
    const result = run(captureFromFixtures('csp-unsafe-inline-style-only'));
    expect(result).toMatchObject({ result: 'csp-implemented-with-unsafe-inline-in-style-src-only', pass: true, scoreModifier: 0 });
    expect(policyOf(result).unsafeInlineStyle).toBe(true);
  });

  it('flags images over HTTP on an HTTPS page, but still passes', () => {
    const result = run(captureFromFixtures('csp-insecure-scheme-passive'));
    expect(result).toMatchObject({ result: 'csp-implemented-with-insecure-scheme-in-passive-content-only', pass: true, scoreModifier: -10 });
    expect(policyOf(result).insecureSchemePassive).toBe(true);
  });

  it("fails 'unsafe-eval'", () => {
    const result = run(captureFromFixtures('csp-unsafe-eval'));
    expect(result).toMatchObject({ result: 'csp-implemented-with-unsafe-eval', pass: false, scoreModifier: -10 });
    expect(policyOf(result).unsafeEval).toBe(true);
  });

  it("fails 'unsafe-inline' in script-src", () => {
    const result = run(captureFromFixtures('csp-unsafe-inline'));
    expect(result).toMatchObject({ result: 'csp-implemented-with-unsafe-inline', pass: false, scoreModifier: -20 });
    expect(policyOf(result)).toMatchObject({ unsafeInline: true, unsafeObjects: false });
  });

  it('fails a policy that leaves scripts and plugins unrestricted', () => {
    const result = run(captureFromFixtures('csp-unrestricted-script-src'));
    expect(result.result).toBe('csp-implemented-with-unsafe-inline');
    expect(policyOf(result)).toMatchObject({ unsafeInline: true, unsafeObjects: true, insecureBaseUri: true, insecureFormAction: true });
  });

  it('fails scripts over HTTP on an HTTPS page, but not on an HTTP page', () => {
    const headers = loadHeaders('csp-insecure-scheme-active');
    const secure = run(captureFrom({ headers }));
    expect(secure).toMatchObject({ result: 'csp-implemented-with-insecure-scheme', pass: false, scoreModifier: -20 });
    expect(policyOf(secure).insecureSchemeActive).toBe(true);
    const plain = run(captureFrom({ url: 'http://example.com/', headers }));
    expect(plain.result).toBe('csp-implemented-with-no-unsafe-default-src-none');
    expect(policyOf(plain).insecureSchemeActive).toBe(false);
  });

  it('counts an http: report-uri as insecure active content (Observatory quirk)', () => {
    expect(run(withCsp("default-src 'none'; report-uri http://example.com/r")).result).toBe('csp-implemented-with-insecure-scheme');
  });

  it('reports a passing policy with repeated report-uri as duplicate directives, still passing', () => {
    const result = run(captureFromFixtures('csp-duplicate-report-uri'));
    expect(result).toMatchObject({ result: 'csp-implemented-but-duplicate-directives', pass: true, scoreModifier: 0 });
    expect(result.data.duplicateDirectives).toEqual(['report-uri']);
  });

  it('keeps a failing result when directives are also repeated', () => {
    expect(run(withCsp("script-src 'unsafe-inline'; report-to a; report-to b")).result).toBe('csp-implemented-with-unsafe-inline');
  });

  it.each([
    ['a repeated directive', 'csp-repeated-directive'],
    ['a trailing comma (an empty second policy)', 'csp-trailing-comma'],
    ['a policy too short to be one', 'csp-too-short'],
  ])('cannot parse %s', (_label, fixture) => {
    const result = run(captureFromFixtures(fixture));
    expect(result).toMatchObject({ result: 'csp-header-invalid', pass: false, scoreModifier: -25 });
    expect(result.data.policy).toBeNull();
    expect(typeof result.data.invalidReason).toBe('string');
  });

  it("calls 'strict-dynamic' without a nonce or hash invalid, but still reports the policy", () => {
    const result = run(captureFromFixtures('csp-strict-dynamic-without-nonce'));
    expect(result).toMatchObject({ result: 'csp-header-invalid', pass: false });
    expect(result.data.directives).not.toBeNull();
    expect(result.notes.join(' ')).toMatch(/strict-dynamic/);
  });

  it("lets 'strict-dynamic' with a nonce cancel host, 'self' and 'unsafe-inline' sources", () => {
    const result = run(captureFromFixtures('csp-strict-dynamic-with-nonce'));
    expect(result.result).toBe('csp-implemented-with-no-unsafe-default-src-none');
    expect(policyOf(result).strictDynamic).toBe(true);
    expect((result.data.directives as Record<string, string[]>)['script-src']).toEqual(["'nonce-r4nd0m'", "'strict-dynamic'"]);
  });

  it('finds no CSP when there is none', () => {
    const result = run(captureFromFixtures('csp-missing'));
    expect(result).toMatchObject({ result: 'csp-not-implemented', pass: false, scoreModifier: -25 });
    expect(result.data.policy).toBeNull();
  });

  it('says when only a report-only policy is sent', () => {
    const result = run(captureFromFixtures('csp-report-only'));
    expect(result).toMatchObject({ result: 'csp-not-implemented-but-reporting-enabled', pass: false, scoreModifier: -25 });
    expect(result.data.reportOnly).toBe(true);
  });

  it('does not count an empty report-only header as reporting', () => {
    const capture = captureFrom({ headers: [{ name: 'Content-Security-Policy-Report-Only', value: '' }] });
    expect(run(capture).result).toBe('csp-not-implemented');
  });

  it('finds no CSP without a document response', () => {
    expect(run(captureFrom())).toMatchObject({ result: 'csp-not-implemented', pass: false });
  });
});

describe('content-security-policy: several policies (1.6.2+)', () => {
  it('treats two CSP headers as two policies instead of one invalid policy', () => {
    const result = run(captureFromFixtures('csp-two-headers'));
    expect(result.result).toBe('csp-implemented-with-no-unsafe-default-src-none');
    expect(result.data.numPolicies).toBe(2);
    // script-src is set by the second policy only, so the combined view reads it as 'none'.
    expect((result.data.directives as Record<string, string[]>)['script-src']).toEqual(["'none'"]);
  });

  it('splits one header with comma-separated policies the same way', () => {
    const twoHeaders = run(captureFromFixtures('csp-two-headers'));
    const oneHeader = run(captureFromFixtures('csp-two-policies-one-header'));
    expect(oneHeader.result).toBe(twoHeaders.result);
    expect(oneHeader.data.directives).toEqual(twoHeaders.data.directives);
  });

  it('reads header names and directive names case-insensitively', () => {
    expect(run(captureFromFixtures('csp-mixed-case')).result).toBe('csp-implemented-with-no-unsafe-default-src-none');
  });
});

describe('content-security-policy: meta tags', () => {
  it('reads a policy from <meta http-equiv>', () => {
    const result = run(captureFromFixtures('html-only', 'csp-meta-default-src-none'));
    expect(result.result).toBe('csp-implemented-with-no-unsafe-default-src-none');
    expect(result.data).toMatchObject({ http: false, meta: true, numPolicies: 1 });
  });

  it('ignores a meta policy that only has header-only directives', () => {
    const result = run(captureFromFixtures('html-only', 'csp-meta-frame-ancestors-only'));
    expect(result.result).toBe('csp-not-implemented');
    expect(result.notes.join(' ')).toMatch(/ignore/);
  });

  it('counts a meta policy of repeated report-uri as a policy, as the Observatory does', () => {
    const capture = captureFrom({
      headers: [{ name: 'Content-Type', value: 'text/html' }],
      html: '<meta http-equiv="content-security-policy" content="report-uri /a; report-uri /b">',
    });
    expect(run(capture).result).toBe('csp-implemented-with-unsafe-inline');
  });

  it('does not take frame-ancestors from a meta tag for anti-clickjacking', () => {
    const result = run(captureFromFixtures('html-only', 'csp-meta-with-frame-ancestors'));
    expect(policyOf(result).antiClickjacking).toBe(false);
  });

  it('combines header and meta policies: a source must be allowed by both', () => {
    // The Observatory's own example: header default-src http:, meta default-src https: → 'none'.
    const capture = captureFrom({
      headers: [{ name: 'Content-Type', value: 'text/html' }, { name: 'Content-Security-Policy', value: 'default-src http:' }],
      html: loadHtml('csp-meta-loosens-header'),
    });
    const result = run(capture);
    expect(result.result).toBe('csp-implemented-with-no-unsafe-default-src-none');
    expect(result.data).toMatchObject({ http: true, meta: true, numPolicies: 2 });
  });

  it('reads no meta tags from a document that is not HTML', () => {
    const capture = captureFrom({ headers: [{ name: 'Content-Type', value: 'text/plain' }], html: loadHtml('csp-meta-default-src-none') });
    expect(run(capture).result).toBe('csp-not-implemented');
  });

  it('says so when meta tags come from the live DOM rather than the served HTML', () => {
    const capture = captureFrom({
      headers: [{ name: 'Content-Type', value: 'text/html' }],
      overrides: {
        dom: {
          url: 'https://example.com/',
          contentType: 'text/html',
          takenAt: 1_700_000_001_000,
          tags: [],
          inlineScriptCount: 0,
          metas: [{ httpEquiv: 'Content-Security-Policy', name: null, content: "default-src 'none'" }],
          truncated: false,
          totalTags: 0,
        },
      },
    });
    const result = run(capture);
    expect(result.result).toBe('csp-implemented-with-no-unsafe-default-src-none');
    expect(result.notes.join(' ')).toMatch(/live page/);
  });
});

describe('content-security-policy: policy flags', () => {
  it('flags broad base-uri and object-src', () => {
    for (const value of ["default-src 'none'; base-uri *; object-src *", "default-src 'none'; base-uri https:; object-src https:", 'default-src *']) {
      expect(policyOf(run(withCsp(value)))).toMatchObject({ insecureBaseUri: true, unsafeObjects: true });
    }
  });

  it('counts only restrictive frame-ancestors as anti-clickjacking', () => {
    for (const value of ["default-src 'none'", 'frame-ancestors *', 'frame-ancestors https:']) {
      expect(policyOf(run(withCsp(value))).antiClickjacking).toBe(false);
    }
    expect(policyOf(run(withCsp("default-src *; frame-ancestors 'none'"))).antiClickjacking).toBe(true);
  });

  it('notes a header that was cut to the capture limit', () => {
    const result = run(withCsp(`default-src 'none'; img-src ${'https://a.example '.repeat(3)}${TRUNCATION_MARK}`));
    expect(result.notes.join(' ')).toMatch(/too long/);
  });
});

describe('content-security-policy: coverage', () => {
  it('returned every result id it declares', () => {
    // Runs last in this file (vitest keeps declaration order within a file).
    expect([...seen].sort()).toEqual([...CSP_RESULTS].sort());
  });
});
