/**
 * Clear-Site-Data: informational only. It belongs on the response to a logout, where it
 * wipes the session's cookies, storage and cache (W3C Clear Site Data §3). It is never
 * demanded on ordinary pages — there it would log users out or empty their cache on every
 * visit — so a missing header is reported only on what looks like a logout URL.
 *
 * Syntax: a comma-separated list of quoted strings ("cache", "cookies", …); unquoted
 * types are ignored. Browsers honour it only in secure contexts.
 */
import type { HttpHeader, PageCapture } from '../../capture';
import type { Finding, TabgradeCheck } from '../../findings';
import { joinedHeader } from '../../headers';
import { clip, findingMaker, isSecureContextUrl, MDN_HEADERS } from './shared';

/** Types from the spec plus those Chromium adds (clientHints, prefetchCache, prerenderCache). */
export const CLEAR_SITE_DATA_TYPES = ['cache', 'cookies', 'storage', 'executionContexts', 'clientHints', 'prefetchCache', 'prerenderCache', '*'] as const;
/** Types that end a login session when sent on an ordinary page. */
const SESSION_ENDING: ReadonlySet<string> = new Set(['cookies', 'storage', '*']);

const LEARN_MORE = `${MDN_HEADERS}/Clear-Site-Data`;
const RECOMMENDED = '"cache", "cookies", "storage"';
const LOGOUT_PATH = /(?:^|[/_.-])(?:log-?out|sign-?out|log_out|sign_out|logoff)(?:$|[/_.?-])/i;
const make = findingMaker('clear-site-data', 'application');

export interface ClearSiteDataValue {
  /** Recognised types, as written. */
  types: string[];
  /** Entries that are not quoted or not known, verbatim. */
  ignored: string[];
}

/** The types a browser would act on; entries must be double-quoted known types. */
export function parseClearSiteData(value: string): ClearSiteDataValue {
  const types: string[] = [];
  const ignored: string[] = [];
  for (const piece of value.split(',')) {
    const entry = piece.trim();
    if (entry === '') continue;
    const quoted = /^"([^"]*)"$/.exec(entry);
    const type = quoted?.[1];
    if (type !== undefined && (CLEAR_SITE_DATA_TYPES as readonly string[]).includes(type)) types.push(type);
    else ignored.push(clip(entry, 80));
  }
  return { types, ignored };
}

function isLogoutUrl(url: string): boolean {
  try {
    return LOGOUT_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

function secure(url: string): boolean {
  try {
    return isSecureContextUrl(new URL(url));
  } catch {
    return false;
  }
}

/** The responses of the navigation: redirect hops (a logout is usually one) then the document. */
function responses(capture: PageCapture): Array<{ url: string; headers: readonly HttpHeader[] }> {
  const list: Array<{ url: string; headers: readonly HttpHeader[] }> = capture.redirects
    .filter((hop) => !hop.internal)
    .map((hop) => ({ url: hop.url, headers: hop.headers }));
  if (capture.document) list.push({ url: capture.document.url, headers: capture.document.headers });
  return list;
}

function judge(capture: PageCapture): Finding[] {
  const findings: Finding[] = [];
  let sawLogout = false;
  let logoutCleared = false;
  for (const response of responses(capture)) {
    const logout = isLogoutUrl(response.url);
    sawLogout ||= logout;
    const raw = joinedHeader(response.headers, 'clear-site-data');
    if (raw === null) continue;
    const parsed = parseClearSiteData(raw);
    if (logout && parsed.types.length > 0) logoutCleared = true;

    if (!secure(response.url)) {
      findings.push(
        make({
          id: 'clear-site-data-insecure-context',
          severity: 'info',
          title: 'Clear-Site-Data is ignored on plain HTTP',
          detail: 'Browsers act on Clear-Site-Data only over HTTPS (secure contexts), so this response clears nothing.',
          subject: clip(response.url),
          recommendation: 'Serve the logout over HTTPS',
          learnMoreUrl: LEARN_MORE,
          data: { value: clip(raw) },
        }),
      );
      continue;
    }
    if (parsed.types.length === 0) {
      findings.push(
        make({
          id: 'clear-site-data-invalid',
          severity: 'low',
          title: 'Clear-Site-Data has no type a browser recognises',
          detail: `Each type must be a double-quoted string such as "cookies"; unquoted or unknown types are ignored, so this header clears nothing. Known types: ${CLEAR_SITE_DATA_TYPES.map((type) => `"${type}"`).join(', ')}.`,
          subject: clip(response.url),
          recommendation: `Clear-Site-Data: ${RECOMMENDED}`,
          learnMoreUrl: LEARN_MORE,
          data: { value: clip(raw), ignored: parsed.ignored },
        }),
      );
      continue;
    }
    if (!logout && parsed.types.some((type) => SESSION_ENDING.has(type))) {
      findings.push(
        make({
          id: 'clear-site-data-on-regular-page',
          severity: 'info',
          title: 'Clear-Site-Data is sent on a page that does not look like a logout',
          detail:
            'Clear-Site-Data with "cookies", "storage" or "*" ends the session and wipes the site’s storage whenever this response is loaded. It belongs on the logout response only. Ignore this if the URL is in fact your logout endpoint.',
          subject: clip(response.url),
          recommendation: 'Send Clear-Site-Data only on the logout response',
          learnMoreUrl: LEARN_MORE,
          data: { value: clip(raw), types: parsed.types },
        }),
      );
    }
  }

  if (sawLogout && !logoutCleared) {
    findings.push(
      make({
        id: 'clear-site-data-missing-on-logout',
        severity: 'info',
        title: 'The logout response does not send Clear-Site-Data',
        detail:
          'On logout, Clear-Site-Data tells the browser to drop the site’s cookies, storage and cached pages, so that the next person at a shared computer cannot press Back into the account. It complements, never replaces, ending the session on the server.',
        subject: 'Clear-Site-Data',
        recommendation: `Clear-Site-Data: ${RECOMMENDED} (on the logout response only)`,
        learnMoreUrl: LEARN_MORE,
      }),
    );
  }
  return findings;
}

export const clearSiteDataCheck: TabgradeCheck = {
  id: 'clear-site-data',
  title: 'Clear-Site-Data',
  group: 'application',
  needs: ['document', 'redirects'],
  possibleFindings: ['clear-site-data-insecure-context', 'clear-site-data-invalid', 'clear-site-data-on-regular-page', 'clear-site-data-missing-on-logout'],
  run: judge,
};
