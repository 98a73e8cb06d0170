/**
 * The Markdown report: a checklist ready to paste into a GitHub issue. Failing tests are
 * open items (`- [ ]`), biggest gain first, so GitHub's task progress shows how much is
 * left; passing tests are ticked. Every string that is not Tabgrade's own fixed wording
 * goes through `markdown-escape.ts`.
 */
import type { GradedTest, ObservatoryGrade } from '../checks/observatory/grade-types';
import { hasGrade, signed, STATUS_SUMMARY, statusOf, testsByGain } from './common';
import { escapeMarkdownText, markdownCode, markdownCodeBlock, markdownLink } from './markdown-escape';

/** Characters of a test's `data` shown in its details block; the JSON report has it all. */
const DATA_CHARS = 4000;

function dataBlock(test: GradedTest): string[] {
  if (Object.keys(test.data).length === 0) return [];
  let json = JSON.stringify(test.data, null, 2);
  if (json.length > DATA_CHARS) json = `${json.slice(0, DATA_CHARS)}\n… (cut; see the JSON report)`;
  // <details> is an HTML block: it needs blank lines around the Markdown inside it.
  return ['', '  <details><summary>Details</summary>', '', ...indent(markdownCodeBlock(json, 'json')), '', '  </details>', ''];
}

function indent(block: string): string[] {
  return block.split('\n').map((line) => `  ${line}`);
}

function checklistItem(test: GradedTest): string[] {
  const box = test.pass ? '[x]' : '[ ]';
  const points = test.pass ? '' : ` (${signed(test.scoreModifier)}${test.potentialGain > 0 ? `, up to ${signed(test.potentialGain)} to gain` : ''})`;
  const lines = [
    `- ${box} **${escapeMarkdownText(test.title)}**${points}: ${escapeMarkdownText(test.explanation)} ${markdownLink('MDN', test.mdnUrl)}`,
    `  Result: ${markdownCode(test.result)}`,
  ];
  for (const note of test.notes) lines.push(`  - ${escapeMarkdownText(note, { startsLine: true })}`);
  if (!test.pass) lines.push(...dataBlock(test));
  return lines;
}

function heading(grade: ObservatoryGrade): string[] {
  const status = STATUS_SUMMARY[statusOf(grade)];
  if (!hasGrade(grade)) return [`## Tabgrade: ${status ?? 'no grade'}`];
  return [`## Tabgrade: ${grade.grade} (score ${grade.score}/100)`, ...(status === null ? [] : ['', `_${status}_`])];
}

export function formatMarkdown(grade: ObservatoryGrade): string {
  const lines = [
    ...heading(grade),
    '',
    `Page: ${markdownCode(grade.url)}  `,
    `Rules: MDN HTTP Observatory ${escapeMarkdownText(grade.algorithm)}${hasGrade(grade) ? ` · ${grade.testsPassed} of ${grade.testsQuantity} tests passed` : ''}`,
  ];
  if (hasGrade(grade)) {
    lines.push('', '### Checklist', '');
    for (const test of testsByGain(grade)) lines.push(...checklistItem(test));
  }
  if (grade.notes.length > 0) {
    lines.push('', '### Notes', '');
    for (const note of grade.notes) lines.push(`- ${escapeMarkdownText(note, { startsLine: true })}`);
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
