/**
 * The Markdown report: a checklist of everything to fix, ready to paste into a GitHub
 * issue. The caps on the Tabgrade grade come first (they are what the letter waits on),
 * then the failing Observatory-compatible tests, biggest gain first, then Tabgrade's
 * findings grouped as the popup groups them; each open item (`- [ ]`) carries the fix
 * snippet for the report's stack(s), so GitHub's task progress shows how much is left.
 * Passing tests are ticked.
 *
 * Every string that is not Tabgrade's own fixed wording goes through `markdown-escape.ts`.
 */
import type { GradedTest } from '../checks/observatory/grade-types';
import type { FixSnippet } from '../checks/tabgrade/fixes/types';
import type { Finding } from '../findings';
import type { Report } from '../report';
import { findingsByGroup, fixTargetLabel, isBonusWithheld, reportFixes, reportHasGrade, STACK_LABELS } from '../report-view';
import { signed, STATUS_SUMMARY, statusOf, testsByGain } from './common';
import { escapeMarkdownText, markdownCode, markdownCodeBlock, markdownLink } from './markdown-escape';
import { tlsConnectionLines } from './tls-connection';

/** Characters of a test's `data` shown in its details block; the JSON report has it all. */
const DATA_CHARS = 4000;

function indent(block: string): string[] {
  return block.split('\n').map((line) => `  ${line}`);
}

/** A collapsed block under a list item. <details> is HTML: it needs blank lines around the Markdown inside. */
function details(summary: string, body: string): string[] {
  return ['', `  <details><summary>${summary}</summary>`, '', ...indent(body), '', '  </details>', ''];
}

function dataBlock(test: GradedTest): string[] {
  if (Object.keys(test.data).length === 0) return [];
  let json = JSON.stringify(test.data, null, 2);
  if (json.length > DATA_CHARS) json = `${json.slice(0, DATA_CHARS)}\n… (cut; see the JSON report)`;
  return details('Details', markdownCodeBlock(json, 'json'));
}

/** The fix snippets under an item; the summary is Tabgrade's wording, the code a fenced block. */
function fixBlocks(snippets: readonly FixSnippet[]): string[] {
  return snippets.flatMap((snippet) => {
    const parts = [`${escapeMarkdownText(snippet.title)}, in ${escapeMarkdownText(snippet.where)}:`, '', markdownCodeBlock(snippet.code, snippet.language)];
    if (snippet.setup !== undefined) parts.push('', `Once, in ${escapeMarkdownText(snippet.setup.where)}:`, '', markdownCodeBlock(snippet.setup.code, snippet.setup.language));
    if (snippet.note !== undefined) parts.push('', escapeMarkdownText(snippet.note, { startsLine: true }));
    if (snippet.docsUrl !== undefined) parts.push('', markdownLink('Documentation', snippet.docsUrl));
    // The label is Tabgrade's own wording, inside HTML where Markdown escapes would show.
    return details(`Fix for ${fixTargetLabel(snippet)}`, parts.join('\n'));
  });
}

function testItem(report: Report, test: GradedTest): string[] {
  const box = test.pass ? '[x]' : '[ ]';
  let points = '';
  if (!test.pass) points = ` (${signed(test.scoreModifier)}${test.potentialGain > 0 ? `, up to ${signed(test.potentialGain)} to gain` : ''})`;
  else if (isBonusWithheld(report, test)) points = ` (${signed(test.scoreModifier)} withheld: bonuses count only from 90)`;
  const lines = [
    `- ${box} **${escapeMarkdownText(test.title)}**${points}: ${escapeMarkdownText(test.explanation)} ${markdownLink('MDN', test.mdnUrl)}`,
    `  Result: ${markdownCode(test.result)}`,
  ];
  for (const note of test.notes) lines.push(`  - ${escapeMarkdownText(note, { startsLine: true })}`);
  if (!test.pass) lines.push(...fixBlocks(reportFixes(test.result, report.stack.stacks)), ...dataBlock(test));
  return lines;
}

function findingItem(report: Report, finding: Finding): string[] {
  const subject = finding.subject === undefined ? '' : ` ${markdownCode(finding.subject, 300)}`;
  const learnMore = finding.learnMoreUrl === undefined ? '' : ` ${markdownLink('Learn more', finding.learnMoreUrl)}`;
  const lines = [`- [ ] **${escapeMarkdownText(finding.title)}**${subject} · ${finding.severity}`, `  ${escapeMarkdownText(finding.detail)}${learnMore}`];
  if (finding.recommendation !== undefined) lines.push(`  Recommended: ${escapeMarkdownText(finding.recommendation)}`);
  lines.push(...fixBlocks(reportFixes(finding.id, report.stack.stacks)));
  return lines;
}

function heading(report: Report): string[] {
  const { verdict, observatory } = report;
  const status = STATUS_SUMMARY[statusOf(observatory)];
  if (!reportHasGrade(report)) return [`## Tabgrade: ${status ?? 'no grade'}`];
  return [
    `## Tabgrade: ${verdict.grade ?? '-'}${verdict.capped ? ' (capped)' : ''} · Observatory-compatible ${observatory.grade} (${observatory.score}/100)`,
    ...(status === null ? [] : ['', `_${status}_`]),
  ];
}

function capsSection(report: Report): string[] {
  const caps = report.verdict.caps;
  if (caps.length === 0) return [];
  const lines = ['', '### Grade caps', '', 'Tabgrade’s own findings cap the letter; every cap that applies is listed, lowest first.', ''];
  for (const cap of caps) {
    const state = cap.binding ? 'holds the letter down now' : 'not binding yet';
    lines.push(`- [ ] **${cap.grade}**: ${escapeMarkdownText(cap.reason)} _(${state})_`, `  ${escapeMarkdownText(cap.why)}`);
  }
  return lines;
}

function scoreSection(report: Report): string[] {
  const lines: string[] = [];
  if (report.arithmetic.explanation !== null) lines.push('', '### Score arithmetic', '', escapeMarkdownText(report.arithmetic.explanation, { startsLine: true }));
  const projection = report.projection;
  if (projection !== null) {
    lines.push(
      '',
      '### In production (projection)',
      '',
      `Projected: **${projection.score}/100 (${projection.grade})**, Tabgrade grade **${projection.tabgradeGrade ?? '-'}**.`,
      '',
      escapeMarkdownText(projection.note, { startsLine: true }),
    );
  }
  return lines;
}

const CHECKLIST_WORDS = { confirmed: 'confirmed from outside', fine: 'looks fine from outside', unseen: 'cannot be seen from outside' } as const;

function checklistSection(report: Report): string[] {
  const checklist = report.deployChecklist;
  if (checklist === null) return [];
  const lines = ['', `### Deploy checklist (${markdownCode(checklist.command)}, seen from outside)`, ''];
  for (const item of checklist.items) {
    const box = item.status === 'fine' ? '[x]' : '[ ]';
    lines.push(`- ${box} ${markdownCode(item.id)} ${markdownCode(item.setting)}: ${escapeMarkdownText(item.title)} — _${CHECKLIST_WORDS[item.status]}_. ${escapeMarkdownText(item.evidence)}`);
    if (item.status === 'confirmed') lines.push(`  Fix: ${markdownCode(item.fix)}`);
  }
  return lines;
}

function librariesSection(report: Report): string[] {
  if (report.libraries.length === 0) return [];
  const lines = ['', '### Libraries', '', '| Library | Version | Status | Where | Advisories | Update to |', '| --- | --- | --- | --- | --- | --- |'];
  for (const library of report.libraries) {
    const assessment = library.assessment;
    const status = assessment === null ? 'not assessed' : `${assessment.status}${assessment.worstSeverity === null ? '' : ` (${assessment.worstSeverity})`}`;
    const where = library.thirdPartyHosts.length > 0 ? `third party: ${library.thirdPartyHosts.join(', ')}` : library.party;
    const ids = (assessment?.vulnerabilities ?? []).flatMap((vulnerability) => vulnerability.ids.slice(0, 1)).join(', ');
    const cells = [library.name, library.version, status, where, ids === '' ? '-' : ids, assessment?.upgradeTarget ?? '-'];
    lines.push(`| ${cells.map((cell) => escapeMarkdownText(cell, { max: 200 })).join(' | ')} |`);
  }
  return lines;
}

export interface MarkdownOptions {
  /** The verdict and the tests only, no findings or libraries. */
  summary?: boolean;
}

export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const { observatory } = report;
  const stacks = report.stack.stacks.map((stack) => STACK_LABELS[stack]);
  const lines = [
    ...heading(report),
    '',
    `Page: ${markdownCode(report.url)}  `,
    `Rules: MDN HTTP Observatory ${escapeMarkdownText(observatory.algorithm)}${reportHasGrade(report) ? ` · ${observatory.testsPassed} of ${observatory.testsQuantity} tests passed` : ''}${stacks.length > 0 ? `  ` : ''}`,
    ...(stacks.length > 0 ? [`Fixes for: ${stacks.map((label) => escapeMarkdownText(label)).join(', ')}`] : []),
    ...capsSection(report),
    ...scoreSection(report),
  ];
  if (reportHasGrade(report)) {
    lines.push('', '### Observatory-compatible tests', '');
    for (const test of testsByGain(observatory)) lines.push(...testItem(report, test));
  }
  if (!options.summary) {
    for (const { title, findings } of findingsByGroup(report)) {
      lines.push('', `### ${title}`, '');
      for (const finding of findings) lines.push(...findingItem(report, finding));
    }
    lines.push(...checklistSection(report), ...librariesSection(report));
    if (report.tls !== undefined) {
      // The text format's lines, fenced: certificate names are server-controlled and stay inert in a code block.
      const [, title = '', ...facts] = tlsConnectionLines(report.tls, report.generatedAt);
      lines.push('', `### ${escapeMarkdownText(title.replace(/:$/, ''), { startsLine: true })}`, '', markdownCodeBlock(facts.map((line) => line.slice(2)).join('\n')));
    }
    if (report.dns !== undefined) {
      // DNS answers are network-controlled: escaped like every other page-controlled text.
      lines.push('', '### DNS (CAA, DNSSEC)', '', `Resolver: ${markdownCode(report.dns.resolver)}`, '');
      for (const line of report.dns.summary) lines.push(`- ${escapeMarkdownText(line, { startsLine: true })}`);
    }
  }
  if (report.notes.length > 0) {
    lines.push('', '### Notes', '');
    for (const note of report.notes) lines.push(`- ${escapeMarkdownText(note, { startsLine: true })}`);
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
