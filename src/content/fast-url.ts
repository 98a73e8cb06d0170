/**
 * The absolute URL a `src` or `href` attribute resolves to, for the shapes where resolving
 * is only a concatenation — so the snapshot need not ask the element.
 *
 * Why: reading `script.src` makes the browser parse the attribute against the document's
 * base URL and serialise the result, ~9 µs a tag in Chromium (measured on the bench's
 * 5,000-tag page, where it was most of the snapshot). For an attribute that is a plain
 * `https://host/path`, `/path` or `path` (ASCII, nothing the URL parser rewrites: no dot
 * segments, no characters it percent-encodes, no default port, no host it normalises) the
 * WHATWG URL parser returns the base's prefix and the attribute unchanged. Everything else
 * (`null` here) is read from the element, so the result is always what the browser says;
 * test/content/fast-url.test.ts checks the claim against the URL parser on random input.
 */

/** What relative attributes resolve against, from `document.baseURI`; null for a base that is not http(s). */
export interface UrlBase {
  /** `https://host[:port]`, for attributes starting with one `/`. */
  origin: string;
  /** The base up to and including the last `/` of its path, for path-relative attributes. */
  directory: string;
}

const HTTP_BASE = /^(https?:\/\/[^/?#]*)(\/[^?#]*)?/;

export function urlBase(baseUri: string): UrlBase | null {
  const match = HTTP_BASE.exec(baseUri);
  if (match === null) return null;
  const origin = match[1] as string;
  const path = match[2] ?? '/';
  return { origin, directory: origin + path.slice(0, path.lastIndexOf('/') + 1) };
}

/**
 * Characters kept as they are in a special URL's path and query: the unreserved and
 * sub-delimiter characters, `:`, `@`, `/`, `?` and `%` (no `'`, which the query encodes; no
 * `#`, no space, quotes, brackets, backslash or anything non-ASCII).
 */
const PLAIN = /^[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*$/;
/** A `.` or `..` segment in the path (also as `%2e`), which the parser removes. */
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|\?|$)/i;
const ABSOLUTE = /^(https?):\/\/([a-z0-9.-]+)(?::([0-9]+))?(\/.*)$/;

function plainPathAndQuery(value: string): boolean {
  return PLAIN.test(value) && !DOT_SEGMENT.test(value.split('?', 1)[0] as string);
}

/** A host the parser leaves alone: lowercase ASCII labels, not an IPv4 address in any notation, no punycode. */
function plainHost(host: string): boolean {
  const labels = host.split('.');
  const last = labels[labels.length - 1] as string;
  if (labels.some((label) => label === '' || label.startsWith('xn--'))) return false;
  return !/^[0-9]+$/.test(last) && !/^0x[0-9a-f]*$/.test(last);
}

function plainAbsolute(raw: string): boolean {
  const match = ABSOLUTE.exec(raw);
  if (match === null) return false;
  const [, scheme, host, port, rest] = match as unknown as [string, string, string, string | undefined, string];
  if (!plainHost(host)) return false;
  if (port !== undefined) {
    const number = Number(port);
    if (port.startsWith('0') || number > 65535 || number === (scheme === 'https' ? 443 : 80)) return false;
  }
  return plainPathAndQuery(rest);
}

/** The resolved URL, or null when only the browser's parser can say. */
export function resolveFast(raw: string, base: UrlBase | null): string | null {
  if (raw.startsWith('http://') || raw.startsWith('https://')) return plainAbsolute(raw) ? raw : null;
  if (base === null || raw === '') return null;
  if (raw.startsWith('/')) {
    // `//host/…` is scheme-relative: a host, not a path.
    return raw[1] !== '/' && plainPathAndQuery(raw) ? base.origin + raw : null;
  }
  // Path-relative: no scheme (no `:` before the first `/`), not a query or fragment alone.
  const firstSlash = raw.indexOf('/');
  const head = firstSlash === -1 ? raw : raw.slice(0, firstSlash);
  if (head.includes(':') || raw.startsWith('?')) return null;
  return plainPathAndQuery(raw) ? base.directory + raw : null;
}
