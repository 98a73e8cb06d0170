/**
 * Origin-Agent-Cluster: asks the browser to isolate the page by origin rather than by site,
 * so a same-site page (another subdomain) cannot share its process or reach it through
 * `document.domain` (HTML §7.3.3, "origin-keyed agent clusters").
 *
 * The value is a structured-field boolean: `?1` or `?0`. Chromium already keys agent
 * clusters by origin unless a page opts out with `?0`; the header makes that explicit and
 * asks other browsers for it too, so a missing header is only informational. It is
 * ignored outside secure contexts.
 */
import { parseItem } from 'structured-headers';
import type { PageCapture } from '../../capture';
import type { Finding, TabgradeCheck } from '../../findings';
import { joinedHeader } from '../../headers';
import { clip, documentHeaders, documentUrl, findingMaker, isHtmlDocument, isSecureContextUrl, MDN_HEADERS } from './shared';

const LEARN_MORE = `${MDN_HEADERS}/Origin-Agent-Cluster`;
const DOES_NOT_APPLY = 'Leave it out (or send ?0) only if pages on different subdomains still talk to each other by setting document.domain.';
const make = findingMaker('origin-agent-cluster', 'server');

/** true/false for `?1`/`?0`, null when the value is not a structured-field boolean. */
export function parseOriginAgentCluster(value: string): boolean | null {
  try {
    const [bare] = parseItem(value);
    return typeof bare === 'boolean' ? bare : null;
  } catch {
    return null;
  }
}

function judge(capture: PageCapture): Finding[] {
  if (!isHtmlDocument(capture) || !isSecureContextUrl(documentUrl(capture))) return [];
  const raw = joinedHeader(documentHeaders(capture), 'origin-agent-cluster');
  if (raw === null) {
    return [
      make({
        id: 'origin-agent-cluster-missing',
        severity: 'info',
        title: 'No Origin-Agent-Cluster header',
        detail: `Origin-Agent-Cluster: ?1 isolates the page from other pages of the same site (other subdomains) in every browser that supports it, and turns off the document.domain escape hatch. Chromium already does this by default. ${DOES_NOT_APPLY}`,
        subject: 'Origin-Agent-Cluster',
        recommendation: 'Origin-Agent-Cluster: ?1',
        learnMoreUrl: LEARN_MORE,
      }),
    ];
  }
  const value = parseOriginAgentCluster(raw);
  if (value === null) {
    return [
      make({
        id: 'origin-agent-cluster-invalid',
        severity: 'low',
        title: 'Origin-Agent-Cluster is not ?1 or ?0, so browsers ignore it',
        detail: `The header takes a structured-field boolean: ?1 (isolate by origin) or ?0. Values such as 1 or true are ignored. ${DOES_NOT_APPLY}`,
        subject: 'Origin-Agent-Cluster',
        recommendation: 'Origin-Agent-Cluster: ?1',
        learnMoreUrl: LEARN_MORE,
        data: { value: clip(raw) },
      }),
    ];
  }
  if (!value) {
    return [
      make({
        id: 'origin-agent-cluster-opt-out',
        severity: 'info',
        title: 'Origin-Agent-Cluster: ?0 opts out of origin isolation',
        detail: `With ?0 the page shares its agent cluster with other pages of the same site and keeps document.domain working. ${DOES_NOT_APPLY}`,
        subject: 'Origin-Agent-Cluster',
        recommendation: 'Origin-Agent-Cluster: ?1 once nothing sets document.domain',
        learnMoreUrl: LEARN_MORE,
      }),
    ];
  }
  return [];
}

export const originAgentClusterCheck: TabgradeCheck = {
  id: 'origin-agent-cluster',
  title: 'Origin-Agent-Cluster',
  group: 'server',
  needs: ['document'],
  possibleFindings: ['origin-agent-cluster-missing', 'origin-agent-cluster-invalid', 'origin-agent-cluster-opt-out'],
  run: judge,
};
