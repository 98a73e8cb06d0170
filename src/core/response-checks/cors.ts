/**
 * CORS headers on the responses a page reads across origins: XHR/fetch, and fonts (always
 * fetched in CORS mode). It reads what the browser enforces (Fetch §3.2.5 "CORS check"):
 * one `Access-Control-Allow-Origin` value that is `*` or the request's origin, and with
 * credentials, the origin itself plus `Access-Control-Allow-Credentials: true`.
 */
import { firstHeader, headerValues } from '../headers';
import type { ResponseBadge, ResponseCheck } from './types';
import { isCrossOrigin, MDN_HEADERS, originOf, quote, responseFindingMaker } from './shared';
import type { Finding } from '../findings';

const make = responseFindingMaker('cors');

const LEARN_MORE = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS';

function varyIncludesOrigin(values: readonly string[]): boolean {
  return values.some((value) => value.split(',').some((token) => ['origin', '*'].includes(token.trim().toLowerCase())));
}

export const corsCheck: ResponseCheck = {
  id: 'cors',
  title: 'CORS on cross-origin reads',
  possibleFindings: ['cors-several-origins', 'cors-null-origin', 'cors-wildcard-with-credentials', 'cors-reflected-origin-with-credentials', 'cors-origin-without-vary', 'cors-not-allowed'],
  run(response, kind, context) {
    if ((kind !== 'fetch' && kind !== 'font') || response.statusCode === 0) return { badges: [], findings: [] };
    const allowOrigins = headerValues(response.headers, 'access-control-allow-origin');
    const requestOrigin = response.requestHeaders ? firstHeader(response.requestHeaders, 'origin') : null;
    // The request's Origin header, when recorded, says best whether it was cross-origin.
    const crossOrigin = requestOrigin !== null ? originOf(response.url) !== requestOrigin : isCrossOrigin(response.url, context.documentUrl);
    if (allowOrigins.length === 0) {
      if (!crossOrigin) return { badges: [], findings: [] };
      return {
        badges: [{ id: 'cors', label: 'no CORS', state: 'warn', title: 'A cross-origin response without Access-Control-Allow-Origin: the page cannot read it.' }],
        findings: [
          make({
            id: 'cors-not-allowed',
            severity: 'info',
            title: kind === 'font' ? 'Cross-origin font without Access-Control-Allow-Origin: the browser does not use it' : 'Cross-origin response without Access-Control-Allow-Origin: the page cannot read it',
            detail: 'Unless the request was made in no-cors mode (an opaque response), the browser hides this response from the page and reports a CORS error. That protects the server; add the header only if this origin is meant to read it.',
            recommendation: `Access-Control-Allow-Origin: ${originOf(context.documentUrl) ?? '<the page’s origin>'}`,
            learnMoreUrl: LEARN_MORE,
          }),
        ],
      };
    }

    const joined = allowOrigins.join(', ').trim();
    const credentials = (firstHeader(response.headers, 'access-control-allow-credentials') ?? '').trim() === 'true';
    const findings: Finding[] = [];
    let state: ResponseBadge['state'] = 'ok';
    const label = `CORS ${joined === '*' ? '*' : allowOrigins.length > 1 || joined.includes(',') ? 'list' : joined.toLowerCase() === 'null' ? 'null' : 'origin'}${credentials ? ' + credentials' : ''}`;

    if (allowOrigins.length > 1 || joined.includes(',') || joined.includes(' ')) {
      state = 'bad';
      findings.push(make({
        id: 'cors-several-origins',
        severity: 'medium',
        title: 'Access-Control-Allow-Origin lists several origins: browsers reject it',
        detail: 'The header takes exactly one origin or *. A list (or the header sent twice) fails the CORS check in every browser. To allow several origins, compare the request’s Origin with an allowlist and echo the one that matches, with Vary: Origin.',
        subject: quote(joined),
        recommendation: 'Echo one allowed origin per response, with Vary: Origin',
        learnMoreUrl: LEARN_MORE,
      }));
    } else if (joined.toLowerCase() === 'null') {
      state = 'bad';
      findings.push(make({
        id: 'cors-null-origin',
        severity: 'medium',
        title: 'Access-Control-Allow-Origin: null',
        detail: 'Sandboxed iframes, data: URLs and local files all have the origin “null”, so any site can create a document that this response trusts.',
        recommendation: 'Allow named origins only',
        learnMoreUrl: LEARN_MORE,
      }));
    } else if (joined === '*' && credentials) {
      state = 'bad';
      findings.push(make({
        id: 'cors-wildcard-with-credentials',
        severity: 'low',
        title: 'Access-Control-Allow-Origin: * with credentials',
        detail: 'Browsers refuse a credentialed request’s response when the allowed origin is *, so either the credentials header is useless here or the page’s credentialed requests fail.',
        recommendation: 'Drop Access-Control-Allow-Credentials, or echo a named origin',
        learnMoreUrl: LEARN_MORE,
      }));
    } else if (joined !== '*') {
      if (credentials && requestOrigin !== null && joined === requestOrigin) {
        findings.push(make({
          id: 'cors-reflected-origin-with-credentials',
          severity: 'info',
          title: 'The requesting origin is allowed with credentials',
          detail: 'This response lets the requesting origin read it as the logged-in user. That is right for your own front end; make sure the server checks Origin against an allowlist rather than echoing whatever it receives, or any site could read it.',
          subject: quote(joined),
          learnMoreUrl: LEARN_MORE,
        }));
      }
      if (!varyIncludesOrigin(headerValues(response.headers, 'vary'))) {
        state = 'warn';
        findings.push(make({
          id: 'cors-origin-without-vary',
          severity: 'low',
          title: 'A named CORS origin without Vary: Origin',
          detail: 'When the allowed origin depends on the request, caches (the browser’s and any CDN) must know it: without Vary: Origin a response meant for one origin can be served to another, which then fails or, worse, succeeds where it should not.',
          subject: quote(joined),
          recommendation: 'Vary: Origin',
          learnMoreUrl: `${MDN_HEADERS}/Vary`,
        }));
      }
    }
    const title = `Access-Control-Allow-Origin: ${quote(joined)}${credentials ? '; Access-Control-Allow-Credentials: true' : ''}`;
    return { badges: [{ id: 'cors', label, state, title }], findings };
  },
};
