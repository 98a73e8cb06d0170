/**
 * Deprecated or obsolete headers the site still sends (`deprecated-headers-data.ts`).
 * Their absence is never reported: Tabgrade does not demand Public-Key-Pins, Expect-CT or
 * Feature-Policy, unlike some scanners (see `scanner-myths.ts`).
 */
import type { PageCapture } from '../../capture';
import type { Finding, TabgradeCheck } from '../../findings';
import { hasHeader, joinedHeader } from '../../headers';
import { DEPRECATED_HEADERS } from './deprecated-headers-data';
import { clip, documentHeaders, findingMaker } from './shared';

const make = findingMaker('deprecated-headers', 'server');

function judge(capture: PageCapture): Finding[] {
  const headers = documentHeaders(capture);
  const findings: Finding[] = [];
  for (const entry of DEPRECATED_HEADERS) {
    const value = joinedHeader(headers, entry.header);
    if (value === null) continue;
    const replaced = entry.replacement !== undefined && hasHeader(headers, entry.replacement);
    findings.push(
      make({
        id: entry.id,
        severity: replaced && entry.severityWithReplacement !== undefined ? entry.severityWithReplacement : entry.severity,
        title: `${entry.header} is deprecated${entry.replacement ? `; use ${entry.replacement}` : ''}`,
        detail: `${entry.status} ${entry.advice}`,
        subject: entry.header,
        recommendation: entry.replacement ? `Replace with ${entry.replacement}` : `Remove ${entry.header}`,
        learnMoreUrl: entry.learnMoreUrl,
        data: { value: clip(value), replacementPresent: replaced },
      }),
    );
  }
  return findings;
}

export const deprecatedHeadersCheck: TabgradeCheck = {
  id: 'deprecated-headers',
  title: 'Deprecated headers',
  group: 'server',
  needs: ['document'],
  possibleFindings: DEPRECATED_HEADERS.map((entry) => entry.id),
  run: judge,
};
