/**
 * Cache-Control on pages that carry a login session.
 *
 * Caching is good for public pages, so nothing is said about a page that sets no session
 * cookie. A navigation that sets one — on the page itself, or on the redirect that led to
 * it, as after a login — is different (RFC 9111 §3, §5.2.2). (A capture holds no request
 * headers, so a session cookie set on an earlier visit cannot be seen.)
 * - if a shared cache (CDN, proxy) may store it — `public`, `s-maxage`, or a cache reporting
 *   a hit — the stored copy, Set-Cookie included, can be served to other visitors, who then
 *   share the session: high;
 * - if nothing says `private`, `no-cache`, `no-store` or `max-age=0`, a browser or proxy may
 *   keep a copy that the next person at a shared computer can reach with Back: low.
 * Frameworks mostly get this right by default (PHP sessions send `no-store`, Rails sends
 * `private`), which is why the low finding needs an explicit gap.
 */
import type { PageCapture } from '../../capture';
import type { CheckContext, Finding, TabgradeCheck } from '../../findings';
import { firstHeader, joinedHeader } from '../../headers';
import { classifyCookie } from './known-cookies';
import { isDeletion, navigationCookies } from './navigation-cookies';
import { clip, documentHeaders, findingMaker, MDN_HEADERS } from './shared';

const LEARN_MORE = `${MDN_HEADERS}/Cache-Control`;
const make = findingMaker('cache-control-sensitive-pages', 'application');

export interface CacheDirectives {
  noStore: boolean;
  noCache: boolean;
  private: boolean;
  public: boolean;
  /** Seconds, or null when absent or not a number. */
  maxAge: number | null;
  sMaxAge: number | null;
}

/** Reads the directives that matter here; names are case-insensitive (RFC 9111 §5.2). */
export function parseCacheControl(value: string | null): CacheDirectives {
  const directives: CacheDirectives = { noStore: false, noCache: false, private: false, public: false, maxAge: null, sMaxAge: null };
  if (value === null) return directives;
  for (const piece of value.split(',')) {
    const [rawName, ...rest] = piece.split('=');
    const name = (rawName ?? '').trim().toLowerCase();
    const argument = rest.join('=').trim().replace(/^"|"$/g, '');
    const seconds = /^\d+$/.test(argument) ? Number(argument) : null;
    if (name === 'no-store') directives.noStore = true;
    else if (name === 'no-cache') directives.noCache = true;
    else if (name === 'private') directives.private = true;
    else if (name === 'public') directives.public = true;
    else if (name === 'max-age') directives.maxAge = seconds;
    else if (name === 's-maxage') directives.sMaxAge = seconds;
  }
  return directives;
}

/** Headers CDNs and proxies use to say the response came from their cache. */
const CACHE_STATUS_HEADERS = ['x-cache', 'cf-cache-status', 'x-cache-status', 'x-proxy-cache', 'x-vercel-cache', 'x-nf-cache-status', 'cache-status'];

function servedFromSharedCache(capture: PageCapture): boolean {
  const headers = documentHeaders(capture);
  const age = firstHeader(headers, 'age');
  if (age !== null && /^\s*\d+\s*$/.test(age) && Number(age) > 0) return true;
  return CACHE_STATUS_HEADERS.some((name) => {
    const value = joinedHeader(headers, name);
    return value !== null && /\bhit\b/i.test(value);
  });
}

function judge(capture: PageCapture, context: CheckContext): Finding[] {
  if (!capture.document) return [];
  const sessionCookies = navigationCookies(capture)
    .filter((entry) => !isDeletion(entry.cookie, context.now) && classifyCookie(entry.cookie.name).role === 'session')
    .map((entry) => clip(entry.cookie.name, 120));
  if (sessionCookies.length === 0) return [];

  const raw = joinedHeader(documentHeaders(capture), 'cache-control');
  const cache = parseCacheControl(raw);
  const data = { cacheControl: raw === null ? null : clip(raw), sessionCookies };

  const sharedStorable = !cache.noStore && !cache.private && (cache.public || (cache.sMaxAge ?? 0) > 0);
  const cacheHit = !cache.noStore && servedFromSharedCache(capture);
  if (sharedStorable || cacheHit) {
    return [
      make({
        id: 'cache-session-response-shared-cacheable',
        severity: 'high',
        title: cacheHit ? 'A cached response set a session cookie' : 'A response that sets a session cookie may be stored by shared caches',
        detail:
          'A CDN or proxy that stores this response stores its Set-Cookie too, and can hand the same session to other visitors — who are then logged in as someone else. Responses that set or depend on a session must be private or no-store; keep public caching for pages that set no cookies.',
        subject: 'Cache-Control',
        recommendation: 'Cache-Control: no-store (or private, no-cache)',
        learnMoreUrl: LEARN_MORE,
        data: { ...data, cacheHit },
      }),
    ];
  }

  const revalidates = cache.noCache || cache.maxAge === 0;
  if (cache.noStore || cache.private || revalidates) return [];
  return [
    make({
      id: 'cache-session-response-cacheable',
      severity: 'low',
      title: 'A page that sets a session cookie does not limit caching',
      detail:
        'Without Cache-Control: no-store (or private), a browser or an intermediate cache may keep a copy of this logged-in page, which the next user of a shared computer can reach with Back or from the cache. no-store is the strongest choice but also keeps the page out of the back/forward cache; private, no-cache keeps shared caches out and still revalidates.',
      subject: 'Cache-Control',
      recommendation: 'Cache-Control: no-store',
      learnMoreUrl: LEARN_MORE,
      data,
    }),
  ];
}

export const cacheControlSensitivePagesCheck: TabgradeCheck = {
  id: 'cache-control-sensitive-pages',
  title: 'Caching of logged-in pages',
  group: 'application',
  needs: ['document', 'redirects'],
  possibleFindings: ['cache-session-response-shared-cacheable', 'cache-session-response-cacheable'],
  run: judge,
};
