/**
 * Cross-Origin-Embedder-Policy: only judged when the site sends it.
 *
 * COEP exists to make a page cross-origin isolated (with COOP: same-origin), which unlocks
 * SharedArrayBuffer and precise timers. A page that needs neither loses nothing without it,
 * so a missing COEP is never reported — demanding it would be a false alarm. What is
 * reported is the cost of `require-corp` (every cross-origin subresource must opt in with
 * CORP or CORS, so third-party embeds break), an unparseable value, and COEP sent without
 * the COOP it needs to have any effect. Like COOP it is a structured-field token (HTML
 * §7.1.4) and is ignored outside secure contexts.
 */
import { parseItem, Token } from 'structured-headers';
import type { PageCapture } from '../../capture';
import type { Finding, TabgradeCheck } from '../../findings';
import { joinedHeader } from '../../headers';
import { parseCoop } from './cross-origin-opener-policy';
import { clip, documentHeaders, documentUrl, findingMaker, isHtmlDocument, isSecureContextUrl, MDN_HEADERS } from './shared';

export const COEP_VALUES = ['require-corp', 'credentialless', 'unsafe-none'] as const;
export type CoepValue = (typeof COEP_VALUES)[number];

const LEARN_MORE = `${MDN_HEADERS}/Cross-Origin-Embedder-Policy`;
const make = findingMaker('cross-origin-embedder-policy', 'server');

/** The COEP value a browser would apply, or null when the header does not parse. */
export function parseCoep(value: string): CoepValue | null {
  try {
    const [bare] = parseItem(value);
    if (!(bare instanceof Token)) return null;
    const token = bare.toString();
    return (COEP_VALUES as readonly string[]).includes(token) ? (token as CoepValue) : null;
  } catch {
    return null;
  }
}

function judge(capture: PageCapture): Finding[] {
  if (!isHtmlDocument(capture) || !isSecureContextUrl(documentUrl(capture))) return [];
  const headers = documentHeaders(capture);
  const raw = joinedHeader(headers, 'cross-origin-embedder-policy');
  if (raw === null) return [];

  const value = parseCoep(raw);
  if (value === null) {
    return [
      make({
        id: 'coep-invalid',
        severity: 'low',
        title: 'Cross-Origin-Embedder-Policy is not valid, so browsers ignore it',
        detail: `The value must be one token: ${COEP_VALUES.join(', ')}. An unparseable COEP (or one sent twice) leaves the page without cross-origin isolation. If the page does not need isolation (SharedArrayBuffer, precise timers), remove the header instead.`,
        subject: 'Cross-Origin-Embedder-Policy',
        recommendation: 'Cross-Origin-Embedder-Policy: credentialless (or remove it if isolation is not needed)',
        learnMoreUrl: LEARN_MORE,
        data: { value: clip(raw) },
      }),
    ];
  }

  const findings: Finding[] = [];
  if (value === 'require-corp') {
    findings.push(
      make({
        id: 'coep-require-corp-breaks-embeds',
        severity: 'info',
        title: 'COEP require-corp blocks third-party content that does not opt in',
        detail:
          'With require-corp, every cross-origin image, script, frame or video must send Cross-Origin-Resource-Policy or be loaded with CORS, or the browser blocks it: third-party embeds such as video players, maps, ads and widgets commonly break. This is fine when you control every subresource; otherwise credentialless gives the same isolation by loading cross-origin no-cors resources without cookies.',
        subject: 'Cross-Origin-Embedder-Policy',
        recommendation: 'Cross-Origin-Embedder-Policy: credentialless',
        learnMoreUrl: LEARN_MORE,
        data: { value },
      }),
    );
  }
  if (value !== 'unsafe-none') {
    const coopRaw = joinedHeader(headers, 'cross-origin-opener-policy');
    const coop = coopRaw === null ? null : parseCoop(coopRaw);
    if (coop !== 'same-origin') {
      findings.push(
        make({
          id: 'coep-without-coop-same-origin',
          severity: 'info',
          title: 'COEP is set but the page is not cross-origin isolated',
          detail:
            'Cross-origin isolation (self.crossOriginIsolated, needed for SharedArrayBuffer) requires both COEP and Cross-Origin-Opener-Policy: same-origin. With COEP alone the page pays the cost of COEP without the benefit. If isolation is not the goal, COEP can be removed.',
          subject: 'Cross-Origin-Embedder-Policy',
          recommendation: 'Cross-Origin-Opener-Policy: same-origin',
          learnMoreUrl: LEARN_MORE,
          data: { coep: value, coop: coopRaw === null ? null : clip(coopRaw) },
        }),
      );
    }
  }
  return findings;
}

export const crossOriginEmbedderPolicyCheck: TabgradeCheck = {
  id: 'cross-origin-embedder-policy',
  title: 'Cross-Origin-Embedder-Policy',
  group: 'server',
  needs: ['document'],
  possibleFindings: ['coep-invalid', 'coep-require-corp-breaks-embeds', 'coep-without-coop-same-origin'],
  // Algorithm 6 scores COEP and reports an invalid value itself; the costs and the missing COOP are Tabgrade's to say.
  saidByObservatoryTest: { 'coep-invalid': 'cross-origin-embedder-policy' },
  run: judge,
};
