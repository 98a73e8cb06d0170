/**
 * X-Permitted-Cross-Domain-Policies: which cross-domain policy files (crossdomain.xml)
 * Adobe clients may honour on this site.
 *
 * Only Adobe clients read it (Flash Player, now gone, and Acrobat/Reader for PDF forms), per
 * Adobe's "Cross-domain policy file specification". So a missing header is reported only
 * when the site actually publishes a /crossdomain.xml; otherwise demanding it would be a
 * scanner myth. `all` is reported because it lets any policy file anywhere on the site —
 * including an uploaded one — grant cross-domain access.
 */
import type { PageCapture } from '../../capture';
import type { Finding, TabgradeCheck } from '../../findings';
import { joinedHeader } from '../../headers';
import { clip, documentHeaders, findingMaker, MDN_HEADERS } from './shared';

/** Values of Adobe's meta-policy (site-control `permitted-cross-domain-policies`). */
export const XPCDP_VALUES = ['none', 'master-only', 'by-content-type', 'by-ftp-filename', 'all', 'none-this-response'] as const;

const LEARN_MORE = `${MDN_HEADERS}/X-Permitted-Cross-Domain-Policies`;
const make = findingMaker('x-permitted-cross-domain-policies', 'server');

/** True when the capture's /crossdomain.xml probe found a policy file. */
function publishesCrossdomainXml(capture: PageCapture): boolean {
  const probe = capture.probes.crossdomainXml;
  const status = probe?.response?.statusCode ?? 0;
  return status >= 200 && status < 300 && /<cross-domain-policy[\s>]/i.test(probe?.body ?? '');
}

function judge(capture: PageCapture): Finding[] {
  if (!capture.document) return [];
  const raw = joinedHeader(documentHeaders(capture), 'x-permitted-cross-domain-policies');
  if (raw === null) {
    if (!publishesCrossdomainXml(capture)) return [];
    return [
      make({
        id: 'xpcdp-missing-with-policy-file',
        severity: 'info',
        title: 'The site publishes crossdomain.xml without limiting other policy files',
        detail:
          'A /crossdomain.xml lets Adobe clients (Acrobat, and formerly Flash) read this site cross-domain. Without X-Permitted-Cross-Domain-Policies (or a site-control entry in the file), policy files elsewhere on the site could widen that access. If nothing needs crossdomain.xml any more, delete it instead.',
        subject: 'X-Permitted-Cross-Domain-Policies',
        recommendation: 'X-Permitted-Cross-Domain-Policies: master-only (or none, after deleting crossdomain.xml)',
        learnMoreUrl: LEARN_MORE,
      }),
    ];
  }

  const value = raw.trim().toLowerCase();
  if (!(XPCDP_VALUES as readonly string[]).includes(value)) {
    return [
      make({
        id: 'xpcdp-invalid',
        severity: 'info',
        title: 'X-Permitted-Cross-Domain-Policies has an unknown value',
        detail: `Adobe clients understand ${XPCDP_VALUES.join(', ')}; anything else is ignored. none is the usual choice for sites that publish no crossdomain.xml.`,
        subject: 'X-Permitted-Cross-Domain-Policies',
        recommendation: 'X-Permitted-Cross-Domain-Policies: none',
        learnMoreUrl: LEARN_MORE,
        data: { value: clip(raw) },
      }),
    ];
  }
  if (value === 'all') {
    return [
      make({
        id: 'xpcdp-all',
        severity: 'low',
        title: 'X-Permitted-Cross-Domain-Policies allows every policy file on the site',
        detail:
          'With all, any crossdomain.xml anywhere on the site — including one a user manages to upload — can grant Adobe clients cross-domain read access with the user’s cookies. Only the master policy file at the root should count, or none at all.',
        subject: 'X-Permitted-Cross-Domain-Policies',
        recommendation: 'X-Permitted-Cross-Domain-Policies: none (or master-only if /crossdomain.xml is needed)',
        learnMoreUrl: LEARN_MORE,
        data: { value },
      }),
    ];
  }
  return [];
}

export const xPermittedCrossDomainPoliciesCheck: TabgradeCheck = {
  id: 'x-permitted-cross-domain-policies',
  title: 'X-Permitted-Cross-Domain-Policies',
  group: 'server',
  needs: ['document', 'probes'],
  possibleFindings: ['xpcdp-missing-with-policy-file', 'xpcdp-invalid', 'xpcdp-all'],
  run: judge,
};
