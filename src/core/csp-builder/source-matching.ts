/**
 * Does a URL match a CSP source list? The algorithm of CSP3 §6.7.2.5–§6.7.2.8 ("Does url
 * match expression in origin"), for the requests Tabgrade sees: `*`, scheme sources,
 * host sources (with `*.` wildcards, ports and paths) and `'self'`. Keywords, nonces and
 * hashes never match a URL; they are the caller's business (`would-block.ts`).
 */

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'ftp:': '21' };

function portOf(url: URL): string {
  return url.port !== '' ? url.port : (DEFAULT_PORTS[url.protocol] ?? '');
}

/** CSP3 §6.7.2.6 "scheme-part match": `http:` also matches https, `ws:` also ws/wss/http/https, `wss:` also https. */
export function schemePartMatches(expression: string, scheme: string): boolean {
  const a = expression.toLowerCase();
  const b = scheme.toLowerCase();
  if (a === 'http') return b === 'http' || b === 'https';
  if (a === 'ws') return b === 'ws' || b === 'wss' || b === 'http' || b === 'https';
  if (a === 'wss') return b === 'wss' || b === 'https';
  return a === b;
}

/** CSP3 §6.7.2.7 "host-part match": `*.example.com` matches subdomains only; otherwise exact. */
function hostPartMatches(pattern: string, host: string): boolean {
  const a = pattern.toLowerCase();
  const b = host.toLowerCase();
  if (a.startsWith('*.')) return b.endsWith(a.slice(1));
  return a === b;
}

/** CSP3 "port-part match", including the http→https upgrade (80 matches 443). */
function portPartMatches(pattern: string | null, url: URL): boolean {
  const port = portOf(url);
  if (pattern === null) return port === DEFAULT_PORTS[url.protocol];
  if (pattern === '*') return true;
  if (pattern === port) return true;
  return pattern === '80' && port === '443';
}

function pathPartMatches(pattern: string, url: URL): boolean {
  if (pattern === '' || pattern === '/') return true;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  const wanted = (() => {
    try {
      return decodeURIComponent(pattern);
    } catch {
      return pattern;
    }
  })();
  return wanted.endsWith('/') ? path.startsWith(wanted) : path === wanted;
}

const HOST_SOURCE = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|\*\.[^:/]+|[^:/*]+)(?::(\d+|\*))?(\/.*)?$/i;

/** Whether `url` (as a fetch would request it) matches one source `expression` of a policy protecting `self`. */
export function urlMatchesExpression(expression: string, url: URL, self: URL): boolean {
  const lower = expression.toLowerCase();
  const scheme = url.protocol.slice(0, -1);
  if (lower === '*') {
    // `*` is every network scheme, or the protected resource's own scheme; never data:/blob:.
    return ['http', 'https', 'ws', 'wss'].includes(scheme) || url.protocol === self.protocol;
  }
  if (lower === "'self'") {
    if (url.origin === self.origin && url.origin !== 'null') return true;
    if (url.hostname !== self.hostname) return false;
    const samePort = portOf(url) === portOf(self) || (url.port === '' && self.port === '');
    if (!samePort) return false;
    return scheme === 'https' || scheme === 'wss' || (self.protocol === 'http:' && (scheme === 'http' || scheme === 'ws'));
  }
  if (lower.startsWith("'")) return false;
  if (/^[a-z][a-z0-9+.-]*:$/.test(lower)) return schemePartMatches(lower.slice(0, -1), scheme);
  const match = HOST_SOURCE.exec(expression);
  if (match === null) return false;
  const [, expressionScheme, host = '', port, path] = match;
  if (expressionScheme !== undefined) {
    if (!schemePartMatches(expressionScheme, scheme)) return false;
  } else if (!schemePartMatches(self.protocol.slice(0, -1), scheme)) {
    return false;
  }
  if (host === '*') {
    // A lone `*` host with a scheme or port (`https://*`): any host.
  } else if (!hostPartMatches(host, url.hostname.replace(/^\[|\]$/g, ''))) {
    return false;
  }
  if (!portPartMatches(port ?? null, url)) return false;
  return pathPartMatches(path ?? '', url);
}

/** Whether `url` matches any expression of `sources` (an empty list, or `'none'`, matches nothing). */
export function urlMatchesSourceList(sources: readonly string[], url: URL, self: URL): boolean {
  return sources.some((source) => urlMatchesExpression(source, url, self));
}
