import { afterAll, describe, expect, it } from 'vitest';
import { crossOriginEmbedderPolicyCheck, parseCoep } from '../../../../src/core/checks/tabgrade/cross-origin-embedder-policy';
import { harness, page } from './support';

const check = harness(crossOriginEmbedderPolicyCheck);
afterAll(() => check.expectAllFindingsCovered());

describe('cross-origin-embedder-policy', () => {
  it('never asks for COEP when it is absent (most sites do not need cross-origin isolation)', () => {
    expect(check.fixture('html-page-plain')).toEqual([]);
    expect(check.fixture('well-configured-page')).toEqual([]);
  });

  it('warns that require-corp breaks third-party embeds, and suggests credentialless', () => {
    const findings = check.fixture('coep-require-corp-with-coop');
    expect(findings).toMatchObject([{ id: 'coep-require-corp-breaks-embeds', severity: 'info', recommendation: 'Cross-Origin-Embedder-Policy: credentialless' }]);
    expect(findings[0]?.detail).toMatch(/third-party embeds/);
  });

  it('is quiet about credentialless with COOP same-origin (a cross-origin isolated page)', () => {
    expect(check.fixture('coep-credentialless-isolated')).toEqual([]);
  });

  it('notes COEP without COOP same-origin, which isolates nothing', () => {
    expect(check.ids(check.fixture('coep-credentialless-without-coop'))).toEqual(['coep-without-coop-same-origin']);
  });

  it('reports an unparseable value', () => {
    expect(check.fixture('coep-invalid')).toMatchObject([{ id: 'coep-invalid', severity: 'low', data: { value: 'require_corp' } }]);
  });

  it('accepts an explicit unsafe-none silently', () => {
    expect(check.fixture('coep-unsafe-none')).toEqual([]);
  });

  it('does not apply on plain HTTP', () => {
    expect(check.run(page({ 'Content-Type': 'text/html', 'Cross-Origin-Embedder-Policy': 'require-corp' }, { url: 'http://example.com/' }))).toEqual([]);
  });

  it('parses tokens only', () => {
    expect(parseCoep('credentialless; report-to="e"')).toBe('credentialless');
    expect(parseCoep('require-corp, require-corp')).toBeNull();
  });
});
