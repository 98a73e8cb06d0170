/**
 * The one error a HAR import raises. Its message is a single line a person can act on
 * (`not a HAR file: missing log.entries`), so the CLI and the UI print it as it is.
 */
export class HarError extends Error {
  override readonly name = 'HarError';
}
