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
 * browser, a `--har` file that cannot be written, said after the report); 3 a bug in Tabgrade.
 * Standard output carries the report alone, in the format asked for; everything else goes
 * to standard error, so `--format json` can be piped.
 */
import { version } from '../../package.json' with { type: 'json' };
import type { PageCapture } from '../core/capture';
import { gateFailures } from '../core/gates';
import { HarError, importHar, type HarImport } from '../core/har';
import { harContentNote } from '../core/har/page-content';
import { buildReport, type Report } from '../core/report';
import { formatReport } from '../core/report-format';
import { singleLine } from '../core/report-format/sanitize';
import { redactReportSecrets } from '../core/report-redaction';
import { gradingFor, parseArgs, UsageError, type AuditCommand, type GradeCommand, type ReportOptions } from './args';
import { audit, defaultAuditEnvironment, saveHar, type AuditEnvironment } from './audit';
import { parseHarInput, type HarInput } from './har-input';
import { cliObservatoryContext } from './hsts-preload';
import { HELP, versionText } from './help.mjs';
import { nodeIo, type CliIo } from './io';

export { nodeIo, type CliIo } from './io';

export const EXIT = { ok: 0, gateFailed: 1, badInput: 2, internalError: 3 } as const;

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

async function readInput(file: string, io: CliIo): Promise<HarInput> {
  try {
    return file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file === '-' ? 'standard input' : file}: ${readProblem(error)}`);
  }
}

function readHar(input: HarInput, source: string): HarImport {
  try {
    return importHar(parseHarInput(input));
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
  const report = buildReport(imported.capture, { extraNotes: [...imported.warnings, harContentNote(imported)], grading: gradingFor(command), context: cliObservatoryContext() });
  return printReport(report, imported.capture, command, false, io);
}

async function auditCommand(command: AuditCommand, io: CliIo, environment: AuditEnvironment): Promise<number> {
  for (const note of command.notes) io.stderr(`tabgrade: ${singleLine(note)}\n`);
  const { capture, report } = await audit(command, io, environment);
  const status = printReport(report, capture, command, command.includeSecrets, io);
  // After the report: a HAR that cannot be written loses only the file (exit 2 from the UsageError).
  await saveHar(command, capture, environment, io);
  return status;
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
      io.stdout(versionText(version));
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
