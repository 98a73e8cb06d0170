/**
 * What every view of a Report shows the same way: the finding groups and their order, the
 * stacks' display names, and which fix snippets go with a finding or a failing test. The
 * popup, the panel and every output format read these, so they group, name and pick fixes
 * alike.
 */
import type { GradedTest } from './checks/observatory/grade-types';
import { fixesFor, fixesForStacks } from './checks/tabgrade/fixes';
import type { FixSnippet } from './checks/tabgrade/fixes/types';
import type { Finding, FindingGroup, Stack } from './findings';
import type { Report } from './report';

/** Groups in the order people fix things: the app, then the server, then the page, then TLS. */
export const FINDING_GROUPS: ReadonlyArray<{ group: FindingGroup; title: string }> = [
  { group: 'application', title: 'Application / framework' },
  { group: 'server', title: 'Web server & headers' },
  { group: 'content', title: 'Page content' },
  { group: 'transport', title: 'Connection (TLS)' },
];

export const STACK_LABELS: Readonly<Record<Stack, string>> = {
  django: 'Django',
  rails: 'Ruby on Rails',
  laravel: 'Laravel',
  express: 'Express (Node.js)',
  aspnet: 'ASP.NET Core',
  php: 'PHP',
  apache: 'Apache httpd',
  nginx: 'nginx',
  caddy: 'Caddy',
  iis: 'IIS',
  netlify: 'Netlify / Cloudflare Pages (_headers)',
};

/**
 * The snippets for a finding id or an Observatory result id: the own snippets of every
 * layer's stack that can make the fix (`stacks` is one stack per layer, the application's
 * first: a Django site behind Apache gets the settings.py line for cookies and the vhost
 * line for the Server header), or, when none of them has one, the stack-independent
 * advice. Empty when Tabgrade knows no fix (or no stack is known and the fix depends on it).
 */
export function reportFixes(id: string, stacks: readonly Stack[]): FixSnippet[] {
  const own: FixSnippet[] = [];
  for (const stack of stacks) {
    for (const snippet of fixesFor(id, stack)) if (snippet.stack === stack) own.push(snippet);
  }
  if (own.length > 0) return own;
  return fixesForStacks(id, stacks).filter((snippet) => snippet.stack === 'any' || stacks.includes(snippet.stack));
}

/** Where a snippet's label says it applies: `Django`, `any stack`. */
export function fixTargetLabel(snippet: FixSnippet): string {
  return snippet.stack === 'any' ? 'any stack' : STACK_LABELS[snippet.stack];
}

/** The report's findings in `FINDING_GROUPS` order, empty groups left out. */
export function findingsByGroup(report: Report): Array<{ group: FindingGroup; title: string; findings: Finding[] }> {
  return FINDING_GROUPS.map(({ group, title }) => ({ group, title, findings: report.findings.filter((finding) => finding.group === group) })).filter(
    (entry) => entry.findings.length > 0,
  );
}

/** True when the Observatory-compatible grade and score mean something (not loading, not failed). */
export function reportHasGrade(report: Report): boolean {
  return report.verdict.grade !== null;
}

/** Names of the tests whose bonus the score did not count. */
export function withheldTests(report: Report): ReadonlySet<string> {
  return new Set(report.arithmetic.withheldTests);
}

/**
 * The rule id of the cap a finding sets, if it sets one. The verdict lists one cap per
 * distinct reason, so a second finding of the same kind and severity (another script
 * without integrity) shares the first one's cap.
 */
export function capOfFinding(report: Report, finding: Finding): string | null {
  const caps = report.verdict.caps;
  const exact = caps.find((candidate) => candidate.findingId === finding.id && (candidate.subject ?? null) === (finding.subject ?? null));
  const same = exact ?? caps.find((candidate) => candidate.findingId === finding.id && candidate.severity === finding.severity);
  return same?.rule ?? null;
}

/** A test's bonus as the views show it: `+5`, or `+5 withheld` when it did not count. */
export function isBonusWithheld(report: Report, test: GradedTest): boolean {
  return test.scoreModifier > 0 && report.arithmetic.withheldTests.includes(test.name);
}
