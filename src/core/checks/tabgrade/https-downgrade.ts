/**
 * A navigation that starts on `https://` and ends on `http://`: the redirect hands the
 * user, and every cookie without `Secure`, to anyone on the network path. The Observatory
 * still grades the final response's headers; Tabgrade says plainly what happened.
 */
import type { PageCapture } from '../../capture';
import type { Finding, TabgradeCheck } from '../../findings';
import { clip, findingMaker } from './shared';

export const HTTPS_DOWNGRADE_CHECK_ID = 'https-downgrade';
const make = findingMaker(HTTPS_DOWNGRADE_CHECK_ID, 'transport');

function protocolOf(url: string, base?: string): string | null {
  try {
    return new URL(url, base).protocol;
  } catch {
    return null;
  }
}

/** The first hop that leaves HTTPS for plain HTTP, as `[from, to]`. */
function firstDowngrade(capture: PageCapture): [string, string] | null {
  for (const hop of capture.redirects) {
    if (protocolOf(hop.url) === 'https:' && protocolOf(hop.location, hop.url) === 'http:') return [hop.url, hop.location];
  }
  // A chain the browser did not report hop by hop still shows in where it started and ended.
  const finalUrl = capture.document?.url ?? capture.url;
  if (protocolOf(capture.requestedUrl) === 'https:' && protocolOf(finalUrl) === 'http:') return [capture.requestedUrl, finalUrl];
  return null;
}

export function httpsDowngradeFindings(capture: PageCapture): Finding[] {
  const downgrade = firstDowngrade(capture);
  if (downgrade === null) return [];
  const [from, to] = downgrade;
  return [
    make({
      id: 'https-downgrade-redirect',
      severity: 'high',
      title: 'HTTPS redirects to plain HTTP',
      detail: `The navigation started on ${clip(from, 200)} and was redirected to ${clip(to, 200)}, so the page arrives unencrypted: anyone on the network path can read and change it, and HSTS cannot protect a site that sends its users to HTTP.`,
      subject: clip(to, 200),
      recommendation: 'Redirect to https:// only; serve the final page over HTTPS.',
      learnMoreUrl: 'https://developer.mozilla.org/en-US/docs/Web/Security/Practical_implementation_guides/TLS#http_redirections',
      data: { from: clip(from), to: clip(to) },
    }),
  ];
}

export const httpsDowngradeCheck: TabgradeCheck = {
  id: HTTPS_DOWNGRADE_CHECK_ID,
  title: 'HTTPS that redirects to plain HTTP',
  group: 'transport',
  needs: ['document', 'redirects'],
  run: httpsDowngradeFindings,
  possibleFindings: ['https-downgrade-redirect'],
};
