import { afterAll, describe, expect, it } from 'vitest';
import { parsePermissionsPolicy, permissionsPolicyCheck } from '../../../../src/core/checks/tabgrade/permissions-policy';
import { RECOMMENDED_PERMISSIONS_POLICY } from '../../../../src/core/checks/tabgrade/permissions-policy-features';
import { harness, page } from './support';

const check = harness(permissionsPolicyCheck);
afterAll(() => check.expectAllFindingsCovered());

describe('permissions-policy', () => {
  it('is satisfied by a policy that disables the core powerful features', () => {
    expect(check.fixture('permissions-policy-restrictive')).toEqual([]);
    expect(check.fixture('well-configured-page')).toEqual([]);
  });

  it('reads two headers as one dictionary', () => {
    expect(check.fixture('permissions-policy-two-headers')).toEqual([]);
  });

  it('reports a missing header as informational, with a recommended value', () => {
    expect(check.fixture('html-page-plain')).toMatchObject([
      { id: 'permissions-policy-missing', severity: 'info', recommendation: `Permissions-Policy: ${RECOMMENDED_PERMISSIONS_POLICY}` },
    ]);
  });

  it('recognises the old Feature-Policy syntax pasted into the new header', () => {
    expect(check.fixture('permissions-policy-feature-policy-syntax')).toMatchObject([
      { id: 'permissions-policy-invalid', severity: 'low', data: { featurePolicySyntax: true } },
    ]);
  });

  it('reports other structured-field errors (upper-case keys) as invalid', () => {
    expect(check.fixture('permissions-policy-uppercase-key')).toMatchObject([{ id: 'permissions-policy-invalid', data: { featurePolicySyntax: false } }]);
  });

  it('flags powerful features opened to every origin, not harmless ones such as fullscreen', () => {
    const findings = check.fixture('permissions-policy-wildcards');
    expect(findings).toMatchObject([{ id: 'permissions-policy-powerful-feature-open', severity: 'low', data: { features: ['camera', 'microphone'] } }]);
  });

  it('lists core powerful features the policy leaves at their default', () => {
    expect(check.fixture('permissions-policy-partial')).toMatchObject([
      { id: 'permissions-policy-powerful-feature-unrestricted', severity: 'info', data: { features: ['camera', 'microphone', 'payment', 'usb', 'display-capture'] } },
    ]);
  });

  it('notes obsolete and unknown feature names', () => {
    expect(check.fixture('permissions-policy-obsolete-and-unknown')).toMatchObject([
      { id: 'permissions-policy-unrecognised-feature', severity: 'info', data: { obsolete: ['interest-cohort'], unknown: ['made-up-feature'] } },
    ]);
  });

  it('notes allowlist entries browsers skip (unquoted origins, none)', () => {
    expect(check.fixture('permissions-policy-unquoted-origin')).toMatchObject([
      {
        id: 'permissions-policy-ignored-allowlist-entry',
        data: { entries: [{ feature: 'camera', members: ['https://video.example'] }, { feature: 'microphone', members: ['none'] }] },
      },
    ]);
  });

  it('does not apply to non-HTML responses', () => {
    expect(check.run(page({ 'Content-Type': 'application/json' }))).toEqual([]);
  });

  it('parses allowlists: *, self, quoted origins and ()', () => {
    const parsed = parsePermissionsPolicy('camera=(), geolocation=(self "https://a.example"), fullscreen=*');
    expect(parsed.valid).toBe(true);
    if (!parsed.valid) return;
    expect(parsed.features.get('camera')).toEqual({ all: false, self: false, origins: [], ignored: [] });
    expect(parsed.features.get('geolocation')).toEqual({ all: false, self: true, origins: ['https://a.example'], ignored: [] });
    expect(parsed.features.get('fullscreen')?.all).toBe(true);
  });
});
