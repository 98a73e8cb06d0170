/**
 * The cookies a navigation set: every `Set-Cookie` of the redirect hops and of the final
 * document, parsed with the shared RFC 6265 parser (`cookies/set-cookie.ts`). Unlike the
 * Observatory's jar this keeps every line, including deletions, and leaves the judging to
 * the checks.
 */
import type { HttpHeader, PageCapture } from '../../capture';
import { parseSetCookie, setCookieLines, type ParsedSetCookie } from '../../cookies/set-cookie';
import { headerValues } from '../../headers';

export interface NavigationCookie {
  cookie: ParsedSetCookie;
  /** The response that set it. */
  url: string;
  /** True when it came from the final document rather than a redirect hop. */
  fromDocument: boolean;
}

function responses(capture: PageCapture): Array<{ url: string; headers: readonly HttpHeader[]; fromDocument: boolean }> {
  // Internal (browser-made) hops never reached the server, so they set nothing.
  const list = capture.redirects.filter((hop) => !hop.internal).map((hop) => ({ url: hop.url, headers: hop.headers, fromDocument: false }));
  if (capture.document) list.push({ url: capture.document.url, headers: capture.document.headers, fromDocument: true });
  return list;
}

/** Every parseable cookie the navigation's responses set, in order. */
export function navigationCookies(capture: PageCapture): NavigationCookie[] {
  const cookies: NavigationCookie[] = [];
  for (const response of responses(capture)) {
    for (const line of setCookieLines(headerValues(response.headers, 'set-cookie'))) {
      const cookie = parseSetCookie(line);
      if (cookie) cookies.push({ cookie, url: response.url, fromDocument: response.fromDocument });
    }
  }
  return cookies;
}

/**
 * True when the line removes the cookie rather than setting it (`Max-Age` ≤ 0, or an
 * `Expires` in the past, RFC 6265 §5.3): a deletion needs no Secure or HttpOnly advice.
 */
export function isDeletion(cookie: ParsedSetCookie, now: number): boolean {
  if (cookie.maxAge !== null) return cookie.maxAge === '-Infinity' || (typeof cookie.maxAge === 'number' && cookie.maxAge <= 0);
  return cookie.expires !== null && cookie.expires <= now;
}
