/**
 * `Set-Cookie` parsing as the MDN HTTP Observatory's cookie jar does it.
 *
 * The Observatory stores cookies with tough-cookie 5 in its default, non-loose mode
 * (through http-cookie-agent, `ignoreError: true`), so a line it cannot parse is silently
 * dropped. This module follows those rules (RFC 6265 §5.2 with tough-cookie's choices):
 *
 * - the name-value pair is the text before the first `;`, cut at the first CR, LF or NUL;
 *   it needs a `=` after a non-empty name; a control character (U+0000–U+001F, tab
 *   included) in the trimmed name or value rejects the line;
 * - attributes are split on `;`, names compared case-insensitively, the last one wins;
 *   `Secure` / `HttpOnly` count whatever value they carry;
 * - `SameSite` keeps only `strict`, `lax` or `none` (lower-cased); any other value, or none,
 *   clears it — even one set by an earlier `SameSite` in the same line;
 * - `Max-Age` must be `-?digits`; `Expires` must be a cookie-date (RFC 6265 §5.1.1);
 *   `Domain` loses one leading dot and is lower-cased; `Path` counts only if it starts
 *   with `/`.
 *
 * Everything returned is page-controlled text: treat it as data.
 */

export interface ParsedSetCookie {
  name: string;
  value: string;
  /** Milliseconds since the epoch, or null without a valid `Expires`. */
  expires: number | null;
  /** Seconds; `Infinity`/`-Infinity` spelled as strings the way tough-cookie stores them. */
  maxAge: number | 'Infinity' | '-Infinity' | null;
  /** Lower-cased, without a leading dot; null when absent or empty. */
  domain: string | null;
  /** Null when absent or not starting with `/` (the jar then uses the default path). */
  path: string | null;
  secure: boolean;
  httpOnly: boolean;
  sameSite: 'strict' | 'lax' | 'none' | null;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\x00-\x1f]/;

/**
 * One header value may hold several cookies: Firefox's webRequest joins repeated
 * `Set-Cookie` fields with `\n`. Splits them back into one line per cookie; empty lines
 * (and a stray `\r` before a `\n`) are dropped.
 */
export function splitSetCookieValue(value: string): string[] {
  const lines: string[] = [];
  for (const line of value.split('\n')) {
    const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (trimmed.trim() !== '') lines.push(trimmed);
  }
  return lines;
}

/** Every cookie line of a list of `Set-Cookie` header values, newline-joined ones split. */
export function setCookieLines(values: readonly string[]): string[] {
  const lines: string[] = [];
  for (const value of values) {
    if (value.includes('\n')) {
      for (const line of splitSetCookieValue(value)) lines.push(line);
    } else {
      // One line, the usual case: what `splitSetCookieValue` gives, without its array.
      const line = value.endsWith('\r') ? value.slice(0, -1) : value;
      if (line.trim() !== '') lines.push(line);
    }
  }
  return lines;
}

function cutAtTerminator(text: string): string {
  let end = text.length;
  for (const terminator of ['\n', '\r', '\0']) {
    const at = text.indexOf(terminator);
    if (at !== -1 && at < end) end = at;
  }
  return text.slice(0, end);
}

/** Parses one `Set-Cookie` line; null when the Observatory's jar would reject it as unparseable. */
export function parseSetCookie(line: string): ParsedSetCookie | null {
  const text = line.trim();
  if (text === '') return null;
  const firstSemicolon = text.indexOf(';');
  const pair = cutAtTerminator(firstSemicolon === -1 ? text : text.slice(0, firstSemicolon));
  const equals = pair.indexOf('=');
  if (equals <= 0) return null;
  const name = pair.slice(0, equals).trim();
  const value = pair.slice(equals + 1).trim();
  if (CONTROL_CHARACTERS.test(name) || CONTROL_CHARACTERS.test(value)) return null;

  const cookie: ParsedSetCookie = {
    name,
    value,
    expires: null,
    maxAge: null,
    domain: null,
    path: null,
    secure: false,
    httpOnly: false,
    sameSite: null,
  };
  if (firstSemicolon === -1) return cookie;

  for (const rawAttribute of text.slice(firstSemicolon + 1).split(';')) {
    const attribute = rawAttribute.trim();
    if (attribute === '') continue;
    const separator = attribute.indexOf('=');
    const key = (separator === -1 ? attribute : attribute.slice(0, separator)).trim().toLowerCase();
    const attributeValue = separator === -1 ? '' : attribute.slice(separator + 1).trim();
    applyAttribute(cookie, key, attributeValue);
  }
  return cookie;
}

function applyAttribute(cookie: ParsedSetCookie, key: string, value: string): void {
  switch (key) {
    case 'expires': {
      const expires = value === '' ? null : parseCookieDate(value);
      if (expires !== null) cookie.expires = expires;
      break;
    }
    case 'max-age':
      if (/^-?[0-9]+$/.test(value)) {
        const seconds = parseInt(value, 10);
        cookie.maxAge = seconds === Infinity ? 'Infinity' : seconds === -Infinity ? '-Infinity' : seconds;
      }
      break;
    case 'domain': {
      const domain = value.replace(/^\./, '');
      if (domain !== '') cookie.domain = domain.toLowerCase();
      break;
    }
    case 'path':
      cookie.path = value.startsWith('/') ? value : null;
      break;
    case 'secure':
      cookie.secure = true;
      break;
    case 'httponly':
      cookie.httpOnly = true;
      break;
    case 'samesite': {
      const lowered = value.toLowerCase();
      cookie.sameSite = lowered === 'strict' || lowered === 'lax' || lowered === 'none' ? lowered : null;
      break;
    }
    default:
      break;
  }
}

/**
 * The Observatory's separate check of the raw header line for a bad `SameSite`
 * (`containsInvalidSameSiteCookie` in its cookies test): split on `;`, then each part on
 * every `=`, keep the first two pieces. A part named `samesite` (any case, trimmed) with no
 * value or a value other than lax/strict/none is invalid. The name-value pair counts too,
 * so a cookie *named* `SameSite` with an odd value is flagged, and `SameSite=Lax=1` passes.
 */
export function hasInvalidSameSite(line: string): boolean {
  // Only ASCII letters lower-case to `samesite` (a case-insensitive regex without the `u`
  // flag matches ASCII letters only), so a line without the word has no such part.
  if (!/samesite/i.test(line)) return false;
  for (const part of line.trim().split(';')) {
    // The first two pieces of `part.trim().split('=')`.
    const piece = part.trim();
    const equals = piece.indexOf('=');
    const key = equals === -1 ? piece : piece.slice(0, equals);
    if (key.trim().toLowerCase() !== 'samesite') continue;
    const nextEquals = equals === -1 ? -1 : piece.indexOf('=', equals + 1);
    const value = equals === -1 ? undefined : piece.slice(equals + 1, nextEquals === -1 ? piece.length : nextEquals);
    if (!value) return true;
    const lowered = value.trim().toLowerCase();
    if (lowered !== 'lax' && lowered !== 'strict' && lowered !== 'none') return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// Cookie dates (RFC 6265 §5.1.1)

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isDateDelimiter(code: number): boolean {
  return code === 0x09 || (code >= 0x20 && code <= 0x2f) || (code >= 0x3b && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

/** `min`–`max` leading digits not followed by another digit; the number, or null. */
function leadingNumber(token: string, min: number, max: number): number | null {
  const match = /^[0-9]+/.exec(token);
  if (!match || match[0].length < min || match[0].length > max) return null;
  return parseInt(match[0], 10);
}

/** A cookie-date as milliseconds since the epoch, or null when it is not one. */
export function parseCookieDate(text: string): number | null {
  const tokens: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    if (isDateDelimiter(text.charCodeAt(i))) {
      if (current !== '') tokens.push(current);
      current = '';
    } else {
      current += text[i];
    }
  }
  if (current !== '') tokens.push(current);

  let time: [number, number, number] | null = null;
  let day: number | null = null;
  let month: number | null = null;
  let year: number | null = null;
  for (const token of tokens) {
    if (time === null) {
      const match = /^([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[^0-9].*)?$/.exec(token);
      if (match) {
        time = [Number(match[1]), Number(match[2]), Number(match[3])];
        continue;
      }
    }
    if (day === null) {
      const value = leadingNumber(token, 1, 2);
      if (value !== null) {
        day = value;
        continue;
      }
    }
    if (month === null) {
      const index = MONTHS.indexOf(token.slice(0, 3).toLowerCase());
      if (index !== -1 && token.length >= 3) {
        month = index;
        continue;
      }
    }
    if (year === null) {
      const value = leadingNumber(token, 2, 4);
      if (value !== null) {
        year = value;
        continue;
      }
    }
  }
  if (time === null || day === null || month === null || year === null) return null;
  if (year >= 70 && year <= 99) year += 1900;
  else if (year >= 0 && year <= 69) year += 2000;
  const [hours, minutes, seconds] = time;
  if (day < 1 || day > 31 || year < 1601 || hours > 23 || minutes > 59 || seconds > 59) return null;
  return Date.UTC(year, month, day, hours, minutes, seconds);
}
