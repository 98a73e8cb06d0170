/**
 * Which cookies end up in the MDN HTTP Observatory's cookie jar for a chain of responses.
 *
 * The Observatory counts what tough-cookie 5 *stores* (it serialises the whole jar), not
 * every `Set-Cookie` it receives. Its jar (`new CookieJar()`, errors ignored) drops:
 * - lines that do not parse (see `parseSetCookie`);
 * - a `Domain` that is a public suffix (ICANN or private list) or that the request host
 *   does not domain-match (an IP-address host only matches itself);
 * - `__Secure-` cookies without `Secure`, `__Host-` cookies without `Secure`, with a
 *   `Domain`, or whose path is not `/` (the default path counts).
 * It does NOT drop expired cookies (`Max-Age=0` "deletions" stay in the jar and are
 * counted), and a later cookie with the same name, domain and path replaces the earlier
 * one in place.
 */
import { isPublicSuffixCookieDomain } from '../domains';
import { parseSetCookie, type ParsedSetCookie } from './set-cookie';

export interface JarCookie extends ParsedSetCookie {
  /** The cookie's domain: its `Domain` attribute, or the request host for a host-only cookie. */
  domain: string;
  path: string;
  hostOnly: boolean;
}

/** One response whose cookies the jar takes: the URL it answered and its cookie lines. */
export interface CookieSettingResponse {
  url: string;
  setCookieLines: readonly string[];
}

const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)){3}$/;

function isIpAddress(host: string): boolean {
  return IPV4.test(host) || host.includes(':');
}

/** Canonical form of a cookie domain: punycode, lower case (RFC 6265 §5.1.2). */
function canonicalDomain(domain: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0001-\u007f]/.test(domain)) return domain.toLowerCase();
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return domain.toLowerCase();
  }
}

/** RFC 6265 §5.1.3 domain-match, tough-cookie's reading. */
function domainMatches(host: string, cookieDomain: string): boolean {
  if (host === cookieDomain) return true;
  const at = host.lastIndexOf(cookieDomain);
  if (at <= 0 || host.length !== cookieDomain.length + at) return false;
  if (host[at - 1] !== '.') return false;
  return !isIpAddress(host);
}

/** RFC 6265 §5.1.4 default-path of a request path. */
function defaultPath(requestPath: string): string {
  if (!requestPath.startsWith('/') || requestPath === '/') return '/';
  const lastSlash = requestPath.lastIndexOf('/');
  return lastSlash === 0 ? '/' : requestPath.slice(0, lastSlash);
}

/** The cookie as the jar would store it for a response from `url`, or null when dropped. */
export function acceptCookie(parsed: ParsedSetCookie, url: URL): JarCookie | null {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  let domain = host;
  let hostOnly = true;
  if (parsed.domain !== null) {
    const cookieDomain = canonicalDomain(parsed.domain);
    if (!cookieDomain.includes(':') && isPublicSuffixCookieDomain(cookieDomain)) return null;
    if (!domainMatches(host, cookieDomain)) return null;
    domain = cookieDomain;
    hostOnly = false;
  }
  const path = parsed.path !== null && parsed.path.startsWith('/') ? parsed.path : defaultPath(url.pathname);
  if (parsed.name.startsWith('__Secure-') && !parsed.secure) return null;
  if (parsed.name.startsWith('__Host-') && !(parsed.secure && hostOnly && path === '/')) return null;
  // `{ ...parsed, domain, path, hostOnly }`, written out: spreading is several times slower here.
  return {
    name: parsed.name,
    value: parsed.value,
    expires: parsed.expires,
    maxAge: parsed.maxAge,
    domain,
    path,
    secure: parsed.secure,
    httpOnly: parsed.httpOnly,
    sameSite: parsed.sameSite,
    hostOnly,
  };
}

/** The jar's contents after taking the cookies of `responses` in order. */
export function observatoryJar(responses: readonly CookieSettingResponse[]): JarCookie[] {
  const jar = new Map<string, JarCookie>();
  for (const response of responses) {
    let url: URL;
    try {
      url = new URL(response.url);
    } catch {
      continue;
    }
    for (const line of response.setCookieLines) {
      const parsed = parseSetCookie(line);
      if (!parsed) continue;
      const cookie = acceptCookie(parsed, url);
      if (!cookie) continue;
      // Same key as tough-cookie's store: domain, path and name (length-prefixed, so no two
      // triples share a key). Map.set keeps the first position.
      jar.set(`${cookie.domain.length}:${cookie.domain}${cookie.path.length}:${cookie.path}${cookie.name}`, cookie);
    }
  }
  return [...jar.values()];
}
