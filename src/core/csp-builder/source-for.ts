/**
 * The narrowest source expression that allows one URL: `'self'` for the page's own origin,
 * else the exact origin (`https://cdn.example.com`, with a port when it is not the
 * default). Never a whole scheme (`https:`) or a wildcard host: a policy that allows
 * "any HTTPS host" allows every attacker's host too (the Observatory counts `https:` as
 * unsafe for scripts, and CSP Evaluator flags it).
 */
import { urlMatchesExpression } from './source-matching';

/** Schemes whose URLs are allowed by a scheme source only (they carry no host). */
const SCHEME_ONLY: ReadonlySet<string> = new Set(['data:', 'blob:']);
const NETWORK: ReadonlySet<string> = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** Parses `raw` against `base`; null for anything that is not a URL a policy can govern. */
export function resolveUrl(raw: string, base: string): URL | null {
  try {
    const url = new URL(raw, base);
    return NETWORK.has(url.protocol) || SCHEME_ONLY.has(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

/** The expression to write for `url` in a policy protecting `self`; null when none is needed or possible. */
export function sourceFor(url: URL, self: URL): string | null {
  if (SCHEME_ONLY.has(url.protocol)) return url.protocol;
  if (!NETWORK.has(url.protocol)) return null;
  if (urlMatchesExpression("'self'", url, self)) return "'self'";
  // `url.host` is already normalised by the URL parser: lower-case, default port dropped, IPv6 in brackets.
  return `${url.protocol}//${url.host}`;
}
