import { describe, expect, it } from 'vitest';
import { draftPolicies } from '../../../src/core/csp-builder/draft';
import { captureWithPolicy, evaluateDraft } from '../../../src/core/csp-builder/evaluate-draft';
import { observePage } from '../../../src/core/csp-builder/observe-page';
import { builderCapture } from './support';

async function drafts(name: string, overrides = {}) {
  const capture = builderCapture(name, overrides);
  return { capture, ...draftPolicies((await observePage(capture))!) };
}

describe('evaluateDraft', () => {
  it('grades both drafts of a clean page as the Observatory’s expectation, csp-implemented-with-no-unsafe', async () => {
    const { capture, strict, allowList } = await drafts('clean-static');
    for (const policy of [strict, allowList]) {
      const { observatory, evaluator } = evaluateDraft(policy, capture);
      expect(observatory.result, policy.variant).toBe('csp-implemented-with-no-unsafe');
      expect(observatory.pass).toBe(true);
      expect(observatory.scoreModifier).toBe(5);
      expect(evaluator.filter((finding) => finding.severity === 'high' || finding.severity === 'medium'), policy.variant).toEqual([]);
    }
  });

  it('passes the blog drafts too, and shows CSP Evaluator’s warning that the allow-list trusts a host serving JSONP/Angular', async () => {
    const { capture, strict, allowList } = await drafts('blog-with-cdn');
    expect(evaluateDraft(strict, capture).observatory.result).toBe('csp-implemented-with-no-unsafe');
    expect(evaluateDraft(strict, capture).evaluator).toEqual([]);
    const allowEvaluation = evaluateDraft(allowList, capture);
    expect(allowEvaluation.observatory.result).toBe('csp-implemented-with-no-unsafe');
    const bypass = allowEvaluation.evaluator.find((finding) => finding.id === 'csp-script-allowlist-bypass');
    expect(bypass?.severity).toBe('high');
    expect(bypass?.data?.values).toEqual(expect.arrayContaining(['https://cdn.jsdelivr.net']));
  });

  it('judges the draft alone: the page’s own header and meta policies are left out', async () => {
    const { capture, allowList } = await drafts('clean-static', {
      html: { text: '<meta http-equiv="Content-Security-Policy" content="script-src *"><script>x()</script>', source: 'served', truncated: false },
    });
    const withOwnHeader = { ...capture, document: { ...capture.document!, headers: [...capture.document!.headers, { name: 'Content-Security-Policy', value: "script-src 'unsafe-inline'" }] } };
    const judged = captureWithPolicy(withOwnHeader, allowList.text);
    expect(judged.document?.headers.filter((header) => header.name.toLowerCase().startsWith('content-security-policy'))).toEqual([{ name: 'Content-Security-Policy', value: allowList.text }]);
    expect(judged.html).toBeNull();
    expect(evaluateDraft(allowList, withOwnHeader).observatory.result).toBe('csp-implemented-with-no-unsafe');
  });
});
