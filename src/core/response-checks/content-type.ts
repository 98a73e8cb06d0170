/**
 * Scripts and stylesheets served with the wrong Content-Type. Browsers refuse a stylesheet
 * that is not `text/css` in standards mode, refuse any script typed as image, audio, video
 * or CSV, and with `nosniff` refuse any script whose type is not a JavaScript MIME type
 * (Fetch §3.5, HTML "fetch a classic script"). Only successful responses are judged: an
 * error page is already visible from its status.
 */
import { hasHeader, headerValues } from '../headers';
import type { ResponseCheck } from './types';
import { MDN_HEADERS, quote, responseFindingMaker, responseMediaType } from './shared';

const make = responseFindingMaker('content-type', 'application');
const LEARN_MORE = `${MDN_HEADERS}/Content-Type`;

/** JavaScript MIME type essences (WHATWG MIME Sniffing §4.6). */
export const JAVASCRIPT_MIME_TYPES: ReadonlySet<string> = new Set([
  'application/ecmascript', 'application/javascript', 'application/x-ecmascript', 'application/x-javascript',
  'text/ecmascript', 'text/javascript', 'text/javascript1.0', 'text/javascript1.1', 'text/javascript1.2',
  'text/javascript1.3', 'text/javascript1.4', 'text/javascript1.5', 'text/jscript', 'text/livescript',
  'text/x-ecmascript', 'text/x-javascript',
]);

/** Types a script may have without being JavaScript: JSON and CSS module imports. */
const MODULE_TYPES: ReadonlySet<string> = new Set(['application/json', 'text/json', 'text/css']);

function hasNosniff(response: { headers: readonly { name: string; value: string }[] }): boolean {
  return headerValues(response.headers, 'x-content-type-options').some((value) => value.trim().toLowerCase() === 'nosniff');
}

export const contentTypeCheck: ResponseCheck = {
  id: 'content-type',
  title: 'Content-Type of scripts and stylesheets',
  possibleFindings: ['script-wrong-content-type', 'stylesheet-wrong-content-type'],
  run(response, kind) {
    if (kind !== 'script' && kind !== 'stylesheet') return { badges: [], findings: [] };
    if (response.statusCode < 200 || response.statusCode >= 300) return { badges: [], findings: [] };
    const type = responseMediaType(response.headers);
    const nosniff = hasNosniff(response);
    const shown = type ?? (hasHeader(response.headers, 'content-type') ? 'empty' : 'none');
    if (kind === 'script') {
      if (type !== null && (JAVASCRIPT_MIME_TYPES.has(type) || MODULE_TYPES.has(type))) return { badges: [], findings: [] };
      const blocked = nosniff || (type !== null && /^(image|audio|video)\/|^text\/csv$/.test(type));
      return {
        badges: [{ id: 'content-type', label: `type ${quote(shown, 30)}`, state: 'bad', title: `A script served as ${quote(shown, 60)}${blocked ? ': the browser refuses to run it' : ''}.` }],
        findings: [
          make({
            id: 'script-wrong-content-type',
            severity: blocked ? 'high' : 'medium',
            title: blocked ? 'Script refused: its Content-Type is not JavaScript' : 'Script served without a JavaScript Content-Type',
            detail: blocked
              ? 'The browser does not run this script because its Content-Type is not a JavaScript type (with X-Content-Type-Options: nosniff, any other type is refused).'
              : 'The browser runs it only by guessing. Serving it as text/javascript lets you add X-Content-Type-Options: nosniff without breaking it.',
            subject: quote(headerValues(response.headers, 'content-type')[0] ?? shown),
            recommendation: 'Content-Type: text/javascript; charset=utf-8',
            learnMoreUrl: LEARN_MORE,
          }),
        ],
      };
    }
    if (type === 'text/css') return { badges: [], findings: [] };
    return {
      badges: [{ id: 'content-type', label: `type ${quote(shown, 30)}`, state: 'bad', title: `A stylesheet served as ${quote(shown, 60)}: browsers refuse it in standards mode.` }],
      findings: [
        make({
          id: 'stylesheet-wrong-content-type',
          severity: 'high',
          title: 'Stylesheet refused: its Content-Type is not text/css',
          detail: 'Browsers apply a stylesheet only when it is served as text/css (quirks-mode same-origin pages excepted), so this one is most likely ignored.',
          subject: quote(headerValues(response.headers, 'content-type')[0] ?? shown),
          recommendation: 'Content-Type: text/css; charset=utf-8',
          learnMoreUrl: LEARN_MORE,
        }),
      ],
    };
  },
};
