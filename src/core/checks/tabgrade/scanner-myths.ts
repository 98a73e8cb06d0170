/**
 * Scanner myths: things other header scanners still flag, and why Tabgrade does not.
 * Exported as data for the popup, which shows the matching note next to a finding or a
 * header (e.g. "Why no warning about HttpOnly on csrftoken?").
 *
 * Every entry cites the documentation it rests on (read 2026-11-26).
 */

export interface MythSource {
  title: string;
  url: string;
}

export interface ScannerMyth {
  id: string;
  /** What other scanners report. */
  claim: string;
  /** Why that advice is wrong or outdated. */
  reality: string;
  /** What Tabgrade does instead. */
  tabgrade: string;
  sources: readonly MythSource[];
  /** Headers the note is about (lower-case), so a view can show it beside them. */
  headers: readonly string[];
  /** Cookie names the note is about, when it concerns cookies. */
  cookies?: readonly string[];
}

export const SCANNER_MYTHS: readonly ScannerMyth[] = [
  {
    id: 'httponly-on-csrf-cookie',
    claim: 'The CSRF cookie (csrftoken, XSRF-TOKEN) must be HttpOnly.',
    reality:
      'A CSRF token only has to be unknown to other sites; the page’s own scripts may know it, and for Laravel (Axios), Angular and Spring’s cookie repository they must read it to send it back. Django documents that HttpOnly on its CSRF cookie “offers no practical protection”. Session cookies are a different matter and must be HttpOnly.',
    tabgrade: 'Asks CSRF cookies for Secure and SameSite only, and session cookies for HttpOnly too.',
    sources: [
      { title: 'Django settings: CSRF_COOKIE_HTTPONLY', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#csrf-cookie-httponly' },
      { title: 'Laravel: CSRF protection, X-XSRF-TOKEN', url: 'https://laravel.com/docs/csrf#csrf-x-xsrf-token' },
    ],
    headers: ['set-cookie'],
    cookies: ['csrftoken', 'XSRF-TOKEN', '_csrf', '__RequestVerificationToken'],
  },
  {
    id: 'public-key-pins-required',
    claim: 'Public-Key-Pins (HPKP) is missing.',
    reality: 'HPKP was removed from Chrome 72 and Firefox 72 and never existed in Safari. Sending it protects nobody and can lock visitors of old browsers out after a key change.',
    tabgrade: 'Never asks for it; suggests removing it when present.',
    sources: [{ title: 'MDN: HPKP', url: 'https://developer.mozilla.org/en-US/docs/Glossary/HPKP' }],
    headers: ['public-key-pins', 'public-key-pins-report-only'],
  },
  {
    id: 'x-xss-protection-mode-block',
    claim: 'X-XSS-Protection should be “1; mode=block”.',
    reality:
      'Browsers removed their XSS filters (Chrome 78, Chromium Edge; Firefox never had one). Where the filter survives it can be abused to leak information or disable scripts. OWASP and MDN recommend 0 or no header, and a Content-Security-Policy against XSS.',
    tabgrade: 'Accepts 0 or no header; flags 1 and 1; mode=block.',
    sources: [
      { title: 'OWASP HTTP Headers Cheat Sheet: X-XSS-Protection', url: 'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html#x-xss-protection' },
      { title: 'MDN: X-XSS-Protection', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/X-XSS-Protection' },
    ],
    headers: ['x-xss-protection'],
  },
  {
    id: 'expect-ct-required',
    claim: 'Expect-CT is missing.',
    reality: 'Certificate Transparency is required for all publicly trusted certificates, so Chrome removed Expect-CT in version 107; no other browser implemented it.',
    tabgrade: 'Never asks for it; calls it obsolete when present.',
    sources: [{ title: 'MDN: Expect-CT', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Expect-CT' }],
    headers: ['expect-ct'],
  },
  {
    id: 'feature-policy-required',
    claim: 'Feature-Policy is missing.',
    reality: 'Feature-Policy was renamed Permissions-Policy in 2020, with a different syntax.',
    tabgrade: 'Reviews Permissions-Policy instead, as a structured-field dictionary.',
    sources: [{ title: 'MDN: Permissions-Policy', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Permissions-Policy' }],
    headers: ['feature-policy', 'permissions-policy'],
  },
  {
    id: 'x-frame-options-with-frame-ancestors',
    claim: 'X-Frame-Options is missing although the CSP has frame-ancestors.',
    reality: 'CSP frame-ancestors supersedes X-Frame-Options: browsers that support it ignore X-Frame-Options when both are present.',
    tabgrade: 'The Observatory-compatible grade already counts frame-ancestors as framing protection; Tabgrade adds nothing on top.',
    sources: [{ title: 'MDN: CSP frame-ancestors', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy/frame-ancestors' }],
    headers: ['x-frame-options'],
  },
  {
    id: 'x-permitted-cross-domain-policies-required',
    claim: 'X-Permitted-Cross-Domain-Policies is missing.',
    reality: 'Only Adobe clients read cross-domain policy files, and Flash Player is gone. The header matters when the site publishes crossdomain.xml.',
    tabgrade: 'Mentions it only when /crossdomain.xml exists, or when the header says all.',
    sources: [{ title: 'OWASP Secure Headers Project', url: 'https://owasp.org/www-project-secure-headers/#x-permitted-cross-domain-policies' }],
    headers: ['x-permitted-cross-domain-policies'],
  },
  {
    id: 'server-header-present',
    claim: 'The Server header is present (e.g. “Server: nginx”).',
    reality: 'A bare product name is trivial to fingerprint anyway and browsers ignore it. A version number is worth hiding; the name alone is not a finding.',
    tabgrade: 'Reports the Server header only when it carries a version, or names a development server.',
    sources: [{ title: 'MDN: Server', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Server' }],
    headers: ['server'],
  },
  {
    id: 'coep-required',
    claim: 'Cross-Origin-Embedder-Policy is missing.',
    reality: 'COEP is needed only to make a page cross-origin isolated (SharedArrayBuffer, precise timers); require-corp breaks third-party embeds that do not opt in.',
    tabgrade: 'Never asks for COEP; explains its cost when present.',
    sources: [{ title: 'MDN: Cross-Origin-Embedder-Policy', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Cross-Origin-Embedder-Policy' }],
    headers: ['cross-origin-embedder-policy'],
  },
  {
    id: 'httponly-on-load-balancer-cookie',
    claim: 'Load-balancer or CDN cookies (AWSALB, ARRAffinity, __cf_bm) lack HttpOnly or Secure.',
    reality: 'These cookies pin a visitor to a server or carry bot-management state; they hold no user secret and are set by the platform, not the application.',
    tabgrade: 'Gives them no advice, except when an F5 BIG-IP cookie spells out an internal address.',
    sources: [{ title: 'AWS: sticky sessions', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/sticky-sessions.html' }],
    headers: ['set-cookie'],
    cookies: ['AWSALB', 'AWSALBCORS', 'ARRAffinity', 'ARRAffinitySameSite', '__cf_bm', 'heroku-session-affinity'],
  },
  {
    id: 'access-control-allow-origin-star',
    claim: 'Access-Control-Allow-Origin: * is a vulnerability.',
    reality: 'Browsers never send credentials to a wildcard origin, so * only shares what anyone could fetch anyway. The danger is echoing the caller’s Origin together with Access-Control-Allow-Credentials: true.',
    tabgrade: 'The Observatory-compatible CORS test already scores * as neutral and credentialed universal access as a failure.',
    sources: [{ title: 'MDN: CORS and credentials', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS#requests_with_credentials' }],
    headers: ['access-control-allow-origin'],
  },
  {
    id: 'no-store-everywhere',
    claim: 'Every page should send Cache-Control: no-store.',
    reality: 'Public pages gain from caching; no-store also keeps pages out of the back/forward cache. Only pages with personal data or a login session need it.',
    tabgrade: 'Asks for no-store or private only on responses that carry a session.',
    sources: [{ title: 'MDN: Cache-Control', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Cache-Control' }],
    headers: ['cache-control', 'pragma', 'expires'],
  },
  {
    id: 'clear-site-data-required',
    claim: 'Clear-Site-Data is missing.',
    reality: 'Clear-Site-Data belongs on the logout response. On ordinary pages it would log users out or wipe their cache on every visit.',
    tabgrade: 'Mentions it only on logout URLs, and warns when it appears on ordinary pages.',
    sources: [{ title: 'MDN: Clear-Site-Data', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Clear-Site-Data' }],
    headers: ['clear-site-data'],
  },
  {
    id: 'legacy-ie-headers-required',
    claim: 'X-Download-Options or X-DNS-Prefetch-Control is missing.',
    reality: 'X-Download-Options only affected Internet Explorer 8, which is retired; X-DNS-Prefetch-Control is a performance/privacy preference, not a security control.',
    tabgrade: 'Does not report their absence.',
    sources: [{ title: 'MDN: X-DNS-Prefetch-Control', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/X-DNS-Prefetch-Control' }],
    headers: ['x-download-options', 'x-dns-prefetch-control'],
  },
];

/** The myths that concern a header (case-insensitive), for a view to show beside it. */
export function mythsForHeader(header: string): ScannerMyth[] {
  const wanted = header.toLowerCase();
  return SCANNER_MYTHS.filter((myth) => myth.headers.includes(wanted));
}

/** The myths that concern a cookie name. */
export function mythsForCookie(name: string): ScannerMyth[] {
  return SCANNER_MYTHS.filter((myth) => myth.cookies?.includes(name) === true);
}
