/**
 * Content-Type and charset of the HTML document.
 *
 * When neither the Content-Type header nor the first 1024 bytes of the page (a BOM,
 * `<meta charset>` or `<meta http-equiv=content-type>`, HTML §13.2.3.2 "prescan") declare
 * the encoding, the browser guesses it. Guessing is exploitable: Chromium's auto-detection
 * can pick ISO-2022-JP, whose escape sequences let an attacker hide markup from the server's
 * escaping (Sonar, "Encoding Differentials: Why Charset Matters", 2024). A declared charset
 * anywhere closes that; UTF-8 is what the Encoding Standard asks for.
 */
import type { PageCapture } from '../../capture';
import type { Finding, TabgradeCheck } from '../../findings';
import { firstHeader } from '../../headers';
import { clip, documentHeaders, findingMaker, isHtmlDocument, MDN_HEADERS } from './shared';

const LEARN_MORE = `${MDN_HEADERS}/Content-Type`;
const SONAR = 'https://www.sonarsource.com/blog/encoding-differentials-why-charset-matters/';
/** How far the HTML prescan looks for a declaration (HTML §13.2.3.2). */
const PRESCAN_BYTES = 1024;
const make = findingMaker('content-type-charset', 'server');

/** The `charset` parameter of a Content-Type value, lower-cased; null when absent. */
export function charsetParameter(contentType: string): string | null {
  for (const parameter of contentType.split(';').slice(1)) {
    const [name, ...rest] = parameter.split('=');
    if ((name ?? '').trim().toLowerCase() === 'charset') {
      const value = rest.join('=').trim().replace(/^"|"$/g, '').toLowerCase();
      return value === '' ? null : value;
    }
  }
  return null;
}

/** Whether markup declares its encoding the way the prescan finds it (BOM or meta). */
export function markupDeclaresCharset(text: string): boolean {
  if (text.startsWith('\uFEFF')) return true;
  return /<meta\b[^>]*\bcharset\s*=/i.test(text);
}

function judge(capture: PageCapture): Finding[] {
  const response = capture.document;
  if (!response || response.statusCode === 204 || response.statusCode === 304) return [];
  const contentType = firstHeader(documentHeaders(capture), 'content-type');
  if (contentType === null || contentType.trim() === '') {
    if (response.statusCode < 200 || response.statusCode >= 300) return [];
    return [
      make({
        id: 'content-type-missing',
        severity: 'low',
        title: 'The page is served without a Content-Type',
        detail:
          'Without Content-Type the browser sniffs what the response is. For pages that can contain user-supplied text that is how an upload or a JSON answer ends up rendered as HTML with scripts. Send the real type, with its charset.',
        subject: 'Content-Type',
        recommendation: 'Content-Type: text/html; charset=utf-8',
        learnMoreUrl: LEARN_MORE,
      }),
    ];
  }
  if (!isHtmlDocument(capture)) return [];

  const charset = charsetParameter(contentType);
  if (charset === null) {
    const html = capture.html;
    // Without the page's HTML a meta declaration cannot be ruled out: say nothing.
    if (html === null) return [];
    // The live DOM serialisation is not byte-exact, so look at the whole head there.
    const scanned = html.source === 'served' ? html.text.slice(0, PRESCAN_BYTES) : (html.text.split(/<\/head\s*>/i)[0] ?? '');
    if (markupDeclaresCharset(scanned)) return [];
    return [
      make({
        id: 'content-type-charset-missing',
        severity: 'low',
        title: 'The page does not declare its character encoding',
        detail: `Neither the Content-Type header nor the start of the page declares a charset, so the browser guesses the encoding. A wrong guess such as ISO-2022-JP can let injected text slip past the site's HTML escaping (${SONAR}). Declare UTF-8 in the header, or put <meta charset="utf-8"> first in <head>.`,
        subject: 'Content-Type',
        recommendation: 'Content-Type: text/html; charset=utf-8',
        learnMoreUrl: LEARN_MORE,
        data: { contentType: clip(contentType) },
      }),
    ];
  }
  if (charset !== 'utf-8' && charset !== 'utf8') {
    return [
      make({
        id: 'content-type-charset-not-utf8',
        severity: 'info',
        title: 'The page uses a legacy character encoding',
        detail: `The WHATWG Encoding Standard asks new content to use UTF-8; legacy encodings cause mojibake and escaping mismatches when user input arrives in another encoding. Migrating is worth it when the site is next reworked.`,
        subject: 'Content-Type',
        recommendation: 'Content-Type: text/html; charset=utf-8',
        learnMoreUrl: 'https://encoding.spec.whatwg.org/#preface',
        data: { charset: clip(charset, 60) },
      }),
    ];
  }
  return [];
}

export const contentTypeCharsetCheck: TabgradeCheck = {
  id: 'content-type-charset',
  title: 'Content-Type and charset',
  group: 'server',
  needs: ['document', 'html'],
  possibleFindings: ['content-type-missing', 'content-type-charset-missing', 'content-type-charset-not-utf8'],
  run: judge,
};
