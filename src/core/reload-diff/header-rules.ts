/**
 * What a change of each header means between two loads of the same URL, as data: which
 * headers protect (adding one is better), which disclose (removing one is better), which
 * change on every response and are never compared, and the short name people use.
 * Sources: MDN's header reference; the Observatory's tested headers; OWASP Secure Headers
 * Project's "remove" list for disclosure headers (2024). Names are lower-case.
 */

export type HeaderPolarity = 'protective' | 'disclosure' | 'neutral';

export interface HeaderRule {
  /** How the change is written: "HSTS added". */
  label: string;
  polarity: HeaderPolarity;
}

export const HEADER_RULES: Readonly<Record<string, HeaderRule>> = {
  'content-security-policy': { label: 'CSP', polarity: 'protective' },
  'content-security-policy-report-only': { label: 'CSP report-only', polarity: 'neutral' },
  'strict-transport-security': { label: 'HSTS', polarity: 'protective' },
  'x-content-type-options': { label: 'X-Content-Type-Options', polarity: 'protective' },
  'x-frame-options': { label: 'X-Frame-Options', polarity: 'protective' },
  'referrer-policy': { label: 'Referrer-Policy', polarity: 'protective' },
  'permissions-policy': { label: 'Permissions-Policy', polarity: 'protective' },
  'cross-origin-opener-policy': { label: 'COOP', polarity: 'protective' },
  'cross-origin-embedder-policy': { label: 'COEP', polarity: 'protective' },
  'cross-origin-resource-policy': { label: 'CORP', polarity: 'protective' },
  'x-permitted-cross-domain-policies': { label: 'X-Permitted-Cross-Domain-Policies', polarity: 'protective' },
  'origin-agent-cluster': { label: 'Origin-Agent-Cluster', polarity: 'protective' },
  'access-control-allow-origin': { label: 'CORS allowed origin', polarity: 'neutral' },
  'access-control-allow-credentials': { label: 'CORS credentials', polarity: 'neutral' },
  'access-control-allow-methods': { label: 'CORS methods', polarity: 'neutral' },
  'access-control-allow-headers': { label: 'CORS headers', polarity: 'neutral' },
  'access-control-expose-headers': { label: 'CORS exposed headers', polarity: 'neutral' },
  'content-type': { label: 'Content-Type', polarity: 'neutral' },
  'cache-control': { label: 'Cache-Control', polarity: 'neutral' },
  'clear-site-data': { label: 'Clear-Site-Data', polarity: 'neutral' },
  'server': { label: 'Server', polarity: 'disclosure' },
  'x-powered-by': { label: 'X-Powered-By', polarity: 'disclosure' },
  'x-aspnet-version': { label: 'X-AspNet-Version', polarity: 'disclosure' },
  'x-aspnetmvc-version': { label: 'X-AspNetMvc-Version', polarity: 'disclosure' },
  'x-generator': { label: 'X-Generator', polarity: 'disclosure' },
  'x-xss-protection': { label: 'X-XSS-Protection', polarity: 'neutral' },
};

/**
 * Headers that differ between any two responses (clocks, sizes, cache validators, request
 * and trace ids, CDN hops): comparing them would bury the real changes.
 */
export const VOLATILE_HEADERS: ReadonlySet<string> = new Set([
  'date', 'age', 'expires', 'last-modified', 'etag', 'content-length', 'keep-alive', 'connection',
  'transfer-encoding', 'server-timing', 'x-request-id', 'x-correlation-id', 'request-id', 'x-trace-id',
  'traceparent', 'tracestate', 'cf-ray', 'x-amz-cf-id', 'x-amz-cf-pop', 'x-amz-request-id', 'x-amz-id-2',
  'x-cache', 'x-cache-hits', 'x-served-by', 'x-timer', 'x-runtime', 'x-response-time', 'via',
  'x-tabgrade-dropped-headers', 'report-to', 'nel',
]);

/** CSP sources whose arrival weakens a directive, and whose departure strengthens it. */
export const WEAKENING_CSP_SOURCES: ReadonlySet<string> = new Set([
  "'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'http:', 'https:', 'data:', 'blob:',
]);
