// The text of `tabgrade --help` and `--version`, and when they are asked for. Plain ES module
// (no TypeScript, no dependencies) so that bin/tabgrade.js can answer both before the CLI is
// built, and the bundled CLI (src/cli/main.ts) prints the very same text. Types are in help.d.mts.

export const HELP = `Usage: tabgrade grade <file.har> [options]
       tabgrade audit <url> [options] [--har FILE] [--timeout SECONDS] [--settle SECONDS]
                      [--browser PATH] [--include-secrets]

Grades a page the way the MDN HTTP Observatory grades a site, adds what Tabgrade finds
beyond it (front-end libraries with known vulnerabilities, scripts and stylesheets without
integrity, cookies in depth, disclosure and debug headers …) and caps the grade by it.

Commands:
  grade <file.har>    grade the first page of the HAR file ("-" reads standard input)
  audit <url>         open the page in headless Chromium with the Tabgrade extension
                      loaded and grade what it captured (works on localhost and staging;
                      an address without a scheme, such as localhost:8000, is taken as http://)

Options:
  --format FORMAT     text (default), json, markdown (a checklist for a GitHub issue) or
                      sarif (SARIF 2.1.0, for GitHub code scanning and CI dashboards)
  --summary           text and markdown: the short form (grades, caps, tests and notes)
  --algorithm NAME    the Observatory rules to grade with: 1.7.0 (default; algorithm 6,
                      12 tests with COOP and COEP) or 1.6.3 (10 tests)
  --min-grade GRADE   exit with status 1 when the Tabgrade grade is below GRADE
                      (A+ A A- B+ B B- C+ C C- D+ D D- F)
  --min-observatory-grade GRADE
                      exit with status 1 when the Observatory-compatible grade is below GRADE
  --fail-on SEVERITY  exit with status 1 on any finding of at least SEVERITY (high, medium, low)
  -h, --help          show this help
  --version           show the version

Options of audit:
  --har FILE          also save what the extension captured as a HAR file (cookie values,
                      credentials and URL query values replaced by REDACTED); the folder
                      is checked before the audit starts
  --include-secrets   keep cookie values, credentials and query values in the HAR and the report
  --timeout SECONDS   wait at most this long for the page to load (default 30); a page
                      still loading by then is graded from what had arrived, with a note
  --settle SECONDS    after load, keep watching this long for scripts the page adds late
                      (widgets, tag managers; default 2, 0 to stop at load)
  --dns               also look up the host's CAA records and DNSSEC through DNS-over-HTTPS:
                      sends the host name and its parent domains (nothing else) to the
                      resolver, https://cloudflare-dns.com/dns-query unless --dns-resolver
  --dns-resolver URL  the DoH resolver to ask (JSON API, https; implies --dns)
  --browser PATH      the Chromium or Chrome to use (default: $CHROMIUM_PATH, then the
                      usual install places; Debian: apt-get install chromium)

Exit status:
  0  graded, every gate passed
  1  a gate failed (--min-grade, --min-observatory-grade, --fail-on); the report is still printed
  2  a problem you can fix, said in one line on stderr: bad arguments, unreadable input,
     unreachable page, no browser, extension not built, a file that cannot be written
     (the report is printed first)
  3  a bug in Tabgrade (please report it)

audit needs the built extension (npm run build) and playwright-core (npm ci).

For grade, record the HAR in Chrome or Firefox DevTools (Network panel, "Export HAR") or
with Playwright's recordHar, with response bodies included so that the HTML and library
checks can run. Chrome's "Export HAR (sanitized)" leaves out Set-Cookie headers, which the
cookies test needs; export "with sensitive data" for a complete grade.
`;

/** `tabgrade 1.2.3`, the line `--version` prints. */
export function versionText(version) {
  return `tabgrade ${version}\n`;
}

/**
 * `help` or `version` when the command line asks for one, else null. Both win wherever they
 * appear before a `--` (`tabgrade grade x.har -h`), as in most tools; help before version.
 */
export function infoRequested(args) {
  const end = args.indexOf('--');
  const options = end === -1 ? args : args.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) return 'help';
  if (options.includes('--version')) return 'version';
  return null;
}
