/**
 * X-XSS-Protection: `0` or absent is right; anything that turns the filter on is not.
 *
 * The header drove the "XSS Auditor/Filter" of old Chrome, Edge and IE. Chrome removed it
 * in version 78 (2019), Edge with its move to Chromium, and Firefox never had one. In the
 * browsers that still honour it, the filter itself could be abused: `1; mode=block` lets an
 * attacker detect or block chosen scripts on the page (cross-site leaks), and plain `1`
 * could neuter legitimate inline code. OWASP and MDN therefore advise `0` or no header.
 * This is why Tabgrade never demands `1; mode=block` (a common scanner myth).
 */
import type { PageCapture } from '../../capture';
import type { Finding, TabgradeCheck } from '../../findings';
import { joinedHeader } from '../../headers';
import { clip, documentHeaders, findingMaker, MDN_HEADERS } from './shared';

const LEARN_MORE = `${MDN_HEADERS}/X-XSS-Protection`;
const OWASP = 'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html#x-xss-protection';
const make = findingMaker('x-xss-protection', 'server');

/** What the header asks for: the filter off, on, or something browsers do not understand. */
export function readXssProtection(value: string): 'off' | 'on' | 'invalid' {
  const first = value.split(';')[0]?.trim() ?? '';
  if (first === '0') return 'off';
  if (first === '1') return 'on';
  return 'invalid';
}

function judge(capture: PageCapture): Finding[] {
  const raw = joinedHeader(documentHeaders(capture), 'x-xss-protection');
  if (raw === null) return [];
  const mode = readXssProtection(raw);
  if (mode === 'off') return [];
  if (mode === 'invalid') {
    return [
      make({
        id: 'x-xss-protection-invalid',
        severity: 'info',
        title: 'X-XSS-Protection has a value browsers do not understand',
        detail: `The header is obsolete anyway: current browsers have no XSS filter. Send 0 or remove it; a Content-Security-Policy is what protects against XSS now. See ${OWASP}.`,
        subject: 'X-XSS-Protection',
        recommendation: 'X-XSS-Protection: 0 (or remove it)',
        learnMoreUrl: LEARN_MORE,
        data: { value: clip(raw) },
      }),
    ];
  }
  return [
    make({
      id: 'x-xss-protection-enabled',
      severity: 'low',
      title: 'X-XSS-Protection turns on the obsolete XSS filter',
      detail: `Chrome removed its XSS filter in version 78, Edge followed, and Firefox never had one, so this protects no modern visitor. In the old browsers that still obey it, the filter can be abused: mode=block lets another site probe for or switch off chosen scripts on the page, and 1 alone can break legitimate inline code. OWASP recommends 0 or no header, with a Content-Security-Policy against XSS. See ${OWASP}.`,
      subject: 'X-XSS-Protection',
      recommendation: 'X-XSS-Protection: 0 (or remove it)',
      learnMoreUrl: LEARN_MORE,
      data: { value: clip(raw) },
    }),
  ];
}

export const xXssProtectionCheck: TabgradeCheck = {
  id: 'x-xss-protection',
  title: 'X-XSS-Protection',
  group: 'server',
  needs: ['document'],
  possibleFindings: ['x-xss-protection-enabled', 'x-xss-protection-invalid'],
  run: judge,
};
