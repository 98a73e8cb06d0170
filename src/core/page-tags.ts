/**
 * The page's external scripts and stylesheets as the popup lists them: each tag with
 * whether it comes from the page's own origin. Pure, so it is shared by every view.
 */
import type { ExternalResourceTag, PageCapture } from './capture';

export interface TagRow extends ExternalResourceTag {
  /** The resource's origin, or null when its URL cannot be parsed. */
  resourceOrigin: string | null;
  sameOrigin: boolean;
}

/** The origin of a URL (`https://a.example:8443`), or null when it is not a URL with one. */
export function originOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export function tagRows(capture: PageCapture): TagRow[] {
  if (capture.dom === null) return [];
  const pageOrigin = originOf(capture.url);
  return capture.dom.tags.map((tag) => {
    const resourceOrigin = originOf(tag.url);
    return { ...tag, resourceOrigin, sameOrigin: resourceOrigin !== null && resourceOrigin === pageOrigin };
  });
}
