/**
 * Fix snippets per stack for every Tabgrade finding and every failing Observatory result.
 *
 * `FIX_TOPICS_BY_ID` maps a finding id or an Observatory result id (spelled exactly as the
 * Observatory does) to fix topics; a topic holds hand-written snippets and, for "send this
 * header" topics, snippets generated for each server from `templates.ts`. `fixesFor` picks
 * the snippet for one stack, falling back to the stack-independent advice.
 */
import type { Stack } from '../../../findings';
import { DEBUG_HEADERS } from '../debug-headers-data';
import { DEBUG_PAGES, debugPageFixTopics } from '../debug-pages-data';
import { DEPRECATED_HEADERS } from '../deprecated-headers-data';
import { DISCLOSURE_HEADERS } from '../disclosure-headers';
import { DEVELOPMENT_SERVERS } from '../server-header';
import { removeHeaderSnippet, setHeaderSnippet } from './templates';
import { COOKIE_TOPICS } from './topics-cookies';
import { DISCLOSURE_TOPICS, removeTopicId } from './topics-disclosure';
import { HEADER_TOPICS } from './topics-headers';
import { TRANSPORT_TOPICS } from './topics-transport';
import type { FixSnippet, FixTarget, FixTopic, SnippetSpec } from './types';

export type { FixSnippet, FixTarget, FixTopic, SnippetCode, SnippetLanguage } from './types';

export const ALL_STACKS: readonly Stack[] = ['django', 'rails', 'laravel', 'express', 'aspnet', 'php', 'apache', 'nginx', 'caddy', 'iis', 'netlify'];

export const FIX_TOPICS: ReadonlyMap<string, FixTopic> = new Map(
  [...TRANSPORT_TOPICS, ...HEADER_TOPICS, ...COOKIE_TOPICS, ...DISCLOSURE_TOPICS, ...debugPageFixTopics()].map((topic) => [topic.id, topic]),
);

/** Disclosure headers without a dedicated topic are removed by the generic one. */
const DEDICATED_DISCLOSURE_TOPICS: Readonly<Record<string, string>> = {
  'x-powered-by-disclosed': 'x-powered-by-off',
  'x-aspnet-version-disclosed': 'x-aspnet-version-off',
  'x-aspnetmvc-version-disclosed': 'x-aspnetmvc-version-off',
};

function tableMappings(): Record<string, readonly string[]> {
  const mappings: Record<string, readonly string[]> = {};
  for (const entry of DISCLOSURE_HEADERS) mappings[entry.id] = [DEDICATED_DISCLOSURE_TOPICS[entry.id] ?? removeTopicId(entry.header)];
  for (const entry of DEBUG_HEADERS) mappings[entry.id] = [entry.id];
  for (const entry of DEBUG_PAGES) mappings[entry.id] = [entry.id];
  for (const server of DEVELOPMENT_SERVERS) mappings[server.id] = [server.id];
  for (const entry of DEPRECATED_HEADERS) {
    mappings[entry.id] = entry.header === 'Feature-Policy' ? [removeTopicId(entry.header), 'permissions-policy'] : [removeTopicId(entry.header)];
  }
  return mappings;
}

/** Finding id or Observatory result id → fix topics, in the order to show them. */
export const FIX_TOPICS_BY_ID: Readonly<Record<string, readonly string[]>> = {
  // --- Observatory results (MDN HTTP Observatory 1.6.3 spelling) ---
  'csp-not-implemented': ['csp'],
  'csp-not-implemented-but-reporting-enabled': ['csp'],
  'csp-header-invalid': ['csp'],
  'csp-implemented-with-unsafe-inline': ['csp-nonce', 'csp'],
  'csp-implemented-with-unsafe-eval': ['csp'],
  'csp-implemented-with-insecure-scheme': ['csp'],
  'csp-implemented-with-insecure-scheme-in-passive-content-only': ['csp'],
  'csp-implemented-with-unsafe-inline-in-style-src-only': ['csp'],
  'cookies-without-secure-flag': ['cookie-secure'],
  'cookies-without-secure-flag-but-protected-by-hsts': ['cookie-secure'],
  'cookies-samesite-flag-invalid': ['cookie-secure'],
  'cookies-anticsrf-without-samesite-flag': ['csrf-cookie-flags'],
  'cookies-session-without-httponly-flag': ['session-cookie-flags'],
  'cookies-session-without-secure-flag': ['session-cookie-flags'],
  'cookies-session-without-secure-flag-but-protected-by-hsts': ['session-cookie-flags'],
  'cookies-secure-with-httponly-sessions': ['session-cookie-flags'],
  'cross-origin-resource-sharing-implemented-with-universal-access': ['cors-restrict'],
  'redirection-missing': ['https-redirect'],
  'redirection-not-to-https': ['https-redirect'],
  'redirection-not-to-https-on-initial-redirection': ['https-redirect'],
  'redirection-off-host-from-http': ['https-redirect'],
  'redirection-invalid-cert': ['https-enable'],
  'referrer-policy-not-implemented': ['referrer-policy'],
  'referrer-policy-unsafe': ['referrer-policy'],
  'referrer-policy-header-invalid': ['referrer-policy'],
  'hsts-not-implemented': ['hsts'],
  'hsts-header-invalid': ['hsts'],
  'hsts-implemented-max-age-less-than-six-months': ['hsts'],
  'hsts-not-implemented-no-https': ['https-enable', 'https-redirect', 'hsts'],
  'hsts-invalid-cert': ['https-enable'],
  'sri-not-implemented-but-external-scripts-loaded-securely': ['sri'],
  'sri-implemented-but-external-scripts-not-loaded-securely': ['sri'],
  'sri-not-implemented-and-external-scripts-not-loaded-securely': ['sri'],
  'html-not-parseable': ['content-type-correct'],
  'x-content-type-options-not-implemented': ['nosniff'],
  'x-content-type-options-header-invalid': ['nosniff'],
  'x-frame-options-not-implemented': ['frame-ancestors'],
  'x-frame-options-header-invalid': ['frame-ancestors'],
  'x-frame-options-allow-from-origin': ['frame-ancestors'],
  'corp-not-implemented': ['corp'],
  'corp-header-invalid': ['corp'],
  'corp-implemented-with-cross-origin': ['corp'],

  // --- Tabgrade findings ---
  // Algorithm 6's COOP and COEP results (the bonus results need no fix).
  'coop-not-implemented': ['coop'],
  'coop-header-invalid': ['coop'],
  'coop-implemented-with-unsafe-none': ['coop'],
  'coep-not-implemented': ['coep-credentialless'],
  'coep-header-invalid': ['coep-credentialless'],
  'coep-implemented-with-unsafe-none': ['coep-credentialless'],
  'coop-missing': ['coop'],
  'coop-invalid': ['coop'],
  'coop-unsafe-none': ['coop'],
  'coop-report-only': ['coop'],
  'coep-invalid': ['coep-credentialless'],
  'coep-require-corp-breaks-embeds': ['coep-credentialless'],
  'coep-without-coop-same-origin': ['coop'],
  'permissions-policy-missing': ['permissions-policy'],
  'permissions-policy-invalid': ['permissions-policy'],
  'permissions-policy-powerful-feature-open': ['permissions-policy'],
  'permissions-policy-powerful-feature-unrestricted': ['permissions-policy'],
  'permissions-policy-unrecognised-feature': ['permissions-policy'],
  'permissions-policy-ignored-allowlist-entry': ['permissions-policy'],
  'xpcdp-missing-with-policy-file': ['xpcdp-none'],
  'xpcdp-invalid': ['xpcdp-none'],
  'xpcdp-all': ['xpcdp-none'],
  'clear-site-data-insecure-context': ['https-enable'],
  'clear-site-data-invalid': ['clear-site-data-logout'],
  'clear-site-data-on-regular-page': ['clear-site-data-only-on-logout'],
  'clear-site-data-missing-on-logout': ['clear-site-data-logout'],
  'cache-session-response-shared-cacheable': ['cache-no-store'],
  'cache-session-response-cacheable': ['cache-no-store'],
  'origin-agent-cluster-missing': ['origin-agent-cluster'],
  'origin-agent-cluster-invalid': ['origin-agent-cluster'],
  'origin-agent-cluster-opt-out': ['origin-agent-cluster'],
  'content-type-missing': ['charset'],
  'content-type-charset-missing': ['charset'],
  'content-type-charset-not-utf8': ['charset'],
  'server-version-disclosed': ['server-tokens'],
  'x-xss-protection-enabled': ['x-xss-protection-zero'],
  'x-xss-protection-invalid': ['x-xss-protection-zero'],
  'cookie-prefix-invalid': ['cookie-prefix'],
  'cookie-samesite-none-without-secure': ['cookie-secure'],
  'cookie-session-without-secure': ['session-cookie-flags'],
  'cookie-session-without-httponly': ['session-cookie-flags'],
  'cookie-session-without-samesite': ['session-cookie-flags'],
  'cookie-session-samesite-none': ['session-cookie-flags'],
  'cookie-session-domain-wide': ['cookie-host-prefix'],
  'cookie-session-host-prefix': ['cookie-host-prefix'],
  'cookie-csrf-without-secure': ['csrf-cookie-flags'],
  'cookie-csrf-without-samesite': ['csrf-cookie-flags'],
  'cookie-without-secure': ['cookie-secure'],
  'cookie-bigip-internal-address': ['bigip-cookie-encryption'],
  'csp-no-script-restriction': ['csp-nonce', 'csp'],
  'csp-missing-directive': ['csp'],
  'csp-script-unsafe-inline': ['csp-nonce'],
  'csp-script-unsafe-eval': ['csp'],
  'csp-plain-url-scheme': ['csp-nonce', 'csp'],
  'csp-plain-wildcard': ['csp-nonce', 'csp'],
  'csp-script-allowlist-bypass': ['csp-nonce'],
  'csp-script-allowlist-caution': ['csp-nonce'],
  'csp-object-allowlist-bypass': ['csp'],
  'csp-src-http': ['csp'],
  'csp-src-no-protocol': ['csp'],
  'csp-wildcard-url': ['csp'],
  'csp-style-unsafe-inline': ['csp'],
  'csp-script-unsafe-hashes': ['csp-nonce'],
  'csp-strict-dynamic-suggested': ['csp-nonce'],
  'csp-strict-dynamic-without-nonce': ['csp-nonce'],
  'csp-nonce-hash': ['csp-nonce'],
  'csp-nonce-too-short': ['csp-nonce'],
  'csp-static-nonce': ['csp-nonce'],
  'csp-nonce-charset': ['csp-nonce'],
  'csp-unknown-directive': ['csp-syntax', 'csp'],
  'csp-missing-semicolon': ['csp-syntax', 'csp'],
  'csp-invalid-keyword': ['csp-syntax', 'csp'],
  'csp-ip-source': ['csp-syntax', 'csp'],
  'csp-deprecated-directive': ['csp-syntax', 'csp'],
  'csp-review-incomplete': ['csp-syntax', 'csp'],
  'https-downgrade-redirect': ['https-redirect', 'hsts'],
  'csp-no-reporting': ['csp-reporting'],
  'csp-report-to-only': ['csp-reporting'],
  ...tableMappings(),
};

/** The snippet of one topic for one target: hand-written first, then generated, else null. */
function snippetFor(topic: FixTopic, target: FixTarget): SnippetSpec | null {
  const written = topic.snippets[target];
  if (written !== undefined) return written;
  if (target === 'any') return null;
  const generated = topic.setHeader
    ? setHeaderSnippet(target, topic.setHeader.name, topic.setHeader.value)
    : topic.removeHeader
      ? removeHeaderSnippet(target, topic.removeHeader)
      : null;
  if (generated === null) return null;
  const note = topic.notes?.[target];
  if (note === undefined) return generated;
  return { ...generated, note: generated.note === undefined ? note : `${generated.note} ${note}` };
}

function toSnippet(topic: FixTopic, stack: FixTarget, spec: SnippetSpec): FixSnippet {
  return { ...spec, topic: topic.id, title: topic.title, stack };
}

/** The fix topics for a finding id or Observatory result id (empty when there are none). */
export function fixTopicsFor(id: string): FixTopic[] {
  const topicIds = Object.hasOwn(FIX_TOPICS_BY_ID, id) ? (FIX_TOPICS_BY_ID[id] ?? []) : [];
  return topicIds.map((topicId) => FIX_TOPICS.get(topicId)).filter((topic): topic is FixTopic => topic !== undefined);
}

/**
 * Ready-to-paste fixes for a finding id or an Observatory result id on one stack: for each
 * topic, that stack's snippet, or the stack-independent advice when the stack has none.
 * Empty when Tabgrade knows no fix for the id.
 */
export function fixesFor(findingIdOrResultId: string, stack: Stack): FixSnippet[] {
  const snippets: FixSnippet[] = [];
  for (const topic of fixTopicsFor(findingIdOrResultId)) {
    const own = snippetFor(topic, stack);
    if (own !== null) {
      snippets.push(toSnippet(topic, stack, own));
      continue;
    }
    const any = snippetFor(topic, 'any');
    if (any !== null) snippets.push(toSnippet(topic, 'any', any));
  }
  return snippets;
}

/**
 * Fixes for the first of `stacks` (e.g. `detectStack(capture).stacks`) that has a snippet
 * of its own for this id, else the first stack's (stack-independent) advice. Empty when
 * `stacks` is empty: the stack is unknown, so a view should let the user pick one.
 */
export function fixesForStacks(findingIdOrResultId: string, stacks: readonly Stack[]): FixSnippet[] {
  for (const stack of stacks) {
    const snippets = fixesFor(findingIdOrResultId, stack);
    if (snippets.some((snippet) => snippet.stack === stack)) return snippets;
  }
  const first = stacks[0];
  return first === undefined ? [] : fixesFor(findingIdOrResultId, first);
}

/**
 * The code of every stack's own snippets for an id, joined per stack — the shape of
 * `Finding.fixes`. Stacks that only have the generic advice are left out.
 */
export function fixesByStack(findingIdOrResultId: string): Partial<Record<Stack, string>> {
  const byStack: Partial<Record<Stack, string>> = {};
  for (const stack of ALL_STACKS) {
    const own = fixesFor(findingIdOrResultId, stack).filter((snippet) => snippet.stack === stack);
    if (own.length > 0) byStack[stack] = own.map((snippet) => snippet.code).join('\n\n');
  }
  return byStack;
}
