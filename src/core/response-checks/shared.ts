/**
 * Helpers the per-response checks share: origins and sites, media types, and one way to
 * build findings. Everything page-controlled that a finding quotes is clipped.
 */
import { getDomain } from 'tldts';
import type { HttpHeader } from '../capture';
import { clip, findingMaker, mediaType } from '../checks/tabgrade/shared';
import type { FindingGroup } from '../findings';
import { firstHeader } from '../headers';
import { originOf } from '../page-tags';

export { clip, mediaType, originOf };

/** True when both URLs parse and their origins differ; unknown counts as same-origin. */
export function isCrossOrigin(url: string, documentUrl: string | null): boolean {
  const a = originOf(url);
  const b = originOf(documentUrl);
  return a !== null && b !== null && a !== b;
}

/**
 * The "site" of a URL (HTML §7.1.1: scheme and registrable domain), used by
 * `Cross-Origin-Resource-Policy: same-site`. Registrable domains include the PSL's private
 * section, as browsers use it; hosts without one (IP addresses, `localhost`) are their own site.
 */
export function siteOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    const registrable = getDomain(parsed.hostname, { allowPrivateDomains: true }) ?? parsed.hostname;
    return `${parsed.protocol}//${registrable}`;
  } catch {
    return null;
  }
}

/** The response's media type (`text/javascript`), or null without a usable Content-Type. */
export function responseMediaType(headers: readonly HttpHeader[]): string | null {
  const value = firstHeader(headers, 'content-type');
  if (value === null) return null;
  const type = mediaType(value);
  return type === '' ? null : type;
}

/** Media types of pages (what CSP, framing protection and nosniff protect). */
export const HTML_MEDIA_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);

/** JSON by its media type: `application/json`, `text/json` and any `+json` suffix (RFC 6839). */
export function isJsonMediaType(type: string | null): boolean {
  return type !== null && (type === 'application/json' || type === 'text/json' || type.endsWith('+json'));
}

/** A redirect hop (not a 304, which answers a revalidation). */
export function isRedirectStatus(status: number): boolean {
  return status >= 300 && status < 400 && status !== 304;
}

/** Findings of the per-response checks are named `response/<check>` so they never clash with the page's. */
export function responseFindingMaker(checkId: string, group: FindingGroup = 'server'): ReturnType<typeof findingMaker> {
  return findingMaker(`response/${checkId}`, group);
}

export const MDN_HEADERS = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers';

/** Short text quoting a header value in a badge or finding. */
export function quote(value: string, max = 80): string {
  return clip(value.trim(), max);
}
