import { describe, expect, it } from 'vitest';
import type { Finding, TabgradeCheck } from '../../src/core/findings';
import { SEVERITY_ORDER } from '../../src/core/findings';
import { CHECK_ERROR_FINDING, runTabgradeChecks, TABGRADE_CHECKS } from '../../src/core/tabgrade-findings';
import { captureFrom, captureFromFixtures } from '../helpers/fixtures';

const NOW = Date.UTC(2026, 10, 26);

function isSorted(findings: readonly Finding[]): boolean {
  return findings.every((finding, i) => i === 0 || SEVERITY_ORDER.indexOf(findings[i - 1]!.severity) <= SEVERITY_ORDER.indexOf(finding.severity));
}

describe('TABGRADE_CHECKS', () => {
  it('lists each check once', () => {
    const ids = TABGRADE_CHECKS.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('includes the header, cookie, CSP and disclosure checks, each declaring the findings it can produce', () => {
    const ids = TABGRADE_CHECKS.map((check) => check.id);
    for (const id of [
      'csp-review', 'cookies-in-depth', 'cache-control-sensitive-pages', 'cross-origin-opener-policy', 'cross-origin-embedder-policy',
      'permissions-policy', 'origin-agent-cluster', 'content-type-charset', 'x-permitted-cross-domain-policies', 'clear-site-data',
      'debug-headers', 'server-header', 'technology-headers', 'x-xss-protection', 'deprecated-headers',
    ]) {
      expect(ids).toContain(id);
      expect(TABGRADE_CHECKS.find((check) => check.id === id)?.possibleFindings?.length, id).toBeGreaterThan(0);
    }
  });

  it('never lets two checks claim the same finding id', () => {
    const owner = new Map<string, string>();
    for (const check of TABGRADE_CHECKS) {
      for (const id of check.possibleFindings ?? []) {
        expect(owner.get(id), `${id} claimed by ${owner.get(id)} and ${check.id}`).toBeUndefined();
        owner.set(id, check.id);
      }
    }
  });
});

describe('runTabgradeChecks', () => {
  it('returns nothing while the document has not arrived', () => {
    expect(runTabgradeChecks(captureFrom(), { now: NOW })).toEqual([]);
  });

  it('finds nothing to say about a well-configured page', () => {
    expect(runTabgradeChecks(captureFromFixtures('tabgrade/well-configured-page', 'tabgrade/meta-charset'), { now: NOW })).toEqual([]);
  });

  it('raises no false alarm on a hardened Django site: csrftoken stays readable, no HPKP demanded, X-XSS-Protection 0 is fine', () => {
    const findings = runTabgradeChecks(captureFromFixtures('tabgrade/cookies-django-hardened'), { now: NOW });
    expect(findings.filter((finding) => finding.subject === 'csrftoken')).toEqual([]);
    expect(findings.some((finding) => /Public-Key-Pins|X-XSS-Protection/i.test(finding.subject ?? ''))).toBe(false);
  });

  it('sorts by severity, keeping the checks’ order within one severity', () => {
    const findings = runTabgradeChecks(captureFromFixtures('tabgrade/debug-laravel-debugbar'), { now: NOW });
    expect(isSorted(findings)).toBe(true);
    expect(findings[0]).toMatchObject({ id: 'debug-laravel-debugbar', severity: 'high' });
    const infos = findings.filter((finding) => finding.severity === 'info').map((finding) => finding.checkId);
    const order = TABGRADE_CHECKS.map((check) => check.id);
    expect(infos.map((id) => order.indexOf(id))).toEqual([...infos.map((id) => order.indexOf(id))].sort((a, b) => a - b));
  });

  it('attaches fix snippets for every stack that has its own', () => {
    const findings = runTabgradeChecks(captureFromFixtures('tabgrade/server-apache-ubuntu'), { now: NOW });
    const server = findings.find((finding) => finding.id === 'server-version-disclosed');
    expect(server?.fixes?.apache).toBe('ServerTokens Prod\nServerSignature Off');
    expect(server?.fixes?.nginx).toBe('server_tokens off;');
  });

  it('keeps fixes a check wrote itself', () => {
    const own: TabgradeCheck = {
      id: 'own-fixes',
      title: 'Own fixes',
      group: 'server',
      needs: ['document'],
      run: () => [{ id: 'server-version-disclosed', checkId: 'own-fixes', severity: 'low', group: 'server', title: 't', detail: 'd', fixes: { nginx: 'custom' } }],
    };
    expect(runTabgradeChecks(captureFromFixtures('tabgrade/html-page-plain'), { now: NOW }, [own])[0]?.fixes).toEqual({ nginx: 'custom' });
  });

  it('turns a check that throws into one informational finding and runs the others', () => {
    const broken: TabgradeCheck = {
      id: 'broken',
      title: 'Broken check',
      group: 'content',
      needs: ['document'],
      run: () => {
        throw new TypeError('boom');
      },
    };
    const findings = runTabgradeChecks(captureFromFixtures('tabgrade/server-apache-ubuntu'), { now: NOW }, [broken, ...TABGRADE_CHECKS]);
    expect(findings.filter((finding) => finding.id === CHECK_ERROR_FINDING)).toMatchObject([
      { checkId: 'broken', severity: 'info', group: 'content', data: { error: 'boom' } },
    ]);
    expect(findings.some((finding) => finding.id === 'server-version-disclosed')).toBe(true);
    const thrower: TabgradeCheck = { ...broken, run: () => { throw 'not an Error'; } };
    expect(runTabgradeChecks(captureFrom(), { now: NOW }, [thrower])[0]?.data).toEqual({ error: 'not an Error' });
  });

  it('produces plain JSON a view can store and send', () => {
    const findings = runTabgradeChecks(captureFromFixtures('tabgrade/cookies-django-defaults', 'tabgrade/no-charset'), { now: NOW });
    expect(JSON.parse(JSON.stringify(findings))).toEqual(findings);
  });
});
