import { afterAll, describe, expect, it } from 'vitest';
import { crossOriginOpenerPolicyCheck, parseCoop } from '../../../../src/core/checks/tabgrade/cross-origin-opener-policy';
import { harness, page } from './support';

const check = harness(crossOriginOpenerPolicyCheck);
afterAll(() => check.expectAllFindingsCovered());

describe('cross-origin-opener-policy', () => {
  it('is satisfied by same-origin, same-origin-allow-popups and noopener-allow-popups', () => {
    expect(check.fixture('well-configured-page')).toEqual([]);
    expect(check.fixture('coop-same-origin-allow-popups')).toEqual([]);
    expect(check.fixture('coop-noopener-allow-popups')).toEqual([]);
  });

  it('reports a missing COOP as low, with the popup exception spelled out', () => {
    const [finding] = check.fixture('html-page-plain');
    expect(finding).toMatchObject({ id: 'coop-missing', severity: 'low', recommendation: 'Cross-Origin-Opener-Policy: same-origin' });
    expect(finding?.detail).toMatch(/same-origin-allow-popups/);
  });

  it('reports a typo and a header sent twice as invalid', () => {
    expect(check.ids(check.fixture('coop-invalid-typo'))).toEqual(['coop-invalid']);
    expect(check.ids(check.fixture('coop-sent-twice'))).toEqual(['coop-invalid']);
  });

  it('treats an explicit unsafe-none as informational', () => {
    expect(check.fixture('coop-unsafe-none')).toMatchObject([{ id: 'coop-unsafe-none', severity: 'info' }]);
  });

  it('notes a report-only COOP without an enforced one', () => {
    expect(check.fixture('coop-report-only')).toMatchObject([{ id: 'coop-report-only', severity: 'info' }]);
  });

  it('does not apply to non-HTML responses or plain-HTTP pages', () => {
    expect(check.run(page({ 'Content-Type': 'application/json' }))).toEqual([]);
    expect(check.run(page({ 'Content-Type': 'text/html' }, { url: 'http://example.com/' }))).toEqual([]);
    expect(check.run(page({}, { overrides: { document: null } }))).toEqual([]);
  });

  it('still applies on http://localhost, a secure context', () => {
    expect(check.ids(check.run(page({ 'Content-Type': 'text/html' }, { url: 'http://localhost:8000/' })))).toEqual(['coop-missing']);
  });

  it('parses the structured-field token with parameters', () => {
    expect(parseCoop('same-origin; report-to="x"')).toBe('same-origin');
    expect(parseCoop('"same-origin"')).toBeNull();
    expect(parseCoop('')).toBeNull();
  });
});
