/**
 * The command line, parsed into a typed command. Hand-written rather than
 * `node:util.parseArgs` so every mistake gets one short sentence naming the argument.
 */
import { ALGORITHMS, CURRENT_ALGORITHM, isAlgorithm, type Algorithm } from '../core/checks/observatory/algorithms';
import { CURRENT_SCORING, SCORING_TABLES, type ScoringTable } from '../core/checks/observatory/scoring';
import type { Grade } from '../core/checks/observatory/grade-types';
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from '../core/report-format';
import { GRADES_BEST_FIRST, parseGrade } from '../core/grade-order';
import { infoRequested } from './help.mjs';
import { isLoopbackResolverUrl, isResolverUrl } from '../core/dns/doh-lookup';
import { DEFAULT_DNS_RESOLVER } from '../core/settings';

/** Severities `--fail-on` accepts: a finding of at least this severity fails the run. */
export const FAIL_ON_LEVELS = ['high', 'medium', 'low'] as const;
export type FailOnLevel = (typeof FAIL_ON_LEVELS)[number];

/** What `grade` and `audit` share: how to print the report and when to fail. */
export interface ReportOptions {
  format: ReportFormat;
  /** Fail below this Tabgrade grade (the Observatory-compatible grade capped by Tabgrade's findings). */
  minGrade: Grade | null;
  /** Fail below this Observatory-compatible grade. */
  minObservatoryGrade: Grade | null;
  /** Fail on any Tabgrade finding of at least this severity. */
  failOn: FailOnLevel | null;
  /** Text and Markdown: the short form (grades, caps, tests, notes). */
  summary: boolean;
  /** Which Observatory release's rules grade the page. */
  algorithm: Algorithm;
}

function defaultReportOptions(): ReportOptions {
  return { format: 'text', minGrade: null, minObservatoryGrade: null, failOn: null, summary: false, algorithm: CURRENT_ALGORITHM };
}

export interface GradeCommand extends ReportOptions {
  kind: 'grade';
  /** A path, or `-` for standard input. */
  file: string;
}

export interface AuditCommand extends ReportOptions {
  kind: 'audit';
  /** An absolute http(s) URL. */
  url: string;
  /** Where to write the capture as HAR; null for no file. */
  harPath: string | null;
  /** How long to wait for the page's `load` event before grading what has arrived. */
  timeoutSeconds: number;
  /** How long to keep watching after `load` for scripts the page adds late (widgets, tag managers). */
  settleSeconds: number;
  /** The browser the user named; null to search for one. */
  browser: string | null;
  /** Keep cookie values and credentials in the HAR (redacted by default). */
  includeSecrets: boolean;
  /**
   * `--dns`: the DoH resolver to ask for the host's CAA records and DNSSEC; absent when DNS
   * lookups are off (the default: nothing is sent to any resolver).
   */
  dnsResolver?: string;
  /** What the command line left open and the parser assumed (`localhost:8000` → `http://`), said on stderr. */
  notes: string[];
}

export type Command = { kind: 'help' } | { kind: 'version' } | GradeCommand | AuditCommand;

/** A mistake on the command line; its message is shown as it is, on one line. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const DEFAULT_TIMEOUT_SECONDS = 30;
/**
 * Widgets and tag managers often add their scripts a moment after `load` (the newsletter
 * form that brings its own jQuery a second later); two seconds catch the common ones
 * without making every audit slow.
 */
export const DEFAULT_SETTLE_SECONDS = 2;
const MAX_SETTLE_SECONDS = 60;
/** Ten minutes: beyond that a page is not "slow" and a CI job should fail rather than wait. */
const MAX_TIMEOUT_SECONDS = 600;

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

function isOption(arg: string, name: string): boolean {
  return arg === name || arg.startsWith(`${name}=`);
}

/**
 * Walks `args`, handing options to `option` (which returns how many arguments it used, or
 * 0 when it does not know the option) and the rest to `positional`. `--` ends the options.
 */
function walk(
  args: readonly string[],
  commandName: string,
  option: (arg: string, i: number) => number,
  positional: (arg: string) => void,
): void {
  let optionsEnded = false;
  for (let i = 0; i < args.length; ) {
    const arg = args[i] ?? '';
    if (!optionsEnded && arg === '--') {
      optionsEnded = true;
      i++;
      continue;
    }
    if (!optionsEnded && arg.startsWith('-') && arg !== '-') {
      const used = option(arg, i);
      if (used === 0) throw new UsageError(`unknown option '${arg}' for ${commandName} (see tabgrade --help)`);
      i += used;
      continue;
    }
    positional(arg);
    i++;
  }
}

/** The report options both commands share (`--format`, the gates, `--summary`); 0 when `arg` is none of them. */
function reportOption(args: readonly string[], i: number, into: ReportOptions): number {
  const arg = args[i] ?? '';
  if (isOption(arg, '--format')) {
    const { value, used } = optionValue(args, i, '--format', FORMAT_CHOICES);
    if (!isReportFormat(value)) throw new UsageError(`unknown format '${value}' (use ${FORMAT_CHOICES})`);
    into.format = value;
    return used;
  }
  for (const [name, key] of [['--min-grade', 'minGrade'], ['--min-observatory-grade', 'minObservatoryGrade']] as const) {
    if (!isOption(arg, name)) continue;
    const { value, used } = optionValue(args, i, name, GRADE_CHOICES);
    const grade = parseGrade(value);
    if (grade === null) throw new UsageError(`unknown grade '${value}' for ${name} (use one of ${GRADE_CHOICES})`);
    into[key] = grade;
    return used;
  }
  if (isOption(arg, '--fail-on')) {
    const { value, used } = optionValue(args, i, '--fail-on', FAIL_ON_LEVELS.join(', '));
    const level = FAIL_ON_LEVELS.find((candidate) => candidate === value.trim().toLowerCase());
    if (level === undefined) throw new UsageError(`unknown severity '${value}' for --fail-on (use ${FAIL_ON_LEVELS.join(', ')})`);
    into.failOn = level;
    return used;
  }
  if (arg === '--summary') {
    into.summary = true;
    return 1;
  }
  if (isOption(arg, '--algorithm')) {
    const { value, used } = optionValue(args, i, '--algorithm', ALGORITHMS.join(', '));
    if (!isAlgorithm(value.trim())) throw new UsageError(`unknown algorithm '${value}' (use ${ALGORITHMS.join(' or ')})`);
    into.algorithm = value.trim() as Algorithm;
    return used;
  }
  return 0;
}

function parseGradeCommand(args: readonly string[]): GradeCommand {
  const report = defaultReportOptions();
  const files: string[] = [];
  walk(
    args,
    'grade',
    (_arg, i) => reportOption(args, i, report),
    (arg) => {
      if (files.length > 0) throw new UsageError(`unexpected argument '${arg}': grade takes one HAR file`);
      files.push(arg);
    },
  );
  const file = files[0];
  if (file === undefined) throw new UsageError('missing HAR file: tabgrade grade <file.har>');
  return { kind: 'grade', file, ...report };
}

/**
 * A host with an optional port and path, as people type it: `localhost:8000`,
 * `example.com/shop`, `127.0.0.1:8080`, `[::1]:3000`. (The URL parser reads `localhost:8000`
 * as the scheme `localhost:`, so this is matched before parsing.)
 */
const BARE_HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(?::\d{1,5})?(?:[/?#]\S*)?$/i;

/**
 * The page to audit: only http and https pages have the headers the grade reads. An address
 * without a scheme is taken as `http://`, as curl and browsers' address bars do: a local
 * server usually speaks plain HTTP, and a public one that redirects to HTTPS is graded with
 * that redirect, as the Observatory would.
 */
function auditUrl(text: string): { url: string; note: string | null } {
  const bare = !/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && BARE_HOST.test(text);
  let url: URL;
  try {
    url = new URL(bare ? `http://${text}` : text);
  } catch {
    throw new UsageError(`'${text}' is not a URL: give an http:// or https:// address (e.g. http://localhost:8000/)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`'${text}' is not an http:// or https:// address (e.g. http://localhost:8000/)`);
  }
  return { url: url.href, note: bare ? `no scheme in '${text}': auditing ${url.href} (write https:// to start there)` : null };
}

function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
    throw new UsageError(`--timeout must be a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS}, not '${value}'`);
  }
  return seconds;
}

function parseSettle(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_SETTLE_SECONDS) {
    throw new UsageError(`--settle must be a number of seconds from 0 to ${MAX_SETTLE_SECONDS}, not '${value}'`);
  }
  return seconds;
}

function parseAuditCommand(args: readonly string[]): AuditCommand {
  const command: AuditCommand = {
    kind: 'audit',
    url: '',
    ...defaultReportOptions(),
    harPath: null,
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    settleSeconds: DEFAULT_SETTLE_SECONDS,
    browser: null,
    includeSecrets: false,
    notes: [],
  };
  const urls: string[] = [];
  walk(
    args,
    'audit',
    (arg, i) => {
      const used = reportOption(args, i, command);
      if (used > 0) return used;
      if (isOption(arg, '--har')) {
        const { value, used: took } = optionValue(args, i, '--har', 'a file to write, e.g. page.har');
        command.harPath = value;
        return took;
      }
      if (isOption(arg, '--timeout')) {
        const { value, used: took } = optionValue(args, i, '--timeout', `seconds, default ${DEFAULT_TIMEOUT_SECONDS}`);
        command.timeoutSeconds = parseTimeout(value);
        return took;
      }
      if (isOption(arg, '--settle')) {
        const { value, used: took } = optionValue(args, i, '--settle', `seconds, default ${DEFAULT_SETTLE_SECONDS}`);
        command.settleSeconds = parseSettle(value);
        return took;
      }
      if (isOption(arg, '--browser')) {
        const { value, used: took } = optionValue(args, i, '--browser', 'the path of a Chromium or Chrome executable');
        command.browser = value;
        return took;
      }
      if (arg === '--include-secrets') {
        command.includeSecrets = true;
        return 1;
      }
      if (arg === '--dns') {
        command.dnsResolver ??= DEFAULT_DNS_RESOLVER;
        return 1;
      }
      if (isOption(arg, '--dns-resolver')) {
        const { value, used: took } = optionValue(args, i, '--dns-resolver', 'an https DoH URL (JSON API), e.g. https://dns.google/resolve');
        if (!isResolverUrl(value) && !isLoopbackResolverUrl(value)) throw new UsageError(`--dns-resolver must be an https URL (or http on this machine), not '${value}'`);
        command.dnsResolver = value;
        return took;
      }
      return 0;
    },
    (arg) => {
      if (urls.length > 0) throw new UsageError(`unexpected argument '${arg}': audit takes one URL`);
      urls.push(arg);
    },
  );
  const text = urls[0];
  if (text === undefined) throw new UsageError('missing URL: tabgrade audit <url>');
  const { url, note } = auditUrl(text);
  return { ...command, url, notes: note === null ? [] : [note] };
}

export function parseArgs(args: readonly string[]): Command {
  // The same rule bin/tabgrade.js applies before the CLI is built.
  const info = infoRequested(args);
  if (info !== null) return { kind: info };
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError('missing command (see tabgrade --help)');
  if (command === 'grade') return parseGradeCommand(rest);
  if (command === 'audit') return parseAuditCommand(rest);
  if (command.startsWith('-')) throw new UsageError(`unknown option '${command}' (see tabgrade --help)`);
  throw new UsageError(`unknown command '${command}' (see tabgrade --help)`);
}

/** The grader's options for the algorithm a command chose. */
export function gradingFor(options: Pick<ReportOptions, 'algorithm'>): { table: ScoringTable } {
  return { table: SCORING_TABLES[options.algorithm] ?? CURRENT_SCORING };
}
