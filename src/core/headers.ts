/**
 * Reading headers from a capture. Header names are case-insensitive (RFC 9110 §5.1);
 * values are kept verbatim.
 */
import type { HttpHeader } from './capture';

/** Every value of the header `name`, in the order received. */
export function headerValues(headers: readonly HttpHeader[], name: string): string[] {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const header of headers) {
    if (header.name.toLowerCase() === wanted) values.push(header.value);
  }
  return values;
}

/** True when at least one header called `name` is present. */
export function hasHeader(headers: readonly HttpHeader[], name: string): boolean {
  const wanted = name.toLowerCase();
  return headers.some((header) => header.name.toLowerCase() === wanted);
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
    if (header.name.toLowerCase() === wanted) return header.value;
  }
  return null;
}
