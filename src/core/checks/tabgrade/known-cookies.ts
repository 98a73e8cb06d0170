/**
 * Cookies Tabgrade recognises by name, as data: which framework sets them and what they
 * are for, so that each gets the right advice — a session cookie must be HttpOnly, while a
 * CSRF cookie that the framework's own JavaScript reads must not be told so.
 *
 * Each entry cites the framework's documentation of the default name (read 2026-11-26).
 * Names are matched case-sensitively, as servers set them; a few families need a pattern.
 */

/** What a cookie is for, which decides the advice it gets. */
export type CookieRole =
  /** Identifies a login session: Secure, HttpOnly and SameSite all matter. */
  | 'session'
  /** An anti-CSRF token or secret: Secure and SameSite matter, HttpOnly brings nothing. */
  | 'csrf'
  /** Load-balancer stickiness: carries no user secret. */
  | 'affinity'
  /** Set by a CDN or bot-protection layer the site does not configure cookie by cookie. */
  | 'infrastructure'
  /** Anything else (preferences, analytics, unknown). */
  | 'other';

/** Technologies cookie names point at; `stack.ts` maps them to fixable stacks. */
export type CookieTechnology =
  | 'django' | 'rails' | 'laravel' | 'php' | 'express' | 'aspnet' | 'java' | 'wordpress' | 'codeigniter'
  | 'flask' | 'rack' | 'play' | 'aws-elb' | 'azure-app-service' | 'heroku' | 'cloudflare' | 'f5-big-ip';

export interface KnownCookie {
  /** Exact name, or a pattern for families such as `_<app>_session`. */
  match: string | RegExp;
  /** Null when several frameworks use the name (XSRF-TOKEN: Laravel, Angular, Spring). */
  technology: CookieTechnology | null;
  role: CookieRole;
  /**
   * For CSRF cookies: front-end code reads it on purpose (double-submit through a header),
   * so HttpOnly would break the site and protects nothing.
   */
  readByScript?: boolean;
  /** Why the cookie is what it is, in one line. */
  note: string;
  source: string;
}

export const KNOWN_COOKIES: readonly KnownCookie[] = [
  // Django
  { match: 'sessionid', technology: 'django', role: 'session', note: 'Django’s session cookie (SESSION_COOKIE_NAME).', source: 'https://docs.djangoproject.com/en/stable/ref/settings/#session-cookie-name' },
  {
    match: 'csrftoken',
    technology: 'django',
    role: 'csrf',
    readByScript: true,
    note: 'Django’s CSRF cookie. Django documents that marking it HttpOnly offers no practical protection, and its AJAX recipe reads it from JavaScript.',
    source: 'https://docs.djangoproject.com/en/stable/ref/settings/#csrf-cookie-httponly',
  },
  // Rails: CookieStore's default key is "_<app name>_session".
  { match: /^_[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*_session$/, technology: 'rails', role: 'session', note: 'Rails’ session cookie (_<app>_session, the CookieStore default key).', source: 'https://api.rubyonrails.org/classes/ActionDispatch/Session/CookieStore.html' },
  { match: '_session_id', technology: 'rails', role: 'session', note: 'Session id of Rails’ server-side session stores.', source: 'https://guides.rubyonrails.org/security.html#session-storage' },
  // Laravel: the session cookie is "<app name>_session" (laravel_session by default).
  { match: 'laravel_session', technology: 'laravel', role: 'session', note: 'Laravel’s session cookie (config/session.php “cookie”).', source: 'https://laravel.com/docs/session#configuration' },
  {
    match: 'XSRF-TOKEN',
    technology: null,
    role: 'csrf',
    readByScript: true,
    note: 'A CSRF token meant to be read by JavaScript (Laravel for Axios, Angular’s HttpClient, Spring Security’s CookieCsrfTokenRepository) and echoed in X-XSRF-TOKEN.',
    source: 'https://laravel.com/docs/csrf#csrf-x-xsrf-token',
  },
  // PHP and PHP applications
  { match: 'PHPSESSID', technology: 'php', role: 'session', note: 'PHP’s session cookie (session.name).', source: 'https://www.php.net/manual/en/session.configuration.php#ini.session.name' },
  { match: 'ci_session', technology: 'codeigniter', role: 'session', note: 'CodeIgniter’s session cookie.', source: 'https://codeigniter.com/user_guide/libraries/sessions.html' },
  { match: /^wordpress_logged_in_[0-9a-f]{32}$/, technology: 'wordpress', role: 'session', note: 'WordPress’ login cookie.', source: 'https://developer.wordpress.org/advanced-administration/wordpress/cookies/' },
  { match: /^wordpress_(?:sec_)?[0-9a-f]{32}$/, technology: 'wordpress', role: 'session', note: 'WordPress’ authentication cookie for the admin area.', source: 'https://developer.wordpress.org/advanced-administration/wordpress/cookies/' },
  { match: /^wp-settings-(?:time-)?\d+$/, technology: 'wordpress', role: 'other', note: 'WordPress’ admin interface preferences.', source: 'https://developer.wordpress.org/advanced-administration/wordpress/cookies/' },
  // Node.js
  { match: 'connect.sid', technology: 'express', role: 'session', note: 'express-session’s default cookie name.', source: 'https://github.com/expressjs/session#name' },
  { match: '_csrf', technology: 'express', role: 'csrf', note: 'The CSRF secret cookie of csurf-style middleware.', source: 'https://github.com/expressjs/csurf#cookie' },
  // ASP.NET and ASP.NET Core
  { match: 'ASP.NET_SessionId', technology: 'aspnet', role: 'session', note: 'ASP.NET session state cookie.', source: 'https://learn.microsoft.com/en-us/dotnet/api/system.web.configuration.sessionstatesection.cookiename' },
  { match: '.ASPXAUTH', technology: 'aspnet', role: 'session', note: 'ASP.NET Forms authentication ticket.', source: 'https://learn.microsoft.com/en-us/dotnet/api/system.web.security.formsauthentication.formscookiename' },
  { match: '.AspNetCore.Session', technology: 'aspnet', role: 'session', note: 'ASP.NET Core session cookie.', source: 'https://learn.microsoft.com/en-us/aspnet/core/fundamentals/app-state#session-state' },
  { match: /^\.AspNetCore\.(?:Cookies|Identity\.Application|Identity\.External|Identity\.TwoFactorUserId)$/, technology: 'aspnet', role: 'session', note: 'ASP.NET Core authentication cookie.', source: 'https://learn.microsoft.com/en-us/aspnet/core/security/authentication/cookie' },
  { match: /^\.AspNetCore\.(?:Correlation|OpenIdConnect\.Nonce)\./, technology: 'aspnet', role: 'session', note: 'ASP.NET Core sign-in flow cookie (OpenID Connect).', source: 'https://learn.microsoft.com/en-us/aspnet/core/security/authentication/configure-oidc-web-authentication' },
  { match: /^\.AspNetCore\.Antiforgery\./, technology: 'aspnet', role: 'csrf', note: 'ASP.NET Core antiforgery cookie (the token itself travels in the form).', source: 'https://learn.microsoft.com/en-us/aspnet/core/security/anti-request-forgery' },
  { match: /^__RequestVerificationToken(?:_\w+)?$/, technology: 'aspnet', role: 'csrf', note: 'ASP.NET MVC antiforgery cookie.', source: 'https://learn.microsoft.com/en-us/aspnet/web-api/overview/security/preventing-cross-site-request-forgery-csrf-attacks' },
  // Java, Python, Ruby, Scala
  { match: 'JSESSIONID', technology: 'java', role: 'session', note: 'Java Servlet session cookie (Tomcat, Jetty, Spring).', source: 'https://jakarta.ee/specifications/servlet/6.0/jakarta-servlet-spec-6.0#session-tracking-mechanisms' },
  { match: 'session', technology: 'flask', role: 'session', note: 'Flask’s default session cookie (SESSION_COOKIE_NAME).', source: 'https://flask.palletsprojects.com/en/stable/config/#SESSION_COOKIE_NAME' },
  { match: 'rack.session', technology: 'rack', role: 'session', note: 'Rack’s session cookie (Sinatra and other Rack apps).', source: 'https://github.com/rack/rack-session' },
  { match: 'PLAY_SESSION', technology: 'play', role: 'session', note: 'Play Framework’s session cookie.', source: 'https://www.playframework.com/documentation/latest/ScalaSessionFlash' },
  // Load balancers and CDNs: no user secret, and not configured by the application.
  { match: /^AWSALB(?:CORS|TG|TGCORS)?$/, technology: 'aws-elb', role: 'affinity', note: 'AWS load-balancer stickiness cookie.', source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/sticky-sessions.html' },
  { match: /^AWSELB(?:CORS)?$/, technology: 'aws-elb', role: 'affinity', note: 'AWS Classic Load Balancer stickiness cookie.', source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-sticky-sessions.html' },
  { match: /^ARRAffinity(?:SameSite)?$/, technology: 'azure-app-service', role: 'affinity', note: 'Azure App Service instance affinity cookie.', source: 'https://learn.microsoft.com/en-us/azure/app-service/configure-common#configure-general-settings' },
  { match: 'heroku-session-affinity', technology: 'heroku', role: 'affinity', note: 'Heroku router session affinity cookie.', source: 'https://devcenter.heroku.com/articles/session-affinity' },
  { match: /^(?:__cf_bm|cf_clearance|__cflb|_cfuvid|__cfruid)$/, technology: 'cloudflare', role: 'infrastructure', note: 'Set by Cloudflare (bot management, load balancing, rate limiting), not by the site’s code.', source: 'https://developers.cloudflare.com/fundamentals/reference/policies-compliances/cloudflare-cookies/' },
  { match: /^BIGipServer/, technology: 'f5-big-ip', role: 'affinity', note: 'F5 BIG-IP persistence cookie.', source: 'https://my.f5.com/manage/s/article/K6917' },
];

export interface CookieClassification {
  role: CookieRole;
  technology: CookieTechnology | null;
  readByScript: boolean;
  /** The table entry, or null when the role was guessed from the name. */
  known: KnownCookie | null;
}

/** Guesses for names not in the table; CSRF first, because "csrf_session" is a CSRF cookie. */
const CSRF_NAME = /csrf|xsrf|antiforgery|requestverification/i;
const SESSION_NAME = /sess|^sid$|[_.-]sid$|auth|login|remember/i;

/** What a cookie is for, from its name: the table first, then a cautious guess. */
export function classifyCookie(name: string): CookieClassification {
  for (const entry of KNOWN_COOKIES) {
    const matches = typeof entry.match === 'string' ? entry.match === name : entry.match.test(name);
    if (matches) return { role: entry.role, technology: entry.technology, readByScript: entry.readByScript === true, known: entry };
  }
  if (CSRF_NAME.test(name)) return { role: 'csrf', technology: null, readByScript: false, known: null };
  if (SESSION_NAME.test(name)) return { role: 'session', technology: null, readByScript: false, known: null };
  return { role: 'other', technology: null, readByScript: false, known: null };
}
