/**
 * The loopback site the cross-browser cases visit: two servers (two origins, plus a third
 * under the `localhost` name) serving fixture pages with chosen headers.
 */
import { readFile } from 'node:fs/promises';
import { html, startServer, type TestServer } from '../support/server';
import { startHttpsServer, type HttpsTestServer } from '../support/https-server';

export interface SharedSite {
  site: TestServer;
  other: TestServer;
  /** HTTPS with a self-signed certificate that expires in `TLS_DAYS` days. */
  secure: HttpsTestServer;
  /** HTTPS with every header the Observatory rewards, COOP and COEP included (algorithm 6). */
  isolated: HttpsTestServer;
  close(): Promise<void>;
}

/** Everything the Observatory 1.7.0 rewards, for the twelve-test case. */
export const ISOLATED_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'Strict-Transport-Security': 'max-age=63072000',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Headers whose Observatory grade is worked out by hand in `KNOWN_GRADE` below. */
export const KNOWN_HEADERS: Array<[string, string]> = [
  ['Content-Security-Policy', "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

/**
 * Worked out by hand from the Observatory 1.7.0 rules (algorithm 6) for this plain-HTTP page:
 * CSP with default-src 'none' +10, no redirect to HTTPS −20, no HTTPS for HSTS −20,
 * Referrer-Policy no-referrer +5, framing blocked by CSP frame-ancestors +5, no COOP and
 * no COEP 0 (passing), the rest 0. Penalties alone leave 60 (< 90), so no extra credit:
 * 60 → C+. (The same under 1.6.3, which lacks the last two tests.)
 */
export const KNOWN_GRADE = {
  grade: 'C+',
  score: '60',
  results: {
    'content-security-policy': 'csp-implemented-with-no-unsafe-default-src-none',
    cookies: 'cookies-not-found',
    'cross-origin-resource-sharing': 'cross-origin-resource-sharing-not-implemented',
    redirection: 'redirection-missing',
    'referrer-policy': 'referrer-policy-private',
    'strict-transport-security': 'hsts-not-implemented-no-https',
    'subresource-integrity': 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin',
    'x-content-type-options': 'x-content-type-options-nosniff',
    // CSP frame-ancestors takes precedence over X-Frame-Options in the Observatory.
    'x-frame-options': 'x-frame-options-implemented-via-csp',
    'cross-origin-resource-policy': 'corp-implemented-with-same-origin',
    'cross-origin-opener-policy': 'coop-not-implemented',
    'cross-origin-embedder-policy': 'coep-not-implemented',
  } as Record<string, string>,
};

/**
 * An otherwise strong header set for the newsletter case: everything the Observatory can
 * reward on plain HTTP, so that only Tabgrade's own findings (the widget's old jQuery and
 * its scripts without integrity) hold the page back. `{{WIDGET}}` is the widget's origin.
 */
export const NEWSLETTER_HEADERS: Array<[string, string]> = [
  ['Content-Security-Policy', "default-src 'none'; script-src 'self' {{WIDGET}}; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

/** Days the test certificate is valid: under 21, so "expires soon" must be reported. */
export const TLS_DAYS = 10;
export const TLS_ORGANISATION = 'Tabgrade Test CA';

export async function startSharedSite(): Promise<SharedSite> {
  const [site, other, secure, isolated] = await Promise.all([
    startServer(),
    startServer(),
    startHttpsServer({ days: TLS_DAYS, organisation: TLS_ORGANISATION, body: '<!doctype html><title>TLS</title><p>secure</p>' }),
    startHttpsServer({ days: 30, organisation: TLS_ORGANISATION, body: '<!doctype html><title>Isolated</title><p>isolated</p>', headers: { ...ISOLATED_HEADERS } }),
  ]);
  const tagsPage = await readFile(new URL('../../fixtures/site/tags.html', import.meta.url), 'utf8');
  const js = { headers: [['Content-Type', 'text/javascript']] as Array<[string, string]>, body: '/* ok */' };
  const css = { headers: [['Content-Type', 'text/css']] as Array<[string, string]>, body: 'h1{}' };
  site.route('/tags', html(tagsPage.replaceAll('{{CROSS}}', other.origin), [
    ['Set-Cookie', 'sessionid=abc123; HttpOnly; Secure; SameSite=Lax; Path=/'],
    ['X-Frame-Options', 'DENY'],
    ['Set-Cookie', 'csrftoken=xyz789; SameSite=Lax; Path=/'],
    ['X-Custom-Header', 'first'],
    ['x-custom-header', 'second'],
  ]));
  for (const path of ['/app.js', '/app.mjs']) site.route(path, js);
  site.route('/style.css', css);
  for (const path of ['/cdn/lib.js', '/cdn/no-sri.js', '/widget/jquery.js']) other.route(path, js);
  other.route('/cdn/theme.css', css);
  // A chain across two loopback origins: 127.0.0.1:A → 301 → localhost:B → 302 → localhost:B/final
  site.route('/start', { status: 301, headers: [['Location', `${other.altOrigin}/middle`]] });
  other.route('/middle', { status: 302, headers: [['Location', `${other.altOrigin}/final`], ['Set-Cookie', 'hop=1']] });
  other.route('/final', html('<h1>final</h1>', [['Strict-Transport-Security', 'max-age=63072000']]));
  site.route('/known', html('<!doctype html><title>Known</title><script src="/app.js"></script><h1>Known</h1>', KNOWN_HEADERS));
  // The newsletter case: the widget (another site, under the `localhost` name) injects jQuery 1.12.4 after load.
  const [newsletter, loader, jquery] = await Promise.all([
    readFile(new URL('../../fixtures/site/newsletter.html', import.meta.url), 'utf8'),
    readFile(new URL('../../fixtures/site/widget-loader.js', import.meta.url), 'utf8'),
    readFile(new URL('../../../node_modules/jquery-1.12.4/dist/jquery.min.js', import.meta.url), 'utf8'),
  ]);
  site.route('/newsletter', html(newsletter.replaceAll('{{WIDGET}}', other.altOrigin), NEWSLETTER_HEADERS.map(([name, value]) => [name, value.replaceAll('{{WIDGET}}', other.altOrigin)])));
  other.route('/widget/loader.js', { headers: js.headers, body: loader });
  other.route('/vendor/jquery-1.12.4.min.js', { headers: js.headers, body: jquery });
  return { site, other, secure, isolated, close: async () => void (await Promise.all([site.close(), other.close(), secure.close(), isolated.close()])) };
}
