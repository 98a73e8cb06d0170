import { afterAll, describe, expect, it } from 'vitest';
import { xPermittedCrossDomainPoliciesCheck } from '../../../../src/core/checks/tabgrade/x-permitted-cross-domain-policies';
import type { ProbeResult } from '../../../../src/core/capture';
import { loadHeaders } from '../../../helpers/fixtures';
import { harness, page } from './support';

const check = harness(xPermittedCrossDomainPoliciesCheck);
afterAll(() => check.expectAllFindingsCovered());

function crossdomainProbe(status: number, body: string): ProbeResult {
  return {
    url: 'https://example.com/crossdomain.xml',
    redirects: [],
    response: { url: 'https://example.com/crossdomain.xml', method: 'GET', statusCode: status, statusLine: `HTTP/1.1 ${status}`, headers: [], type: 'other', timeStamp: 0, fromCache: false },
    body,
  };
}

describe('x-permitted-cross-domain-policies', () => {
  it('does not demand the header when the site has no crossdomain.xml (a scanner myth)', () => {
    expect(check.fixture('html-page-plain')).toEqual([]);
    expect(check.run(page({ 'Content-Type': 'text/html' }, { overrides: { probes: { crossdomainXml: crossdomainProbe(404, 'Not found') } } }))).toEqual([]);
  });

  it('suggests it when the site publishes a crossdomain.xml', () => {
    const capture = page(
      { 'Content-Type': 'text/html' },
      { overrides: { probes: { crossdomainXml: crossdomainProbe(200, '<?xml version="1.0"?><cross-domain-policy><allow-access-from domain="*"/></cross-domain-policy>') } } },
    );
    expect(check.run(capture)).toMatchObject([{ id: 'xpcdp-missing-with-policy-file', severity: 'info' }]);
  });

  it('accepts none and master-only', () => {
    expect(check.fixture('xpcdp-none')).toEqual([]);
    expect(check.run(page({ 'X-Permitted-Cross-Domain-Policies': 'Master-Only' }))).toEqual([]);
  });

  it('reports all as low', () => {
    expect(check.fixture('xpcdp-all')).toMatchObject([{ id: 'xpcdp-all', severity: 'low' }]);
  });

  it('reports an unknown value as informational', () => {
    expect(check.fixture('xpcdp-invalid')).toMatchObject([{ id: 'xpcdp-invalid', severity: 'info', data: { value: 'nothing' } }]);
  });

  it('needs a document', () => {
    expect(check.run(page([], { overrides: { document: null } }))).toEqual([]);
    expect(loadHeaders('tabgrade/xpcdp-all').length).toBe(2);
  });
});
