/**
 * `tabgrade grade <file.har>`: reads a HAR, grades its page with the same core as the
 * extension, prints a report. A thin adapter: every decision about security is in
 * `src/core/`; this file only reads input, picks a format and sets the exit status.
 *
 * Exit status: 0 graded; 1 below `--min-grade`; 2 bad arguments or unreadable input
 * (one line on stderr, never a stack trace); 3 a bug in Tabgrade.
 */
import { readFile } from 'node:fs/promises';
import { version } from '../../package.json' with { type: 'json' };
import type { ObservatoryGrade } from '../core/checks/observatory/grade-types';
import { gradeCapture } from '../core/grade';
import { HarError, importHar, parseHarText, type HarImport } from '../core/har';
import { formatReport, hasGrade } from '../core/report-format';
import { singleLine } from '../core/report-format/sanitize';
import { parseArgs, UsageError, type Command } from './args';
import { isBelow } from './grade-order';

export const EXIT = { ok: 0, belowMinGrade: 1, badInput: 2, internalError: 3 } as const;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
}

const HELP = `Usage: tabgrade grade <file.har> [--format text|json|markdown] [--min-grade GRADE]

Grades the page recorded in a HAR file the way the MDN HTTP Observatory grades a site.

Commands:
  grade <file.har>    grade the first page of the HAR file ("-" reads standard input)

Options:
  --format FORMAT     text (default), json, or markdown (a checklist for a GitHub issue)
  --min-grade GRADE   exit with status 1 when the grade is below GRADE
                      (A+ A A- B+ B B- C+ C C- D+ D D- F)
  -h, --help          show this help
  --version           show the version

Exit status: 0 graded, 1 below --min-grade, 2 bad arguments or unreadable input.

Record the HAR in Chrome or Firefox DevTools (Network panel, "Export HAR") or with
Playwright's recordHar, with response bodies included so that the HTML checks can run.
Chrome's "Export HAR (sanitized)" leaves out Set-Cookie headers, which the cookies test
needs; export "with sensitive data" for a complete grade.
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

async function grade(command: Extract<Command, { kind: 'grade' }>, io: CliIo): Promise<number> {
  const text = await readInput(command.file, io);
  const imported = readHar(text, command.file === '-' ? 'standard input' : command.file);
  const graded = gradeCapture(imported.capture);
  // What the HAR lacked (no body, several pages …) belongs with the grade's own caveats.
  const result: ObservatoryGrade = { ...graded, notes: [...imported.warnings, ...graded.notes] };
  io.stdout(formatReport(result, command.format));

  if (command.minGrade === null) return EXIT.ok;
  if (!hasGrade(result)) {
    io.stderr(`tabgrade: no grade for ${singleLine(result.url)}, so --min-grade ${command.minGrade} is not met\n`);
    return EXIT.belowMinGrade;
  }
  if (isBelow(result.grade, command.minGrade)) {
    io.stderr(`tabgrade: grade ${result.grade} is below the minimum ${command.minGrade}\n`);
    return EXIT.belowMinGrade;
  }
  return EXIT.ok;
}

/** Runs the CLI with `args` (without `node` and the script) and returns the exit status. */
export async function main(args: readonly string[], io: CliIo = nodeIo()): Promise<number> {
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

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    readStdin: () => readAll(process.stdin),
  };
}
