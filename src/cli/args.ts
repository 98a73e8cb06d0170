/**
 * The command line, parsed into a typed command. Hand-written rather than
 * `node:util.parseArgs` so every mistake gets one short sentence naming the argument.
 */
import type { Grade } from '../core/checks/observatory/grade-types';
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from '../core/report-format';
import { GRADES_BEST_FIRST, parseGrade } from './grade-order';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'grade';
      /** A path, or `-` for standard input. */
      file: string;
      format: ReportFormat;
      minGrade: Grade | null;
    };

/** A mistake on the command line; its message is shown as it is, on one line. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const FORMAT_CHOICES = REPORT_FORMATS.join(', ');
const GRADE_CHOICES = GRADES_BEST_FIRST.join(' ');

/** `--name=value` or `--name value`; returns the value and how many arguments it took. */
function optionValue(args: readonly string[], i: number, name: string, choices: string): { value: string; used: number } {
  const arg = args[i] ?? '';
  if (arg.startsWith(`${name}=`)) return { value: arg.slice(name.length + 1), used: 1 };
  const next = args[i + 1];
  if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`${name} needs a value (${choices})`);
  return { value: next, used: 2 };
}

function parseGradeCommand(args: readonly string[]): Command {
  let file: string | null = null;
  let format: ReportFormat = 'text';
  let minGrade: Grade | null = null;
  let optionsEnded = false;
  for (let i = 0; i < args.length; ) {
    const arg = args[i] ?? '';
    if (!optionsEnded && arg === '--') {
      optionsEnded = true;
      i++;
    } else if (!optionsEnded && (arg === '--format' || arg.startsWith('--format='))) {
      const { value, used } = optionValue(args, i, '--format', FORMAT_CHOICES);
      if (!isReportFormat(value)) throw new UsageError(`unknown format '${value}' (use ${FORMAT_CHOICES})`);
      format = value;
      i += used;
    } else if (!optionsEnded && (arg === '--min-grade' || arg.startsWith('--min-grade='))) {
      const { value, used } = optionValue(args, i, '--min-grade', GRADE_CHOICES);
      minGrade = parseGrade(value);
      if (minGrade === null) throw new UsageError(`unknown grade '${value}' for --min-grade (use one of ${GRADE_CHOICES})`);
      i += used;
    } else if (!optionsEnded && arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option '${arg}' for grade (see tabgrade --help)`);
    } else if (file === null) {
      file = arg;
      i++;
    } else {
      throw new UsageError(`unexpected argument '${arg}': grade takes one HAR file`);
    }
  }
  if (file === null) throw new UsageError('missing HAR file: tabgrade grade <file.har>');
  return { kind: 'grade', file, format, minGrade };
}

export function parseArgs(args: readonly string[]): Command {
  // Help and version win wherever they appear (before a `--`), as in most tools.
  const beforeEnd = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (beforeEnd.includes('--help') || beforeEnd.includes('-h')) return { kind: 'help' };
  if (beforeEnd.includes('--version')) return { kind: 'version' };
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError('missing command (see tabgrade --help)');
  if (command === 'grade') return parseGradeCommand(rest);
  if (command.startsWith('-')) throw new UsageError(`unknown option '${command}' (see tabgrade --help)`);
  throw new UsageError(`unknown command '${command}' (see tabgrade --help)`);
}
