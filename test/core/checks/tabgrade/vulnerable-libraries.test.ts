import { describe, expect, it } from 'vitest';
import { vulnerableLibrariesCheck } from '../../../../src/core/checks/tabgrade/vulnerable-libraries';
import { hit, pageWith, script } from '../../../helpers/page-capture';

const run = (capture: Parameters<typeof vulnerableLibrariesCheck.run>[0]) => vulnerableLibrariesCheck.run(capture, { now: 0 });

describe('vulnerable-libraries', () => {
  it('reports a vulnerable jQuery with its CVEs, fix, source, upgrade target and data date', () => {
    const [finding] = run(pageWith([script('https://www.example.com/js/jquery-3.4.1.min.js')]));
    expect(finding).toMatchObject({ id: 'vulnerable-library', severity: 'medium', subject: 'jQuery 3.4.1', title: 'jQuery 3.4.1 has 2 known vulnerabilities' });
    expect(finding?.detail).toContain('CVE-2020-11022 (medium)');
    expect(finding?.detail).toContain('fixed in 3.5.0');
    expect(finding?.detail).toContain('a first-party file (https://www.example.com/js/jquery-3.4.1.min.js)');
    expect(finding?.detail).toContain('retire.js data of 2026-08-20');
    expect(finding?.recommendation).toBe('Upgrade jQuery to 3.5.0 or later (latest: 4.0.0).');
    expect(finding?.data).toMatchObject({ component: 'jquery', version: '3.4.1', dataDate: '2026-08-20', upgradeTarget: '3.5.0' });
  });

  it('tells a third-party embed’s owner apart, and says no fixed release exists for AngularJS', () => {
    const [finding] = run(pageWith([script('https://widgets.vendor.net/angular-1.8.3.min.js')]));
    expect(finding).toMatchObject({ subject: 'AngularJS 1.8.3', severity: 'high' });
    expect(finding?.detail).toContain('no fixed release — migrate');
    expect(finding?.recommendation).toMatch(/^This copy comes from widgets\.vendor\.net: ask that provider to update it, or remove the embed\. No release of AngularJS fixes/);
  });

  it('says when a fix exists only in a later major line', () => {
    const [finding] = run(pageWith([script('https://www.example.com/js/jquery-1.12.4.js')]));
    expect(finding?.detail).toContain('fixed in 3.5.0 (no 1.x release has the fix)');
    expect(finding?.detail).toContain('This line is end of life');
    expect(finding?.recommendation).toContain('a new major version');
  });

  it('reports outdated and end-of-life lines at low severity, and nothing for a current one', () => {
    const findings = run(pageWith([], { runtime: [hit('jquery-migrate', '1.4.1', 'window.jQuery.migrateVersion'), hit('jquery', '3.7.1', 'window.jQuery.fn.jquery')] }));
    expect(findings.map((finding) => `${finding.id}:${finding.severity}:${finding.subject ?? ''}`)).toEqual(['outdated-library:low:jQuery Migrate 1.4.1']);
    expect(findings[0]?.detail).toContain('seen at run time as window.jQuery.migrateVersion');
    expect(findings[0]?.detail).toContain('The file it came from is not known');
  });

  it('ignores a page-reported value that is not a version', () => {
    expect(run(pageWith([], { runtime: [hit('jquery', 'not a version', 'window.jQuery.fn.jquery')] }))).toEqual([]);
  });

  it('puts the most severe first', () => {
    const findings = run(pageWith([script('https://www.example.com/jquery-3.4.1.js'), script('https://www.example.com/angular-1.8.3.js')]));
    expect(findings.map((finding) => finding.severity)).toEqual(['high', 'medium']);
  });
});
