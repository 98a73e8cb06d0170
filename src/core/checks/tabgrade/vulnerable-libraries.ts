/**
 * Front-end libraries with known vulnerabilities, past their end of life, or more than one
 * major version behind: Tabgrade's own findings (the Observatory grade ignores libraries).
 * Verdicts come from retire.js's repository, dated in every finding: "no known
 * vulnerability" only means none was known on that date.
 */
import type { PageCapture } from '../../capture';
import type { Finding, Severity, TabgradeCheck } from '../../findings';
import { librarySeverity, type AssessedVulnerability, type LibraryAssessment } from '../../libraries/assess';
import { LIBRARY_DATA_INFO } from '../../libraries/data';
import { libraryInventory, type LibraryRow, type LibrarySource } from '../../libraries/inventory';
import { majorOf } from '../../libraries/version';
import { clip, findingMaker } from './shared';

export const LIBRARIES_CHECK_ID = 'vulnerable-libraries';
const make = findingMaker(LIBRARIES_CHECK_ID, 'content');
const LEARN_MORE = 'https://owasp.org/Top10/A06_2021-Vulnerable_and_Outdated_Components/';
/** Vulnerabilities spelled out in a finding's detail; all of them are in its data. */
const MAX_LISTED = 8;

function sourceWords(source: LibrarySource): string {
  if (source.kind === 'runtime') return `seen at run time as ${source.via}`;
  const file = source.party === 'first' ? 'a first-party file' : `a third-party embed from ${source.host}`;
  return `${file} (${clip(source.url, 200)}${source.addedAfterLoad ? ', added after load' : ''})`;
}

function whereFrom(row: LibraryRow): string {
  const words = row.sources.slice(0, 3).map(sourceWords);
  const more = row.sources.length > 3 ? `, and ${row.sources.length - 3} more` : '';
  const unknownFile = row.party === 'unknown' ? ' The file it came from is not known: its URL does not name a version.' : '';
  return `Where: ${words.join('; ')}${more}.${unknownFile}`;
}

function vulnerabilityWords(vulnerability: AssessedVulnerability, version: string): string {
  const id = vulnerability.ids[0] ?? 'no CVE id';
  const fix =
    vulnerability.fixedIn === null
      ? 'no fixed release — migrate'
      : vulnerability.noFixInLine
        ? `fixed in ${vulnerability.fixedIn} (no ${majorOf(version) ?? ''}.x release has the fix)`
        : `fixed in ${vulnerability.fixedIn}`;
  return `${id} (${vulnerability.severity}): ${(vulnerability.summary || 'see the advisory').replace(/[.\s]+$/, '')} — ${fix}`;
}

function upgradeWords(row: LibraryRow, assessment: LibraryAssessment): string {
  const latest = assessment.latest !== null ? ` (latest: ${assessment.latest})` : '';
  let upgrade: string;
  if (assessment.upgradeTarget !== null) {
    const major = majorOf(assessment.upgradeTarget) !== majorOf(row.version) ? ', a new major version: read its upgrade guide' : '';
    upgrade = `Upgrade ${row.name} to ${assessment.upgradeTarget} or later${latest}${major}.`;
  } else if (assessment.status === 'vulnerable') {
    upgrade = `No release of ${row.name} fixes ${assessment.vulnerabilities.length === 1 ? 'this' : 'all of these'}: plan a migration away from it${latest}.`;
  } else {
    upgrade = `Upgrade ${row.name} to a maintained version${latest}.`;
  }
  const thirdPartyOnly = row.party === 'third' && row.thirdPartyHosts.length > 0;
  return thirdPartyOnly
    ? `This copy comes from ${row.thirdPartyHosts.join(', ')}: ask that provider to update it, or remove the embed. ${upgrade}`
    : upgrade;
}

function findingData(row: LibraryRow, assessment: LibraryAssessment): Record<string, unknown> {
  return {
    component: row.component,
    name: row.name,
    version: row.version,
    status: assessment.status,
    party: row.party,
    sources: row.sources.map((source) => (source.kind === 'runtime' ? { kind: 'runtime', via: source.via } : { ...source, url: clip(source.url) })),
    vulnerabilities: assessment.vulnerabilities,
    endOfLife: assessment.endOfLife,
    latest: assessment.latest,
    upgradeTarget: assessment.upgradeTarget,
    dataDate: LIBRARY_DATA_INFO.dataDate,
    releasesDate: LIBRARY_DATA_INFO.releasesDate,
  };
}

function dataNote(): string {
  return `(retire.js data of ${LIBRARY_DATA_INFO.dataDate}; releases as of ${LIBRARY_DATA_INFO.releasesDate}.)`;
}

function findingFor(row: LibraryRow, assessment: LibraryAssessment): Finding | null {
  const subject = `${row.name} ${row.version}`;
  const base = { subject, learnMoreUrl: LEARN_MORE, data: findingData(row, assessment), recommendation: upgradeWords(row, assessment) };
  if (assessment.status === 'vulnerable') {
    const count = assessment.vulnerabilities.length;
    const listed = assessment.vulnerabilities.slice(0, MAX_LISTED).map((vulnerability) => vulnerabilityWords(vulnerability, row.version));
    const more = count > MAX_LISTED ? `; and ${count - MAX_LISTED} more` : '';
    const eol = assessment.endOfLife !== null ? [`This line is end of life: ${assessment.endOfLife.summary.replace(/[.\s]+$/, '')}.`] : [];
    return make({
      ...base,
      id: 'vulnerable-library',
      severity: librarySeverity(assessment) ?? 'medium',
      title: `${subject} has ${count} known vulnerabilit${count === 1 ? 'y' : 'ies'}`,
      detail: [`Known: ${listed.join('; ')}${more}.`, ...eol, whereFrom(row), dataNote()].join(' '),
    });
  }
  if (assessment.status === 'end-of-life') {
    return make({
      ...base,
      id: 'end-of-life-library',
      severity: 'low',
      title: `${subject} is end of life`,
      detail: [`${(assessment.endOfLife?.summary ?? 'No longer maintained').replace(/[.\s]+$/, '')}. No known vulnerability today, but new ones will not be fixed.`, whereFrom(row), dataNote()].join(' '),
    });
  }
  if (assessment.status === 'outdated') {
    return make({
      ...base,
      id: 'outdated-library',
      severity: 'low',
      title: `${subject} is ${assessment.majorsBehind ?? 'several'} major versions behind`,
      detail: [
        `No known vulnerability, but the latest release is ${assessment.latest ?? 'much newer'}; old major lines stop getting fixes, and the longer an upgrade waits the harder it gets.`,
        whereFrom(row),
        dataNote(),
      ].join(' '),
    });
  }
  return null;
}

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

export function libraryFindings(capture: PageCapture): Finding[] {
  const findings: Finding[] = [];
  for (const row of libraryInventory(capture)) {
    if (row.assessment === null) continue;
    const finding = findingFor(row, row.assessment);
    if (finding !== null) findings.push(finding);
  }
  return findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

export const vulnerableLibrariesCheck: TabgradeCheck = {
  id: LIBRARIES_CHECK_ID,
  title: 'Front-end libraries: known vulnerabilities and age',
  group: 'content',
  needs: ['dom', 'libraries'],
  run: libraryFindings,
};
