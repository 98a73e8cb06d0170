/**
 * Reports for format tests, assembled from a hand-written grade and findings with core's
 * own verdict, arithmetic and projection, so that a test controls every string in them
 * (including hostile ones) and the derived parts still follow core's rules.
 */
import type { ObservatoryGrade } from '../../src/core/checks/observatory/grade-types';
import type { Finding, Stack } from '../../src/core/findings';
import { isDevelopmentUrl } from '../../src/core/development-hosts';
import { worseGrade } from '../../src/core/grade-order';
import type { LibraryRow } from '../../src/core/libraries/inventory';
import type { Report } from '../../src/core/report';
import { detectStack } from '../../src/core/stack';
import { detectedLayers } from '../../src/core/stack-layers';
import { productionProjection } from '../../src/core/verdict/production-projection';
import { scoreArithmetic } from '../../src/core/verdict/score-arithmetic';
import { tabgradeVerdict } from '../../src/core/verdict/tabgrade-grade';
import { captureFrom } from './fixtures';

export interface ReportParts {
  findings?: Finding[];
  libraries?: LibraryRow[];
  stacks?: Stack[];
  notes?: string[];
}

export function reportFromGrade(grade: ObservatoryGrade, parts: ReportParts = {}): Report {
  const findings = parts.findings ?? [];
  const verdict = tabgradeVerdict(grade, findings, {
    publicHost: !isDevelopmentUrl(grade.url),
    observatorySriPassed: grade.tests['subresource-integrity']?.pass === true,
  });
  const projected = productionProjection(grade);
  let projection: Report['projection'] = null;
  if (projected !== null) {
    let tabgradeGrade = projected.grade;
    for (const cap of verdict.caps) tabgradeGrade = worseGrade(tabgradeGrade, cap.grade);
    projection = { ...projected, tabgradeGrade };
  }
  const detection = detectStack(captureFrom({ headers: [] }));
  return {
    url: grade.url,
    generatedAt: Date.UTC(2026, 11, 3, 12),
    verdict,
    observatory: grade,
    arithmetic: scoreArithmetic(grade),
    projection,
    findings,
    libraries: parts.libraries ?? [],
    resources: [],
    stack: { detection: { ...detection, stacks: parts.stacks ?? [] }, layers: detectedLayers({ stacks: parts.stacks ?? [] }), choice: {}, stacks: parts.stacks ?? [] },
    deployChecklist: null,
    notes: parts.notes ?? grade.notes,
  };
}

/** A medium vulnerable-library finding as the check writes it (the cap reads its data). */
export function vulnerableJqueryFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: 'vulnerable-library',
    checkId: 'vulnerable-libraries',
    severity: 'medium',
    group: 'content',
    title: 'jQuery 1.12.4 has known vulnerabilities',
    detail: 'Four advisories affect this version.',
    subject: 'jQuery 1.12.4',
    recommendation: 'Update jQuery to 3.5.0 or later.',
    learnMoreUrl: 'https://github.com/advisories/GHSA-gxr4-xjj5-5px2',
    data: {
      name: 'jQuery',
      version: '1.12.4',
      party: 'third',
      upgradeTarget: '3.5.0',
      vulnerabilities: [{ ids: ['CVE-2020-11022'] }, { ids: ['CVE-2020-11023'] }, { ids: ['CVE-2019-11358'] }, { ids: ['CVE-2015-9251'] }],
    },
    ...overrides,
  };
}

/** The library row that goes with `vulnerableJqueryFinding`. */
export function vulnerableJqueryRow(overrides: Partial<LibraryRow> = {}): LibraryRow {
  return {
    component: 'jquery',
    name: 'jQuery',
    version: '1.12.4',
    recognised: true,
    sources: [{ kind: 'file', url: 'https://widgets.example/vendor/jquery-1.12.4.min.js', host: 'widgets.example', party: 'third', detection: 'filename', addedAfterLoad: true }],
    thirdPartyHosts: ['widgets.example'],
    party: 'third',
    assessment: {
      component: 'jquery',
      version: '1.12.4',
      status: 'vulnerable',
      vulnerabilities: [
        { ids: ['CVE-2020-11022'], severity: 'medium', summary: 'XSS in htmlPrefilter', range: '>=1.2.0 <3.5.0', fixedIn: '3.5.0', noFixInLine: true, link: 'https://github.com/advisories/GHSA-gxr4-xjj5-5px2' },
        { ids: ['CVE-2015-9251'], severity: 'medium', summary: 'XSS with cross-domain ajax', range: '<3.0.0', fixedIn: '3.0.0', noFixInLine: true, link: null },
      ],
      endOfLife: { summary: 'jQuery 1.x is end of life', link: null },
      latest: '3.7.1',
      majorsBehind: 2,
      upgradeTarget: '3.5.0',
      worstSeverity: 'medium',
    },
    ...overrides,
  };
}
