/** A response as plain text for the clipboard: request line, status, headers, findings, changes. */
import type { LogRow } from '../core/response-log';
import { TYPE_LABELS } from '../core/response-checks';

export function responseAsText(row: LogRow): string {
  const lines = [`${row.method} ${row.url}`, `Type: ${TYPE_LABELS[row.type] ?? row.type}`];
  lines.push(row.statusCode === 0 ? `Failed: ${row.error ?? 'no response'}` : row.statusLine !== '' ? row.statusLine : `Status: ${row.statusCode}`);
  if (row.redirectUrl !== undefined) lines.push(`Redirected to: ${row.redirectUrl}`);
  lines.push('', 'Response headers:', ...row.headers.map((header) => `${header.name}: ${header.value}`));
  if (row.requestHeaders !== null) lines.push('', 'Request headers (credentials redacted):', ...row.requestHeaders.map((header) => `${header.name}: ${header.value}`));
  if (row.findings.length > 0) {
    lines.push('', 'Findings:', ...row.findings.map((finding) => `- [${finding.severity}] ${finding.title}${finding.subject !== undefined ? ` (${finding.subject})` : ''}`));
  }
  const changes = row.comparison?.changes.filter((change) => !change.minor) ?? [];
  if (changes.length > 0) lines.push('', 'Since the previous load:', ...changes.map((change) => `- ${change.text} (${change.direction})`));
  return lines.join('\n');
}
