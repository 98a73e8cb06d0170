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
import type { PageCapture } from '../../capture';
import { headerValues } from '../../headers';
import { scoreModifier } from './scoring';
import type { IsolationTestName, ObservatoryTest, ObservatoryTestResult } from './types';

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

/** What distinguishes the COOP test from the COEP test: names and the token → result table. */
export interface IsolationTestSpec<Result extends string> {
  name: IsolationTestName;
  title: string;
  /** The header, lower case. */
  header: string;
  /** How the header is named in notes. */
  headerLabel: string;
  results: readonly Result[];
  notImplemented: Result;
  invalid: Result;
  byToken: Readonly<Record<string, Result>>;
}

/** One of the two isolation tests: every result but an invalid header passes. */
export function isolationTest<Result extends string>(spec: IsolationTestSpec<Result>): ObservatoryTest {
  return {
    name: spec.name,
    title: spec.title,
    needs: ['document'],
    possibleResults: spec.results,
    run(capture): ObservatoryTestResult {
      const reading = readIsolationHeader(capture, spec.header);
      const notes: string[] = [];
      let result: Result = spec.notImplemented;
      let value: string | null = null;
      if (reading.kind === 'repeated') {
        result = spec.invalid;
        notes.push(`${spec.headerLabel} was sent more than once; the Observatory counts that as invalid.`);
      } else if (reading.kind === 'invalid') {
        result = spec.invalid;
        value = reading.value;
      } else if (reading.kind === 'token') {
        value = reading.value;
        result = Object.hasOwn(spec.byToken, reading.token) ? (spec.byToken[reading.token] ?? spec.invalid) : spec.invalid;
      }
      return {
        name: spec.name,
        result,
        expectation: spec.notImplemented,
        pass: result !== spec.invalid,
        scoreModifier: scoreModifier(spec.name, result),
        data: { http: reading.kind !== 'absent', value },
        notes,
      };
    },
  };
}
