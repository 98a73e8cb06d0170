/**
 * The report as SARIF 2.1.0 (OASIS), the format GitHub code scanning and other CI
 * dashboards read. One rule per Tabgrade finding id and per failing Observatory result
 * id; one result per finding and per failing test, located at the page (or the resource
 * it is about). The Tabgrade grade, its caps and the Observatory-compatible score go in
 * the run's properties, where dashboards that know nothing of grades ignore them.
 *
 * Levels: high → error, medium → warning, low and info → note. GitHub also reads a rule's
 * `security-severity` (a CVSS-like 0–10 string) to rank security alerts; the values sit
 * inside its bands (high 7–8.9, medium 4–6.9, low 0.1–3.9).
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { GradedTest } from '../checks/observatory/grade-types';
import type { FixSnippet } from '../checks/tabgrade/fixes/types';
import type { Finding, Severity } from '../findings';
import type { Report } from '../report';
import { capOfFinding, fixTargetLabel, reportFixes, reportHasGrade } from '../report-view';
import { advisoryIds } from '../verdict/tabgrade-grade';
import { markdownCode, markdownCodeBlock } from './markdown-escape';
import { singleLine } from './sanitize';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { high: 'error', medium: 'warning', low: 'note', info: 'note' };
const SECURITY_SEVERITY: Readonly<Record<Severity, string | null>> = { high: '8.0', medium: '5.5', low: '3.0', info: null };

/**
 * A failing test's severity from what it costs: the Observatory's heaviest penalties
 * (no HTTPS redirect, no CSP, cookies without Secure) are ≤ −20.
 */
function testSeverity(test: GradedTest): Severity {
  if (test.scoreModifier <= -20) return 'high';
  if (test.scoreModifier < 0) return 'medium';
  return 'low';
}

export interface SarifOptions {
  toolVersion?: string;
}

/** FNV-1a, 32 bits, as hex: a stable fingerprint of a result across runs (not a security hash). */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function isWebUrl(text: string | undefined): text is string {
  if (text === undefined) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function helpOf(summary: string, snippets: readonly FixSnippet[]): { text: string; markdown: string } {
  const text = [summary, ...snippets.map((snippet) => `Fix for ${fixTargetLabel(snippet)} (${snippet.where}):\n${snippet.code}`)].join('\n\n');
  // Rule help is Tabgrade's wording plus its own snippets; page text never reaches it.
  const markdown = [summary, ...snippets.map((snippet) => `**Fix for ${fixTargetLabel(snippet)}** (${markdownCode(snippet.where)}):\n\n${markdownCodeBlock(snippet.code, snippet.language)}`)].join('\n\n');
  return { text, markdown };
}

function ruleProperties(severity: Severity, tags: string[]): Record<string, unknown> {
  const securitySeverity = SECURITY_SEVERITY[severity];
  return { tags: ['security', ...tags], ...(securitySeverity === null ? {} : { 'security-severity': securitySeverity }) };
}

function findingRule(report: Report, finding: Finding): ReportingDescriptor {
  const summary = [finding.detail, finding.recommendation === undefined ? '' : `Recommended: ${finding.recommendation}`].filter((part) => part !== '').join('\n\n');
  return {
    id: `tabgrade/${finding.id}`,
    name: finding.id,
    // Rule descriptions are shared by every result of the id: Tabgrade's title wording.
    shortDescription: { text: singleLine(finding.title) },
    fullDescription: { text: singleLine(finding.detail) },
    ...(isWebUrl(finding.learnMoreUrl) ? { helpUri: finding.learnMoreUrl } : {}),
    help: helpOf(summary, reportFixes(finding.id, report.stack.stacks)),
    defaultConfiguration: { level: LEVEL[finding.severity] },
    properties: ruleProperties(finding.severity, [finding.group, finding.checkId]),
  };
}

function testRule(report: Report, test: GradedTest): ReportingDescriptor {
  const severity = testSeverity(test);
  return {
    id: `observatory/${test.result}`,
    name: test.result,
    shortDescription: { text: `${test.title}: ${test.result}` },
    fullDescription: { text: test.explanation },
    helpUri: test.mdnUrl,
    help: helpOf(test.explanation, reportFixes(test.result, report.stack.stacks)),
    defaultConfiguration: { level: LEVEL[severity] },
    properties: ruleProperties(severity, ['observatory', test.name]),
  };
}

function locationOf(report: Report, subject: string | undefined): Result['locations'] {
  return [{ physicalLocation: { artifactLocation: { uri: isWebUrl(subject) ? subject : report.url } } }];
}

export function toSarif(report: Report, options: SarifOptions = {}): Log {
  const rules: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const ruleFor = (make: () => ReportingDescriptor): { id: string; index: number } => {
    const rule = make();
    const known = ruleIndex.get(rule.id);
    if (known !== undefined) return { id: rule.id, index: known };
    ruleIndex.set(rule.id, rules.length);
    rules.push(rule);
    return { id: rule.id, index: rules.length - 1 };
  };
  const results: Result[] = [];
  if (reportHasGrade(report)) {
    for (const test of Object.values(report.observatory.tests)) {
      if (test.pass) continue;
      const { id, index } = ruleFor(() => testRule(report, test));
      results.push({
        ruleId: id,
        ruleIndex: index,
        level: LEVEL[testSeverity(test)],
        message: { text: `${test.title}: ${test.result} (${test.scoreModifier} points). ${test.explanation}` },
        locations: locationOf(report, undefined),
        partialFingerprints: { 'tabgrade/v1': fingerprint(`${id}\u0000${report.url}`) },
        properties: { scoreModifier: test.scoreModifier, potentialGain: test.potentialGain },
      });
    }
  }
  for (const finding of report.findings) {
    const { id, index } = ruleFor(() => findingRule(report, finding));
    const cap = capOfFinding(report, finding);
    const capGrade = report.verdict.caps.find((candidate) => candidate.rule === cap && candidate.findingId === finding.id)?.grade;
    const title = singleLine(finding.title);
    const subject = finding.subject === undefined || title.includes(finding.subject) ? '' : ` (${singleLine(finding.subject)})`;
    const advisories = advisoryIds(finding);
    const advisoryText = advisories.length === 0 ? '' : ` Advisories: ${advisories.join(', ')}.`;
    const capText = capGrade === undefined ? '' : ` Caps the Tabgrade grade at ${capGrade}.`;
    results.push({
      ruleId: id,
      ruleIndex: index,
      level: LEVEL[finding.severity],
      message: { text: `${title}${subject}.${advisoryText}${capText}` },
      locations: locationOf(report, finding.subject),
      partialFingerprints: { 'tabgrade/v1': fingerprint(`${id}\u0000${report.url}\u0000${finding.subject ?? ''}`) },
      properties: { severity: finding.severity, group: finding.group, ...(cap === null ? {} : { capRule: cap, capGrade }) },
    });
  }
  const { verdict } = report;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Tabgrade',
            ...(options.toolVersion === undefined ? {} : { version: options.toolVersion, semanticVersion: options.toolVersion }),
            rules,
          },
        },
        invocations: [{ executionSuccessful: true, endTimeUtc: new Date(report.generatedAt).toISOString() }],
        results,
        properties: {
          url: report.url,
          tabgradeGrade: verdict.grade,
          observatoryGrade: verdict.observatoryGrade,
          observatoryScore: reportHasGrade(report) ? report.observatory.score : null,
          capped: verdict.capped,
          caps: verdict.caps.map((cap) => ({ rule: cap.rule, grade: cap.grade, binding: cap.binding, reason: cap.reason })),
        },
      },
    ],
  };
}

export function formatSarif(report: Report, options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}
