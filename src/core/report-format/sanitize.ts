/**
 * Making page-controlled strings safe to print. A header value or URL can carry line
 * breaks (to forge report lines), terminal escape sequences (ESC, to recolour or rewrite
 * a terminal) or bidirectional controls (to display text in another order than it reads,
 * CVE-2021-42574). Every renderer passes such strings through `singleLine` first.
 */

/** Line breaks and tabs: shown as a plain space. */
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;

/** Other C0/C1 controls, DEL, and bidi embedding/override/isolate and mark characters. */
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text on one line with no control characters; others show as U+FFFD so they are not hidden. */
export function singleLine(text: string): string {
  return text.replace(WHITESPACE_CONTROLS, ' ').replace(INVISIBLE_CONTROLS, '\uFFFD');
}

/** `text` cut to `max` characters, marked with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
