/**
 * Observatory test `cookies`: are the site's cookies Secure, session cookies HttpOnly, and
 * SameSite used?
 * Mirrors MDN HTTP Observatory v1.6.3 `src/analyzer/tests/cookies.js`:
 * - the cookies are those its jar stored while loading the page (every response of the
 *   session's redirect chain — `observatory-jar.ts`); cookies set by `/robots.txt` or its
 *   CORS preflight do not count (those requests bypass the jar), nor do sub-resources';
 * - a "session" cookie is one whose name contains `login` or `sess`, an anti-CSRF one
 *   contains `csrf` (case-insensitive); `heroku-session-affinity` is ignored;
 * - a missing Secure flag is forgiven somewhat when the HSTS test passes;
 * - the raw `Set-Cookie` lines of the final response are also checked for a bad SameSite;
 * - the worst finding wins, in the Observatory's order.
 */
import type { PageCapture } from '../../capture';
import { headerValues } from '../../headers';
import { observatoryJar, type JarCookie } from '../../cookies/observatory-jar';
import { hasInvalidSameSite, setCookieLines } from '../../cookies/set-cookie';
import { cookieSessionResponses } from './scan-view';
import { scoreModifier } from './scoring';
import { strictTransportSecurityTest } from './strict-transport-security';
import type { ObservatoryContext, ObservatoryTest, ObservatoryTestResult } from './types';

export const COOKIES_RESULTS = [
  'cookies-secure-with-httponly-sessions-and-samesite',
  'cookies-secure-with-httponly-sessions',
  'cookies-not-found',
  'cookies-without-secure-flag-but-protected-by-hsts',
  'cookies-session-without-secure-flag-but-protected-by-hsts',
  'cookies-without-secure-flag',
  'cookies-samesite-flag-invalid',
  'cookies-anticsrf-without-samesite-flag',
  'cookies-session-without-httponly-flag',
  'cookies-session-without-secure-flag',
] as const;
export type CookiesResult = (typeof COOKIES_RESULTS)[number];

const EXPECTATION: CookiesResult = 'cookies-secure-with-httponly-sessions';

/** Findings from least to most severe (the Observatory's `goodness` list). */
const SEVERITY: readonly CookiesResult[] = [
  'cookies-without-secure-flag-but-protected-by-hsts',
  'cookies-without-secure-flag',
  'cookies-session-without-secure-flag-but-protected-by-hsts',
  'cookies-samesite-flag-invalid',
  'cookies-anticsrf-without-samesite-flag',
  'cookies-session-without-httponly-flag',
  'cookies-session-without-secure-flag',
];

/** Names the Observatory skips (see mozilla/http-observatory#282). */
const IGNORED_COOKIES: ReadonlySet<string> = new Set(['heroku-session-affinity']);

/** The Observatory's `onlyIfWorse`: keep the more severe of two findings. */
function worse(current: CookiesResult | null, candidate: CookiesResult): CookiesResult {
  if (current === null) return candidate;
  return SEVERITY.indexOf(candidate) > SEVERITY.indexOf(current) ? candidate : current;
}

export function isSessionCookieName(name: string): boolean {
  const lowered = name.toLowerCase();
  return lowered.includes('login') || lowered.includes('sess');
}

export function isAntiCsrfCookieName(name: string): boolean {
  return name.toLowerCase().includes('csrf');
}

/** The finding for a list of stored cookies (and the raw-line SameSite check's outcome). */
export function judgeCookies(
  cookies: readonly JarCookie[],
  invalidSameSiteLine: boolean,
  hstsPasses: boolean,
): { result: CookiesResult; sameSite: boolean } {
  let finding: CookiesResult | null = invalidSameSiteLine ? 'cookies-samesite-flag-invalid' : null;
  if (cookies.length === 0) return { result: 'cookies-not-found', sameSite: false };
  let missingSameSite = false;
  for (const cookie of cookies) {
    const session = isSessionCookieName(cookie.name);
    if (!cookie.secure && cookie.sameSite === 'none') finding = worse(finding, 'cookies-samesite-flag-invalid');
    if (!cookie.secure) finding = worse(finding, hstsPasses ? 'cookies-without-secure-flag-but-protected-by-hsts' : 'cookies-without-secure-flag');
    if (isAntiCsrfCookieName(cookie.name) && cookie.sameSite === null) finding = worse(finding, 'cookies-anticsrf-without-samesite-flag');
    if (session && !cookie.secure) {
      finding = worse(finding, hstsPasses ? 'cookies-session-without-secure-flag-but-protected-by-hsts' : 'cookies-session-without-secure-flag');
    }
    if (session && !cookie.httpOnly) finding = worse(finding, 'cookies-session-without-httponly-flag');
    if (cookie.sameSite === null) missingSameSite = true;
  }
  if (finding !== null) return { result: finding, sameSite: false };
  return missingSameSite
    ? { result: 'cookies-secure-with-httponly-sessions', sameSite: false }
    : { result: 'cookies-secure-with-httponly-sessions-and-samesite', sameSite: true };
}

/** Cookie details for the report, in the shape of the Observatory's `data` (as a list). */
function describe(cookie: JarCookie): Record<string, unknown> {
  return {
    name: cookie.name,
    domain: cookie.domain,
    expires: cookie.expires === null ? null : new Date(cookie.expires).toISOString(),
    httponly: cookie.httpOnly,
    'max-age': cookie.maxAge,
    path: cookie.path,
    samesite: cookie.sameSite,
    secure: cookie.secure,
  };
}

export const cookiesTest: ObservatoryTest = {
  name: 'cookies',
  title: 'Cookies',
  needs: ['document', 'redirects'],
  possibleResults: COOKIES_RESULTS,
  run(capture: PageCapture, context: ObservatoryContext): ObservatoryTestResult {
    const notes: string[] = [];
    const responses = cookieSessionResponses(capture);
    const cookies = observatoryJar(
      responses.map((response) => ({ url: response.url, setCookieLines: setCookieLines(headerValues(response.headers, 'set-cookie')) })),
    ).filter((cookie) => cookie.name !== '' && !IGNORED_COOKIES.has(cookie.name));

    // The raw SameSite check reads only the final response (the Observatory's `responses.auto`).
    const finalLines = capture.document ? setCookieLines(headerValues(capture.document.headers, 'set-cookie')) : [];
    const invalidSameSiteLine = finalLines.some(hasInvalidSameSite);

    const hstsPasses = context.assumeHstsPasses === true || strictTransportSecurityTest.run(capture, context).pass;
    const { result, sameSite } = judgeCookies(cookies, invalidSameSiteLine, hstsPasses);

    if (!capture.document) notes.push('No document response yet: no cookies could be read.');
    if (capture.redirects.some((hop) => hop.internal)) {
      notes.push('The browser made part of the redirect chain itself, so cookies the server would set on that hop were not seen.');
    }
    if (result !== 'cookies-not-found' && !hstsPasses && cookies.some((cookie) => !cookie.secure)) {
      notes.push('Cookies without Secure are judged more harshly because the HSTS test does not pass.');
    }

    // The Observatory leaves the details out past ~2,200 cookies (its size guard).
    const details = cookies.length * '[object Object]'.length < 32_768 ? cookies.map(describe) : null;
    return {
      name: 'cookies',
      result,
      expectation: EXPECTATION,
      pass: result === EXPECTATION || result === 'cookies-not-found' || result === 'cookies-secure-with-httponly-sessions-and-samesite',
      scoreModifier: scoreModifier('cookies', result),
      data: { cookies: details, sameSite },
      notes,
    };
  },
};
