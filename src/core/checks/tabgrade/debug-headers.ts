/**
 * Debug and profiler headers (`debug-headers-data.ts`): a developer tool left on in
 * production. Read from the document and the redirect hops, since a profiler tags every
 * response it sees.
 */
import type { HttpHeader, PageCapture } from '../../capture';
import type { Finding, TabgradeCheck } from '../../findings';
import { firstHeader } from '../../headers';
import { DEBUG_HEADERS } from './debug-headers-data';
import { clip, findingMaker } from './shared';

const make = findingMaker('debug-headers', 'application');

function allResponseHeaders(capture: PageCapture): Array<readonly HttpHeader[]> {
  const lists: Array<readonly HttpHeader[]> = capture.redirects.filter((hop) => !hop.internal).map((hop) => hop.headers);
  if (capture.document) lists.push(capture.document.headers);
  return lists;
}

function judge(capture: PageCapture): Finding[] {
  const responses = allResponseHeaders(capture);
  const findings: Finding[] = [];
  for (const entry of DEBUG_HEADERS) {
    let seen: { header: string; value: string } | null = null;
    for (const headers of responses) {
      for (const name of entry.headers) {
        const value = firstHeader(headers, name);
        if (value !== null) {
          seen = { header: name, value };
          break;
        }
      }
      if (seen) break;
    }
    if (!seen) continue;
    findings.push(
      make({
        id: entry.id,
        severity: entry.severity,
        title: `A debugging tool is switched on: ${entry.tool}`,
        detail: `${entry.exposes} ${entry.fix}`,
        subject: seen.header,
        recommendation: entry.fix,
        learnMoreUrl: entry.source,
        data: { header: seen.header, value: clip(seen.value) },
      }),
    );
  }
  return findings;
}

export const debugHeadersCheck: TabgradeCheck = {
  id: 'debug-headers',
  title: 'Debug and profiler headers',
  group: 'application',
  needs: ['document', 'redirects'],
  possibleFindings: DEBUG_HEADERS.map((entry) => entry.id),
  run: judge,
};
