import { afterAll, describe, expect, it } from 'vitest';
import { originAgentClusterCheck, parseOriginAgentCluster } from '../../../../src/core/checks/tabgrade/origin-agent-cluster';
import { harness, page } from './support';

const check = harness(originAgentClusterCheck);
afterAll(() => check.expectAllFindingsCovered());

describe('origin-agent-cluster', () => {
  it('accepts ?1', () => {
    expect(check.fixture('origin-agent-cluster-on')).toEqual([]);
  });

  it('mentions a missing header as informational only', () => {
    expect(check.fixture('html-page-plain')).toMatchObject([{ id: 'origin-agent-cluster-missing', severity: 'info', recommendation: 'Origin-Agent-Cluster: ?1' }]);
  });

  it('explains the ?0 opt-out', () => {
    expect(check.fixture('origin-agent-cluster-off')).toMatchObject([{ id: 'origin-agent-cluster-opt-out', severity: 'info' }]);
  });

  it('reports values that are not structured booleans', () => {
    expect(check.fixture('origin-agent-cluster-invalid')).toMatchObject([{ id: 'origin-agent-cluster-invalid', severity: 'low' }]);
  });

  it('does not apply on plain HTTP or to non-HTML responses', () => {
    expect(check.run(page({ 'Content-Type': 'text/html' }, { url: 'http://example.com/' }))).toEqual([]);
    expect(check.run(page({ 'Content-Type': 'image/png' }))).toEqual([]);
  });

  it('parses ?1 and ?0', () => {
    expect(parseOriginAgentCluster('?1')).toBe(true);
    expect(parseOriginAgentCluster('?0')).toBe(false);
    expect(parseOriginAgentCluster('true')).toBeNull();
  });
});
