/**
 * A HAR as the CLI reads it. From a file or standard input it arrives as bytes, which
 * `parseHarBytes` reads without turning the whole file into one string: a 200 MB HAR then
 * needs about its own size in memory, not four times it, and files past V8's 512 MB string
 * limit can still be read. Text (from a test's `CliIo`) goes through `JSON.parse`.
 */
import { parseHarBytes, parseHarText } from '../core/har/read';

export type HarInput = Uint8Array | string;

/** The parsed HAR document, for `importHar`; throws a HarError on anything not JSON. */
export function parseHarInput(input: HarInput): unknown {
  return typeof input === 'string' ? parseHarText(input) : parseHarBytes(input);
}
