/**
 * Turning what a browser or a file hands us (untrusted, `unknown`) into capture data.
 * Everything is bounded here so that a hostile or broken server cannot make the
 * extension store or render unbounded data.
 */
import { CAPTURE_LIMITS, type HttpHeader } from './capture';

/** Marks a value cut to `CAPTURE_LIMITS.headerValueChars`; views show it as such. */
export const TRUNCATION_MARK = '…[truncated by Tabgrade]';

/** Header name used to record that more headers arrived than were kept. */
export const DROPPED_HEADERS_NAME = 'x-tabgrade-dropped-headers';

function boundedValue(value: string): string {
  if (value.length <= CAPTURE_LIMITS.headerValueChars) return value;
  return value.slice(0, CAPTURE_LIMITS.headerValueChars) + TRUNCATION_MARK;
}

/** Latin-1 decoding of a byte array: HTTP field values are octets, not UTF-8 text. */
function bytesToLatin1(bytes: readonly unknown[]): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(typeof byte === 'number' ? byte & 0xff : 0x3f);
  return text;
}

/**
 * Headers from a `webRequest` details object (`{ name, value?, binaryValue? }[]`) or any
 * array of `{ name, value }`. Entries without a usable name are skipped.
 *
 * Firefox's webRequest joins several `Set-Cookie` headers into one value separated by
 * newlines; they are split back here so that every browser yields one header per cookie.
 */
export function normaliseHeaders(raw: unknown): HttpHeader[] {
  if (!Array.isArray(raw)) return [];
  const headers: HttpHeader[] = [];
  let dropped = 0;
  for (const entry of raw) {
    if (typeof entry !== 'object' || entry === null) continue;
    const record = entry as Record<string, unknown>;
    if (typeof record.name !== 'string' || record.name.length === 0) continue;
    let value: string;
    if (typeof record.value === 'string') value = record.value;
    else if (Array.isArray(record.binaryValue)) value = bytesToLatin1(record.binaryValue);
    else value = '';
    const values = record.name.toLowerCase() === 'set-cookie' && value.includes('\n')
      ? value.split('\n').filter((line) => line.trim().length > 0)
      : [value];
    for (const single of values) {
      if (headers.length >= CAPTURE_LIMITS.headersPerResponse) {
        dropped++;
        continue;
      }
      headers.push({ name: record.name.slice(0, 256), value: boundedValue(single) });
    }
  }
  if (dropped > 0) headers.push({ name: DROPPED_HEADERS_NAME, value: String(dropped) });
  return headers;
}
