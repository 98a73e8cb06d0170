/**
 * Character references in HTML attribute values, decoded the way the HTML standard's
 * "attribute value" rules do (and so the way htmlparser2 — the parser the MDN HTTP
 * Observatory uses since 1.5.3 — does with `decodeEntities: true`):
 *
 * - `&#NN;` / `&#xHH;` always decode, the `;` is optional; 0, surrogates and values past
 *   U+10FFFF become U+FFFD and 0x80–0x9F map through windows-1252.
 * - a named reference decodes when it ends in `;`, or when it is one of the legacy names
 *   allowed without `;` and is NOT followed by `=` or an ASCII letter or digit.
 *
 * The named table is deliberately partial: every legacy (semicolon-less) name, plus the
 * names that produce ASCII punctuation or common typography. Those are the only ones that
 * can change what a security check reads (a CSP source, a URL, a hash). An unknown name
 * stays as written, exactly as it would for a name the standard does not define.
 */

/** Legacy names: valid with or without the trailing `;` (HTML standard, named references). */
const LEGACY_ENTITIES: Readonly<Record<string, number>> = {
  AElig: 198, AMP: 38, Aacute: 193, Acirc: 194, Agrave: 192, Aring: 197, Atilde: 195, Auml: 196,
  COPY: 169, Ccedil: 199, ETH: 208, Eacute: 201, Ecirc: 202, Egrave: 200, Euml: 203, GT: 62,
  Iacute: 205, Icirc: 206, Igrave: 204, Iuml: 207, LT: 60, Ntilde: 209, Oacute: 211, Ocirc: 212,
  Ograve: 210, Oslash: 216, Otilde: 213, Ouml: 214, QUOT: 34, REG: 174, THORN: 222, Uacute: 218,
  Ucirc: 219, Ugrave: 217, Uuml: 220, Yacute: 221, aacute: 225, acirc: 226, acute: 180, aelig: 230,
  agrave: 224, amp: 38, aring: 229, atilde: 227, auml: 228, brvbar: 166, ccedil: 231, cedil: 184,
  cent: 162, copy: 169, curren: 164, deg: 176, divide: 247, eacute: 233, ecirc: 234, egrave: 232,
  eth: 240, euml: 235, frac12: 189, frac14: 188, frac34: 190, gt: 62, iacute: 237, icirc: 238,
  iexcl: 161, igrave: 236, iquest: 191, iuml: 239, laquo: 171, lt: 60, macr: 175, micro: 181,
  middot: 183, nbsp: 160, not: 172, ntilde: 241, oacute: 243, ocirc: 244, ograve: 242, ordf: 170,
  ordm: 186, oslash: 248, otilde: 245, ouml: 246, para: 182, plusmn: 177, pound: 163, quot: 34,
  raquo: 187, reg: 174, sect: 167, shy: 173, sup1: 185, sup2: 178, sup3: 179, szlig: 223,
  thorn: 254, times: 215, uacute: 250, ucirc: 251, ugrave: 249, uml: 168, uuml: 252, yacute: 253,
  yen: 165, yuml: 255,
};

/** Names valid only with `;`: ASCII punctuation and common typography. */
const SEMICOLON_ENTITIES: Readonly<Record<string, number>> = {
  Tab: 9, NewLine: 10, excl: 33, num: 35, dollar: 36, percnt: 37, apos: 39, lpar: 40, rpar: 41,
  ast: 42, midast: 42, plus: 43, comma: 44, period: 46, sol: 47, colon: 58, semi: 59, equals: 61,
  quest: 63, commat: 64, lsqb: 91, lbrack: 91, bsol: 92, rsqb: 93, rbrack: 93, Hat: 94,
  lowbar: 95, UnderBar: 95, grave: 96, DiacriticalGrave: 96, lcub: 123, lbrace: 123, verbar: 124,
  vert: 124, VerticalLine: 124, rcub: 125, rbrace: 125, hyphen: 0x2010, dash: 0x2010,
  ndash: 0x2013, mdash: 0x2014, lsquo: 0x2018, rsquo: 0x2019, ldquo: 0x201c, rdquo: 0x201d,
  bull: 0x2022, hellip: 0x2026, trade: 0x2122, euro: 0x20ac, ensp: 0x2002, emsp: 0x2003,
  thinsp: 0x2009, zwnj: 0x200c, zwj: 0x200d, lrm: 0x200e, rlm: 0x200f,
};

/** The longest legacy name is 6 characters; the longest name we know is 16. */
const LONGEST_NAME = 16;

/** windows-1252 meanings of the C1 range, as the HTML standard requires for `&#128;`–`&#159;`. */
const C1_REPLACEMENTS: Readonly<Record<number, number>> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isHexDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

function codePointText(value: number): string {
  if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(C1_REPLACEMENTS[value] ?? value);
}

function lookupName(name: string, withSemicolon: boolean): number | undefined {
  if (Object.prototype.hasOwnProperty.call(LEGACY_ENTITIES, name)) return LEGACY_ENTITIES[name];
  if (withSemicolon && Object.prototype.hasOwnProperty.call(SEMICOLON_ENTITIES, name)) return SEMICOLON_ENTITIES[name];
  return undefined;
}

/** One decoded reference starting at `&` (index `at`): its text and where it ends, or null to keep the `&`. */
function decodeReferenceAt(raw: string, at: number): { text: string; end: number } | null {
  let i = at + 1;
  if (raw.charCodeAt(i) === 0x23 /* # */) {
    i++;
    const hex = (raw.charCodeAt(i) | 0x20) === 0x78; /* x */
    if (hex) i++;
    const digitsStart = i;
    let value = 0;
    while (i < raw.length) {
      const code = raw.charCodeAt(i);
      if (hex ? !isHexDigit(code) : !(code >= 0x30 && code <= 0x39)) break;
      // Saturate instead of overflowing: anything past U+10FFFF decodes to U+FFFD anyway.
      if (value <= 0x10ffff) value = value * (hex ? 16 : 10) + parseInt(raw[i] ?? '0', 16);
      i++;
    }
    if (i === digitsStart) return null;
    if (raw.charCodeAt(i) === 0x3b /* ; */) i++;
    return { text: codePointText(value), end: i };
  }

  let runEnd = i;
  while (runEnd < raw.length && runEnd - i < LONGEST_NAME && isAsciiAlphanumeric(raw.charCodeAt(runEnd))) runEnd++;
  if (runEnd === i) return null;
  if (raw.charCodeAt(runEnd) === 0x3b) {
    const value = lookupName(raw.slice(i, runEnd), true);
    if (value !== undefined) return { text: String.fromCodePoint(value), end: runEnd + 1 };
  }
  // Longest legacy name that prefixes the run; in an attribute it only counts when the next
  // character cannot continue a name (HTML standard, "named character reference state").
  for (let end = Math.min(runEnd, i + 6); end > i; end--) {
    const value = lookupName(raw.slice(i, end), false);
    if (value === undefined) continue;
    const next = raw.charCodeAt(end);
    if (next === 0x3d /* = */ || isAsciiAlphanumeric(next)) return null;
    return { text: String.fromCodePoint(value), end };
  }
  return null;
}

/** Decodes the character references in one attribute value. Linear in the value's length. */
export function decodeAttributeValue(raw: string): string {
  let at = raw.indexOf('&');
  if (at === -1) return raw;
  let out = '';
  let copiedTo = 0;
  while (at !== -1) {
    const decoded = decodeReferenceAt(raw, at);
    if (decoded) {
      out += raw.slice(copiedTo, at) + decoded.text;
      copiedTo = decoded.end;
      at = raw.indexOf('&', decoded.end);
    } else {
      at = raw.indexOf('&', at + 1);
    }
  }
  return out + raw.slice(copiedTo);
}
