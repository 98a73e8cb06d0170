/**
 * Registrable domains ("eTLD+1") and public suffixes, the two ways the MDN HTTP Observatory
 * uses the Public Suffix List. Both come from `tldts`, the library the Observatory itself
 * uses (directly in its SRI test, through tough-cookie for cookies), so the answers agree.
 */
import { getDomain } from 'tldts';

/**
 * The registrable domain the Observatory's SRI test compares: `tldts.parse(input).domain`
 * with default options, i.e. ICANN suffixes only (`a.github.io` and `b.github.io` share
 * `github.io`). `input` may be a URL or a host name, exactly as the test passes it; an IP
 * address or an unparseable input gives null.
 */
export function sriRegistrableDomain(input: string): string | null {
  // `getDomain` runs the same steps as `parse` up to the domain, and stops there.
  return getDomain(input);
}

/**
 * True when a cookie `Domain` attribute names a public suffix, so tough-cookie's jar (the
 * one the Observatory uses, `rejectPublicSuffixes` on, `allowSpecialUseDomain` on) drops
 * the cookie. It checks ICANN and private suffixes (`Domain=github.io` is dropped), and
 * lets special-use names such as `app.localhost` or `localhost` through.
 */
export function isPublicSuffixCookieDomain(domain: string): boolean {
  const labels = domain.split('.');
  const topLevel = labels[labels.length - 1] ?? '';
  if (SPECIAL_USE_DOMAINS.has(topLevel)) {
    if (labels.length > 1) return false;
    if (topLevel === 'localhost' || topLevel === 'invalid') return false;
  }
  return getDomain(domain, { allowIcannDomains: true, allowPrivateDomains: true }) === null;
}

/** RFC 6761 special-use top-level names, as tough-cookie lists them. */
const SPECIAL_USE_DOMAINS: ReadonlySet<string> = new Set(['local', 'example', 'invalid', 'localhost', 'test']);
