/**
 * Reading headers from a capture. Header names are case-insensitive (RFC 9110 §5.1);
 * values are kept verbatim.
 */
import type { HttpHeader } from './capture';

/**
 * Whether a header called `name` answers to `wanted` (already lower-cased), as
 * `name.toLowerCase() === wanted` says, without making a lower-cased copy of every name
 * on every lookup (each grade looks headers up dozens of times). ASCII letters fold in
 * place; any other character takes the full rule. Lower-casing keeps the length of every
 * character but U+0130 (İ, which becomes i + U+0307), so only a name holding it can match
 * a `wanted` of another length.
 */
export function headerNameIs(name: string, wanted: string): boolean {
  if (name === wanted) return true;
  if (name.length !== wanted.length) return name.includes('\u0130') && name.toLowerCase() === wanted;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code > 0x7f) return name.toLowerCase() === wanted;
    const folded = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
    if (folded !== wanted.charCodeAt(i)) return false;
  }
  return true;
}

/** Every value of the header `name`, in the order received. */
export function headerValues(headers: readonly HttpHeader[], name: string): string[] {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const header of headers) {
    if (headerNameIs(header.name, wanted)) values.push(header.value);
  }
  return values;
}

/** True when at least one header called `name` is present. */
export function hasHeader(headers: readonly HttpHeader[], name: string): boolean {
  const wanted = name.toLowerCase();
  return headers.some((header) => headerNameIs(header.name, wanted));
}

/**
 * The header as one value, the way HTTP clients combine repeated fields: joined with
 * ", " (RFC 9110 §5.3). The Observatory's scanner reads headers this way, so checks
 * that mirror it must too. Null when absent.
 */
export function joinedHeader(headers: readonly HttpHeader[], name: string): string | null {
  const values = headerValues(headers, name);
  return values.length === 0 ? null : values.join(', ');
}

/** The first value of the header, or null when absent. */
export function firstHeader(headers: readonly HttpHeader[], name: string): string | null {
  const wanted = name.toLowerCase();
  for (const header of headers) {
    if (headerNameIs(header.name, wanted)) return header.value;
  }
  return null;
}
