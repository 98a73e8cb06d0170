/**
 * The `tabgrade` command line:
 * - `tabgrade grade <file.har>` reads a HAR and grades its page;
 * - `tabgrade audit <url>` opens the page in headless Chromium with the extension loaded
 *   and grades what the extension captured (`audit.ts`).
 * Both grade with the same core as the extension and print the same reports. A thin
 * adapter: every decision about security is in `src/core/`; this file only reads input,
 * picks a format and sets the exit status.
 *
 * Exit status: 0 graded; 1 a gate failed (`--min-grade` on the Tabgrade grade,
 * `--min-observatory-grade`, `--fail-on`); 2 something the user can fix, said in one line on
 * stderr, never a stack trace (bad arguments, unreadable input, unreachable page, no
 * browser); 3 a bug in Tabgrade.
 */
import { version } from '../../package.json' with { type: 'json' };
import type { PageCapture } from '../core/capture';
import { gateFailures } from '../core/gates';
import { HarError, importHar, parseHarText, type HarImport } from '../core/har';
import { harContentNote } from '../core/har/page-content';
import { buildReport, type Report } from '../core/report';
import { formatReport } from '../core/report-format';
import { singleLine } from '../core/report-format/sanitize';
import { redactReportSecrets } from '../core/report-redaction';
import { parseArgs, UsageError, type AuditCommand, type GradeCommand, type ReportOptions } from './args';
import { audit, defaultAuditEnvironment, type AuditEnvironment } from './audit';
import { nodeIo, type CliIo } from './io';

export { nodeIo, type CliIo } from './io';

export const EXIT = { ok: 0, gateFailed: 1, badInput: 2, internalError: 3 } as const;

const HELP = `Usage: tabgrade grade <file.har> [options]
       tabgrade audit <url> [options] [--har FILE] [--timeout SECONDS] [--settle SECONDS]
                      [--browser PATH] [--include-secrets]

Grades a page the way the MDN HTTP Observatory grades a site, adds what Tabgrade finds
beyond it (front-end libraries with known vulnerabilities, scripts and stylesheets without
integrity, cookies in depth, disclosure and debug headers …) and caps the grade by it.

Commands:
  grade <file.har>    grade the first page of the HAR file ("-" reads standard input)
  audit <url>         open the page in headless Chromium with the Tabgrade extension
                      loaded and grade what it captured (works on localhost and staging)

Options:
  --format FORMAT     text (default), json, markdown (a checklist for a GitHub issue) or
                      sarif (SARIF 2.1.0, for GitHub code scanning and CI dashboards)
  --summary           text and markdown: the short form (grades, caps, tests and notes)
  --min-grade GRADE   exit with status 1 when the Tabgrade grade is below GRADE
                      (A+ A A- B+ B B- C+ C C- D+ D D- F)
  --min-observatory-grade GRADE
                      exit with status 1 when the Observatory-compatible grade is below GRADE
  --fail-on SEVERITY  exit with status 1 on any finding of at least SEVERITY (high, medium, low)
  -h, --help          show this help
  --version           show the version

Options of audit:
  --har FILE          also save what the extension captured as a HAR file
                      (cookie values and credentials replaced by REDACTED)
  --include-secrets   keep cookie values and credentials in the HAR and the report
  --timeout SECONDS   wait at most this long for the page to load (default 30); a page
                      still loading by then is graded from what had arrived, with a note
  --settle SECONDS    after load, keep watching this long for scripts the page adds late
                      (widgets, tag managers; default 2, 0 to stop at load)
  --browser PATH      the Chromium or Chrome to use (default: $CHROMIUM_PATH, then the
                      usual install places; Debian: apt-get install chromium)

Exit status:
  0  graded, every gate passed
  1  a gate failed (--min-grade, --min-observatory-grade, --fail-on); the report is still printed
  2  a problem you can fix, said in one line on stderr: bad arguments, unreadable input,
     unreachable page, no browser, extension not built
  3  a bug in Tabgrade (please report it)

audit needs the built extension (npm run build) and playwright-core (npm ci).

For grade, record the HAR in Chrome or Firefox DevTools (Network panel, "Export HAR") or
with Playwright's recordHar, with response bodies included so that the HTML and library
checks can run. Chrome's "Export HAR (sanitized)" leaves out Set-Cookie headers, which the
cookies test needs; export "with sensitive data" for a complete grade.
`;

/** Reading a file fails with a Node error code; say what it means in words. */
function readProblem(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const words: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'is a directory, not a HAR file',
    ENAMETOOLONG: 'file name too long',
    ERR_STRING_TOO_LONG: 'file too large to read',
  };
  return words[code] ?? (error instanceof Error ? error.message : String(error));
}

async function readInput(file: string, io: CliIo): Promise<string> {
  try {
    return file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file === '-' ? 'standard input' : file}: ${readProblem(error)}`);
  }
}

function readHar(text: string, source: string): HarImport {
  try {
    return importHar(parseHarText(text));
  } catch (error) {
    if (error instanceof HarError) throw new UsageError(`${source}: ${error.message}`);
    throw error;
  }
}

/**
 * Prints the report and turns the gates into an exit status. Cookie values and
 * credentials are removed first (CI logs are shared) unless the user asked to keep them.
 */
function printReport(report: Report, capture: PageCapture, options: ReportOptions, includeSecrets: boolean, io: CliIo): number {
  const shown = includeSecrets ? report : redactReportSecrets(report, capture);
  io.stdout(formatReport(shown, options.format, { summary: options.summary, toolVersion: version }));
  const failures = gateFailures(shown, { minGrade: options.minGrade, minObservatoryGrade: options.minObservatoryGrade, failOn: options.failOn });
  for (const failure of failures) io.stderr(`tabgrade: ${singleLine(failure)}\n`);
  return failures.length > 0 ? EXIT.gateFailed : EXIT.ok;
}

async function grade(command: GradeCommand, io: CliIo): Promise<number> {
  const text = await readInput(command.file, io);
  const imported = readHar(text, command.file === '-' ? 'standard input' : command.file);
  // What the HAR lacked (no body, several pages …) belongs with the grade's own caveats.
  const report = buildReport(imported.capture, { extraNotes: [...imported.warnings, harContentNote(imported)] });
  return printReport(report, imported.capture, command, false, io);
}

async function auditCommand(command: AuditCommand, io: CliIo, environment: AuditEnvironment): Promise<number> {
  const { capture, report } = await audit(command, io, environment);
  return printReport(report, capture, command, command.includeSecrets, io);
}

/** Runs the CLI with `args` (without `node` and the script) and returns the exit status. */
export async function main(
  args: readonly string[],
  io: CliIo = nodeIo(),
  environment: AuditEnvironment = defaultAuditEnvironment(version),
): Promise<number> {
  try {
    const command = parseArgs(args);
    if (command.kind === 'help') {
      io.stdout(HELP);
      return EXIT.ok;
    }
    if (command.kind === 'version') {
      io.stdout(`tabgrade ${version}\n`);
      return EXIT.ok;
    }
    if (command.kind === 'audit') return await auditCommand(command, io, environment);
    return await grade(command, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`tabgrade: ${singleLine(error.message)}\n`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`tabgrade: internal error (please report it): ${singleLine(message)}\n`);
    return EXIT.internalError;
  }
}
