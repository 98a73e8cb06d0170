import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Grade, ObservatoryGrade } from '../../../src/core/checks/observatory/grade-types';
import type { Finding, Severity } from '../../../src/core/findings';
import { gradeCapture } from '../../../src/core/grade';
import { GRADES_BEST_FIRST } from '../../../src/core/grade-order';
import { runTabgradeChecks } from '../../../src/core/tabgrade-findings';
import { CAP_RULES, capRuleFor, type CapContext } from '../../../src/core/verdict/cap-table';
import { gradeCaps, tabgradeVerdict } from '../../../src/core/verdict/tabgrade-grade';
import { captureFrom } from '../../helpers/fixtures';
import { pageWith, script } from '../../helpers/page-capture';
import { finding, gradeWithResults, isBetter, NOW, RESULTS_FOR_GRADE, worstOf } from './support';

const PUBLIC: CapContext = { publicHost: true, observatorySriPassed: false };

/** Real grades of every letter, from the real grader. */
const GRADE_OF: Map<Grade, ObservatoryGrade> = new Map(RESULTS_FOR_GRADE.map(([letter, results]) => [letter, gradeWithResults(results)]));
function observatory(letter: Grade): ObservatoryGrade {
  const grade = GRADE_OF.get(letter);
  if (grade === undefined) throw new Error(`no grade ${letter}`);
  return grade;
}

// One finding per cap letter the table uses, each with words a reason can be checked against.
const downgrade = finding({ id: 'https-downgrade-redirect', checkId: 'https-downgrade', severity: 'high', title: 'HTTPS redirects to plain HTTP', recommendation: 'Redirect to https:// only; serve the final page over HTTPS.' });
const tls11 = finding({ id: 'tls-protocol-deprecated', checkId: 'tls-connection', severity: 'high', title: 'The connection uses TLS 1.1.', recommendation: 'Turn off TLS 1.0 and 1.1.' });
const stylesheet = finding({ id: 'sri-missing-on-cross-origin-stylesheet', checkId: 'subresource-integrity-in-depth', title: 'Cross-origin stylesheet loaded without integrity', recommendation: 'Add integrity="sha384-…" crossorigin="anonymous".' });
const expired = finding({ id: 'tls-certificate-expired', checkId: 'tls-connection', severity: 'high', title: 'The certificate has expired', recommendation: 'Renew the certificate' });

describe('the real grades these tests start from', () => {
  it.each(RESULTS_FOR_GRADE.map(([letter]) => letter))('%s is what the grader gives', (letter) => {
    expect(observatory(letter)).toMatchObject({ grade: letter, status: 'graded' });
  });
});

describe('tabgradeVerdict', () => {
  it('is the Observatory letter when nothing caps', () => {
    const verdict = tabgradeVerdict(observatory('A'), [finding({ id: 'coop-missing', severity: 'low' })], PUBLIC);
    expect(verdict).toMatchObject({ grade: 'A', observatoryGrade: 'A', capped: false, caps: [] });
    expect(verdict.summary).toBe(`Tabgrade A · Observatory-compatible A (${observatory('A').score}/100)`);
  });

  it('lowers the letter to the cap, and says so', () => {
    const verdict = tabgradeVerdict(observatory('A+'), [downgrade], PUBLIC);
    expect(verdict).toMatchObject({ grade: 'C', observatoryGrade: 'A+', capped: true });
    expect(verdict.caps).toHaveLength(1);
    expect(verdict.caps[0]).toMatchObject({ rule: 'https-downgrade', grade: 'C', findingId: 'https-downgrade-redirect', checkId: 'https-downgrade', severity: 'high', binding: true });
    expect(verdict.summary).toContain('Tabgrade C (capped)');
    expect(verdict.summary).toContain(verdict.caps[0]?.reason);
  });

  it('never raises a letter: a cap above the score changes nothing, but is still listed', () => {
    const verdict = tabgradeVerdict(observatory('D'), [downgrade, tls11], PUBLIC);
    expect(verdict).toMatchObject({ grade: 'D', observatoryGrade: 'D', capped: false });
    // Fixing the headers must not hide the next ceiling: both caps are there, neither binding.
    expect(verdict.caps.map((cap) => [cap.rule, cap.grade, cap.binding])).toEqual([
      ['https-downgrade', 'C', false],
      ['tls-deprecated-protocol', 'B', false],
    ]);
    expect(verdict.summary).not.toContain('capped');
  });

  it('does not call a cap binding when it only equals the Observatory letter', () => {
    const verdict = tabgradeVerdict(observatory('C'), [downgrade], PUBLIC);
    expect(verdict).toMatchObject({ grade: 'C', capped: false });
    expect(verdict.caps[0]?.binding).toBe(false);
  });

  it('lists every cap lowest first, and marks only the lowest as binding', () => {
    const verdict = tabgradeVerdict(observatory('A+'), [stylesheet, tls11, downgrade], PUBLIC);
    expect(verdict.grade).toBe('C');
    expect(verdict.caps.map((cap) => [cap.grade, cap.binding])).toEqual([
      ['C', true],
      ['B', false],
      ['B+', false],
    ]);
  });

  it('marks every cap at the lowest letter as binding when two share it', () => {
    const mixed = finding({ id: 'mixed-content-script', checkId: 'subresource-integrity-in-depth', severity: 'high', title: 'A script is loaded over http: on an https: page' });
    const verdict = tabgradeVerdict(observatory('B'), [downgrade, stylesheet, mixed], PUBLIC);
    expect(verdict.caps.filter((cap) => cap.binding).map((cap) => cap.findingId)).toEqual(['https-downgrade-redirect', 'mixed-content-script']);
  });

  it('passes the page context to the cap table', () => {
    expect(tabgradeVerdict(observatory('A'), [expired], PUBLIC).grade).toBe('F');
    expect(tabgradeVerdict(observatory('A'), [expired], { publicHost: false, observatorySriPassed: false }).caps.map((cap) => cap.rule)).not.toContain('certificate-invalid-public');
  });

  describe('without an Observatory-compatible grade', () => {
    const unavailable = gradeCapture(captureFrom({})); // no document response
    const pending = gradeCapture(captureFrom({ overrides: { state: 'loading' } }));

    it('starts from real pending and unavailable grades', () => {
      expect(unavailable.status).toBe('unavailable');
      expect(pending.status).toBe('pending');
    });

    it.each([
      ['unavailable', unavailable],
      ['pending', pending],
    ] as const)('gives no letter while %s, even with caps, and does not use the placeholder F', (_status, grade) => {
      const verdict = tabgradeVerdict(grade, [downgrade], PUBLIC);
      expect(verdict.grade).toBeNull();
      expect(verdict.observatoryGrade).toBeNull();
      expect(verdict.capped).toBe(false);
      expect(verdict.summary).toBe('Tabgrade: no grade yet');
      // The caps are still known (and shown), but hold nothing down.
      expect(verdict.caps.map((cap) => [cap.rule, cap.binding])).toEqual([['https-downgrade', false]]);
    });

    it('still grades a partial grade (a test could not run, a score was computed)', () => {
      const partial: ObservatoryGrade = { ...observatory('A'), status: 'partial' };
      expect(tabgradeVerdict(partial, [tls11], PUBLIC)).toMatchObject({ grade: 'B', observatoryGrade: 'A', capped: true });
    });

    it('reads a grade without a status as graded', () => {
      const { status: _status, ...legacy } = observatory('A');
      expect(tabgradeVerdict(legacy, [tls11], PUBLIC).grade).toBe('B');
    });
  });

  describe('property: the letter is the worst of the Observatory letter and every cap', () => {
    const ids = [...new Set(CAP_RULES.flatMap((rule) => rule.findingIds ?? []).map((pattern) => pattern.replace(/\*$/, 'x'))), 'coep-invalid', 'server-version-disclosed'];
    const anyFinding = fc.record({
      id: fc.constantFrom(...ids),
      checkId: fc.constantFrom('some-check', 'csp-review'),
      severity: fc.constantFrom<Severity>('high', 'medium', 'low', 'info'),
      addedAfterLoad: fc.boolean(),
      title: fc.constantFrom('Problem one', 'Problem two.', 'Problem three'),
    });
    const letters = [...GRADE_OF.keys()];

    it('holds over random findings, pages and contexts', () => {
      fc.assert(
        fc.property(fc.constantFrom(...letters), fc.array(anyFinding, { maxLength: 8 }), fc.boolean(), fc.boolean(), (letter, specs, publicHost, observatorySriPassed) => {
          const context = { publicHost, observatorySriPassed };
          const findings: Finding[] = specs.map((spec) => finding({ ...spec, data: { addedAfterLoad: spec.addedAfterLoad } }));
          const verdict = tabgradeVerdict(observatory(letter), findings, context);
          const capLetters = findings.flatMap((item) => {
            const rule = capRuleFor(item, context);
            return rule === null ? [] : [rule.cap];
          });
          expect(verdict.grade).toBe(worstOf([letter, ...capLetters]));
          expect(verdict.grade !== null && isBetter(verdict.grade, letter)).toBe(false);
          expect(verdict.capped).toBe(verdict.grade !== letter);
          // Every capping finding's letter is listed (repeats may merge), and nothing else.
          expect(new Set(verdict.caps.map((cap) => cap.grade))).toEqual(new Set(capLetters));
          const order = verdict.caps.map((cap) => GRADES_BEST_FIRST.indexOf(cap.grade));
          expect(order).toEqual([...order].sort((a, b) => b - a));
          for (const cap of verdict.caps) expect(cap.binding).toBe(verdict.capped && cap.grade === verdict.grade);
        }),
        { numRuns: 400 },
      );
    });
  });
});

describe('gradeCaps', () => {
  it('names the finding and what lifts the cap in the reason', () => {
    const [cap] = gradeCaps([downgrade], PUBLIC);
    expect(cap?.reason).toBe('Capped at C by HTTPS redirects to plain HTTP: redirect to https:// only; serve the final page over HTTPS to lift the cap');
    expect(cap?.lift).toBe('redirect to https:// only; serve the final page over HTTPS');
    expect(cap?.why).toBe(CAP_RULES.find((rule) => rule.id === 'https-downgrade')?.why);
  });

  it('drops the title’s final full stop so the sentence reads once', () => {
    expect(gradeCaps([tls11], PUBLIC)[0]?.reason).toBe('Capped at B by The connection uses TLS 1.1: turn off TLS 1.0 and 1.1 to lift the cap');
  });

  it('says “fix this finding” when the finding recommends nothing', () => {
    const bare = finding({ id: 'mixed-content-script', severity: 'high', title: 'Script over HTTP' });
    expect(gradeCaps([bare], PUBLIC)[0]?.reason).toBe('Capped at C by Script over HTTP: fix this finding to lift the cap');
  });

  it('lists a finding reported twice once, but two different findings of one rule twice', () => {
    const same = gradeCaps([downgrade, { ...downgrade }], PUBLIC);
    expect(same).toHaveLength(1);
    const untrusted = finding({ id: 'tls-certificate-untrusted', severity: 'high', title: 'The certificate is not trusted', recommendation: 'Use a certificate from a public CA' });
    expect(gradeCaps([expired, untrusted], PUBLIC).map((cap) => cap.findingId)).toEqual(['tls-certificate-expired', 'tls-certificate-untrusted']);
  });

  it('keeps the findings’ order within a letter', () => {
    const mixed = finding({ id: 'mixed-content-script', severity: 'high', title: 'Script over HTTP' });
    expect(gradeCaps([mixed, downgrade], PUBLIC).map((cap) => cap.findingId)).toEqual(['mixed-content-script', 'https-downgrade-redirect']);
    expect(gradeCaps([downgrade, mixed], PUBLIC).map((cap) => cap.findingId)).toEqual(['https-downgrade-redirect', 'mixed-content-script']);
  });

  it('ignores findings that cap nothing', () => {
    expect(gradeCaps([finding({ id: 'coop-missing', severity: 'low' }), finding({ id: 'server-version-disclosed', severity: 'medium' })], PUBLIC)).toEqual([]);
  });

  describe('vulnerable libraries', () => {
    const libraryFinding = (url: string): Finding => {
      const found = runTabgradeChecks(pageWith([script(url)]), { now: NOW }).find((item) => item.id === 'vulnerable-library');
      if (found === undefined) throw new Error(`no vulnerable library in ${url}`);
      return found;
    };

    it('names the library, its advisories and the version that lifts the cap', () => {
      const jquery = libraryFinding('https://www.example.com/js/jquery-3.4.1.min.js');
      const [cap] = gradeCaps([jquery], PUBLIC);
      expect(cap).toMatchObject({ rule: 'vulnerable-library-medium', grade: 'B', subject: 'jQuery 3.4.1', lift: 'update jQuery to 3.5.0' });
      // The advisories in the order the finding's data lists them (two for jQuery 3.4.1).
      const advisories = (jquery.data?.vulnerabilities as Array<{ ids: string[] }>).map((vulnerability) => vulnerability.ids[0]);
      expect(advisories).toContain('CVE-2020-11022');
      expect(cap?.reason).toBe(`Capped at B by jQuery 3.4.1 (${advisories.join(', ')}): update jQuery to 3.5.0 to lift the cap`);
    });

    it('tells a third-party embed’s owner what to do, and says when no release fixes it', () => {
      const [cap] = gradeCaps([libraryFinding('https://widgets.vendor.net/angular-1.8.3.min.js')], PUBLIC);
      expect(cap).toMatchObject({ rule: 'vulnerable-library-high', grade: 'C' });
      expect(cap?.lift).toBe('migrate away from AngularJS (no release fixes it), or have its provider do so, or remove the embed');
    });

    it('lists at most three advisory ids, without repeats, CVE first as the data gives them', () => {
      const many = finding({
        id: 'vulnerable-library',
        severity: 'medium',
        subject: 'Lib 1.0',
        title: 'Lib 1.0 has 5 known vulnerabilities',
        data: {
          name: 'Lib',
          upgradeTarget: '2.0',
          vulnerabilities: [{ ids: ['CVE-1', 'GHSA-1'] }, { ids: ['CVE-1'] }, { ids: ['CVE-2'] }, { ids: [] }, { ids: ['CVE-3'] }, { ids: ['CVE-4'] }],
        },
      });
      expect(gradeCaps([many], PUBLIC)[0]?.reason).toBe('Capped at B by Lib 1.0 (CVE-1, CVE-2, CVE-3 …): update Lib to 2.0 to lift the cap');
    });

    it('gets by with no data at all', () => {
      const bare = finding({ id: 'vulnerable-library', severity: 'high', title: 'A library is vulnerable' });
      expect(gradeCaps([bare], PUBLIC)[0]?.reason).toBe('Capped at C by a front-end library: migrate away from the library (no release fixes it) to lift the cap');
    });

    it('lists two vulnerable libraries as two caps', () => {
      const caps = gradeCaps([libraryFinding('https://www.example.com/js/jquery-3.4.1.min.js'), libraryFinding('https://www.example.com/angular-1.8.3.min.js')], PUBLIC);
      expect(caps.map((cap) => [cap.grade, cap.subject])).toEqual([
        ['C', 'AngularJS 1.8.3'],
        ['B', 'jQuery 3.4.1'],
      ]);
    });
  });
});
