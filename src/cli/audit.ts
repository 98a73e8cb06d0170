/**
 * `tabgrade audit <url>`: opens the page in headless Chromium with the real extension
 * loaded, lets the extension capture it (headers, redirects, served HTML, the probes the
 * Observatory's tests need), then grades that capture here with the same core as the popup.
 *
 * Every failure a user can fix (no browser, extension not built, host unreachable, an
 * output folder that does not exist) becomes a one-line `UsageError` (exit 2), found before
 * the browser starts where it can be; this file decides nothing about security. After the
 * browser, an https document's TLS connection is inspected with Node's own handshake
 * (`tls-inspect.ts`), since Chromium shares none of it with the extension.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageCapture } from '../core/capture';
import { buildReport, type Report } from '../core/report';
import { harText } from '../core/exports';
import { findChromium } from '../../scripts/lib/chromium-path.mjs';
import { gradingFor, UsageError, type AuditCommand } from './args';
import { auditInBrowser, type BrowserAudit, type BrowserAuditOptions } from './audit-browser';
import { cliObservatoryContext } from './hsts-preload';
import type { CliIo } from './io';
import { describeNetworkError } from './network-errors';
import { certificateSummaryLine, inspectTls, withInspectedTls, type TlsInspection } from './tls-inspect';
import { lookupDns, type DohFetch } from '../core/dns/doh-lookup';

export interface AuditEnvironment {
  /** The unpacked extension to load. */
  extensionDir: string;
  /** Where CHROMIUM_PATH, PATH … are read. */
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** Written into the HAR. */
  tabgradeVersion: string;
  /** Opens the page with the extension and returns its capture; real Chromium unless a test says otherwise. */
  browserAudit?: (options: BrowserAuditOptions) => Promise<BrowserAudit>;
  /** One TLS handshake of Tabgrade's own with an https document's server; Node's `tls` unless a test says otherwise. */
  inspectTls?: (url: string) => Promise<TlsInspection>;
  /** How `--dns` reaches the DoH resolver; Node's fetch unless a test says otherwise. */
  dohFetch?: DohFetch;
}

/**
 * `dist/chrome` beside the CLI bundle (`dist-cli/tabgrade.mjs`): both come from one
 * `npm run build`, so the CLI always drives the extension built from the same sources.
 */
export function defaultAuditEnvironment(tabgradeVersion: string): AuditEnvironment {
  return {
    extensionDir: fileURLToPath(new URL('../dist/chrome', import.meta.url)),
    env: process.env,
    platform: process.platform,
    tabgradeVersion,
  };
}

function requireExtension(dir: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new UsageError(`the extension is not built (no ${join(dir, 'manifest.json')}); run \`npm run build\` in the Tabgrade folder first`);
  }
}

/** A capture without a document response: why, in one line. */
function unreachable(url: string, audit: BrowserAudit, timeoutSeconds: number): UsageError {
  const error = audit.capture?.error ?? audit.navigationError;
  if (error !== null) return new UsageError(`cannot reach ${url}: ${describeNetworkError(error)}`);
  if (audit.loadTimedOut) return new UsageError(`no response from ${url} within ${timeoutSeconds} s (--timeout)`);
  return new UsageError(`the browser got no response for ${url}`);
}

/**
 * The browser refused the certificate: the error, plus what Tabgrade's own handshake saw
 * of it (subject, issuer, expiry), when that handshake works.
 */
async function certificateRefused(url: string, error: UsageError, inspect: (url: string) => Promise<TlsInspection>): Promise<UsageError> {
  if (!url.startsWith('https:') || !error.message.includes('net::ERR_CERT_')) return error;
  const result = await inspect(url);
  return result.ok ? new UsageError(`${error.message}. ${certificateSummaryLine(result.tls, Date.now())}`) : error;
}

/** What the audit could not wait for, said beside the grade's own caveats. */
function auditNotes(audit: BrowserAudit, timeoutSeconds: number): string[] {
  const notes: string[] = [];
  if (audit.loadTimedOut) {
    notes.push(
      `The page did not finish loading within ${timeoutSeconds} s (--timeout): it was graded from its response headers and whatever else had arrived by then.`,
    );
  }
  if (audit.completionTimedOut) {
    notes.push('The extra requests the grade needs (the plain-HTTP and CORS probes, the HTML as served) did not all finish in time; tests that read them may differ from a full audit.');
  }
  return notes;
}

/** A failed write in words, from its Node error code. */
function writeProblem(path: string, error: unknown): UsageError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const words: Record<string, string> = {
    ENOENT: 'no such folder',
    ENOTDIR: 'a part of the path is not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a directory',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
  };
  return new UsageError(`cannot write the HAR to ${path}: ${words[code] ?? (error instanceof Error ? error.message : String(error))}`);
}

/** Fails at once, before a browser starts, when `--har` names a place that cannot be written. */
async function requireWritable(path: string, io: CliIo): Promise<void> {
  try {
    await io.checkWritable(path);
  } catch (error) {
    throw writeProblem(path, error);
  }
}

/**
 * Writes `--har`, if asked. Called after the report is printed, so a failing write (a disk
 * that filled up during the audit) loses nothing but the file; throws a `UsageError`.
 */
export async function saveHar(command: AuditCommand, capture: PageCapture, environment: AuditEnvironment, io: CliIo): Promise<void> {
  if (command.harPath === null) return;
  const text = harText(capture, { includeSecrets: command.includeSecrets, tabgradeVersion: environment.tabgradeVersion });
  try {
    await io.writeFile(command.harPath, text);
  } catch (error) {
    throw writeProblem(command.harPath, error);
  }
}

/** `--dns`: the document host's CAA and DNSSEC answers from the resolver, added to the capture. */
async function withDns(capture: PageCapture, resolver: string, dohFetch: DohFetch): Promise<PageCapture> {
  const host = new URL(capture.document?.url ?? capture.url).hostname;
  const dns = await lookupDns(host, resolver, dohFetch);
  return dns === null ? capture : { ...capture, dns };
}

export interface AuditResult {
  capture: PageCapture;
  report: Report;
}

/**
 * Runs the audit; the caller prints the grade, then saves the HAR (`saveHar`) and turns it
 * into an exit status.
 */
export async function audit(command: AuditCommand, io: CliIo, environment: AuditEnvironment): Promise<AuditResult> {
  if (command.harPath !== null) await requireWritable(command.harPath, io);
  requireExtension(environment.extensionDir);
  const browser = findChromium({ browser: command.browser, env: environment.env, platform: environment.platform });
  if (!browser.ok) throw new UsageError(browser.message);

  const result = await (environment.browserAudit ?? auditInBrowser)({
    url: command.url,
    extensionDir: environment.extensionDir,
    executablePath: browser.path,
    loadTimeoutMs: command.timeoutSeconds * 1000,
    settleMs: command.settleSeconds * 1000,
  });
  const inspect = environment.inspectTls ?? inspectTls;
  if (result.capture === null || result.capture.document === null) throw await certificateRefused(command.url, unreachable(command.url, result, command.timeoutSeconds), inspect);
  const { capture: withTls, note: tlsNote } = await withInspectedTls(result.capture, inspect);
  const capture = command.dnsResolver === undefined ? withTls : await withDns(withTls, command.dnsResolver, environment.dohFetch ?? (fetch as DohFetch));
  const notes = [...auditNotes(result, command.timeoutSeconds), ...(tlsNote === null ? [] : [tlsNote])];

  return { capture, report: buildReport(capture, { extraNotes: notes, grading: gradingFor(command), context: cliObservatoryContext() }) };
}
