/**
 * HAR files in and out: the CLI grades a HAR, the extension exports one. The work is
 * split under `har/`: validation, reading, writing and redaction.
 */
export { HarError } from './har/error';
export { importHar, parseHarText, type HarImport } from './har/read';
export { captureToHar, type HarExportOptions } from './har/write';
export { redactHeader, REDACTED } from './har/redact';

import type { PageCapture } from './capture';
import { importHar } from './har/read';

/** The capture a HAR document describes; use `importHar` to also get its warnings. */
export function harToCapture(input: unknown): PageCapture {
  return importHar(input).capture;
}
