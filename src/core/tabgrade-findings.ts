/**
 * Tabgrade's own findings for a capture: every check in `TABGRADE_CHECKS`, run in order,
 * made safe (a check that throws becomes one `info` finding, never a crash), given their
 * fix snippets, and sorted by severity. They never change the Observatory-compatible grade;
 * some of them cap the Tabgrade grade (`verdict/caps.ts`).
 *
 * The popup calls `runTabgradeChecks` for the findings, `detectStack` to know which fix to
 * show first, `fixesFor` for the fixes of a finding or of an Observatory result, and shows
 * `SCANNER_MYTHS` as notes.
 */
import type { PageCapture } from './capture';
import { cacheControlSensitivePagesCheck } from './checks/tabgrade/cache-control-sensitive-pages';
import { clearSiteDataCheck } from './checks/tabgrade/clear-site-data';
import { contentTypeCharsetCheck } from './checks/tabgrade/content-type-charset';
import { cookiesInDepthCheck } from './checks/tabgrade/cookies-in-depth';
import { crossOriginEmbedderPolicyCheck } from './checks/tabgrade/cross-origin-embedder-policy';
import { crossOriginOpenerPolicyCheck } from './checks/tabgrade/cross-origin-opener-policy';
import { cspReviewCheck } from './checks/tabgrade/csp-review';
import { debugHeadersCheck } from './checks/tabgrade/debug-headers';
import { debugPagesCheck } from './checks/tabgrade/debug-pages';
import { deprecatedHeadersCheck } from './checks/tabgrade/deprecated-headers';
import { fixesByStack } from './checks/tabgrade/fixes';
import { httpsDowngradeCheck } from './checks/tabgrade/https-downgrade';
import { originAgentClusterCheck } from './checks/tabgrade/origin-agent-cluster';
import { permissionsPolicyCheck } from './checks/tabgrade/permissions-policy';
import { serverHeaderCheck } from './checks/tabgrade/server-header';
import { technologyHeadersCheck } from './checks/tabgrade/technology-headers';
import { subresourceIntegrityInDepthCheck } from './checks/tabgrade/subresource-integrity-in-depth';
import { tlsConnectionCheck } from './checks/tabgrade/tls-connection';
import { vulnerableLibrariesCheck } from './checks/tabgrade/vulnerable-libraries';
import { xPermittedCrossDomainPoliciesCheck } from './checks/tabgrade/x-permitted-cross-domain-policies';
import { xXssProtectionCheck } from './checks/tabgrade/x-xss-protection';
import { SEVERITY_ORDER, type CheckContext, type Finding, type TabgradeCheck } from './findings';

export { fixesFor, fixesForStacks, fixesByStack, fixTopicsFor, FIX_TOPICS_BY_ID, type FixSnippet } from './checks/tabgrade/fixes';
export { SCANNER_MYTHS, mythsForCookie, mythsForHeader, type ScannerMyth } from './checks/tabgrade/scanner-myths';
export { detectStack, type StackDetection, type StackGuess } from './stack';

/** Finding id of the note that replaces a check that threw. */
export const CHECK_ERROR_FINDING = 'tabgrade-check-error';

/** Every Tabgrade check, in the order a report lists them within one severity. */
export const TABGRADE_CHECKS: TabgradeCheck[] = [
  // Content Security Policy in depth
  cspReviewCheck,
  // Cookies
  cookiesInDepthCheck,
  cacheControlSensitivePagesCheck,
  // Headers with context
  crossOriginOpenerPolicyCheck,
  crossOriginEmbedderPolicyCheck,
  permissionsPolicyCheck,
  originAgentClusterCheck,
  contentTypeCharsetCheck,
  xPermittedCrossDomainPoliciesCheck,
  clearSiteDataCheck,
  // Information disclosure
  debugHeadersCheck,
  debugPagesCheck,
  serverHeaderCheck,
  technologyHeadersCheck,
  // Deprecated headers, never demanded
  xXssProtectionCheck,
  deprecatedHeadersCheck,
  // Subresource Integrity in depth, front-end libraries, TLS
  subresourceIntegrityInDepthCheck,
  vulnerableLibrariesCheck,
  tlsConnectionCheck,
  httpsDowngradeCheck,
];

function errorFinding(check: TabgradeCheck, error: unknown): Finding {
  const message = error instanceof Error ? error.message : String(error);
  return {
    id: CHECK_ERROR_FINDING,
    checkId: check.id,
    severity: 'info',
    group: check.group,
    title: `Tabgrade could not complete the “${check.title}” check`,
    detail: 'This check stopped on something in the page it did not expect, so its findings are missing from this report. The other checks are unaffected. Please report it with the page’s headers.',
    subject: check.id,
    data: { error: message.length > 300 ? `${message.slice(0, 300)}…` : message },
  };
}

/**
 * Runs the checks on a capture and returns their findings, most severe first (checks keep
 * their list order within a severity). Each finding without fixes gets the snippets of its
 * fix topics for every stack; views pick the detected stack's with `fixesFor`.
 */
export function runTabgradeChecks(capture: PageCapture, context: CheckContext, checks: readonly TabgradeCheck[] = TABGRADE_CHECKS): Finding[] {
  const findings: Finding[] = [];
  for (const check of checks) {
    let produced: Finding[];
    try {
      produced = check.run(capture, context);
    } catch (error) {
      findings.push(errorFinding(check, error));
      continue;
    }
    for (const finding of produced) {
      const saidBy = check.saidByObservatoryTest?.[finding.id];
      if (saidBy !== undefined && context.observatoryTests?.has(saidBy) === true) continue;
      if (finding.fixes !== undefined) {
        findings.push(finding);
        continue;
      }
      const fixes = fixesByStack(finding.id);
      findings.push(Object.keys(fixes).length > 0 ? { ...finding, fixes } : finding);
    }
  }
  // Array.prototype.sort is stable, so list order survives within a severity.
  return findings.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}
