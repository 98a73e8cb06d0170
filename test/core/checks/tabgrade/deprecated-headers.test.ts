import { afterAll, describe, expect, it } from 'vitest';
import { deprecatedHeadersCheck } from '../../../../src/core/checks/tabgrade/deprecated-headers';
import { harness } from './support';

const check = harness(deprecatedHeadersCheck);
afterAll(() => check.expectAllFindingsCovered());

describe('deprecated-headers', () => {
  it('never demands Public-Key-Pins, Expect-CT or Feature-Policy when they are absent', () => {
    expect(check.fixture('html-page-plain')).toEqual([]);
    expect(check.fixture('well-configured-page')).toEqual([]);
  });

  it('suggests removing every deprecated header a site still sends', () => {
    const findings = check.fixture('deprecated-all');
    expect(findings.map((finding) => [finding.id, finding.severity])).toEqual([
      ['hpkp-deprecated', 'low'],
      ['hpkp-report-only-deprecated', 'info'],
      ['expect-ct-obsolete', 'info'],
      ['feature-policy-superseded', 'info'],
      ['p3p-obsolete', 'info'],
      ['x-content-security-policy-obsolete', 'low'],
      ['x-webkit-csp-obsolete', 'low'],
    ]);
    expect(findings[0]?.recommendation).toBe('Remove Public-Key-Pins');
    expect(findings[3]?.recommendation).toBe('Replace with Permissions-Policy');
  });

  it('lowers prefixed CSP headers to informational when the standard header is there', () => {
    expect(check.fixture('deprecated-with-replacements')).toMatchObject([
      { id: 'feature-policy-superseded', severity: 'info', data: { replacementPresent: true } },
      { id: 'x-content-security-policy-obsolete', severity: 'info', data: { replacementPresent: true } },
    ]);
  });

  it('mentions the Rails quirk behind a lingering Feature-Policy', () => {
    expect(check.fixture('deprecated-all').find((finding) => finding.id === 'feature-policy-superseded')?.detail).toMatch(/rails\/rails#48878/);
  });
});
