/**
 * Small helpers every Tabgrade check shares: reading the document's headers, knowing
 * whether it is HTML or a secure context, and keeping page-controlled text bounded.
 */
import type { HttpHeader, PageCapture } from '../../capture';
import type { Finding, FindingGroup } from '../../findings';
import { firstHeader } from '../../headers';

/** Longest page-controlled string a finding keeps in `subject` or `data`. */
export const MAX_QUOTED_CHARS = 300;

/** Page-controlled text cut to a size a view can show; it stays data, never markup. */
export function clip(text: string, max: number = MAX_QUOTED_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/** The headers of the main document's response; empty when there is none yet. */
export function documentHeaders(capture: PageCapture): readonly HttpHeader[] {
  return capture.document?.headers ?? [];
}

/** The media type of a Content-Type value, lower-cased and trimmed (RFC 9110 §8.3.1). */
export function mediaType(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

const HTML_MEDIA_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);

/**
 * Whether the main document is an HTML page. Headers such as COOP or Permissions-Policy
 * only act on documents, so a JSON or image response is not judged by them. Without a
 * Content-Type, the content script's `document.contentType` decides.
 */
export function isHtmlDocument(capture: PageCapture): boolean {
  if (!capture.document) return false;
  const contentType = firstHeader(capture.document.headers, 'content-type');
  if (contentType !== null && contentType.trim() !== '') return HTML_MEDIA_TYPES.has(mediaType(contentType));
  return capture.dom !== null && HTML_MEDIA_TYPES.has(mediaType(capture.dom.contentType));
}

/** The document's URL, parsed; null when it is not a URL. */
export function documentUrl(capture: PageCapture): URL | null {
  try {
    return new URL(capture.document?.url ?? capture.url);
  } catch {
    return null;
  }
}

/**
 * Whether the document's origin is potentially trustworthy (W3C Secure Contexts §3.1):
 * HTTPS, or loopback over HTTP. COOP, COEP, Origin-Agent-Cluster and Clear-Site-Data are
 * ignored outside secure contexts, so judging them on plain HTTP would be noise.
 */
export function isSecureContextUrl(url: URL | null): boolean {
  if (url === null) return false;
  if (url.protocol === 'https:' || url.protocol === 'wss:') return true;
  if (url.protocol !== 'http:' && url.protocol !== 'ws:') return false;
  const host = url.hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** The fields a check fills in; `checkId` and `group` come from the check itself. */
export type FindingSpec = Omit<Finding, 'checkId' | 'group'> & { group?: FindingGroup };

/** A builder of findings for one check, so each finding names the check that made it. */
export function findingMaker(checkId: string, group: FindingGroup): (spec: FindingSpec) => Finding {
  return (spec) => ({ ...spec, checkId, group: spec.group ?? group });
}

/** MDN's header reference, where most findings send people to read more. */
export const MDN_HEADERS = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers';
