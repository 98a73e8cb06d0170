/**
 * What the Observatory's two isolation tests (algorithm 6: `cross-origin-opener-policy`,
 * `cross-origin-embedder-policy`) share: how they read their header.
 *
 * Facts from mdn/mdn-http-observatory main (94042bb), written in Tabgrade's own code:
 * - only the document's HTTP header counts (neither header has a `<meta>` form);
 * - more than one value is invalid. A live scan's HTTP client joins repeated header lines
 *   with ", ", which never parses as one item, so repeats are invalid there too;
 * - an empty value counts as not sent;
 * - the value is cut at 1024 characters and trimmed, then parsed as an RFC 9651 structured
 *   field item whose bare item must be a token: a quoted string is invalid; parameters
 *   (`; report-to="endpoint"`) are ignored when they parse; anything that does not parse
 *   is invalid. Tokens are compared as written (case-sensitive).
 */
import { parseItem, Token } from 'structured-headers';
import { headerValues } from '../../headers';
import type { PageCapture } from '../../capture';

/** The Observatory reads at most this much of the header. */
const MAX_VALUE_CHARS = 1024;

export type IsolationHeaderReading =
  | { kind: 'absent' }
  | { kind: 'repeated'; values: string[] }
  | { kind: 'invalid'; value: string }
  | { kind: 'token'; value: string; token: string };

/** The token an isolation header carries, as the Observatory reads it. */
export function readIsolationHeader(capture: PageCapture, headerName: string): IsolationHeaderReading {
  const response = capture.document;
  if (response === null) return { kind: 'absent' };
  const values = headerValues(response.headers, headerName);
  if (values.length > 1) return { kind: 'repeated', values };
  const [raw] = values;
  // An empty value is the same as no header (the Observatory tests the value for truth).
  if (raw === undefined || raw === '') return { kind: 'absent' };
  const value = raw.slice(0, MAX_VALUE_CHARS).trim();
  try {
    const [bare] = parseItem(value);
    return bare instanceof Token ? { kind: 'token', value, token: bare.toString() } : { kind: 'invalid', value };
  } catch {
    return { kind: 'invalid', value };
  }
}
