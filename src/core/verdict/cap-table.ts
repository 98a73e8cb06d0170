/**
 * Which of Tabgrade's own findings cap the Tabgrade grade, and at which letter.
 *
 * The model is SSL Labs' grade caps ("capped at B: the server supports TLS 1.0"): the
 * Observatory-compatible score stays exactly as the Observatory computes it, and a problem
 * the Observatory does not score sets the highest letter the page can have until it is
 * fixed. A cap never raises a grade.
 *
 * Rules are tried in order and the first that matches a finding decides its cap, so the
 * specific rules come before the severity fallback at the end. `info` and `low` findings
 * never cap: they are advice, not risk.
 *
 * Values, and why:
 * - **C** is where the Observatory puts a site with no CSP and no HSTS: anyone can inject
 *   script or strip TLS. Problems as serious as that — code with a known high or critical
 *   vulnerability running on the page, a script fetched over plain HTTP, an HTTPS page
 *   that sends its users to HTTP, a debug tool or development server answering on a
 *   public host, a session page shared caches may hand to other users — cap at C.
 * - **B** is for a real but narrower weakness: a library with a known medium
 *   vulnerability (often needing a specific use of an API), TLS 1.0/1.1 (SSL Labs also caps
 *   at B), a session cookie that scripts can read or that travels over HTTP.
 * - **B+** is for a missing defence in depth the Observatory would have scored had it seen
 *   it: a cross-origin stylesheet, or a script added after load, without integrity.
 * - **F** for an expired or untrusted certificate on a public host: browsers stop users
 *   with a full-page warning, which trains them to click through.
 */
import type { Grade } from '../checks/observatory/grade-types';
import type { Finding, Severity } from '../findings';

/** What a rule may ask about the page beyond the finding itself. */
export interface CapContext {
  /** False on localhost, loopback and private addresses (see `development-hosts.ts`). */
  publicHost: boolean;
  /** Whether the Observatory's SRI test passed (it then did not count the page's scripts against it). */
  observatorySriPassed: boolean;
}

export interface CapRule {
  /** Stable id, kebab-case, shown in reports and SARIF. */
  id: string;
  /** The highest letter a page with a matching finding can get. */
  cap: Grade;
  /** Why this letter: one sentence, shown beside the cap. */
  why: string;
  /** Finding ids this rule covers (exact), or `prefix*` for a family of ids. */
  findingIds?: readonly string[];
  /** Severities this rule covers; all when absent. */
  severities?: readonly Severity[];
  /** Checks whose findings this rule leaves alone (used by the fallback). */
  exceptChecks?: readonly string[];
  /** A further condition on the page; the rule does not match when it is false. */
  when?: (finding: Finding, context: CapContext) => boolean;
}

const onPublicHost = (_finding: Finding, context: CapContext): boolean => context.publicHost;

/** A script the Observatory did not already score: added after load, or the SRI test passed anyway. */
function notScoredByObservatory(finding: Finding, context: CapContext): boolean {
  return finding.data?.addedAfterLoad === true || context.observatorySriPassed;
}

export const CAP_RULES: readonly CapRule[] = [
  {
    id: 'vulnerable-library-high',
    cap: 'C',
    findingIds: ['vulnerable-library'],
    severities: ['high'],
    why: 'A front-end library with a known high or critical vulnerability runs on the page: published exploits make it as open to script injection as a page without a CSP.',
  },
  {
    id: 'vulnerable-library-medium',
    cap: 'B',
    findingIds: ['vulnerable-library'],
    severities: ['medium'],
    why: 'A front-end library with a known medium-severity vulnerability runs on the page: exploitable when the page uses the affected API, and fixed by an update.',
  },
  {
    id: 'mixed-content-script',
    cap: 'C',
    findingIds: ['mixed-content-script'],
    why: 'A script fetched over plain HTTP can be replaced by anyone on the network path, which gives them the whole page.',
  },
  {
    id: 'https-downgrade',
    cap: 'C',
    findingIds: ['https-downgrade-redirect'],
    why: 'An HTTPS address that redirects to HTTP delivers the page unencrypted, whatever its headers say.',
  },
  {
    id: 'development-server-public',
    cap: 'C',
    findingIds: ['development-server-*'],
    when: onPublicHost,
    why: 'A development server on a public host is not built to face the internet and usually runs with debugging on (settings and stack traces on errors).',
  },
  {
    id: 'debug-tool-public',
    cap: 'C',
    findingIds: ['debug-*'],
    when: onPublicHost,
    why: 'A debug tool answering on a public host shows anyone the application’s internals (queries, settings, sometimes a console).',
  },
  {
    id: 'certificate-invalid-public',
    cap: 'F',
    findingIds: ['tls-certificate-expired', 'tls-certificate-untrusted'],
    when: onPublicHost,
    why: 'Browsers stop visitors with a full-page warning; a site that trains users to click through it has no working HTTPS.',
  },
  {
    id: 'tls-deprecated-protocol',
    cap: 'B',
    findingIds: ['tls-protocol-deprecated'],
    why: 'TLS 1.0 and 1.1 are deprecated (RFC 8996); SSL Labs caps such servers at B too.',
  },
  {
    id: 'shared-cache-session-page',
    cap: 'C',
    findingIds: ['cache-session-response-shared-cacheable'],
    why: 'A shared cache may store this signed-in page and serve it to someone else.',
  },
  {
    id: 'session-cookie-exposed',
    cap: 'B',
    findingIds: ['cookie-session-without-httponly', 'cookie-session-without-secure'],
    why: 'A session cookie that scripts can read, or that travels over plain HTTP, turns one XSS or one open Wi-Fi into a stolen account.',
  },
  {
    id: 'cross-origin-script-without-integrity',
    cap: 'B+',
    findingIds: ['sri-missing-on-cross-origin-script'],
    when: notScoredByObservatory,
    why: 'A script from another origin without integrity runs whatever that host serves; the Observatory scores the scripts in the served HTML, not those added later.',
  },
  {
    id: 'cross-origin-stylesheet-without-integrity',
    cap: 'B+',
    findingIds: ['sri-missing-on-cross-origin-stylesheet'],
    why: 'A stylesheet from another origin without integrity can read what the page shows and redraw it if that host is compromised; the Observatory does not look at stylesheets.',
  },
  {
    // The fallback. The CSP review refines what the Observatory's CSP test already scores,
    // so it never caps: the page would pay twice for one policy.
    id: 'high-severity',
    cap: 'C',
    severities: ['high'],
    exceptChecks: ['csp-review'],
    why: 'A high-severity problem Tabgrade found that the Observatory does not score.',
  },
];

function idMatches(pattern: string, id: string): boolean {
  return pattern.endsWith('*') ? id.startsWith(pattern.slice(0, -1)) : pattern === id;
}

const NEVER_CAPS: ReadonlySet<Severity> = new Set(['info', 'low']);

/**
 * The first rule of `rules` that caps `finding`; null when none does (always for info and
 * low, and when the rule that names the finding declines in this context).
 */
export function capRuleFor(finding: Finding, context: CapContext, rules: readonly CapRule[] = CAP_RULES): CapRule | null {
  if (NEVER_CAPS.has(finding.severity)) return null;
  for (const rule of rules) {
    if (rule.findingIds !== undefined && !rule.findingIds.some((pattern) => idMatches(pattern, finding.id))) continue;
    if (rule.severities !== undefined && !rule.severities.includes(finding.severity)) continue;
    if (rule.exceptChecks?.includes(finding.checkId) === true) continue;
    if (rule.when !== undefined && !rule.when(finding, context)) {
      // A rule that names the finding and declines (a debug tool or a self-signed
      // certificate on localhost) has decided: the finding must not fall through to the
      // high-severity fallback and cap anyway.
      if (rule.findingIds !== undefined) return null;
      continue;
    }
    return rule;
  }
  return null;
}
