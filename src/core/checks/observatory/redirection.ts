/**
 * Observatory test `redirection`: does plain HTTP send visitors to HTTPS, first on the
 * same host?
 * Mirrors MDN HTTP Observatory v1.6.3 `src/analyzer/tests/redirection.js`, fed with the
 * plain-HTTP chain (`scan-view.ts`: the `http://` probe, or the user's own navigation when
 * it started on `http:`).
 */
import type { PageCapture } from '../../capture';
import { httpSession, parseUrl, scannedUrl, type ChainResponse } from './scan-view';
import { scoreModifier } from './scoring';
import type { ObservatoryContext, ObservatoryTest, ObservatoryTestResult } from './types';

export const REDIRECTION_RESULTS = [
  'redirection-all-redirects-preloaded',
  'redirection-to-https',
  'redirection-not-needed-no-http',
  'redirection-off-host-from-http',
  'redirection-not-to-https-on-initial-redirection',
  'redirection-not-to-https',
  'redirection-missing',
  'redirection-invalid-cert',
] as const;
export type RedirectionResult = (typeof REDIRECTION_RESULTS)[number];

const EXPECTATION: RedirectionResult = 'redirection-to-https';
const PASSING: ReadonlySet<RedirectionResult> = new Set([EXPECTATION, 'redirection-not-needed-no-http', 'redirection-all-redirects-preloaded']);
/** The Observatory drops a route whose JSON is longer than this ("infinite routing loops"). */
const MAX_ROUTE_JSON = 8192;

export interface RouteStep {
  href: string;
  protocol: string;
  hostname: string;
  status: number;
  internal: boolean;
}

function toStep(response: ChainResponse): RouteStep {
  const url = parseUrl(response.url);
  return {
    href: url?.href ?? response.url,
    protocol: url?.protocol ?? '',
    hostname: url?.hostname ?? '',
    status: response.statusCode,
    internal: response.internal,
  };
}

/**
 * The Observatory's decision for an observed route (every response of the HTTP session,
 * the first request included). `preloaded` answers for one host; null means unknown.
 */
export function judgeRoute(
  route: readonly RouteStep[],
  preloaded: (host: string) => boolean,
): { result: RedirectionResult; statusCode: number | null } {
  const last = route[route.length - 1];
  let statusCode = last?.status ?? null;
  let result: RedirectionResult;
  if (route.every((step) => preloaded(step.hostname))) {
    result = 'redirection-all-redirects-preloaded';
  } else if (route.length === 1) {
    result = 'redirection-missing';
  } else if (last?.protocol !== 'https:') {
    result = 'redirection-not-to-https';
  } else if (route[1]?.protocol === 'http:') {
    result = 'redirection-not-to-https-on-initial-redirection';
    statusCode = last.status;
  } else if (route[0]?.protocol === 'http:' && route[1]?.protocol === 'https:' && route[0].hostname !== route[1].hostname) {
    result = 'redirection-off-host-from-http';
  } else {
    result = 'redirection-to-https';
  }
  return { result, statusCode };
}

export const redirectionTest: ObservatoryTest = {
  name: 'redirection',
  title: 'Redirection',
  needs: ['probes.http', 'redirects'],
  possibleResults: REDIRECTION_RESULTS,
  run(capture: PageCapture, context: ObservatoryContext): ObservatoryTestResult {
    const notes: string[] = [];
    let unknownPreload = false;
    const preloaded = (host: string): boolean => {
      const status = context.isHstsPreloaded(host);
      if (status === null) unknownPreload = true;
      return status?.preloaded ?? false;
    };

    const session = httpSession(capture);
    let result: RedirectionResult;
    let route: RouteStep[] = [];
    let statusCode: number | null = null;

    switch (session.kind) {
      case 'not-fetched': {
        // The Observatory always tries http://; most sites that serve HTTPS redirect there.
        const host = scannedUrl(capture)?.hostname ?? '';
        result = host !== '' && preloaded(host) ? 'redirection-all-redirects-preloaded' : 'redirection-to-https';
        notes.push('Plain HTTP was not checked (no http:// probe was made); this result is the likely one, not an observed one.');
        break;
      }
      case 'no-http':
        result = 'redirection-not-needed-no-http';
        notes.push(session.error ? `Plain HTTP did not answer (${session.error}).` : 'Plain HTTP did not answer.');
        break;
      case 'certificate-error':
        result = 'redirection-invalid-cert';
        route = session.route.map(toStep);
        notes.push('A certificate was refused while following the redirects from plain HTTP.');
        break;
      case 'observed': {
        route = session.route.map(toStep);
        ({ result, statusCode } = judgeRoute(route, preloaded));
        if (session.from === 'navigation') notes.push('Judged from your own navigation, which started on http://.');
        if (route.some((step) => step.internal)) {
          notes.push(
            'The browser upgraded http:// to https:// by itself (HSTS it had already seen), so the server’s own answer over plain HTTP was not observed; the Observatory has no such memory and asks the server.',
          );
        }
        if (route.some((step) => step.protocol === 'https:')) {
          notes.push('Certificates were checked by the browser; the Observatory checks them itself and can disagree (for example on a missing intermediate).');
        }
        break;
      }
    }
    if (unknownPreload) notes.push('HSTS preload status unknown (no preload list available); treated as not preloaded.');

    const hrefs = route.map((step) => step.href);
    return {
      name: 'redirection',
      result,
      expectation: EXPECTATION,
      pass: PASSING.has(result),
      scoreModifier: scoreModifier('redirection', result),
      data: {
        destination: route[route.length - 1]?.href ?? null,
        route: JSON.stringify(hrefs).length > MAX_ROUTE_JSON ? [] : hrefs,
        redirects: result !== 'redirection-missing',
        statusCode: statusCode !== null && String(statusCode).length < 5 ? statusCode : null,
        observedFrom: session.kind === 'not-fetched' ? null : session.from,
      },
      notes,
    };
  },
};
