/**
 * An Observatory grade as text: JSON for scripts, Markdown for GitHub issues, plain text
 * for terminals. Views and the CLI pick a format here; none recomputes anything.
 */
import type { ObservatoryGrade } from './checks/observatory/grade-types';
import { formatJson } from './report-format/json';
import { formatMarkdown } from './report-format/markdown';
import { formatText } from './report-format/text';

export { formatJson, toJsonReport, type JsonReport, type JsonTestReport } from './report-format/json';
export { formatMarkdown } from './report-format/markdown';
export { formatText } from './report-format/text';
export { escapeMarkdownText, markdownCode, markdownLink } from './report-format/markdown-escape';
export { hasGrade } from './report-format/common';

export const REPORT_FORMATS = ['json', 'markdown', 'text'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const FORMATTERS: Readonly<Record<ReportFormat, (grade: ObservatoryGrade) => string>> = {
  json: formatJson,
  markdown: formatMarkdown,
  text: formatText,
};

export function isReportFormat(name: string): name is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(name);
}

export function formatReport(grade: ObservatoryGrade, format: ReportFormat): string {
  return FORMATTERS[format](grade);
}
