/**
 * The plain-text report for terminals: a summary line, an aligned table with the
 * biggest potential gains first, then what to fix with links, then notes. Strings from
 * the page go through `singleLine` so they cannot move the cursor or recolour the terminal.
 */
import type { GradedTest, ObservatoryGrade } from '../checks/observatory/grade-types';
import { hasGrade, signed, STATUS_SUMMARY, statusOf, testsByGain } from './common';
import { clip, singleLine } from './sanitize';

type Row = readonly [string, string, string, string, string];

const HEADER: Row = ['', 'Gain', 'Score', 'Test', 'Result'];
/** Columns whose numbers line up on the right. */
const RIGHT_ALIGNED = new Set([1, 2]);

function row(test: GradedTest): Row {
  return [
    test.pass ? 'pass' : 'FAIL',
    test.potentialGain > 0 ? signed(test.potentialGain) : '-',
    signed(test.scoreModifier),
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

function summary(grade: ObservatoryGrade): string[] {
  const status = STATUS_SUMMARY[statusOf(grade)];
  const rules = `MDN HTTP Observatory ${singleLine(grade.algorithm)} rules`;
  if (!hasGrade(grade)) return [`Tabgrade: ${status ?? 'no grade'}`, `  ${rules}`];
  return [
    `Grade ${grade.grade}   score ${grade.score}/100   ${grade.testsPassed}/${grade.testsQuantity} tests passed   (${rules})`,
    ...(status === null ? [] : [`  ${status}`]),
  ];
}

export function formatText(grade: ObservatoryGrade): string {
  const lines = [`Tabgrade report for ${singleLine(grade.url)}`, ...summary(grade)];
  if (hasGrade(grade)) {
    const tests = testsByGain(grade);
    lines.push('', ...table([HEADER, ...tests.map(row)]));
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
  }
  if (grade.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const note of grade.notes) lines.push(`  - ${singleLine(note)}`);
  }
  return `${lines.join('\n')}\n`;
}
