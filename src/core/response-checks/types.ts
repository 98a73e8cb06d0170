/**
 * Shapes shared by the per-response checks (the DevTools panel's table): what a check
 * reads, what it returns. A check is one file with metadata next to its logic, like the
 * Tabgrade checks of the whole page (`../findings.ts`).
 */
import type { HttpHeader, ResponseCapture } from '../capture';
import type { CoepValue } from '../checks/tabgrade/cross-origin-embedder-policy';
import type { Finding } from '../findings';

/**
 * What a response is for, coarser than webRequest's `type`: the expectations differ by
 * kind (a script needs nosniff, an XHR needs sound CORS, a document needs CSP …).
 */
export type ResponseKind = 'document' | 'frame' | 'script' | 'stylesheet' | 'fetch' | 'font' | 'image' | 'media' | 'other';

/** A response as the checks read it: the capture's, plus its request headers when recorded. */
export interface CheckedResponse extends ResponseCapture {
  /** Null or absent when the request headers were not recorded (see the response log). */
  requestHeaders?: readonly HttpHeader[] | null;
}

/** Facts about the page a response was loaded for; null where not known (yet). */
export interface ResponseCheckContext {
  /** The top-level document's URL, to tell same-origin from cross-origin requests. */
  documentUrl: string | null;
  /**
   * The top-level document's Cross-Origin-Embedder-Policy when it applies (a valid value in
   * a secure context). Sub-frames may have their own; the panel judges against the top one.
   */
  documentCoep: CoepValue | null;
  /** Milliseconds since the epoch (cookie deletions are judged against it). */
  now: number;
}

/** `ok`: as expected; `warn`: weaker than it should be; `bad`: a problem; `info`: context. */
export type BadgeState = 'ok' | 'warn' | 'bad' | 'info';

/** A short label for the table row, e.g. "nosniff" or "no CSP". */
export interface ResponseBadge {
  /** Which header or topic it is about: stable, for tests and styling. */
  id: 'nosniff' | 'content-type' | 'cors' | 'corp' | 'coep' | 'csp' | 'hsts' | 'framing' | 'cookies';
  label: string;
  state: BadgeState;
  /** One sentence for the tooltip. May quote page-controlled text: render as text. */
  title: string;
}

export interface ResponseCheckOutput {
  badges: ResponseBadge[];
  findings: Finding[];
}

export interface ResponseCheck {
  id: string;
  title: string;
  run(response: CheckedResponse, kind: ResponseKind, context: ResponseCheckContext): ResponseCheckOutput;
  /** Every finding id `run` can return, so tests can prove each is covered. */
  possibleFindings: readonly string[];
}

