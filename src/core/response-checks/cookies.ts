/**
 * Cookies set by any response, judged exactly as the full report judges the page's own
 * (`cookies-in-depth`: advice by what the cookie is for, rules browsers enforce), by running
 * that check on this response alone. Chrome shows a sub-resource's Set-Cookie to
 * extensions only with `extraHeaders`, which the panel asks for while it is open.
 */
import { emptyCapture, type PageCapture } from '../capture';
import { cookiesInDepthCheck } from '../checks/tabgrade/cookies-in-depth';
import { setCookieLines } from '../cookies/set-cookie';
import { SEVERITY_ORDER } from '../findings';
import { headerValues } from '../headers';
import type { BadgeState, CheckedResponse, ResponseCheck } from './types';
import { quote } from './shared';

import { COOKIE_CHECK_ID } from './finding-kinds';

/** The response as a one-response page, so a page-level check can read it. */
function asPage(response: CheckedResponse, now: number): PageCapture {
  return { ...emptyCapture({ navigationId: 'response', tabId: null, url: response.url, startedAt: now }), document: response };
}

export const cookiesCheck: ResponseCheck = {
  id: 'cookies',
  title: 'Cookies this response sets',
  possibleFindings: cookiesInDepthCheck.possibleFindings ?? [],
  run(response, _kind, context) {
    const lines = setCookieLines(headerValues(response.headers, 'set-cookie'));
    if (lines.length === 0) return { badges: [], findings: [] };
    const findings = cookiesInDepthCheck.run(asPage(response, context.now), { now: context.now }).map((finding) => ({ ...finding, checkId: COOKIE_CHECK_ID }));
    const worst = findings.reduce((rank, finding) => Math.min(rank, SEVERITY_ORDER.indexOf(finding.severity)), SEVERITY_ORDER.length);
    const state: BadgeState = worst <= 1 ? 'bad' : worst === 2 ? 'warn' : 'ok';
    const names = lines.map((line) => quote(line.split('=')[0] ?? '', 40)).filter((name) => name !== '');
    return {
      badges: [{
        id: 'cookies',
        label: lines.length === 1 ? '1 cookie' : `${lines.length} cookies`,
        state,
        title: `Sets ${names.slice(0, 10).join(', ')}${names.length > 10 ? ' …' : ''}`,
      }],
      findings,
    };
  },
};
