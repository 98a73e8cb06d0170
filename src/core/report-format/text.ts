/**
 * The plain-text report for terminals: the Tabgrade grade and why (its caps, the score
 * arithmetic, the production projection), an aligned table of the Observatory-compatible
 * tests with the biggest potential gains first, what to fix, then Tabgrade's findings by
 * group with the fix for the stack, the libraries with their advisories, and the notes.
 * `summary` keeps the short form: verdict, tests and notes.
 *
 * Strings from the page go through `singleLine` so they cannot move the cursor or recolour
 * the terminal.
 */
import type { GradedTest } from '../checks/observatory/grade-types';
import type { FixSnippet } from '../checks/tabgrade/fixes/types';
import type { Finding } from '../findings';
import type { Report } from '../report';
import { capOfFinding, findingsByGroup, fixTargetLabel, isBonusWithheld, reportFixes, reportHasGrade, STACK_LABELS } from '../report-view';
import { signed, STATUS_SUMMARY, statusOf, testsByGain } from './common';
import { clip, singleLine } from './sanitize';
import { tlsConnectionLines } from './tls-connection';

type Row = readonly [string, string, string, string, string];

const HEADER: Row = ['', 'Gain', 'Score', 'Test', 'Result'];
/** Columns whose numbers line up on the right. */
const RIGHT_ALIGNED = new Set([1, 2]);
/** Lines of a fix snippet shown in a terminal; the JSON and Markdown reports have it whole. */
const SNIPPET_LINES = 12;

export interface TextOptions {
  /** The short form: the verdict, the tests and the notes, no findings or libraries. */
  summary?: boolean;
}

function scoreCell(report: Report, test: GradedTest): string {
  return isBonusWithheld(report, test) ? `(${signed(test.scoreModifier)} withheld)` : signed(test.scoreModifier);
}

function row(report: Report, test: GradedTest): Row {
  return [
    test.pass ? 'pass' : 'FAIL',
    test.potentialGain > 0 ? signed(test.potentialGain) : '-',
    scoreCell(report, test),
    singleLine(test.title),
    clip(singleLine(test.result), 80),
  ];
}

function table(rows: readonly Row[]): string[] {
  const widths = HEADER.map((_, column) => Math.max(...rows.map((r) => r[column]?.length ?? 0)));
  return rows.map((r) =>
    `  ${r
      .map((cell, column) => (RIGHT_ALIGNED.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd()}`,
  );
}

function verdictLines(report: Report): string[] {
  const { verdict, observatory } = report;
  const rules = `MDN HTTP Observatory ${singleLine(observatory.algorithm)} rules`;
  const status = STATUS_SUMMARY[statusOf(observatory)];
  if (!reportHasGrade(report)) return [`Tabgrade: ${status ?? 'no grade'}`, `  ${rules}`];
  const lines = [
    `Tabgrade grade ${verdict.grade ?? '-'}${verdict.capped ? ' (capped)' : ''}`,
    `Observatory-compatible: ${observatory.grade} · ${observatory.score}/100 · ${observatory.testsPassed}/${observatory.testsQuantity} tests passed (${rules})`,
  ];
  if (status !== null) lines.push(`  ${status}`);
  if (verdict.caps.length > 0) {
    lines.push('', 'Grade caps (lowest first):');
    for (const cap of verdict.caps) lines.push(`  ${cap.grade.padEnd(2)}  ${singleLine(cap.reason)}${cap.binding ? '' : ' (not what holds the letter down now)'}`);
  }
  if (report.arithmetic.explanation !== null) lines.push('', `Score: ${report.arithmetic.explanation}`);
  if (report.projection !== null) {
    const projected = report.projection;
    lines.push(
      '',
      `In production over HTTPS (projection): ${projected.score}/100 (${projected.grade}), Tabgrade grade ${projected.tabgradeGrade ?? '-'}`,
      `  ${singleLine(projected.note)}`,
    );
  }
  return lines;
}

function testLines(report: Report): string[] {
  const tests = testsByGain(report.observatory);
  const lines = ['', ...table([HEADER, ...tests.map((test) => row(report, test))])];
  const failing = tests.filter((test) => !test.pass);
  if (failing.length > 0) {
    lines.push('', 'What to fix, biggest gain first:');
    failing.forEach((test, i) => {
      const gain = test.potentialGain > 0 ? ` (${signed(test.potentialGain)})` : '';
      lines.push(`  ${i + 1}. ${singleLine(test.title)}${gain}: ${singleLine(test.explanation)}`);
      for (const note of test.notes) lines.push(`     - ${singleLine(note)}`);
      lines.push(`     ${singleLine(test.mdnUrl)}`);
    });
  }
  return lines;
}

function snippetLines(snippet: FixSnippet, indent: string): string[] {
  const code = snippet.code.split('\n');
  const shown = code.slice(0, SNIPPET_LINES).map((line) => `${indent}  | ${singleLine(line)}`);
  if (code.length > SNIPPET_LINES) shown.push(`${indent}  | … (${code.length - SNIPPET_LINES} more lines in the JSON or Markdown report)`);
  return [`${indent}Fix for ${fixTargetLabel(snippet)} (${singleLine(snippet.where)}):`, ...shown];
}

function findingLines(report: Report, finding: Finding): string[] {
  const subject = finding.subject === undefined ? '' : ` — ${clip(singleLine(finding.subject), 160)}`;
  const cap = capOfFinding(report, finding);
  const capText = cap === null ? '' : `  [caps the grade: ${report.verdict.caps.find((c) => c.rule === cap)?.grade ?? '?'}]`;
  const lines = [`    [${finding.severity}] ${singleLine(finding.title)}${subject}${capText}`];
  if (finding.recommendation !== undefined) lines.push(`      → ${singleLine(finding.recommendation)}`);
  for (const snippet of reportFixes(finding.id, report.stack.stacks)) lines.push(...snippetLines(snippet, '      '));
  return lines;
}

function findingsSection(report: Report): string[] {
  if (report.findings.length === 0) return ['', 'Findings beyond the Observatory tests: none.'];
  const stacks = report.stack.stacks.map((stack) => STACK_LABELS[stack]);
  const lines = ['', `Findings beyond the Observatory tests (${report.findings.length})${stacks.length > 0 ? `, fixes for ${stacks.join(', ')}` : ''}:`];
  for (const { title, findings } of findingsByGroup(report)) {
    lines.push(`  ${title}`);
    for (const finding of findings) lines.push(...findingLines(report, finding));
  }
  return lines;
}

function checklistSection(report: Report): string[] {
  const checklist = report.deployChecklist;
  if (checklist === null) return [];
  const words = { confirmed: 'CONFIRMED', fine: 'fine', unseen: 'not visible' } as const;
  const lines = ['', `Deploy checklist (${checklist.command}), seen from outside:`];
  for (const item of checklist.items) {
    lines.push(`  ${words[item.status].padEnd(11)} ${item.id} ${item.setting}: ${singleLine(item.evidence)}`);
    if (item.status === 'confirmed') lines.push(`              → ${item.fix}`);
  }
  return lines;
}

function librariesSection(report: Report): string[] {
  if (report.libraries.length === 0) return [];
  const lines = ['', `Libraries (${report.libraries.length}):`];
  for (const library of report.libraries) {
    const assessment = library.assessment;
    const status = assessment === null ? 'not assessed' : assessment.status + (assessment.worstSeverity === null ? '' : ` (${assessment.worstSeverity})`);
    const where = library.thirdPartyHosts.length > 0 ? `, third party: ${library.thirdPartyHosts.map((host) => singleLine(host)).join(', ')}` : library.party === 'first' ? ', first party' : '';
    lines.push(`  ${singleLine(library.name)} ${clip(singleLine(library.version), 40)}: ${status}${where}`);
    const ids = (assessment?.vulnerabilities ?? []).flatMap((vulnerability) => vulnerability.ids.slice(0, 1));
    if (ids.length > 0) lines.push(`    ${ids.join(', ')}`);
    if (assessment?.upgradeTarget) lines.push(`    update to ${assessment.upgradeTarget}${assessment.latest !== null && assessment.latest !== assessment.upgradeTarget ? ` (latest ${assessment.latest})` : ''}`);
  }
  return lines;
}

export function formatText(report: Report, options: TextOptions = {}): string {
  const lines = [`Tabgrade report for ${singleLine(report.url)}`, ...verdictLines(report)];
  if (reportHasGrade(report)) lines.push(...testLines(report));
  if (!options.summary && report.observatory.status !== 'pending') {
    lines.push(...findingsSection(report), ...checklistSection(report), ...librariesSection(report));
    if (report.tls !== undefined) lines.push(...tlsConnectionLines(report.tls, report.generatedAt));
    if (report.dns !== undefined) lines.push('', `DNS (through ${singleLine(report.dns.resolver)}):`, ...report.dns.summary.map((line) => `  ${singleLine(line)}`));
  }
  if (report.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const note of report.notes) lines.push(`  - ${singleLine(note)}`);
  }
  return `${lines.join('\n')}\n`;
}
