/** URL helpers for matching HAR entries to each other. */

/** The parsed URL, or null when `text` is not an absolute URL. */
export function parseUrl(text: string, base?: string): URL | null {
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
}

/**
 * The form two URLs are compared in: parsed (so `HTTPS://Example.com` equals
 * `https://example.com/`) and without the fragment, which never reaches the server.
 */
export function urlKey(text: string, base?: string): string | null {
  const url = parseUrl(text, base);
  if (url === null) return null;
  url.hash = '';
  return url.href;
}

export function isHttpUrl(text: string): boolean {
  const url = parseUrl(text);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:');
}
