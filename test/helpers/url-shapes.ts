/**
 * Attribute values and base URLs for testing src/content/fast-url.ts: pieces that every
 * rule of the URL parser reacts to (schemes in any case, dot segments also as `%2e`,
 * characters it percent-encodes, default and odd ports, IPv4 in its many notations,
 * punycode, spaces, non-ASCII), joined at random, beside the plain shapes pages use.
 */
import fc from 'fast-check';

const PIECES = [
  'http://', 'https://', 'HTTPS://', 'ftp://', 'javascript:', '//', '/', './', '../', '.', '..', '%2e', '%2E', '%2e%2e/',
  'a', 'Z', '0', '9', '-', '_', '~', '!', '$', '&', "'", '(', ')', '*', '+', ',', ';', '=', ':', '@', '?', '#', '%', '%41', '%zz',
  ' ', '\t', '\n', '\\', '"', '<', '>', '{', '`', '^', '|', '[', ']', 'é', '\u00a0', 'xn--', 'xn--nxasmq6b',
  'example.com', 'EXAMPLE.com', 'cdn.example.net', 'localhost', '127.0.0.1', '0x7f', '1.2.3', '192.168.0.01', 'a..b',
  ':80', ':443', ':8080', ':0', ':08080', ':65535', ':65536', 'js/', 'chunk-1.js', 'app.min.js?v=3', 'css/site.css',
];

const PLAIN_SHAPES = ['/js/chunk-12.js', 'js/app.js', 'https://cdn.example.net/lib/jquery-3.7.1.min.js', 'https://fonts.example.com/css?family=Inter:400,700', '/static/app.js?v=3&x=1'];

/** Base URLs as `document.baseURI` gives them (already serialised). */
export const BASE_URIS = [
  'https://www.example.com/shop/',
  'https://www.example.com/shop/page.html?q=1#top',
  'https://www.example.com',
  'http://localhost:8000/',
  'http://127.0.0.1:8001/deep/er/path/index.html',
  'https://user:pw@host.example/a/b',
  'about:blank',
  'file:///tmp/page.html',
];

export const attributeValue = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...PLAIN_SHAPES) },
    { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 8 }).map((pieces) => pieces.join('')) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );

export const baseUri = (): fc.Arbitrary<string> => fc.constantFrom(...BASE_URIS);
