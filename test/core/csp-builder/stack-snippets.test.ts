import { describe, expect, it } from 'vitest';
import { ALL_STACKS } from '../../../src/core/checks/tabgrade/fixes';
import { draftPolicies, type DraftPolicy } from '../../../src/core/csp-builder/draft';
import { observePage } from '../../../src/core/csp-builder/observe-page';
import { ENFORCE_HOW } from '../../../src/core/csp-builder/rollout';
import { headerName, policySnippet } from '../../../src/core/csp-builder/stack-snippets';
import { builderCapture } from './support';

async function policies(): Promise<{ strict: DraftPolicy; allowList: DraftPolicy }> {
  return draftPolicies((await observePage(builderCapture('clean-static')))!);
}

describe('policySnippet', () => {
  it('sends the allow-list as report-only in each server’s own syntax', async () => {
    const { allowList } = await policies();
    const text = allowList.text;
    expect(policySnippet(allowList, 'apache', 'report-only').code).toBe(`Header always set Content-Security-Policy-Report-Only "${text}"`);
    expect(policySnippet(allowList, 'nginx', 'report-only').code).toBe(`add_header Content-Security-Policy-Report-Only "${text}" always;`);
    expect(policySnippet(allowList, 'caddy', 'report-only').code).toBe(`header Content-Security-Policy-Report-Only "${text}"`);
    expect(policySnippet(allowList, 'netlify', 'report-only').code).toBe(`/*\n  Content-Security-Policy-Report-Only: ${text}`);
    expect(policySnippet(allowList, 'nginx', 'enforce').code).toBe(`add_header Content-Security-Policy "${text}" always;`);
    expect(policySnippet(allowList, 'nginx', 'report-only').note).not.toContain('nonce');
  });

  it('writes Django settings with the CSP enum, and the django-csp 4 form for older Django', async () => {
    const { strict } = await policies();
    const code = policySnippet(strict, 'django', 'report-only').code;
    expect(code).toContain('SECURE_CSP_REPORT_ONLY = {');
    expect(code).toMatch(/"script-src": \[CSP\.NONCE, "'sha256-[^']+'", CSP\.STRICT_DYNAMIC, CSP\.UNSAFE_INLINE, "https:"\],/);
    expect(code).toContain('"object-src": [CSP.NONE],');
    expect(code).toContain('# CONTENT_SECURITY_POLICY_REPORT_ONLY = {');
    expect(code).toContain('# from csp.constants import NONCE, NONE, SELF, STRICT_DYNAMIC, UNSAFE_INLINE');
    expect(code).toContain('{{ csp_nonce }}');
    expect(policySnippet(strict, 'django', 'enforce').code).toContain('\nSECURE_CSP = {');
  });

  it('writes helmet options with useDefaults off, reportOnly on and the nonce as a function of the response', async () => {
    const { strict, allowList } = await policies();
    const code = policySnippet(strict, 'express', 'report-only').code;
    expect(code).toContain('useDefaults: false,\n    reportOnly: true,');
    expect(code).toContain("\"script-src\": [(req, res) => `'nonce-${res.locals.cspNonce}'`, \"'sha256-");
    expect(code).toContain('crypto.randomBytes(16).toString("base64")');
    const plain = policySnippet(allowList, 'express', 'enforce').code;
    expect(plain).not.toContain('reportOnly');
    expect(plain).not.toContain('crypto');
  });

  it("writes Rails' DSL, letting Rails add the nonce itself", async () => {
    const { strict } = await policies();
    const code = policySnippet(strict, 'rails', 'report-only').code;
    expect(code).toMatch(/policy\.script_src\s+"'sha256-[^']+'", :strict_dynamic, :unsafe_inline, :https/);
    expect(code).toContain('content_security_policy_nonce_generator');
    expect(code).toContain('config.content_security_policy_report_only = true');
    expect(code).not.toContain('{RANDOM}');
  });

  it('says when a server configuration cannot make the nonce a strict draft needs', async () => {
    const { strict } = await policies();
    for (const stack of ['apache', 'nginx', 'caddy', 'iis', 'netlify'] as const) {
      expect(policySnippet(strict, stack, 'report-only').note, stack).toContain('cannot make one');
    }
    expect(policySnippet(strict, 'laravel', 'report-only').note).toContain('fresh random value');
    expect(policySnippet(strict, 'php', 'report-only').code).toContain("str_replace('{RANDOM}', $cspNonce,");
  });

  it('has a snippet and an enforcement step for every stack', async () => {
    const { strict, allowList } = await policies();
    for (const stack of ALL_STACKS) {
      for (const policy of [strict, allowList]) {
        const snippet = policySnippet(policy, stack, 'report-only');
        expect(snippet.code.length, stack).toBeGreaterThan(0);
        expect(snippet.code.includes('Report-Only') || snippet.code.includes('REPORT_ONLY') || snippet.code.includes('reportOnly') || snippet.code.includes('report_only'), stack).toBe(true);
      }
      expect(ENFORCE_HOW[stack]).not.toBe('');
    }
    expect(headerName('enforce')).toBe('Content-Security-Policy');
  });
});
