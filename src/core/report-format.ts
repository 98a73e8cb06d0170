/**
 * The Report as text: JSON for scripts, Markdown for GitHub issues, plain text for
 * terminals, SARIF for code-scanning dashboards. Views and the CLI pick a format here;
 * none recomputes anything.
 */
import type { Report } from './report';
import { formatJson } from './report-format/json';
import { formatMarkdown } from './report-format/markdown';
import { formatSarif } from './report-format/sarif';
import { formatText } from './report-format/text';

export { formatJson, toJsonReport, type JsonReport, type JsonTestReport } from './report-format/json';
export { formatMarkdown } from './report-format/markdown';
export { formatSarif, toSarif } from './report-format/sarif';
export { formatText } from './report-format/text';
export { escapeMarkdownText, markdownCode, markdownLink } from './report-format/markdown-escape';
export { hasGrade } from './report-format/common';

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface FormatOptions {
  /** Text and Markdown: the short form (verdict, tests, notes). JSON and SARIF are always whole. */
  summary?: boolean;
  /** Tabgrade's version, for SARIF's tool description. */
  toolVersion?: string;
}

export function isReportFormat(name: string): name is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(name);
}

export function formatReport(report: Report, format: ReportFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report, { summary: options.summary ?? false });
    case 'sarif':
      return formatSarif(report, options.toolVersion === undefined ? {} : { toolVersion: options.toolVersion });
    case 'text':
      return formatText(report, { summary: options.summary ?? false });
  }
}
