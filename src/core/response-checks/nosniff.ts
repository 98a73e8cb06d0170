/**
 * X-Content-Type-Options on the responses it protects: scripts, stylesheets, documents and
 * JSON. With `nosniff` the browser refuses a script or stylesheet whose Content-Type is
 * wrong instead of guessing (Fetch §3.5 "should response to request be blocked due to
 * nosniff?"), and cross-origin JSON cannot be sniffed into something a page could read
 * (CORB/ORB). Images, fonts and media gain nothing, so they are not judged.
 */
import { headerValues } from '../headers';
import type { ResponseCheck, ResponseKind } from './types';
import { HTML_MEDIA_TYPES, isJsonMediaType, isRedirectStatus, MDN_HEADERS, quote, responseFindingMaker, responseMediaType } from './shared';

const make = responseFindingMaker('nosniff');
const LEARN_MORE = `${MDN_HEADERS}/X-Content-Type-Options`;

/** Kinds that always need it; any other response needs it only when it is JSON. */
const ALWAYS: ReadonlySet<ResponseKind> = new Set<ResponseKind>(['document', 'frame', 'script', 'stylesheet']);

export const nosniffCheck: ResponseCheck = {
  id: 'nosniff',
  title: 'X-Content-Type-Options',
  possibleFindings: ['nosniff-missing', 'nosniff-invalid'],
  run(response, kind) {
    if (isRedirectStatus(response.statusCode) || response.statusCode === 0) return { badges: [], findings: [] };
    const type = responseMediaType(response.headers);
    const json = isJsonMediaType(type);
    // A document that is not a page (an image opened in the tab) gains nothing from it.
    const page = kind === 'script' || kind === 'stylesheet' || type === null || HTML_MEDIA_TYPES.has(type);
    if (!(ALWAYS.has(kind) && page) && !json) return { badges: [], findings: [] };
    const what = json ? 'JSON' : kind === 'frame' ? 'frame document' : kind;
    const values = headerValues(response.headers, 'x-content-type-options');
    // Browsers read the first value only (Fetch §3.5 "extract header list values"), but a
    // repeated header is a sign of two layers setting it: judge the joined value, as the
    // Observatory does for documents.
    const joined = values.join(', ');
    if (values.length === 0) {
      return {
        badges: [{ id: 'nosniff', label: 'no nosniff', state: 'bad', title: `This ${what} response has no X-Content-Type-Options: nosniff.` }],
        findings: [
          make({
            id: 'nosniff-missing',
            severity: 'low',
            title: `${capitalise(what)} response without X-Content-Type-Options: nosniff`,
            detail: `Without nosniff the browser may guess the type of this ${what} from its bytes, so a file served with the wrong Content-Type can still run as script or style, and cross-origin JSON is less protected from being read. With it, a wrong type is refused.`,
            recommendation: 'X-Content-Type-Options: nosniff',
            learnMoreUrl: LEARN_MORE,
          }),
        ],
      };
    }
    if (joined.trim().toLowerCase() !== 'nosniff') {
      return {
        badges: [{ id: 'nosniff', label: 'nosniff invalid', state: 'warn', title: `X-Content-Type-Options is “${quote(joined)}”, not nosniff.` }],
        findings: [
          make({
            id: 'nosniff-invalid',
            severity: 'low',
            title: 'X-Content-Type-Options has a value other than nosniff',
            detail: 'The only value is nosniff; anything else, or the header sent twice, is read inconsistently.',
            subject: quote(joined),
            recommendation: 'X-Content-Type-Options: nosniff (once)',
            learnMoreUrl: LEARN_MORE,
          }),
        ],
      };
    }
    return { badges: [{ id: 'nosniff', label: 'nosniff', state: 'ok', title: 'X-Content-Type-Options: nosniff' }], findings: [] };
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
