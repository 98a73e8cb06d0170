/**
 * Words and links shown beside each Observatory test and result: a title and MDN pages per
 * test, and one plain-English paragraph per result id. Tabgrade's own wording; result ids
 * keep the Observatory's spelling. Links checked against developer.mozilla.org's 2025+
 * URL layout (`/Web/HTTP/Reference/Headers/…`, `/Web/HTTP/Guides/…`) on 2026-11-25.
 */
import type { ObservatoryTestName } from './types';

const MDN = 'https://developer.mozilla.org/en-US/docs';

export interface TestInfo {
  title: string;
  /** The MDN reference page of the header or mechanism. */
  mdnUrl: string;
  /** MDN's practical guide the Observatory links to for this test. */
  guideUrl: string;
}

export const TEST_INFO: Readonly<Record<ObservatoryTestName, TestInfo>> = {
  'content-security-policy': {
    title: 'Content Security Policy (CSP)',
    mdnUrl: `${MDN}/Web/HTTP/Reference/Headers/Content-Security-Policy`,
    guideUrl: `${MDN}/Web/Security/Practical_implementation_guides/CSP`,
  },
  cookies: {
    title: 'Cookies',
    mdnUrl: `${MDN}/Web/HTTP/Reference/Headers/Set-Cookie`,
    guideUrl: `${MDN}/Web/Security/Practical_implementation_guides/Cookies`,
  },
  'cross-origin-resource-sharing': {
    title: 'Cross Origin Resource Sharing (CORS)',
    mdnUrl: `${MDN}/Web/HTTP/Guides/CORS`,
    guideUrl: `${MDN}/Web/Security/Practical_implementation_guides/CORS`,
  },
  redirection: {
    title: 'Redirection',
    mdnUrl: `${MDN}/Web/HTTP/Guides/Redirections`,
    guideUrl: `${MDN}/Web/Security/Practical_implementation_guides/TLS#http_redirection`,
  },
  'referrer-policy': {
    title: 'Referrer Policy',
    mdnUrl: `${MDN}/Web/HTTP/Reference/Headers/Referrer-Policy`,
    guideUrl: `${MDN}/Web/Security/Practical_implementation_guides/Referrer_policy`,
  },
  'strict-transport-security': {
    title: 'Strict Transport Security (HSTS)',
    mdnUrl: `${MDN}/Web/HTTP/Reference/Headers/Strict-Transport-Security`,
    guideUrl: `${MDN}/Web/Security/Practical_implementation_guides/TLS#http_strict_transport_security_implementation`,
  },
  'subresource-integrity': {
    title: 'Subresource Integrity',
    mdnUrl: `${MDN}/Web/Security/Subresource_Integrity`,
    guideUrl: `${MDN}/Web/Security/Subresource_Integrity`,
  },
  'x-content-type-options': {
    title: 'X-Content-Type-Options',
    mdnUrl: `${MDN}/Web/HTTP/Reference/Headers/X-Content-Type-Options`,
    guideUrl: `${MDN}/Web/Security/Practical_implementation_guides/MIME_types`,
  },
  'x-frame-options': {
    title: 'X-Frame-Options',
    mdnUrl: `${MDN}/Web/HTTP/Reference/Headers/X-Frame-Options`,
    guideUrl: `${MDN}/Web/Security/Attacks/Clickjacking`,
  },
  'cross-origin-resource-policy': {
    title: 'Cross Origin Resource Policy',
    mdnUrl: `${MDN}/Web/HTTP/Reference/Headers/Cross-Origin-Resource-Policy`,
    guideUrl: `${MDN}/Web/Security/Practical_implementation_guides/CORP`,
  },
  'cross-origin-opener-policy': {
    title: 'Cross Origin Opener Policy',
    mdnUrl: `${MDN}/Web/HTTP/Reference/Headers/Cross-Origin-Opener-Policy`,
    guideUrl: `${MDN}/Web/HTTP/Reference/Headers/Cross-Origin-Opener-Policy`,
  },
  'cross-origin-embedder-policy': {
    title: 'Cross Origin Embedder Policy',
    mdnUrl: `${MDN}/Web/HTTP/Reference/Headers/Cross-Origin-Embedder-Policy`,
    guideUrl: `${MDN}/Web/HTTP/Reference/Headers/Cross-Origin-Embedder-Policy`,
  },
};

/** Result id → one paragraph for the user. */
export const RESULT_EXPLANATIONS: Readonly<Record<string, string>> = {
  // Content Security Policy
  'csp-implemented-with-no-unsafe-default-src-none':
    "The page sends a Content Security Policy that blocks everything by default (default-src 'none') and allows nothing unsafe. Only the sources you list can run scripts, load styles or embed content, which makes cross-site scripting much harder to exploit. This is the best CSP result.",
  'csp-implemented-with-no-unsafe':
    "The page has a Content Security Policy without 'unsafe-inline' or 'unsafe-eval' for scripts, so injected inline scripts will not run. To earn the top result, start the policy from default-src 'none' and allow each kind of resource explicitly.",
  'csp-implemented-with-unsafe-inline-in-style-src-only':
    "The policy protects scripts, but style-src allows inline styles, data: URLs or whole schemes. Injected styles can still change the page or leak data through CSS. Move inline styles to files, or allow them by nonce or hash instead of 'unsafe-inline'.",
  'csp-implemented-with-insecure-scheme-in-passive-content-only':
    'This HTTPS page lets images or media load over plain HTTP (http: or ftp: in img-src, media-src or their default-src fallback). Anyone on the network can see or replace those files. Serve them over HTTPS and remove the insecure sources from the policy.',
  'csp-implemented-with-unsafe-eval':
    "The policy allows 'unsafe-eval', so code can turn strings into running JavaScript with eval(), new Function() and similar calls. If an attacker controls such a string, the CSP will not stop them. Remove the eval-style code first, then drop 'unsafe-eval'.",
  'csp-implemented-with-unsafe-inline':
    "The policy does not really restrict scripts or plugins: script-src (or its default-src fallback) allows 'unsafe-inline', data: or a whole scheme such as https:, or object-src is broad or missing. An injected script would still run. Allow scripts by nonce, hash or specific hosts, and set object-src 'none'.",
  'csp-implemented-with-insecure-scheme':
    'This HTTPS page lets scripts, styles or other active content load over plain HTTP (http: or ftp: sources). A network attacker could replace those files and take over the page. Load everything over HTTPS and remove the insecure sources.',
  'csp-implemented-but-duplicate-directives':
    'The policy itself is good, but it repeats report-uri or report-to within one policy. Browsers use only the first occurrence, so reports may not go where you expect, and the Observatory withholds the CSP bonus until the duplicate is removed.',
  'csp-header-invalid':
    "The Content Security Policy could not be understood the way the Observatory reads it: a policy is empty or too short, a directive is repeated, or script-src uses 'strict-dynamic' without a nonce or hash. Browsers may enforce something different from what you intended. Check the policy with a CSP validator.",
  'csp-not-implemented':
    'The page sends no Content Security Policy (neither a Content-Security-Policy header nor a usable meta tag). A CSP is the strongest browser-side defence against cross-site scripting: it limits where scripts, styles and other content may come from.',
  'csp-not-implemented-but-reporting-enabled':
    'The page only sends Content-Security-Policy-Report-Only, which reports violations but blocks nothing. That is a good way to test a policy; once the reports are clean, send the same policy as Content-Security-Policy so it is enforced.',

  // Cookies
  'cookies-secure-with-httponly-sessions-and-samesite':
    'Every cookie is marked Secure, session cookies are HttpOnly, and SameSite limits when cookies go along with requests from other sites. Cookies cannot leak over plain HTTP, be read by injected scripts, or be easily abused for cross-site request forgery.',
  'cookies-secure-with-httponly-sessions':
    'Every cookie is marked Secure and session cookies are HttpOnly, but at least one cookie has no SameSite attribute. Add SameSite=Lax or Strict so cookies are not sent with requests started by other sites.',
  'cookies-not-found': 'The page sets no cookies, so there is nothing to protect here.',
  'cookies-without-secure-flag-but-protected-by-hsts':
    'Some cookies lack the Secure attribute. HSTS keeps this browser on HTTPS, so they are unlikely to travel over plain HTTP, but a first visit or another subdomain could still expose them. Mark every cookie Secure.',
  'cookies-session-without-secure-flag-but-protected-by-hsts':
    'A session cookie lacks the Secure attribute. HSTS reduces the risk, but a session cookie sent once over plain HTTP can be stolen and used to take over the account. Mark it Secure.',
  'cookies-without-secure-flag':
    'Some cookies lack the Secure attribute (or were set over plain HTTP), and nothing forces HTTPS, so they can be sent unencrypted where anyone on the network can read them. Mark every cookie Secure and enable HSTS.',
  'cookies-samesite-flag-invalid':
    'A cookie has a SameSite value other than Strict, Lax or None, or uses SameSite=None without Secure. Browsers then ignore or reject the attribute. Use SameSite=Lax or Strict, and always pair SameSite=None with Secure.',
  'cookies-anticsrf-without-samesite-flag':
    'A cookie that looks like an anti-CSRF token has no SameSite attribute. SameSite=Lax or Strict stops the browser from sending it with forged cross-site requests, which backs up the token check.',
  'cookies-session-without-httponly-flag':
    'A session cookie is not marked HttpOnly, so any script on the page, including an injected one, can read it and send the session to an attacker. Mark session cookies HttpOnly.',
  'cookies-session-without-secure-flag':
    'A session cookie is not marked Secure (or was set over plain HTTP), and nothing forces HTTPS. Anyone on the network could capture it and take over the session. Mark it Secure and enable HSTS.',

  // Cross-origin resource sharing
  'cross-origin-resource-sharing-not-implemented':
    'The site does not let other origins read its content through CORS. That is the safe default for pages that do not need to be shared.',
  'cross-origin-resource-sharing-implemented-with-public-access':
    'The site answers with Access-Control-Allow-Origin: *, so any website can read this content, but without the visitor’s cookies. That is fine for truly public content.',
  'cross-origin-resource-sharing-implemented-with-restricted-access':
    'The site shares content only with origins it names, which is the safe way to use CORS.',
  'cross-origin-resource-sharing-implemented-with-universal-access':
    'The site lets any origin read its content with the visitor’s cookies, typically by echoing back the Origin header together with Access-Control-Allow-Credentials: true. A malicious site could then read private data as the logged-in user. Allow credentials only for a fixed list of trusted origins.',

  // Redirection
  'redirection-all-redirects-preloaded':
    'Every host in the redirect chain is on the browsers’ HSTS preload list, so browsers never use plain HTTP for them in the first place.',
  'redirection-to-https':
    'Plain HTTP requests are redirected to HTTPS on the same host first, and the chain ends on HTTPS. Visitors who type the bare address end up on a secure connection.',
  'redirection-not-needed-no-http':
    'The site does not answer over plain HTTP at all, so there is nothing to redirect.',
  'redirection-off-host-from-http':
    'Plain HTTP redirects straight to HTTPS on a different host. The original host never gets to set HSTS over HTTPS, so browsers keep trying HTTP there first. Redirect to HTTPS on the same host, then to the other host.',
  'redirection-not-to-https-on-initial-redirection':
    'The first redirect from plain HTTP goes to another HTTP address before reaching HTTPS, which gives an attacker on the network an extra chance to interfere. Redirect to HTTPS on the same host first.',
  'redirection-not-to-https':
    'The site redirects, but the chain ends on a plain HTTP address, so visitors never reach a secure connection. Make the final destination HTTPS.',
  'redirection-missing':
    'The site answers plain HTTP without redirecting to HTTPS, so visitors who type the bare address stay on an unencrypted connection. Redirect every HTTP request to HTTPS on the same host.',
  'redirection-invalid-cert':
    'An invalid TLS certificate was met while following the redirects, so browsers would show an error instead of the page. Install a valid certificate on every host in the chain.',

  // Referrer policy
  'referrer-policy-private':
    'Referrer-Policy is set to a private value (no-referrer, same-origin, strict-origin or strict-origin-when-cross-origin), so other sites never see the full address of your pages and nothing leaks when a link leads from HTTPS to HTTP.',
  'referrer-policy-not-implemented':
    'No Referrer-Policy is set. Modern browsers then default to strict-origin-when-cross-origin, which is reasonable, but setting it yourself makes the behaviour explicit for every browser and earns a bonus.',
  'referrer-policy-unsafe':
    'Referrer-Policy is set to a value (origin, origin-when-cross-origin, unsafe-url or no-referrer-when-downgrade) that sends more of your page addresses to other sites than needed, or sends them over plain HTTP. Use strict-origin-when-cross-origin or stricter.',
  'referrer-policy-header-invalid':
    'Referrer-Policy is present but contains no value browsers recognise, so it has no effect. Use strict-origin-when-cross-origin or stricter.',

  // Strict transport security
  'hsts-preloaded':
    'The host is on the HSTS preload list built into browsers, so they use HTTPS for it from the very first visit.',
  'hsts-implemented-max-age-at-least-six-months':
    'Strict-Transport-Security tells browsers to use only HTTPS for this host for at least six months, which protects returning visitors from downgrade attacks. Consider adding includeSubDomains and preload and submitting the site to the preload list.',
  'hsts-implemented-max-age-less-than-six-months':
    'Strict-Transport-Security is set, but for less than six months, so browsers forget it quickly and visitors become exposed to downgrade attacks again. Raise max-age to at least 15552000 seconds (six months); a year is common.',
  'hsts-not-implemented':
    'No Strict-Transport-Security header is sent over HTTPS, so browsers may still try plain HTTP, where an attacker can intercept or downgrade the connection. Send the header with a long max-age.',
  'hsts-header-invalid':
    'The Strict-Transport-Security header cannot be understood (for example it has no max-age, or it was sent twice), so browsers may ignore it. Send it once, with a valid max-age.',
  'hsts-not-implemented-no-https':
    'HSTS only works over HTTPS, and the site is not available over HTTPS. Set up HTTPS first.',
  'hsts-invalid-cert':
    'The site’s certificate chain is not valid, and browsers ignore HSTS from a site with certificate errors. Install a valid certificate.',

  // Subresource integrity
  'sri-implemented-and-all-scripts-loaded-securely':
    'Scripts come from the site itself and use Subresource Integrity, so the browser checks each file against the hash you published.',
  'sri-implemented-and-external-scripts-loaded-securely':
    'Scripts from other sites load over HTTPS with Subresource Integrity: if a CDN or third party changed a file, the browser would refuse to run it.',
  'sri-not-implemented-response-not-html':
    'The document is not HTML, so it cannot load scripts and Subresource Integrity does not apply.',
  'sri-not-implemented-but-no-scripts-loaded': 'The page loads no scripts, so Subresource Integrity is not needed.',
  'sri-not-implemented-but-all-scripts-loaded-from-secure-origin':
    'All scripts come from the site itself, so the lack of Subresource Integrity costs nothing. Adding integrity attributes would still earn a bonus.',
  'sri-not-implemented-but-external-scripts-loaded-securely':
    'Scripts from other sites load over HTTPS but without Subresource Integrity, so if that third party or CDN were compromised, its code would run on your page. Add integrity (and crossorigin) attributes to external scripts.',
  'sri-implemented-but-external-scripts-not-loaded-securely':
    'Subresource Integrity is used, but some external scripts load over plain HTTP or protocol-relative (//) URLs. Load them over HTTPS.',
  'sri-not-implemented-and-external-scripts-not-loaded-securely':
    'External scripts load over plain HTTP or protocol-relative (//) URLs and without Subresource Integrity. Anyone on the network could replace them and take over the page. Load them over HTTPS and add integrity attributes.',
  'html-not-parseable':
    'The document says it is HTML but could not be parsed, so its scripts could not be checked. Make sure the server returns well-formed HTML.',

  // X-Content-Type-Options
  'x-content-type-options-nosniff':
    'X-Content-Type-Options: nosniff stops browsers from guessing a file’s type, so a file uploaded as an image cannot be run as a script or stylesheet.',
  'x-content-type-options-not-implemented':
    'X-Content-Type-Options is not set, so browsers may guess the type of files and could run user-uploaded content as a script or stylesheet. Send X-Content-Type-Options: nosniff.',
  'x-content-type-options-header-invalid':
    'X-Content-Type-Options has a value other than nosniff (sending it twice also counts), so browsers ignore it. Send exactly X-Content-Type-Options: nosniff, once.',

  // X-Frame-Options
  'x-frame-options-implemented-via-csp':
    'The Content Security Policy has a frame-ancestors directive, which controls which sites may show this page in a frame and takes precedence over X-Frame-Options. This protects against clickjacking.',
  'x-frame-options-sameorigin-or-deny':
    'X-Frame-Options is DENY or SAMEORIGIN, so other sites cannot show this page in a frame to trick visitors into clicking (clickjacking). CSP frame-ancestors does the same with more control.',
  'x-frame-options-allow-from-origin':
    'X-Frame-Options uses ALLOW-FROM, which current browsers ignore, so the page may be frameable by any site. Use CSP frame-ancestors to name the sites allowed to frame it.',
  'x-frame-options-not-implemented':
    'Nothing stops other sites from showing this page in a frame, where visitors can be tricked into clicking things they cannot see (clickjacking). Send CSP frame-ancestors, or X-Frame-Options: DENY or SAMEORIGIN.',
  'x-frame-options-header-invalid':
    'X-Frame-Options has a value browsers do not recognise (sending it twice also counts), so it gives no protection. Use DENY or SAMEORIGIN, once, or CSP frame-ancestors.',

  // Cross-Origin-Resource-Policy
  'corp-implemented-with-same-origin':
    'Cross-Origin-Resource-Policy: same-origin stops other origins from embedding this response, which protects it against cross-origin leaks such as Spectre-style attacks.',
  'corp-implemented-with-same-site':
    'Cross-Origin-Resource-Policy: same-site stops other sites (but not your own subdomains) from embedding this response, protecting it against cross-site leaks.',
  'corp-implemented-with-cross-origin':
    'Cross-Origin-Resource-Policy: cross-origin explicitly lets any site embed this response. That is correct for public resources meant to be shared, but gives no protection.',
  'corp-not-implemented':
    'No Cross-Origin-Resource-Policy is set, so any site may embed this response. Sending same-origin or same-site earns a bonus and guards against cross-origin leaks.',
  'corp-header-invalid':
    'Cross-Origin-Resource-Policy has an unrecognised value or was sent more than once, so browsers ignore it. Send one of same-origin, same-site or cross-origin, once.',

  // Cross-Origin-Opener-Policy (algorithm 6)
  'coop-implemented-with-same-origin':
    'Cross-Origin-Opener-Policy: same-origin gives the page a browsing context group of its own: windows of other origins it opens, or that open it, cannot reach it (no window.opener tricks, no cross-window leaks), and it can be made cross-origin isolated.',
  'coop-implemented-with-same-origin-allow-popups':
    'Cross-Origin-Opener-Policy: same-origin-allow-popups isolates the page from the windows that open it while keeping access to the popups it opens itself (OAuth and payment popups keep working).',
  'coop-implemented-with-noopener-allow-popups':
    'Cross-Origin-Opener-Policy: noopener-allow-popups isolates the page from whoever opened it, even on the same origin, while letting it open popups.',
  'coop-implemented-with-unsafe-none':
    'Cross-Origin-Opener-Policy: unsafe-none is the default: the page shares its browsing context group with the windows it opens and that open it. Nothing is lost, and no bonus is earned.',
  'coop-not-implemented':
    'No Cross-Origin-Opener-Policy is sent, so the default (unsafe-none) applies. Sending same-origin (or same-origin-allow-popups when the page relies on popups) earns a bonus and stops cross-window attacks.',
  'coop-header-invalid':
    'Cross-Origin-Opener-Policy is not one valid token (a quoted value, a typo, extra text), or it was sent more than once, so browsers ignore it. Send one of same-origin, same-origin-allow-popups, noopener-allow-popups or unsafe-none, once, unquoted.',

  // Cross-Origin-Embedder-Policy (algorithm 6)
  'coep-implemented-with-require-corp':
    'Cross-Origin-Embedder-Policy: require-corp lets the page load only cross-origin resources that allow it (CORP or CORS), which, with COOP same-origin, makes it cross-origin isolated.',
  'coep-implemented-with-credentialless':
    'Cross-Origin-Embedder-Policy: credentialless loads cross-origin resources without cookies or other credentials, so they cannot leak the user’s data to the page; with COOP same-origin the page is cross-origin isolated.',
  'coep-implemented-with-unsafe-none':
    'Cross-Origin-Embedder-Policy: unsafe-none is the default: any cross-origin resource may be embedded. Nothing is lost, and no bonus is earned.',
  'coep-not-implemented':
    'No Cross-Origin-Embedder-Policy is sent, so the default (unsafe-none) applies. require-corp or credentialless earns a bonus, but check first that every cross-origin resource the page embeds still loads (roll out with Cross-Origin-Embedder-Policy-Report-Only).',
  'coep-header-invalid':
    'Cross-Origin-Embedder-Policy is not one valid token (a quoted value, a typo, extra text), or it was sent more than once, so browsers ignore it. Send one of require-corp, credentialless or unsafe-none, once, unquoted.',
};

/** Explanation of a test that could not run (a Tabgrade error, not a property of the site). */
export const TEST_ERROR_EXPLANATION =
  'Tabgrade could not run this test on the page because of an internal error. The grade counts it as failed without changing the score, so the real grade may be higher or lower.';

/** Explanation of a test that was not run because there is no document response. */
export const NOT_RUN_EXPLANATION =
  'This test was not run because Tabgrade has no response for the page’s document yet (it may still be loading, or the navigation failed).';

/**
 * SRI results whose usual words ("scripts come from the site itself") are false when the
 * Observatory counted scripts of another origin as the site's (localhost and IP addresses,
 * which have no registrable domain): what it concluded, and why.
 */
const SRI_NO_REGISTRABLE_DOMAIN: Readonly<Record<string, string>> = {
  'sri-not-implemented-but-all-scripts-loaded-from-secure-origin':
    'The Observatory counts every script here as from the site itself, so the missing Subresource Integrity costs nothing in its score. It compares registrable domains, and localhost and IP addresses have none, so scripts from another port or address count as the site’s too — they are other origins, and Tabgrade’s own findings report them.',
  'sri-implemented-and-all-scripts-loaded-securely':
    'The Observatory counts every script here as from the site itself and they use Subresource Integrity, which earns the bonus. It compares registrable domains, and localhost and IP addresses have none, so scripts from another port or address count as the site’s too.',
};

/**
 * The paragraph for a result id, with a neutral fallback for ids Tabgrade does not know.
 * `data` (the test's own) selects the wording when the usual one would be false for the page.
 */
export function explanationFor(result: string, data: Record<string, unknown> = {}): string {
  if (Array.isArray(data.countedAsSameSite) && data.countedAsSameSite.length > 0 && Object.hasOwn(SRI_NO_REGISTRABLE_DOMAIN, result)) {
    return SRI_NO_REGISTRABLE_DOMAIN[result] ?? '';
  }
  return Object.hasOwn(RESULT_EXPLANATIONS, result)
    ? (RESULT_EXPLANATIONS[result] ?? '')
    : 'Tabgrade has no explanation for this result yet.';
}
