/**
 * The document's meta and script tags, parsed once per capture for the tests that read
 * them (CSP, X-Frame-Options through CSP, Referrer-Policy). Parsing 30 KB of HTML costs
 * more than all the header checks together, so repeating it per test dominated the grade.
 *
 * Captures are immutable values (every update in `capture-updates.ts` makes a new object),
 * so the capture object is a safe cache key; the WeakMap lets old captures be collected.
 */
import type { PageCapture } from '../../capture';
import { parseDocumentMarkup, type ParsedMarkup } from '../../html';

const cache = new WeakMap<PageCapture, ParsedMarkup | null>();

export function documentMarkup(capture: PageCapture): ParsedMarkup | null {
  if (cache.has(capture)) return cache.get(capture) ?? null;
  const markup = parseDocumentMarkup(capture);
  cache.set(capture, markup);
  return markup;
}
