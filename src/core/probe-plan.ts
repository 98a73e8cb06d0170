/**
 * Which extra requests a capture needs so that the grade can be computed the way the
 * Observatory computes it, and nothing more. The Observatory v1.6.3 makes:
 * - a plain-HTTP session from `http://<host>/` (redirection test, and HSTS/cookies context);
 * - a preflight-style `OPTIONS` to the final URL (CORS test).
 * It no longer reads `/crossdomain.xml` or `/clientaccesspolicy.xml`, so neither does Tabgrade.
 */
import type { PageCapture, Probes } from './capture';

export interface PlannedProbe {
  key: keyof Pick<Probes, 'http' | 'cors' | 'notFound'>;
  url: string;
  method: 'GET' | 'OPTIONS';
  /** Keep the response body (the not-found page, which may be a debug page). */
  readBody?: boolean;
}

/**
 * The path the debug-page probe asks for: one that no site serves, so the answer is the
 * site's 404 page — Django's technical 404 page when DEBUG is on.
 */
export const NOT_FOUND_PROBE_PATH = '/tabgrade-check-404-not-a-real-page';

export interface ProbePlanOptions {
  /** The user opted this site in to the debug-page probe. */
  debugProbe?: boolean;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The probes still missing from this capture (none before its document has arrived). */
export function plannedProbes(capture: PageCapture, options: ProbePlanOptions = {}): PlannedProbe[] {
  const document = capture.document;
  if (document === null || document.statusCode === 0) return [];
  const final = parse(document.url);
  if (final === null || (final.protocol !== 'http:' && final.protocol !== 'https:')) return [];
  const planned: PlannedProbe[] = [];
  // A navigation that itself started on http:// already is the plain-HTTP session.
  const startedOnHttp = parse(capture.requestedUrl)?.protocol === 'http:';
  if (capture.probes.http === undefined && !startedOnHttp) {
    // The Observatory asks the default port: `http://<host>/` (URL.hostname keeps IPv6 brackets).
    planned.push({ key: 'http', url: `http://${final.hostname}/`, method: 'GET' });
  }
  if (capture.probes.cors === undefined) planned.push({ key: 'cors', url: document.url, method: 'OPTIONS' });
  if (options.debugProbe === true && capture.probes.notFound === undefined) {
    planned.push({ key: 'notFound', url: `${final.origin}${NOT_FOUND_PROBE_PATH}`, method: 'GET', readBody: true });
  }
  return planned;
}
