/**
 * The framework's own deploy checklist, seen from outside. A Django developer runs
 * `python manage.py check --deploy` first; this lists its security warnings by their own
 * ids and says, for each, what the page Tabgrade saw shows: the warning is confirmed from
 * outside, the setting looks fine from outside, or it cannot be seen from outside
 * (SECRET_KEY, ALLOWED_HOSTS), with the setting to change.
 *
 * Ids and settings from Django's check framework reference (security checks, Django 5.x).
 * Every judgement reads the report's Observatory results and findings, so it agrees with
 * them by construction.
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
  /** The line to change in settings.py when the warning is confirmed. */
  fix: string;
}

export interface DeployChecklist {
  framework: 'django';
  /** The command whose warnings these are. */
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
  return (facts) => {
    if (facts.cookies === null) return unseen('The page set too many cookies for Tabgrade to list them.');
    const cookie = facts.cookies.find((candidate) => candidate.name === name);
    if (cookie === undefined) return unseen(`The page did not set the ${name} cookie, so ${setting} cannot be seen here (it shows on a page that sets it, e.g. after logging in).`);
    return cookie[flag] ? fine(`The ${name} cookie is ${flag === 'secure' ? 'Secure' : 'HttpOnly'}.`) : confirmed(`The ${name} cookie is set without ${flag === 'secure' ? 'Secure' : 'HttpOnly'}.`);
  };
}

const DJANGO_ITEMS: readonly ItemSpec[] = [
  {
    id: 'security.W001',
    setting: 'django.middleware.security.SecurityMiddleware',
    title: 'SecurityMiddleware is not in MIDDLEWARE',
    fix: 'MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", ...]  # first in the list',
    judge: (facts) => {
      const xcto = facts.grade.tests['x-content-type-options'].result === 'x-content-type-options-nosniff';
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
    judge: (facts) => {
      const xfo = facts.grade.tests['x-frame-options'];
      return stringData(xfo, 'value') !== null ? fine('X-Frame-Options is sent.') : confirmed('No X-Frame-Options header is sent.');
    },
  },
  {
    id: 'security.W004',
    setting: 'SECURE_HSTS_SECONDS',
    title: 'SECURE_HSTS_SECONDS is not set',
    fix: 'SECURE_HSTS_SECONDS = 31536000  # start with 3600 and raise it once HTTPS works everywhere',
    judge: (facts) => {
      const state = hsts(facts);
      if (state === null) return unseen('The page was not served over HTTPS, where HSTS is sent.');
      return state.header ? fine('Strict-Transport-Security is sent.') : confirmed('No Strict-Transport-Security header over HTTPS.');
    },
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
    judge: (facts) => {
      const test = facts.grade.tests.redirection;
      if (test.result === 'redirection-to-https' || test.result === 'redirection-all-redirects-preloaded') return fine('Plain HTTP redirects to HTTPS.');
      if (test.result === 'redirection-not-needed-no-http') return fine('The site does not answer over plain HTTP.');
      if (test.pass) return fine('The Observatory’s redirection test passes.');
      return confirmed(`Plain HTTP is not redirected to HTTPS (${test.result}).`);
    },
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
      const debug = facts.findings.find((finding) => finding.id === 'development-server-wsgiref' || finding.id.startsWith('debug-django'));
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

/** The checklist for a Django application layer; null for other frameworks (for now) or no document. */
export function deployChecklist(grade: ObservatoryGrade, findings: readonly Finding[], framework: string | null): DeployChecklist | null {
  if (framework !== 'django') return null;
  const status = grade.status ?? 'graded';
  if (status !== 'graded' && status !== 'partial') return null;
  let https = false;
  try {
    https = new URL(grade.url).protocol === 'https:';
  } catch {
    https = false;
  }
  const facts: Facts = { https, grade, findings, cookies: cookiesOf(grade) };
  return {
    framework: 'django',
    command: 'python manage.py check --deploy',
    items: DJANGO_ITEMS.map((spec) => ({ id: spec.id, setting: spec.setting, title: spec.title, fix: spec.fix, ...spec.judge(facts) })),
  };
}
