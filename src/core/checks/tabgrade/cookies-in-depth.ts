/**
 * Cookies in depth: advice per cookie, fitted to what the cookie is for.
 *
 * The Observatory-compatible `cookies` test guesses "session" from `sess`/`login` in the
 * name and gives one verdict for the site. Here each cookie is classified by name first
 * (`known-cookies.ts`: Django, Rails, Laravel, PHP, Express, ASP.NET, Java …) and gets only
 * the advice that applies to its role (RFC 6265bis §4.1.2, §4.1.3; MDN "Set-Cookie"):
 * - session cookies: Secure, HttpOnly, SameSite, and the `__Host-` prefix;
 * - CSRF cookies: Secure and SameSite — never HttpOnly. A CSRF token is not a secret from
 *   the page's own scripts (Django: "CSRF_COOKIE_HTTPONLY … offers no practical
 *   protection"); Laravel's XSRF-TOKEN and Angular's read it on purpose;
 * - load-balancer and CDN cookies: no advice (they carry no user secret), except an F5
 *   BIG-IP cookie that spells out an internal address;
 * - everything else: Secure on HTTPS sites, and rules browsers enforce (SameSite=None needs
 *   Secure; `__Host-`/`__Secure-` prefixes need their attributes or the cookie is dropped).
 * Deletions (Max-Age ≤ 0 or a past Expires) get no advice.
 */
import type { PageCapture } from '../../capture';
import type { ParsedSetCookie } from '../../cookies/set-cookie';
import type { CheckContext, Finding, Severity, TabgradeCheck } from '../../findings';
import { classifyCookie, type CookieClassification } from './known-cookies';
import { isDeletion, navigationCookies } from './navigation-cookies';
import { clip, documentUrl, findingMaker, MDN_HEADERS } from './shared';

const LEARN_MORE = `${MDN_HEADERS}/Set-Cookie`;
const GUIDE = 'https://developer.mozilla.org/en-US/docs/Web/Security/Practical_implementation_guides/Cookies';
const make = findingMaker('cookies-in-depth', 'application');

/** Decodes the pool member an unencrypted BIG-IP cookie names (`<ip>.<port>.0000`, F5 K6917). */
export function decodeBigIpCookie(value: string): string | null {
  const match = /^(\d{1,10})\.(\d{1,5})\.0000$/.exec(value);
  if (!match) return null;
  const ip = Number(match[1]);
  const port = Number(match[2]);
  if (ip > 0xffffffff || port > 0xffff) return null;
  // Both numbers are stored little-endian.
  const octets = [ip & 0xff, (ip >>> 8) & 0xff, (ip >>> 16) & 0xff, (ip >>> 24) & 0xff];
  const realPort = ((port & 0xff) << 8) | (port >>> 8);
  return `${octets.join('.')}:${realPort}`;
}

function attributes(cookie: ParsedSetCookie): Record<string, unknown> {
  return {
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite,
    domain: cookie.domain === null ? null : clip(cookie.domain, 120),
    path: cookie.path === null ? null : clip(cookie.path, 120),
  };
}

interface Judgement {
  id: string;
  severity: Severity;
  title: string;
  detail: string;
  recommendation: string;
}

function roleWords(kind: CookieClassification): string {
  return kind.known?.note ?? (kind.role === 'session' ? 'Its name suggests a session or login cookie.' : kind.role === 'csrf' ? 'Its name suggests an anti-CSRF cookie.' : '');
}

/** Rules browsers enforce whatever the cookie is for: breaking them drops the cookie. */
function browserRules(cookie: ParsedSetCookie): Judgement[] {
  const found: Judgement[] = [];
  const lower = cookie.name.toLowerCase();
  if (lower.startsWith('__host-') && !(cookie.secure && cookie.domain === null && cookie.path === '/')) {
    found.push({
      id: 'cookie-prefix-invalid',
      severity: 'medium',
      title: 'A __Host- cookie breaks its prefix rules, so browsers reject it',
      detail: 'A cookie named __Host-… must be Secure, have Path=/ and no Domain attribute (RFC 6265bis §4.1.3.2); otherwise the browser refuses to store it.',
      recommendation: 'Secure; Path=/ and no Domain attribute',
    });
  } else if (lower.startsWith('__secure-') && !cookie.secure) {
    found.push({
      id: 'cookie-prefix-invalid',
      severity: 'medium',
      title: 'A __Secure- cookie lacks Secure, so browsers reject it',
      detail: 'A cookie named __Secure-… must carry the Secure attribute (RFC 6265bis §4.1.3.1); otherwise the browser refuses to store it.',
      recommendation: 'Add Secure',
    });
  }
  if (cookie.sameSite === 'none' && !cookie.secure) {
    found.push({
      id: 'cookie-samesite-none-without-secure',
      severity: 'medium',
      title: 'SameSite=None without Secure: browsers reject this cookie',
      detail: 'Browsers refuse SameSite=None cookies that are not also Secure (Chrome since 2020, then Firefox and Safari), so this cookie is dropped. If it does not need to be sent cross-site, use SameSite=Lax instead.',
      recommendation: 'SameSite=None; Secure — or SameSite=Lax',
    });
  }
  return found;
}

function sessionAdvice(cookie: ParsedSetCookie, https: boolean): Judgement[] {
  const found: Judgement[] = [];
  if (!cookie.secure) {
    found.push({
      id: 'cookie-session-without-secure',
      severity: 'high',
      title: 'Session cookie without Secure',
      detail: https
        ? 'Without Secure the browser also sends this cookie over plain HTTP, where anyone on the network can copy it and take over the session (HSTS narrows but does not close this: the first visit, other subdomains). It never needs to travel over HTTP.'
        : 'The page is served over plain HTTP, so this session cookie travels unencrypted and can be copied by anyone on the network. Move the site to HTTPS, then mark the cookie Secure.',
      recommendation: 'Add Secure',
    });
  }
  if (!cookie.httpOnly) {
    found.push({
      id: 'cookie-session-without-httponly',
      severity: 'medium',
      title: 'Session cookie readable by JavaScript (no HttpOnly)',
      detail: 'Without HttpOnly, any script running on the page — including one injected through an XSS bug or a compromised third-party script — can read the session identifier and send it away. Session identifiers never need to be readable by the site’s own scripts.',
      recommendation: 'Add HttpOnly',
    });
  }
  if (cookie.sameSite === null) {
    found.push({
      id: 'cookie-session-without-samesite',
      severity: 'low',
      title: 'Session cookie without SameSite',
      detail: 'Chromium treats a cookie without SameSite as Lax, but Firefox and Safari send it on cross-site requests, which is what cross-site request forgery relies on. Set SameSite=Lax explicitly (Strict if no one arrives logged-in from links on other sites).',
      recommendation: 'Add SameSite=Lax',
    });
  } else if (cookie.sameSite === 'none' && cookie.secure) {
    found.push({
      id: 'cookie-session-samesite-none',
      severity: 'info',
      title: 'Session cookie sent on cross-site requests (SameSite=None)',
      detail: 'SameSite=None is needed only when the site is used inside another site’s frame or by cross-site requests that must be logged in (embedded widgets, some single sign-on flows). Otherwise Lax adds a layer against CSRF at no cost.',
      recommendation: 'SameSite=Lax, unless the site must work embedded cross-site',
    });
  }
  if (found.length === 0 && cookie.domain !== null) {
    found.push({
      id: 'cookie-session-domain-wide',
      severity: 'info',
      title: 'Session cookie shared with every subdomain',
      detail: 'A Domain attribute sends the session cookie to every subdomain, so a compromised or user-content subdomain receives it and can overwrite it. Keep it host-only (no Domain) unless subdomains really share the login.',
      recommendation: 'Drop the Domain attribute (or use a __Host- name)',
    });
  } else if (found.length === 0 && !cookie.name.toLowerCase().startsWith('__host-') && (cookie.path === '/' || cookie.path === null)) {
    found.push({
      id: 'cookie-session-host-prefix',
      severity: 'info',
      title: 'Session cookie could use the __Host- prefix',
      detail: 'Renaming it __Host-… makes the browser guarantee that it was set over HTTPS by this exact host for the whole site, so a subdomain or a network attacker cannot plant or overwrite it (cookie tossing). Optional hardening: renaming logs everyone out once.',
      recommendation: 'Rename to __Host-<name>, with Secure; Path=/ and no Domain',
    });
  }
  return found;
}

function csrfAdvice(cookie: ParsedSetCookie, https: boolean): Judgement[] {
  const found: Judgement[] = [];
  // HttpOnly is deliberately never suggested here; see the module comment.
  if (!cookie.secure && https) {
    found.push({
      id: 'cookie-csrf-without-secure',
      severity: 'medium',
      title: 'Anti-CSRF cookie without Secure',
      detail: 'Without Secure the token also travels over plain HTTP, where a network attacker can read it and forge requests that pass the CSRF check. It never needs HTTP.',
      recommendation: 'Add Secure',
    });
  }
  if (cookie.sameSite === null) {
    found.push({
      id: 'cookie-csrf-without-samesite',
      severity: 'low',
      title: 'Anti-CSRF cookie without SameSite',
      detail: 'SameSite=Lax (or Strict) keeps the token cookie off cross-site requests, a second layer under the token check. Browsers other than Chromium do not assume it.',
      recommendation: 'Add SameSite=Lax',
    });
  }
  return found;
}

function otherAdvice(cookie: ParsedSetCookie, https: boolean): Judgement[] {
  if (cookie.secure || !https) return [];
  return [
    {
      id: 'cookie-without-secure',
      severity: 'low',
      title: 'Cookie without Secure on an HTTPS site',
      detail: 'On an HTTPS site every cookie can be Secure at no cost; without it the cookie is also sent over plain HTTP, where it can be read or changed. This matters most if it carries anything about the user.',
      recommendation: 'Add Secure',
    },
  ];
}

function judgeCookie(cookie: ParsedSetCookie, https: boolean): { kind: CookieClassification; judgements: Judgement[] } {
  const kind = classifyCookie(cookie.name);
  const judgements = browserRules(cookie);
  switch (kind.role) {
    case 'session':
      judgements.push(...sessionAdvice(cookie, https));
      break;
    case 'csrf':
      judgements.push(...csrfAdvice(cookie, https));
      break;
    case 'other':
      judgements.push(...otherAdvice(cookie, https));
      break;
    case 'affinity':
    case 'infrastructure': {
      const member = kind.technology === 'f5-big-ip' ? decodeBigIpCookie(cookie.value) : null;
      if (member !== null) {
        judgements.push({
          id: 'cookie-bigip-internal-address',
          severity: 'low',
          title: 'Load-balancer cookie reveals an internal server address',
          detail: 'Unencrypted F5 BIG-IP persistence cookies encode the internal IP address and port of the server that answered, which maps the private network for an attacker. BIG-IP can encrypt the cookie (cookie encryption in the persistence profile).',
          recommendation: 'Enable BIG-IP cookie encryption',
        });
      }
      break;
    }
  }
  return { kind, judgements };
}

function judge(capture: PageCapture, context: CheckContext): Finding[] {
  const https = documentUrl(capture)?.protocol === 'https:';
  const findings: Finding[] = [];
  // One verdict per cookie name: a later line (e.g. from the document) replaces a hop's.
  const latest = new Map<string, ParsedSetCookie>();
  for (const { cookie } of navigationCookies(capture)) latest.set(cookie.name, cookie);

  for (const cookie of latest.values()) {
    if (isDeletion(cookie, context.now)) continue;
    const { kind, judgements } = judgeCookie(cookie, https);
    for (const judgement of judgements) {
      const about = roleWords(kind);
      findings.push(
        make({
          ...judgement,
          detail: about === '' ? judgement.detail : `${judgement.detail} ${about}`,
          subject: clip(cookie.name, 120),
          learnMoreUrl: judgement.id.startsWith('cookie-session') ? GUIDE : LEARN_MORE,
          data: {
            cookie: clip(cookie.name, 120),
            role: kind.role,
            technology: kind.technology,
            recognisedBy: kind.known === null ? 'name-guess' : 'known-name',
            ...attributes(cookie),
            ...(judgement.id === 'cookie-bigip-internal-address' ? { internalAddress: decodeBigIpCookie(cookie.value) } : {}),
          },
        }),
      );
    }
  }
  return findings;
}

export const cookiesInDepthCheck: TabgradeCheck = {
  id: 'cookies-in-depth',
  title: 'Cookies in depth',
  group: 'application',
  needs: ['document', 'redirects'],
  possibleFindings: [
    'cookie-prefix-invalid',
    'cookie-samesite-none-without-secure',
    'cookie-session-without-secure',
    'cookie-session-without-httponly',
    'cookie-session-without-samesite',
    'cookie-session-samesite-none',
    'cookie-session-domain-wide',
    'cookie-session-host-prefix',
    'cookie-csrf-without-secure',
    'cookie-csrf-without-samesite',
    'cookie-without-secure',
    'cookie-bigip-internal-address',
  ],
  run: judge,
};
