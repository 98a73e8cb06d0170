/**
 * Technology disclosure: X-Powered-By, X-AspNet-Version, X-AspNetMvc-Version and the other
 * headers listed in `disclosure-headers.ts`. Severity depends on whether a version is shown.
 */
import type { PageCapture } from '../../capture';
import type { Finding, TabgradeCheck } from '../../findings';
import { joinedHeader } from '../../headers';
import { DISCLOSURE_HEADERS, hasVersion } from './disclosure-headers';
import { clip, documentHeaders, findingMaker } from './shared';

const LEARN_MORE = 'https://owasp.org/www-project-secure-headers/#div-bestpractices';
const make = findingMaker('technology-headers', 'server');

function judge(capture: PageCapture): Finding[] {
  const headers = documentHeaders(capture);
  const findings: Finding[] = [];
  for (const entry of DISCLOSURE_HEADERS) {
    const value = joinedHeader(headers, entry.header);
    if (value === null || value.trim() === '') continue;
    const versioned = hasVersion(value);
    const severity = versioned ? entry.severityWithVersion : entry.severityWithoutVersion;
    if (severity === null) continue;
    findings.push(
      make({
        id: entry.id,
        severity,
        title: versioned ? `${entry.header} reveals a software version` : `${entry.header} reveals the technology behind the site`,
        detail: `${entry.header} tells every visitor ${entry.reveals}.${versioned ? ' With a version number, automated scanners can match the site to known vulnerabilities of that exact release.' : ' That alone helps an attacker little, and browsers never need it.'} Removing it is cheap; keeping the software patched is what actually protects.`,
        subject: entry.header,
        recommendation: `Remove ${entry.header}`,
        learnMoreUrl: LEARN_MORE,
        data: { header: entry.header, value: clip(value), versioned },
      }),
    );
  }
  return findings;
}

export const technologyHeadersCheck: TabgradeCheck = {
  id: 'technology-headers',
  title: 'Technology disclosure headers',
  group: 'server',
  needs: ['document'],
  possibleFindings: [...new Set(DISCLOSURE_HEADERS.map((entry) => entry.id))],
  run: judge,
};
