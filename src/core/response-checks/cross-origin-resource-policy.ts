/**
 * Cross-Origin-Resource-Policy on cross-origin assets. Browsers enforce CORP on every
 * no-cors response (Fetch §3.6 "cross-origin resource policy check"): `same-origin` or
 * `same-site` on an asset another origin embeds blocks it, COEP or not. Under the
 * document's `Cross-Origin-Embedder-Policy: require-corp`, a cross-origin asset loaded
 * without CORS must also opt in with CORP, or it is blocked. (`credentialless` sends such
 * requests without cookies instead and needs no CORP.) A response with
 * Access-Control-Allow-Origin was most likely fetched in CORS mode, where CORP does not
 * apply, so it is not judged.
 */
import { firstHeader, hasHeader } from '../headers';
import type { ResponseCheck, ResponseKind } from './types';
import { isCrossOrigin, isRedirectStatus, MDN_HEADERS, quote, responseFindingMaker, siteOf } from './shared';

const make = responseFindingMaker('cross-origin-resource-policy');
const LEARN_MORE = `${MDN_HEADERS}/Cross-Origin-Resource-Policy`;

/** Kinds loaded as no-cors embeds (fonts are CORS requests, judged by the CORS check). */
export const CORP_KINDS: ReadonlySet<ResponseKind> = new Set<ResponseKind>(['script', 'stylesheet', 'image', 'media', 'other']);

export const crossOriginResourcePolicyCheck: ResponseCheck = {
  id: 'cross-origin-resource-policy',
  title: 'Cross-Origin-Resource-Policy on embedded assets',
  possibleFindings: ['corp-blocks-embedding', 'corp-missing-under-coep'],
  run(response, kind, context) {
    if (!CORP_KINDS.has(kind) || response.statusCode === 0 || isRedirectStatus(response.statusCode)) return { badges: [], findings: [] };
    const corpRaw = firstHeader(response.headers, 'cross-origin-resource-policy');
    const corp = corpRaw?.trim().toLowerCase() ?? null;
    const requireCorp = context.documentCoep === 'require-corp';
    const crossOrigin = isCrossOrigin(response.url, context.documentUrl);
    const corsMode = hasHeader(response.headers, 'access-control-allow-origin');
    if (corp === null) {
      if (!requireCorp || !crossOrigin || corsMode) return { badges: [], findings: [] };
      return {
        badges: [{ id: 'corp', label: 'no CORP', state: 'bad', title: 'A cross-origin asset without Cross-Origin-Resource-Policy, on a page with COEP: require-corp.' }],
        findings: [
          make({
            id: 'corp-missing-under-coep',
            severity: 'high',
            title: 'Blocked by COEP: cross-origin asset without Cross-Origin-Resource-Policy',
            detail: 'The page sends Cross-Origin-Embedder-Policy: require-corp, so a cross-origin asset loaded without CORS must send Cross-Origin-Resource-Policy: cross-origin (or be requested with crossorigin and answered with CORS headers). This one does neither, so the browser blocks it. If you do not control the server, COEP: credentialless lets it load without cookies.',
            recommendation: 'Cross-Origin-Resource-Policy: cross-origin (on the asset)',
            learnMoreUrl: LEARN_MORE,
          }),
        ],
      };
    }
    const sameSite = siteOf(response.url) === (context.documentUrl === null ? null : siteOf(context.documentUrl));
    const blocks = !corsMode && crossOrigin && (corp === 'same-origin' || (corp === 'same-site' && !sameSite));
    if (blocks) {
      return {
        badges: [{ id: 'corp', label: `CORP ${quote(corp, 20)}`, state: 'bad', title: `Cross-Origin-Resource-Policy: ${quote(corp, 40)} on an asset this page loads from another ${corp === 'same-site' ? 'site' : 'origin'}.` }],
        findings: [
          make({
            id: 'corp-blocks-embedding',
            severity: 'high',
            title: `Blocked: Cross-Origin-Resource-Policy ${quote(corp, 20)} on an asset from another ${corp === 'same-site' ? 'site' : 'origin'}`,
            detail: 'The asset tells the browser that only its own origin (or site) may embed it, and this page is not one of them, so the browser blocks it whatever the page’s own headers say.',
            subject: quote(corpRaw ?? corp),
            recommendation: 'Cross-Origin-Resource-Policy: cross-origin (if other sites may embed it)',
            learnMoreUrl: LEARN_MORE,
          }),
        ],
      };
    }
    const known = corp === 'same-origin' || corp === 'same-site' || corp === 'cross-origin';
    return {
      badges: [{ id: 'corp', label: `CORP ${quote(corp, 20)}`, state: known ? 'ok' : 'warn', title: `Cross-Origin-Resource-Policy: ${quote(corpRaw ?? corp, 60)}${known ? '' : ' (not a value browsers know; ignored)'}` }],
      findings: [],
    };
  },
};
