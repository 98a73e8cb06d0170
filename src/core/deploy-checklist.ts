/**
 * The framework's own deploy checklist, seen from outside. A Django developer runs
 * `python manage.py check --deploy` first; this lists its security warnings by their own
 * ids and says, for each, what the page Tabgrade saw shows: the warning is confirmed from
 * outside, the setting looks fine from outside, or it cannot be seen from outside
 * (SECRET_KEY, ALLOWED_HOSTS), with the setting to change.
 *
 * Rails, Laravel and Express have no such command: their lists use the settings' own names
 * as ids (`config.force_ssl`, `APP_DEBUG`, helmet's middleware names) and the file or
 * package where they live stands in for the command.
 *
 * Ids and settings from Django's check framework reference (security checks, Django 5.x);
 * Rails' Configuring guide (config.force_ssl, session_store, default_headers,
 * consider_all_requests_local; Rails 7/8); Laravel's deployment guide and config/session.php
 * (Laravel 11); helmet's README (v7/v8 names, older aliases in the setting) and
 * express-session's cookie options. Every judgement reads the report's Observatory results
 * and findings, so it agrees with them by construction.
 */
import type { GradedTest } from './checks/observatory/grade-types';
import type { Finding } from './findings';
import type { ObservatoryGrade } from './checks/observatory/grade-types';

export type ChecklistStatus = 'confirmed' | 'fine' | 'unseen';

export interface ChecklistItem {
  /** The framework's own id, e.g. `security.W004`. */
  id: string;
  /** The setting (or middleware) the warning is about. */
  setting: string;
  /** What the warning says, in a few words. */
  title: string;
  status: ChecklistStatus;
  /** Why Tabgrade concludes this, from what the page sent. */
  evidence: string;
  /** The line to change (settings.py, production.rb, .env, app.js) when the warning is confirmed. */
  fix: string;
}

/** The application layers that have a checklist (stack ids, as `detectStack` names them). */
export type ChecklistFramework = 'django' | 'rails' | 'laravel' | 'express';

export interface DeployChecklist {
  framework: ChecklistFramework;
  /** The command whose warnings these are; for frameworks without one, where the settings live. */
  command: string;
  items: ChecklistItem[];
}

interface CookieData {
  name: string;
  secure: boolean;
  httponly: boolean;
}

function cookiesOf(grade: ObservatoryGrade): CookieData[] | null {
  const list = grade.tests.cookies.data.cookies;
  if (!Array.isArray(list)) return null;
  return list.filter((cookie): cookie is CookieData => typeof cookie === 'object' && cookie !== null && typeof (cookie as CookieData).name === 'string');
}

function stringData(test: GradedTest | undefined, key: string): string | null {
  const value = test?.data[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

interface Facts {
  https: boolean;
  grade: ObservatoryGrade;
  findings: readonly Finding[];
  cookies: CookieData[] | null;
}

type Judge = (facts: Facts) => { status: ChecklistStatus; evidence: string };

interface ItemSpec {
  id: string;
  setting: string;
  title: string;
  fix: string;
  judge: Judge;
}

const unseen = (evidence: string) => ({ status: 'unseen' as const, evidence });
const confirmed = (evidence: string) => ({ status: 'confirmed' as const, evidence });
const fine = (evidence: string) => ({ status: 'fine' as const, evidence });

function hsts(facts: Facts): { header: boolean; includeSubDomains: boolean; preload: boolean } | null {
  if (!facts.https) return null;
  const test = facts.grade.tests['strict-transport-security'];
  const header = stringData(test, 'header') !== null;
  return { header, includeSubDomains: test.data.includeSubDomains === true, preload: test.data.preload === true };
}

function cookieFlag(name: string, flag: 'secure' | 'httponly', setting: string): Judge {
  return cookiesFlag((candidate) => candidate === name, name, flag, setting);
}

/** Judges `flag` on every cookie whose name `matches`: confirmed when one lacks it. */
function cookiesFlag(matches: (name: string) => boolean, label: string, flag: 'secure' | 'httponly', setting: string): Judge {
  const flagName = flag === 'secure' ? 'Secure' : 'HttpOnly';
  return (facts) => {
    if (facts.cookies === null) return unseen('The page set too many cookies for Tabgrade to list them.');
    const cookies = facts.cookies.filter((candidate) => matches(candidate.name));
    if (cookies.length === 0) return unseen(`The page did not set the ${label} cookie, so ${setting} cannot be seen here (it shows on a page that sets it, e.g. after logging in).`);
    const without = cookies.find((cookie) => !cookie[flag]);
    if (without !== undefined) return confirmed(`The ${without.name.slice(0, 60)} cookie is set without ${flagName}.`);
    return fine(cookies.length === 1 ? `The ${(cookies[0]?.name ?? label).slice(0, 60)} cookie is ${flagName}.` : `The ${label} cookies are ${flagName}.`);
  };
}

/** Confirmed when one of these findings is in the report; otherwise it cannot be seen. */
function findingConfirms(ids: readonly string[], otherwise: string): Judge {
  return (facts) => {
    const seen = facts.findings.find((finding) => ids.includes(finding.id));
    return seen !== undefined ? confirmed(`${seen.title}.`) : unseen(otherwise);
  };
}

function httpsRedirect(facts: Facts): { status: ChecklistStatus; evidence: string } {
  const test = facts.grade.tests.redirection;
  if (test.result === 'redirection-to-https' || test.result === 'redirection-all-redirects-preloaded') return fine('Plain HTTP redirects to HTTPS.');
  if (test.result === 'redirection-not-needed-no-http') return fine('The site does not answer over plain HTTP.');
  if (test.pass) return fine('The Observatory’s redirection test passes.');
  return confirmed(`Plain HTTP is not redirected to HTTPS (${test.result}).`);
}

function hstsSent(facts: Facts): { status: ChecklistStatus; evidence: string } {
  const state = hsts(facts);
  if (state === null) return unseen('The page was not served over HTTPS, where HSTS is sent.');
  return state.header ? fine('Strict-Transport-Security is sent.') : confirmed('No Strict-Transport-Security header over HTTPS.');
}

const nosniffSent = (facts: Facts): boolean => facts.grade.tests['x-content-type-options'].result === 'x-content-type-options-nosniff';
const frameOptionsSent = (facts: Facts): boolean => stringData(facts.grade.tests['x-frame-options'], 'value') !== null;

const DJANGO_ITEMS: readonly ItemSpec[] = [
  {
    id: 'security.W001',
    setting: 'django.middleware.security.SecurityMiddleware',
    title: 'SecurityMiddleware is not in MIDDLEWARE',
    fix: 'MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", ...]  # first in the list',
    judge: (facts) => {
      const xcto = nosniffSent(facts);
      const referrer = facts.grade.tests['referrer-policy'].result !== 'referrer-policy-not-implemented';
      if (xcto || referrer) return fine('The page carries headers SecurityMiddleware sends by default (X-Content-Type-Options, Referrer-Policy).');
      return confirmed('Neither X-Content-Type-Options: nosniff nor a Referrer-Policy is sent, which SecurityMiddleware sends by default.');
    },
  },
  {
    id: 'security.W002',
    setting: 'django.middleware.clickjacking.XFrameOptionsMiddleware',
    title: 'XFrameOptionsMiddleware is not in MIDDLEWARE',
    fix: 'MIDDLEWARE = [..., "django.middleware.clickjacking.XFrameOptionsMiddleware"]',
    judge: (facts) => (frameOptionsSent(facts) ? fine('X-Frame-Options is sent.') : confirmed('No X-Frame-Options header is sent.')),
  },
  {
    id: 'security.W004',
    setting: 'SECURE_HSTS_SECONDS',
    title: 'SECURE_HSTS_SECONDS is not set',
    fix: 'SECURE_HSTS_SECONDS = 31536000  # start with 3600 and raise it once HTTPS works everywhere',
    judge: hstsSent,
  },
  {
    id: 'security.W005',
    setting: 'SECURE_HSTS_INCLUDE_SUBDOMAINS',
    title: 'SECURE_HSTS_INCLUDE_SUBDOMAINS is not True',
    fix: 'SECURE_HSTS_INCLUDE_SUBDOMAINS = True',
    judge: (facts) => {
      const state = hsts(facts);
      if (state === null || !state.header) return unseen('There is no HSTS header to read includeSubDomains from.');
      return state.includeSubDomains ? fine('HSTS includes subdomains.') : confirmed('The HSTS header has no includeSubDomains.');
    },
  },
  {
    id: 'security.W008',
    setting: 'SECURE_SSL_REDIRECT',
    title: 'SECURE_SSL_REDIRECT is not True',
    fix: 'SECURE_SSL_REDIRECT = True  # or redirect in the web server in front of Django',
    judge: httpsRedirect,
  },
  {
    id: 'security.W009',
    setting: 'SECRET_KEY',
    title: 'SECRET_KEY is short, weak or generated by Django',
    fix: 'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]  # 50+ random characters, never in the repository',
    judge: () => unseen('The secret key never leaves the server.'),
  },
  {
    id: 'security.W012',
    setting: 'SESSION_COOKIE_SECURE',
    title: 'SESSION_COOKIE_SECURE is not True',
    fix: 'SESSION_COOKIE_SECURE = True',
    judge: cookieFlag('sessionid', 'secure', 'SESSION_COOKIE_SECURE'),
  },
  {
    id: 'security.W015',
    setting: 'SESSION_COOKIE_HTTPONLY',
    title: 'SESSION_COOKIE_HTTPONLY is not True',
    fix: 'SESSION_COOKIE_HTTPONLY = True  # the default',
    judge: cookieFlag('sessionid', 'httponly', 'SESSION_COOKIE_HTTPONLY'),
  },
  {
    id: 'security.W016',
    setting: 'CSRF_COOKIE_SECURE',
    title: 'CSRF_COOKIE_SECURE is not True',
    fix: 'CSRF_COOKIE_SECURE = True',
    judge: cookieFlag('csrftoken', 'secure', 'CSRF_COOKIE_SECURE'),
  },
  {
    id: 'security.W018',
    setting: 'DEBUG',
    title: 'DEBUG is True in deployment',
    fix: 'DEBUG = False  # and ALLOWED_HOSTS set',
    judge: (facts) => {
      const debug = facts.findings.find((finding) => finding.id === 'debug-page-django' || finding.id === 'development-server-wsgiref');
      if (debug !== undefined) return confirmed(`${debug.title}.`);
      return unseen('Tabgrade saw no Django debug page or development server on this page; a page that fails (a 404) would show Django’s technical error page if DEBUG were on.');
    },
  },
  {
    id: 'security.W019',
    setting: 'X_FRAME_OPTIONS',
    title: 'X_FRAME_OPTIONS is not DENY',
    fix: 'X_FRAME_OPTIONS = "DENY"  # the default since Django 3.0',
    judge: (facts) => {
      const value = stringData(facts.grade.tests['x-frame-options'], 'value');
      if (value === null) return unseen('No X-Frame-Options header to read (see security.W002).');
      return value.trim().toLowerCase() === 'deny' ? fine('X-Frame-Options is DENY.') : confirmed(`X-Frame-Options is ${value.slice(0, 40)}, not DENY.`);
    },
  },
  {
    id: 'security.W020',
    setting: 'ALLOWED_HOSTS',
    title: 'ALLOWED_HOSTS is empty',
    fix: 'ALLOWED_HOSTS = ["www.example.com"]',
    judge: () => unseen('A site that answers at all has some ALLOWED_HOSTS; whether the list is too wide cannot be seen from outside.'),
  },
  {
    id: 'security.W021',
    setting: 'SECURE_HSTS_PRELOAD',
    title: 'SECURE_HSTS_PRELOAD is not True',
    fix: 'SECURE_HSTS_PRELOAD = True  # then submit the domain at hstspreload.org',
    judge: (facts) => {
      const state = hsts(facts);
      if (state === null || !state.header) return unseen('There is no HSTS header to read preload from.');
      return state.preload ? fine('HSTS carries preload.') : confirmed('The HSTS header has no preload directive.');
    },
  },
  {
    id: 'security.W022',
    setting: 'SECURE_REFERRER_POLICY',
    title: 'SECURE_REFERRER_POLICY is not set',
    fix: 'SECURE_REFERRER_POLICY = "same-origin"  # the default since Django 3.1',
    judge: (facts) =>
      facts.grade.tests['referrer-policy'].result === 'referrer-policy-not-implemented' ? confirmed('No Referrer-Policy is sent.') : fine('A Referrer-Policy is sent.'),
  },
  {
    id: 'security.E024',
    setting: 'SECURE_CROSS_ORIGIN_OPENER_POLICY',
    title: 'SECURE_CROSS_ORIGIN_OPENER_POLICY has an invalid value',
    fix: 'SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"  # the default since Django 4.0',
    judge: (facts) => {
      const test = facts.grade.tests['cross-origin-opener-policy'];
      if (test === undefined) return unseen('The chosen Observatory rules (1.6.3) do not read COOP.');
      return test.result === 'coop-header-invalid' ? confirmed('The Cross-Origin-Opener-Policy header is not valid.') : fine('Cross-Origin-Opener-Policy is valid or absent.');
    },
  },
  {
    id: 'security.W025',
    setting: 'SECRET_KEY_FALLBACKS',
    title: 'A SECRET_KEY_FALLBACKS entry is weak',
    fix: 'SECRET_KEY_FALLBACKS = []  # remove old keys once sessions signed with them have expired',
    judge: () => unseen('Fallback keys never leave the server.'),
  },
];

/** Rails names its session cookie `_<app>_session` after the application module. */
const isRailsSessionCookie = (name: string): boolean => /^_[A-Za-z0-9_]+_session$/.test(name);

const RAILS_ITEMS: readonly ItemSpec[] = [
  {
    id: 'config.force_ssl',
    setting: 'config.force_ssl',
    title: 'config.force_ssl is not true',
    fix: 'config.force_ssl = true  # in config/environments/production.rb: redirects to HTTPS, sends HSTS, marks cookies Secure',
    judge: (facts) => {
      const redirect = httpsRedirect(facts);
      if (redirect.status === 'confirmed') return redirect;
      const sent = hstsSent(facts);
      if (sent.status === 'confirmed') return confirmed(`${sent.evidence} config.force_ssl sends it.`);
      if (sent.status === 'unseen') return unseen(sent.evidence);
      return fine('Plain HTTP redirects to HTTPS and Strict-Transport-Security is sent, as config.force_ssl does.');
    },
  },
  {
    id: 'config.session_store(secure:)',
    setting: 'config.session_store',
    title: 'The session cookie is not Secure',
    fix: 'config.force_ssl = true  # or: config.session_store :cookie_store, key: "_app_session", secure: true',
    judge: cookiesFlag(isRailsSessionCookie, '_<app>_session', 'secure', 'the session cookie’s Secure flag'),
  },
  {
    id: 'config.session_store(httponly:)',
    setting: 'config.session_store',
    title: 'The session cookie is readable by scripts',
    fix: 'config.session_store :cookie_store, key: "_app_session", httponly: true  # the default',
    judge: cookiesFlag(isRailsSessionCookie, '_<app>_session', 'httponly', 'the session cookie’s HttpOnly flag'),
  },
  {
    id: 'config.action_dispatch.default_headers',
    setting: 'config.action_dispatch.default_headers',
    title: 'Rails’ default security headers are removed',
    fix: 'config.action_dispatch.default_headers = { "X-Frame-Options" => "SAMEORIGIN", "X-Content-Type-Options" => "nosniff", "Referrer-Policy" => "strict-origin-when-cross-origin" }  # or delete the line that empties it',
    judge: (facts) => {
      if (nosniffSent(facts) || frameOptionsSent(facts)) return fine('The page carries headers Rails sends by default (X-Content-Type-Options, X-Frame-Options).');
      return confirmed('Neither X-Content-Type-Options: nosniff nor X-Frame-Options is sent, which Rails sends by default.');
    },
  },
  {
    id: 'config.consider_all_requests_local',
    setting: 'config.consider_all_requests_local',
    title: 'Detailed error pages are shown to everyone',
    fix: 'config.consider_all_requests_local = false  # in config/environments/production.rb, and RAILS_ENV=production',
    judge: findingConfirms(['debug-page-rails', 'debug-rails-web-console'], 'Tabgrade saw no Rails development error page on this page; a page that fails would show it if the setting were on.'),
  },
  {
    id: 'config.secret_key_base',
    setting: 'config.secret_key_base',
    title: 'secret_key_base is weak or in the repository',
    fix: 'SECRET_KEY_BASE comes from credentials or the environment (bin/rails secret), never the repository',
    judge: () => unseen('The secret key base never leaves the server.'),
  },
];

/** Laravel names its session cookie after APP_NAME (`laravel_session` by default); XSRF-TOKEN follows the same `secure` setting. */
const isLaravelSessionCookie = (name: string): boolean => /^[A-Za-z0-9_-]*_session$/.test(name);

const LARAVEL_ITEMS: readonly ItemSpec[] = [
  {
    id: 'APP_DEBUG',
    setting: 'APP_DEBUG',
    title: 'APP_DEBUG is true in production',
    fix: 'APP_DEBUG=false  # in the server’s .env, with APP_ENV=production; then php artisan config:cache',
    judge: findingConfirms(['debug-page-laravel', 'debug-laravel-debugbar'], 'Tabgrade saw no Ignition or Whoops page on this page; a page that fails would show one if APP_DEBUG were on.'),
  },
  {
    id: 'SESSION_SECURE_COOKIE',
    setting: 'SESSION_SECURE_COOKIE',
    title: 'SESSION_SECURE_COOKIE is not true',
    fix: 'SESSION_SECURE_COOKIE=true',
    judge: cookiesFlag((name) => isLaravelSessionCookie(name) || name === 'XSRF-TOKEN', 'laravel_session or XSRF-TOKEN', 'secure', 'SESSION_SECURE_COOKIE'),
  },
  {
    id: 'SESSION_HTTP_ONLY',
    setting: 'SESSION_HTTP_ONLY',
    title: 'The session cookie is readable by scripts',
    fix: 'SESSION_HTTP_ONLY=true  # the default (config/session.php http_only)',
    judge: cookiesFlag(isLaravelSessionCookie, 'laravel_session', 'httponly', 'SESSION_HTTP_ONLY'),
  },
  {
    id: 'HTTPS redirect',
    setting: 'the web server or a redirect middleware',
    title: 'Plain HTTP is not redirected to HTTPS',
    fix: 'Redirect HTTP to HTTPS in the web server (Laravel has no setting for it); APP_URL=https://… and URL::forceScheme("https") only make the links HTTPS',
    judge: httpsRedirect,
  },
  {
    id: 'APP_KEY',
    setting: 'APP_KEY',
    title: 'APP_KEY is missing or shared',
    fix: 'php artisan key:generate  # on the server, once; keep APP_KEY out of the repository',
    judge: () => unseen('The application key never leaves the server (unless a debug page shows it: see APP_DEBUG).'),
  },
];

const EXPRESS_ITEMS: readonly ItemSpec[] = [
  {
    id: 'helmet.xPoweredBy',
    setting: 'app.disable("x-powered-by") / helmet.xPoweredBy (hidePoweredBy)',
    title: 'X-Powered-By: Express is sent',
    fix: 'app.use(helmet());  // or app.disable("x-powered-by");',
    judge: (facts) =>
      facts.findings.some((finding) => finding.id === 'x-powered-by-disclosed') ? confirmed('The page sends X-Powered-By, which helmet removes.') : fine('No X-Powered-By header is sent.'),
  },
  {
    id: 'helmet.strictTransportSecurity',
    setting: 'helmet.strictTransportSecurity (hsts)',
    title: 'Strict-Transport-Security is not sent',
    fix: 'app.use(helmet());  // sends Strict-Transport-Security: max-age=31536000; includeSubDomains',
    judge: hstsSent,
  },
  {
    id: 'helmet.xContentTypeOptions',
    setting: 'helmet.xContentTypeOptions (noSniff)',
    title: 'X-Content-Type-Options: nosniff is not sent',
    fix: 'app.use(helmet());  // sends X-Content-Type-Options: nosniff',
    judge: (facts) => (nosniffSent(facts) ? fine('X-Content-Type-Options: nosniff is sent.') : confirmed('No X-Content-Type-Options: nosniff is sent.')),
  },
  {
    id: 'helmet.xFrameOptions',
    setting: 'helmet.xFrameOptions (frameguard)',
    title: 'X-Frame-Options is not sent',
    fix: 'app.use(helmet());  // sends X-Frame-Options: SAMEORIGIN (and CSP frame-ancestors \'self\')',
    judge: (facts) => (frameOptionsSent(facts) ? fine('X-Frame-Options is sent.') : confirmed('No X-Frame-Options header is sent.')),
  },
  {
    id: 'NODE_ENV',
    setting: 'NODE_ENV',
    title: 'NODE_ENV is not production',
    fix: 'NODE_ENV=production node server.js  # Express then sends no stack traces',
    judge: findingConfirms(['debug-page-express'], 'Tabgrade saw no stack trace on this page; a page that fails would show one if NODE_ENV were not production.'),
  },
  {
    id: 'cookie.secure',
    setting: 'express-session cookie.secure',
    title: 'The connect.sid session cookie is not Secure',
    fix: 'app.set("trust proxy", 1); app.use(session({ cookie: { secure: true }, ... }));',
    judge: cookieFlag('connect.sid', 'secure', 'cookie.secure'),
  },
  {
    id: 'cookie.httpOnly',
    setting: 'express-session cookie.httpOnly',
    title: 'The connect.sid session cookie is readable by scripts',
    fix: 'app.use(session({ cookie: { httpOnly: true }, ... }));  // the default',
    judge: cookieFlag('connect.sid', 'httponly', 'cookie.httpOnly'),
  },
];

/** Each framework's checklist: the command (or where the settings live) and its items. */
const CHECKLISTS: Readonly<Record<ChecklistFramework, { command: string; items: readonly ItemSpec[] }>> = {
  django: { command: 'python manage.py check --deploy', items: DJANGO_ITEMS },
  rails: { command: 'config/environments/production.rb', items: RAILS_ITEMS },
  laravel: { command: '.env and config/session.php', items: LARAVEL_ITEMS },
  express: { command: 'helmet() and express-session options', items: EXPRESS_ITEMS },
};

function isChecklistFramework(framework: string | null): framework is ChecklistFramework {
  return framework !== null && Object.hasOwn(CHECKLISTS, framework);
}

/** The checklist for a Django, Rails, Laravel or Express application layer; null for other frameworks or no document. */
export function deployChecklist(grade: ObservatoryGrade, findings: readonly Finding[], framework: string | null): DeployChecklist | null {
  if (!isChecklistFramework(framework)) return null;
  const status = grade.status ?? 'graded';
  if (status !== 'graded' && status !== 'partial') return null;
  let https = false;
  try {
    https = new URL(grade.url).protocol === 'https:';
  } catch {
    https = false;
  }
  const facts: Facts = { https, grade, findings, cookies: cookiesOf(grade) };
  const checklist = CHECKLISTS[framework];
  return {
    framework,
    command: checklist.command,
    items: checklist.items.map((spec) => ({ id: spec.id, setting: spec.setting, title: spec.title, fix: spec.fix, ...spec.judge(facts) })),
  };
}
