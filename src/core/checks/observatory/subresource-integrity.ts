/**
 * Observatory test `subresource-integrity`: do scripts from other sites carry an
 * `integrity` hash, and load over HTTPS?
 * Mirrors MDN HTTP Observatory v1.6.3 `src/analyzer/tests/subresource-integrity.js` on the
 * document's HTML as served (`parseDocumentMarkup`). Its rules, read literally:
 * - every `<script>` counts towards "are there scripts at all", inline ones included;
 *   only those with a non-empty `src` are judged;
 * - `src` starting `//x` is protocol-relative: always foreign, never secure;
 *   `http://` or `https://` (lower case, no leading space) is a full URL: foreign unless
 *   it has the page's registrable domain; anything else is relative: same origin;
 * - the scheme is secure when it is `https:`, or for a relative `src` on an HTTPS page;
 * - the worst finding wins; same-origin scripts only ever earn the SRI bonus.
 */
import type { PageCapture } from '../../capture';
import { sriRegistrableDomain } from '../../domains';
import { firstHeader } from '../../headers';
import { HTML_TYPES, observatoryBody, observatoryMimeType, parseDocumentMarkup, type ParsedScript } from '../../html';
import { parseUrl, scannedUrl } from './scan-view';
import { scoreModifier } from './scoring';
import type { ObservatoryTest, ObservatoryTestResult } from './types';

export const SRI_RESULTS = [
  'sri-implemented-and-all-scripts-loaded-securely',
  'sri-implemented-and-external-scripts-loaded-securely',
  'sri-not-implemented-response-not-html',
  'sri-not-implemented-but-no-scripts-loaded',
  'sri-not-implemented-but-all-scripts-loaded-from-secure-origin',
  'sri-not-implemented-but-external-scripts-loaded-securely',
  'sri-implemented-but-external-scripts-not-loaded-securely',
  'sri-not-implemented-and-external-scripts-not-loaded-securely',
  'html-not-parseable',
] as const;
export type SriResult = (typeof SRI_RESULTS)[number];

const EXPECTATION: SriResult = 'sri-implemented-and-external-scripts-loaded-securely';
const PASSING: ReadonlySet<SriResult> = new Set([
  'sri-implemented-and-all-scripts-loaded-securely',
  'sri-implemented-and-external-scripts-loaded-securely',
  'sri-not-implemented-response-not-html',
  'sri-not-implemented-but-all-scripts-loaded-from-secure-origin',
  'sri-not-implemented-but-no-scripts-loaded',
]);

/** Findings from best to worst (the Observatory's `goodness` list). */
const ORDER: readonly SriResult[] = [
  'sri-implemented-and-all-scripts-loaded-securely',
  'sri-implemented-and-external-scripts-loaded-securely',
  'sri-implemented-but-external-scripts-not-loaded-securely',
  'sri-not-implemented-but-external-scripts-loaded-securely',
  'sri-not-implemented-and-external-scripts-not-loaded-securely',
  'sri-not-implemented-response-not-html',
];

/** The Observatory drops the script details when their JSON reaches this size. */
const MAX_DATA_JSON = 32_768;

function worse(current: SriResult | null, candidate: SriResult): SriResult {
  if (current === null) return candidate;
  return ORDER.indexOf(candidate) > ORDER.indexOf(current) ? candidate : current;
}

export interface ForeignScript {
  src: string;
  integrity: string | null;
  crossorigin: string | null;
}

/**
 * How one script `src` is classified. `pageDomain` is the page host's registrable domain,
 * when the caller has it already (it is the same for every script of a page).
 */
export function classifyScriptSrc(
  src: string,
  pageHost: string,
  pageIsHttps: boolean,
  pageDomain: string | null = sriRegistrableDomain(pageHost),
): { sameSite: boolean; secureScheme: boolean } {
  if (/^\/\/[^/]/.test(src)) return { sameSite: false, secureScheme: false };
  if (/^https?:\/\//.test(src)) {
    const sameSite = sriRegistrableDomain(src) === pageDomain;
    // The Observatory reads the scheme with `new URL(src)`, which throws on a malformed
    // URL (failing its whole scan); such a script is taken as not secure here.
    return { sameSite, secureScheme: parseUrl(src)?.protocol === 'https:' };
  }
  return { sameSite: true, secureScheme: pageIsHttps };
}

/**
 * Absolute script URLs of another origin that the Observatory counts as the page's own
 * only because neither host has a registrable domain (localhost, an IP address): the
 * sentence "all scripts come from the site itself" would be false for them.
 */
export function sameSiteOnlyByMissingDomain(scripts: readonly ParsedScript[], page: URL): string[] {
  if (sriRegistrableDomain(page.hostname) !== null) return [];
  const found = new Set<string>();
  for (const script of scripts) {
    const src = script.src;
    if (!src || found.has(src) || !/^https?:\/\//.test(src)) continue;
    const url = parseUrl(src);
    if (url === null || url.origin === page.origin) continue;
    if (sriRegistrableDomain(src) === null) found.add(src);
  }
  return [...found];
}

interface ScriptsVerdict {
  judged: ReturnType<typeof judgeScripts>;
  /** The foreign scripts as the result's data lists them: none when they would not fit. */
  listed: ForeignScript[];
  otherOrigins: string[];
}

/**
 * The verdict on a script list for a page, remembered per list: a page's list (parsed once
 * per HTML or DOM snapshot) is graded again for every capture update, and a page with
 * thousands of scripts would parse every address each time (the heaviest work of a report
 * on such a page, in the profile).
 */
const verdictsByScripts = new WeakMap<readonly ParsedScript[], Map<string, ScriptsVerdict>>();
function scriptsVerdict(scripts: readonly ParsedScript[], page: URL | null): ScriptsVerdict {
  const key = page === null ? '' : page.href;
  let byPage = verdictsByScripts.get(scripts);
  if (byPage === undefined) verdictsByScripts.set(scripts, (byPage = new Map()));
  let verdict = byPage.get(key);
  if (verdict === undefined) {
    const judged = judgeScripts(scripts, page?.hostname ?? '', page?.protocol === 'https:');
    const fits = jsonLengthBound(judged.foreign) < MAX_DATA_JSON || JSON.stringify(judged.foreign).length < MAX_DATA_JSON;
    verdict = { judged, listed: fits ? judged.foreign : [], otherOrigins: page === null ? [] : sameSiteOnlyByMissingDomain(scripts, page) };
    byPage.set(key, verdict);
  }
  return verdict;
}

/** The Observatory's verdict on a page's scripts. */
export function judgeScripts(
  scripts: readonly ParsedScript[],
  pageHost: string,
  pageIsHttps: boolean,
): { result: SriResult; foreign: ForeignScript[] } {
  let result: SriResult | null = null;
  let anyForeign = false;
  const foreign = new Map<string, ForeignScript>();
  const pageDomain = scripts.length > 0 ? sriRegistrableDomain(pageHost) : null;
  for (const script of scripts) {
    const src = script.src;
    if (!src) continue;
    const integrity = script.integrity || null;
    const crossorigin = script.crossorigin || null;
    const relativeProtocol = /^\/\/[^/]/.test(src);
    const { sameSite, secureScheme } = classifyScriptSrc(src, pageHost, pageIsHttps, pageDomain);
    if (sameSite && !relativeProtocol) {
      // Same origin: only the bonus, and only while nothing else was found yet.
      if (integrity && secureScheme && result === null) result = 'sri-implemented-and-all-scripts-loaded-securely';
      continue;
    }
    anyForeign = true;
    foreign.set(src, { src, integrity, crossorigin });
    if (integrity && !secureScheme) result = worse(result, 'sri-implemented-but-external-scripts-not-loaded-securely');
    else if (!integrity && secureScheme) result = worse(result, 'sri-not-implemented-but-external-scripts-loaded-securely');
    else if (!integrity) result = worse(result, 'sri-not-implemented-and-external-scripts-not-loaded-securely');
  }
  if (scripts.length === 0) return { result: 'sri-not-implemented-but-no-scripts-loaded', foreign: [] };
  result ??= anyForeign ? 'sri-implemented-and-external-scripts-loaded-securely' : 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin';
  return { result, foreign: [...foreign.values()] };
}

/**
 * A length `JSON.stringify(scripts)` cannot exceed (each UTF-16 unit of a string takes at
 * most six characters, `\uXXXX`; 36 for an object's braces, keys and commas), so the
 * usual small list is known to fit without writing it out.
 */
function jsonLengthBound(scripts: readonly ForeignScript[]): number {
  const stringBound = (text: string | null): number => (text === null ? 4 : 2 + 6 * text.length);
  let bound = 2;
  for (const script of scripts) bound += 1 + 36 + stringBound(script.src) + stringBound(script.integrity) + stringBound(script.crossorigin);
  return bound;
}

function finish(result: SriResult, data: Record<string, unknown>, notes: string[]): ObservatoryTestResult {
  return {
    name: 'subresource-integrity',
    result,
    expectation: EXPECTATION,
    pass: PASSING.has(result),
    scoreModifier: scoreModifier('subresource-integrity', result),
    data,
    notes,
  };
}

export const subresourceIntegrityTest: ObservatoryTest = {
  name: 'subresource-integrity',
  title: 'Subresource Integrity',
  needs: ['document', 'html'],
  possibleResults: SRI_RESULTS,
  run(capture: PageCapture): ObservatoryTestResult {
    const notes: string[] = [];
    const document = capture.document;
    if (!document) {
      notes.push('No document response yet: scripts could not be read.');
      return finish('sri-not-implemented-but-no-scripts-loaded', { scripts: [] }, notes);
    }
    // The Observatory compares the part before `;` with HTML_TYPES as is; no Content-Type means HTML.
    const mime = observatoryMimeType(firstHeader(document.headers, 'content-type') ?? '');
    if (mime !== '' && !HTML_TYPES.has(mime)) return finish('sri-not-implemented-response-not-html', { scripts: [] }, notes);

    if (capture.html?.source === 'served' && observatoryBody(capture.html.text).kind === 'unparseable') {
      notes.push('The body is a JSON value, which the Observatory’s HTML parser fails on.');
      return finish('html-not-parseable', { scripts: [] }, notes);
    }
    const markup = parseDocumentMarkup(capture);
    if (!markup) {
      notes.push('The page’s HTML was not available, so no scripts could be read.');
      return finish('sri-not-implemented-but-no-scripts-loaded', { scripts: [] }, notes);
    }
    if (markup.source === 'dom') {
      notes.push('Read from the live page rather than the HTML as served: script addresses are already resolved, so protocol-relative (//…) ones cannot be told apart.');
    }
    if (capture.html?.truncated) notes.push('The HTML was cut at the size limit; scripts after the cut were not read.');

    const page = scannedUrl(capture);
    const { judged, listed: scripts, otherOrigins } = scriptsVerdict(markup.scripts, page);
    const result = judged.result;
    if (otherOrigins.length > 0) {
      notes.push(
        `The Observatory counts ${otherOrigins.length === 1 ? 'a script' : `${otherOrigins.length} scripts`} from another origin as from this site: it compares registrable domains, and localhost and IP addresses have none, so any port or address matches. Tabgrade keeps its result and reports ${otherOrigins.length === 1 ? 'that script' : 'those scripts'} in its own Subresource Integrity findings.`,
      );
    }
    return finish(result, { scripts, ...(otherOrigins.length > 0 ? { countedAsSameSite: otherOrigins.slice(0, 20) } : {}) }, notes);
  },
};
