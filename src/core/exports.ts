/**
 * The files behind the popup's export buttons, as pure data: the popup only turns the
 * result into a download. JSON is the documented report (docs/report-schema.md), Markdown
 * the checklist for an issue, SARIF for a code-scanning dashboard, HAR the capture for
 * DevTools or `tabgrade grade`. The report files are the same Report the popup shows.
 *
 * Cookie values, credentials and the values in URLs' queries (a one-time link's token) stay
 * out of every file unless the user asks for them (`includeSecrets`): a report is pasted
 * into tickets and chats.
 */
import type { PageCapture } from './capture';
import { captureToHar } from './har/write';
import type { Report } from './report';
import { formatReport } from './report-format';
import { redactCaptureSecrets, redactReportSecrets } from './report-redaction';
import { captureWithoutUrlSecrets } from './url-secrets';

export const EXPORT_KINDS = ['json', 'markdown', 'sarif', 'har'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportOptions {
  /** Keep cookie values and credentials (for the user's own debugging, never by default). */
  includeSecrets: boolean;
  /** Written into the HAR's `log.creator.version`. */
  tabgradeVersion?: string;
  /** The date in the file name; defaults to now (injected so that tests are stable). */
  now?: Date;
}

export interface ExportedFile {
  filename: string;
  mimeType: string;
  text: string;
}

const FILE_TYPES: Readonly<Record<ExportKind, { extension: string; mimeType: string }>> = {
  json: { extension: 'json', mimeType: 'application/json' },
  // RFC 7763.
  markdown: { extension: 'md', mimeType: 'text/markdown' },
  // The media type OASIS registered for SARIF; code-scanning uploads look for `.sarif`.
  sarif: { extension: 'sarif', mimeType: 'application/sarif+json' },
  // HAR has no registered media type; it is JSON, and DevTools opens it by extension.
  har: { extension: 'har', mimeType: 'application/json' },
};

/** Host names are at most 253 characters; a file name has other parts to fit. */
const MAX_HOST_CHARS = 100;

/** `https://Shop.Example:8443/x` → `shop.example-8443`; safe in a file name on every system. */
function hostPart(pageUrl: string): string {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return 'page';
  }
  const host = url.hostname.replace(/^\[|\]$/g, '') + (url.port === '' ? '' : `-${url.port}`);
  const safe = host
    .toLowerCase()
    // Runs of other characters become one `-`; existing `--` stay (punycode: `xn--…`).
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, MAX_HOST_CHARS);
  return safe === '' ? 'page' : safe;
}

/** The user's calendar day: the file is named for when they saved it. */
function localDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `tabgrade-<host>-<yyyy-mm-dd>.<ext>`. */
export function exportFilename(kind: ExportKind, pageUrl: string, now: Date): string {
  return `tabgrade-${hostPart(pageUrl)}-${localDate(now)}.${FILE_TYPES[kind].extension}`;
}

/**
 * The capture as HAR text. Without `includeSecrets`, `captureToHar` blanks cookie and
 * credential headers and is handed the capture with its URLs' query values redacted (so each
 * entry's `url`, `queryString` and `redirectURL` agree), and then every other copy of those
 * values goes too: a session id in a URL (`;jsessionid=…`), a token repeated in the HTML or a
 * `Location` header. Replacing a value the same way everywhere keeps the HAR consistent, so
 * it still grades the same.
 */
export function harText(capture: PageCapture, options: Pick<ExportOptions, 'includeSecrets' | 'tabgradeVersion'>): string {
  const har = captureToHar(options.includeSecrets ? capture : captureWithoutUrlSecrets(capture), {
    includeSecrets: options.includeSecrets,
    ...(options.tabgradeVersion === undefined ? {} : { tabgradeVersion: options.tabgradeVersion }),
  });
  const shown = options.includeSecrets ? har : redactCaptureSecrets(har, capture);
  return `${JSON.stringify(shown, null, 2)}\n`;
}

function exportText(kind: ExportKind, capture: PageCapture, report: Report, options: ExportOptions): string {
  if (kind === 'har') return harText(capture, options);
  const shown = options.includeSecrets ? report : redactReportSecrets(report, capture);
  return formatReport(shown, kind, options.tabgradeVersion === undefined ? {} : { toolVersion: options.tabgradeVersion });
}

/** One export of `capture` and its `report`, ready to download. */
export function exportFile(kind: ExportKind, capture: PageCapture, report: Report, options: ExportOptions): ExportedFile {
  return {
    filename: exportFilename(kind, report.url || capture.url, options.now ?? new Date()),
    mimeType: FILE_TYPES[kind].mimeType,
    text: exportText(kind, capture, report, options),
  };
}
