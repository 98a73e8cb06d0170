/**
 * The verdicts the bundled retire.js data gives, including the edge cases the data is
 * known for: `excludes` (`1.12.4-aem`), pre-releases, two-part versions, ranges ending at
 * versions never released (AngularJS, Bootstrap 3), and end-of-life entries.
 */
import { describe, expect, it } from 'vitest';
import { assessLibrary, librarySeverity } from '../../../src/core/libraries/assess';
import { LIBRARY_DATA_INFO } from '../../../src/core/libraries/data';

function ids(component: string, version: string): string[] {
  return assessLibrary(component, version).vulnerabilities.flatMap((vulnerability) => vulnerability.ids);
}

describe('jQuery', () => {
  it('1.12.4: vulnerable, end of life, upgrade to 3.5.0 (latest 4.0.0)', () => {
    const assessment = assessLibrary('jquery', '1.12.4');
    expect(assessment.status).toBe('vulnerable');
    expect(ids('jquery', '1.12.4')).toEqual(expect.arrayContaining(['CVE-2015-9251', 'CVE-2019-11358', 'CVE-2020-11022', 'CVE-2020-11023']));
    expect(assessment.endOfLife?.summary).toMatch(/End-of-Life/);
    // End of life is not counted as a vulnerability.
    expect(assessment.vulnerabilities.some((vulnerability) => /end-of-life/i.test(vulnerability.summary))).toBe(false);
    expect(assessment.upgradeTarget).toBe('3.5.0');
    expect(assessment.latest).toBe('4.0.0');
    expect(assessment.worstSeverity).toBe('medium');
    const xss = assessment.vulnerabilities.find((vulnerability) => vulnerability.ids.includes('CVE-2020-11022'));
    expect(xss).toMatchObject({ fixedIn: '3.5.0', noFixInLine: true, link: 'https://nvd.nist.gov/vuln/detail/CVE-2020-11022' });
  });

  it('1.12.4-aem: the entries that exclude it do not apply (no EOL, no CVE-2015-9251 from the 1.12.3 range)', () => {
    const assessment = assessLibrary('jquery', '1.12.4-aem');
    expect(assessment.endOfLife).toBeNull();
    expect(ids('jquery', '1.12.4-aem')).not.toContain('CVE-2015-9251');
    // …but the ranges without `excludes` still do.
    expect(ids('jquery', '1.12.4-aem')).toContain('CVE-2020-11022');
  });

  it('3.4.1 is vulnerable and fixed within its line', () => {
    const assessment = assessLibrary('jquery', '3.4.1');
    expect(ids('jquery', '3.4.1').sort()).toEqual(['CVE-2020-11022', 'CVE-2020-11023', 'GHSA-gxr4-xjj5-5px2', 'GHSA-jpcq-cgw6-v4j6']);
    expect(assessment.vulnerabilities.every((vulnerability) => vulnerability.fixedIn === '3.5.0' && !vulnerability.noFixInLine)).toBe(true);
  });

  it('3.5.0 is clean, 3.5.0-beta is not, and the two-part 3.5 equals 3.5.0', () => {
    expect(assessLibrary('jquery', '3.5.0').status).toBe('ok');
    expect(assessLibrary('jquery', '3.5.0-beta').status).toBe('vulnerable');
    expect(assessLibrary('jquery', '3.5').status).toBe('ok');
    expect(assessLibrary('jquery', '3.4').status).toBe('vulnerable');
  });

  it('3.7.1 is one major behind 4.0.0: not reported as outdated', () => {
    const assessment = assessLibrary('jquery', '3.7.1');
    expect(assessment).toMatchObject({ status: 'ok', majorsBehind: 1, upgradeTarget: null });
  });
});

describe('libraries without a fixed release', () => {
  it('AngularJS 1.8.3: every fix is "no fixed release — migrate", and there is no upgrade target', () => {
    const assessment = assessLibrary('angularjs', '1.8.3');
    expect(assessment.status).toBe('vulnerable');
    expect(assessment.vulnerabilities.length).toBeGreaterThan(5);
    expect(assessment.vulnerabilities.every((vulnerability) => vulnerability.fixedIn === null && vulnerability.noFixInLine)).toBe(true);
    expect(assessment.upgradeTarget).toBeNull();
    expect(assessment.endOfLife).not.toBeNull();
    expect(assessment.worstSeverity).toBe('high');
  });

  it('Bootstrap 3.4.1: the 3.4.2 "fix" does not exist, so the fix is in 4.x', () => {
    const assessment = assessLibrary('bootstrap', '3.4.1');
    const cve = assessment.vulnerabilities.find((vulnerability) => vulnerability.ids.includes('CVE-2024-6485'));
    expect(cve).toMatchObject({ fixedIn: '4.0.0', noFixInLine: true });
    expect(assessment.endOfLife?.summary).toMatch(/end-of-life/);
    expect(assessment.upgradeTarget?.startsWith('4.')).toBe(true);
  });
});

describe('outdated and current', () => {
  it('jQuery Migrate 1.4.1: no known vulnerability, three majors behind → outdated', () => {
    expect(assessLibrary('jquery-migrate', '1.4.1')).toMatchObject({ status: 'outdated', majorsBehind: 3, vulnerabilities: [] });
  });

  it('React 16.14.0 is outdated; a library without release data is never called outdated', () => {
    expect(assessLibrary('react', '16.14.0').status).toBe('outdated');
    expect(assessLibrary('knockout', '3.5.1')).toMatchObject({ latest: null, majorsBehind: null });
  });

  it('maps retire.js "critical" to high', () => {
    // The data rates CVE-2026-33937 (handlebars >= 4.0.0 < 4.7.9) critical.
    const entry = assessLibrary('handlebars', '4.0.0').vulnerabilities.find((vulnerability) => vulnerability.ids.includes('CVE-2026-33937'));
    expect(entry?.severity).toBe('high');
    expect(assessLibrary('handlebars', '4.0.0').worstSeverity).toBe('high');
  });
});

describe('data provenance', () => {
  it('records the data date and the releases date', () => {
    expect(LIBRARY_DATA_INFO.dataDate).toBe('2026-08-20');
    expect(LIBRARY_DATA_INFO.releasesDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(LIBRARY_DATA_INFO.licence).toBe('Apache-2.0');
  });
});

describe('librarySeverity', () => {
  it('is the worst vulnerability for a vulnerable version, low for outdated lines, none when fine', () => {
    const vulnerable = assessLibrary('jquery', '1.12.4');
    expect(librarySeverity(vulnerable)).toBe(vulnerable.worstSeverity ?? 'medium');
    expect(librarySeverity(vulnerable)).not.toBeNull();
    expect(librarySeverity({ ...vulnerable, worstSeverity: null })).toBe('medium');
    expect(librarySeverity({ ...vulnerable, status: 'outdated' })).toBe('low');
    expect(librarySeverity({ ...vulnerable, status: 'end-of-life' })).toBe('low');
    expect(librarySeverity(assessLibrary('jquery', '3.7.1'))).toBeNull();
  });
});
