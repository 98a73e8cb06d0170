/**
 * Observatory test `content-security-policy`: judges the enforced CSP of the document,
 * from its `Content-Security-Policy` headers and `<meta http-equiv>` tags, exactly as the
 * MDN HTTP Observatory v1.6.3 does (`src/analyzer/tests/csp.js`).
 *
 * The order of the checks matters: the first problem found decides the result, later
 * checks only set flags in `data.policy`.
 */
import type { PageCapture } from '../../capture';
import { headerValues, joinedHeader } from '../../headers';
import { parseDocumentMarkup } from '../../html';
import { TRUNCATION_MARK } from '../../normalize';
import { sortedStrings } from '../../small-sort';
import {
  DIRECTIVES_IGNORED_IN_META,
  parseCspPolicyLists,
  parseCspPolicyListsAndPrefix,
  parseMetaCspPolicies,
  splitPolicyList,
  withSets,
  type PolicyReadings,
} from './csp-parser';
import { captureUrl } from './scan-view';
import { scoreModifier } from './scoring';
import type { ObservatoryTest, ObservatoryTestResult } from './types';

export const CSP_RESULTS = [
  'csp-implemented-with-no-unsafe-default-src-none',
  'csp-implemented-with-no-unsafe',
  'csp-implemented-with-unsafe-inline-in-style-src-only',
  'csp-implemented-with-insecure-scheme-in-passive-content-only',
  'csp-implemented-with-unsafe-eval',
  'csp-implemented-with-unsafe-inline',
  'csp-implemented-with-insecure-scheme',
  'csp-implemented-but-duplicate-directives',
  'csp-header-invalid',
  'csp-not-implemented',
  'csp-not-implemented-but-reporting-enabled',
] as const;
export type CspResult = (typeof CSP_RESULTS)[number];

const EXPECTATION: CspResult = 'csp-implemented-with-no-unsafe';

/** Results that pass although they are not the expectation (Observatory pass list). */
const PASSING: ReadonlySet<CspResult> = new Set<CspResult>([
  EXPECTATION,
  'csp-implemented-with-no-unsafe-default-src-none',
  'csp-implemented-with-unsafe-inline-in-style-src-only',
  'csp-implemented-with-insecure-scheme-in-passive-content-only',
]);

/** Sources the Observatory treats as "anything goes". */
const DANGEROUSLY_BROAD: readonly string[] = ['ftp:', 'http:', 'https:', '*', 'http://*', 'http://*.*', 'https://*', 'https://*.*'];
const BROAD: ReadonlySet<string> = new Set(DANGEROUSLY_BROAD);
const BROAD_OR_INLINE: ReadonlySet<string> = new Set([...DANGEROUSLY_BROAD, "'unsafe-inline'", 'data:']);
/** Directives for "passive" content (images, media); everything else counts as active. */
const PASSIVE_DIRECTIVES: readonly string[] = ['img-src', 'media-src'];
const NONCE_OR_HASH_PREFIXES: readonly string[] = ["'sha256-", "'sha384-", "'sha512-", "'nonce-"];

/** What the policy allows, beyond the single result (the Observatory's `Policy` object). */
export interface CspPolicyFlags {
  /** frame-ancestors (header-delivered) restricts framing. */
  antiClickjacking: boolean;
  /** default-src is exactly `'none'`. */
  defaultNone: boolean;
  /** base-uri missing or broad/inline. */
  insecureBaseUri: boolean;
  /** form-action missing or broad. */
  insecureFormAction: boolean;
  /** An HTTPS page allows active content over http:/ftp:. */
  insecureSchemeActive: boolean;
  /** An HTTPS page allows images or media over http:/ftp:. */
  insecureSchemePassive: boolean;
  /** script-src uses 'strict-dynamic' with a nonce or hash. */
  strictDynamic: boolean;
  unsafeEval: boolean;
  /** Scripts or plugins unrestricted: inline, data:, broad or missing sources. */
  unsafeInline: boolean;
  /** style-src allows inline styles, data: or broad sources. */
  unsafeInlineStyle: boolean;
  /** object-src (or its fallback) broad or missing. */
  unsafeObjects: boolean;
}

/** Everything the CSP test found; `x-frame-options` reads it too. */
export interface CspAnalysis {
  result: CspResult;
  pass: boolean;
  /** A CSP header was present. */
  http: boolean;
  /** A `<meta http-equiv=content-security-policy>` was present. */
  meta: boolean;
  /** Policies after splitting every header and meta value on commas. */
  numPolicies: number;
  /** Null when no CSP was found or it could not be parsed. */
  policy: CspPolicyFlags | null;
  /**
   * The effective directives (header and meta policies combined), sorted sources, as the
   * Observatory reports them in `data`. Null when no CSP or when it cannot be parsed.
   */
  directives: Record<string, string[]> | null;
  /** Tolerated repeated directives (report-uri/report-to). */
  duplicateDirectives: string[];
  /** frame-ancestors sources from header policies only (meta ones do nothing); null when absent. */
  headerFrameAncestors: string[] | null;
  /** Why the CSP could not be parsed (may quote page-controlled directive names). */
  invalidReason: string | null;
  /** A Content-Security-Policy-Report-Only header was present. */
  reportOnly: boolean;
  /** Where meta tags were read from, when HTML was available. */
  markupSource: 'served' | 'dom' | null;
  notes: string[];
}

// Captures are immutable values (see capture-updates.ts), so an analysis can be reused
// for the same object: the x-frame-options test reads the same CSP without re-parsing.
const cache = new WeakMap<PageCapture, CspAnalysis>();

export function analyzeContentSecurityPolicy(capture: PageCapture): CspAnalysis {
  const cached = cache.get(capture);
  if (cached) return cached;
  const analysis = analyze(capture);
  cache.set(capture, analysis);
  return analysis;
}

function analyze(capture: PageCapture): CspAnalysis {
  const response = capture.document;
  const base: CspAnalysis = {
    result: 'csp-not-implemented',
    pass: false,
    http: false,
    meta: false,
    numPolicies: 0,
    policy: null,
    directives: null,
    duplicateDirectives: [],
    headerFrameAncestors: null,
    invalidReason: null,
    reportOnly: false,
    markupSource: null,
    notes: [],
  };
  if (response === null) return base;

  const headerValuesRaw = headerValues(response.headers, 'content-security-policy');
  const markup = parseDocumentMarkup(capture);
  const metaValues: string[] = [];
  // Like the Observatory's meta scan: http-equiv compared trimmed and lower-cased, and a
  // meta with an empty content is skipped.
  for (const tag of markup?.metas ?? []) {
    if (tag.content !== '' && tag.httpEquiv !== null && tag.httpEquiv.trim().toLowerCase() === 'content-security-policy') {
      metaValues.push(tag.content);
    }
  }
  const headerPolicies = splitPolicyList(headerValuesRaw);
  const metaPolicies = splitPolicyList(metaValues);
  const reportOnlyValue = joinedHeader(response.headers, 'content-security-policy-report-only');
  const notes: string[] = [];
  const analysis: CspAnalysis = {
    ...base,
    http: headerPolicies.length > 0,
    meta: metaPolicies.length > 0,
    numPolicies: headerPolicies.length + metaPolicies.length,
    // The Observatory only looks for a non-empty report-only value.
    reportOnly: reportOnlyValue !== null && reportOnlyValue !== '',
    markupSource: markup?.source ?? null,
    notes,
  };

  if (headerValuesRaw.some((value) => value.endsWith(TRUNCATION_MARK))) {
    notes.push('A Content-Security-Policy header was too long to keep in full; its end was cut before grading, which can change the result.');
  }
  if (analysis.meta && markup?.source === 'dom') {
    notes.push('Meta tags were read from the live page rather than the HTML the server sent; a script may have added or changed them, which the Observatory would not see.');
  }

  // Header and meta policies are judged together; the header-only view is needed for
  // frame-ancestors, and the meta-only view to know whether a meta policy says anything.
  // The three parses share their first policies' readings.
  const readings: PolicyReadings = new Map();
  // With meta policies, the header-only view is where the merge stood after the header
  // policies; without, it is the combined one.
  const merge = metaPolicies.length > 0 ? parseCspPolicyListsAndPrefix([...headerPolicies, ...metaPolicies], headerPolicies.length, readings) : null;
  const combined = withSets(merge?.all ?? parseCspPolicyLists(headerPolicies, readings));
  if (!combined.valid) {
    return { ...analysis, result: 'csp-header-invalid', invalidReason: combined.reason };
  }
  // Reused as is without meta policies (the code below only removes sources from
  // script/style/default-src, never from frame-ancestors).
  let headerOnlyDirectives: ReadonlyMap<string, Iterable<string>> = combined.csp.directives;
  let metaOnlyCount = 0;
  if (merge !== null) {
    // Only read (its size and frame-ancestors), so lists will do.
    headerOnlyDirectives = merge.prefix.valid ? merge.prefix.directives : new Map<string, string[]>();
    const metaOnly = parseMetaCspPolicies(metaPolicies, readings);
    // The Observatory keeps its repeated-directive warnings as one more map entry, which
    // survives the removal of header-only directives: a meta policy such as
    // "report-uri /a; report-uri /b" therefore still counts as a policy there.
    metaOnlyCount = metaOnly.valid ? metaOnly.csp.directives.size + (metaOnly.csp.duplicateDirectives.size > 0 ? 1 : 0) : 0;
  }

  // A meta policy made only of header-only directives (e.g. frame-ancestors) counts as none.
  if (headerOnlyDirectives.size + metaOnlyCount === 0) {
    if (metaPolicies.length > 0) {
      notes.push(`Browsers ignore ${DIRECTIVES_IGNORED_IN_META.join(', ')} in a meta tag, so the meta policy enforces nothing here.`);
    }
    return { ...analysis, result: analysis.reportOnly ? 'csp-not-implemented-but-reporting-enabled' : 'csp-not-implemented' };
  }

  const csp = combined.csp.directives;
  const policy: CspPolicyFlags = {
    antiClickjacking: false,
    defaultNone: false,
    insecureBaseUri: false,
    insecureFormAction: false,
    insecureSchemeActive: false,
    insecureSchemePassive: false,
    strictDynamic: false,
    unsafeEval: false,
    unsafeInline: false,
    unsafeInlineStyle: false,
    unsafeObjects: false,
  };

  // Missing directives fall back to default-src, then to "anything" (`*`). The sets are
  // the parsed ones, not copies: like the Observatory, removing a source below also
  // removes it from what is reported and from the active-content check.
  const baseUri = csp.get('base-uri') ?? new Set(['*']);
  // frame-ancestors counts only from headers: browsers ignore it in meta policies.
  const frameAncestors = headerOnlyDirectives.get('frame-ancestors') ?? new Set(['*']);
  const formAction = csp.get('form-action') ?? new Set(['*']);
  const objectSrc = csp.get('object-src') ?? csp.get('default-src') ?? new Set(['*']);
  const scriptSrc = csp.get('script-src') ?? csp.get('default-src') ?? new Set(['*']);
  const styleSrc = csp.get('style-src') ?? csp.get('default-src') ?? new Set(['*']);

  // With a nonce or hash, browsers ignore 'unsafe-inline' (CSP2+), so it is not held against the site.
  for (const sources of [scriptSrc, styleSrc]) {
    if (hasNonceOrHash(sources)) sources.delete("'unsafe-inline'");
  }

  let result: CspResult | null = null;
  // 'strict-dynamic' with a nonce/hash makes browsers ignore host, scheme, 'self' and
  // 'unsafe-inline' sources; without one, the Observatory calls the policy invalid.
  if (scriptSrc.has("'strict-dynamic'") && hasNonceOrHash(scriptSrc)) {
    for (const source of [...scriptSrc]) {
      if (startsWithBroad(source) || source === "'self'" || source === "'unsafe-inline'") {
        scriptSrc.delete(source);
      }
    }
    policy.strictDynamic = true;
  } else if (scriptSrc.has("'strict-dynamic'")) {
    result = 'csp-header-invalid';
    notes.push("script-src uses 'strict-dynamic' without a nonce or hash; the Observatory treats that policy as invalid (browsers would then block every script).");
  }

  const isHttps = captureUrl(capture, response.url)?.protocol === 'https:';

  if (someIn(scriptSrc, BROAD_OR_INLINE) || someIn(objectSrc, BROAD)) {
    result ??= 'csp-implemented-with-unsafe-inline';
    policy.unsafeInline = true;
  }
  if (isHttps && activeContentAllowsInsecureScheme(csp, scriptSrc)) {
    result ??= 'csp-implemented-with-insecure-scheme';
    policy.insecureSchemeActive = true;
  }
  if (scriptSrc.has("'unsafe-eval'") || styleSrc.has("'unsafe-eval'")) {
    result ??= 'csp-implemented-with-unsafe-eval';
    policy.unsafeEval = true;
  }
  if (isHttps && passiveContentAllowsInsecureScheme(csp)) {
    result ??= 'csp-implemented-with-insecure-scheme-in-passive-content-only';
    policy.insecureSchemePassive = true;
  }
  if (someIn(styleSrc, BROAD_OR_INLINE)) {
    result ??= 'csp-implemented-with-unsafe-inline-in-style-src-only';
    policy.unsafeInlineStyle = true;
  }
  const defaultSrc = csp.get('default-src');
  if (defaultSrc !== undefined && defaultSrc.size === 1 && defaultSrc.has("'none'")) {
    result ??= 'csp-implemented-with-no-unsafe-default-src-none';
    policy.defaultNone = true;
  } else {
    result ??= 'csp-implemented-with-no-unsafe';
  }

  policy.antiClickjacking = !someIn(frameAncestors, BROAD);
  policy.insecureBaseUri = someIn(baseUri, BROAD_OR_INLINE);
  policy.insecureFormAction = someIn(formAction, BROAD);
  policy.unsafeObjects = someIn(objectSrc, BROAD);

  const pass = PASSING.has(result);
  const duplicateDirectives = sortedStrings(combined.csp.duplicateDirectives);
  // A passing policy with repeated report-uri/report-to is reported as such (modifier 0).
  if (pass && duplicateDirectives.length > 0) result = 'csp-implemented-but-duplicate-directives';

  const directives: Record<string, string[]> = {};
  csp.forEach((sources, directive) => {
    directives[directive] = sortedStrings(sources);
  });

  const headerFrameAncestors = headerOnlyDirectives.get('frame-ancestors');
  return {
    ...analysis,
    result,
    pass,
    policy,
    directives,
    duplicateDirectives,
    headerFrameAncestors: headerFrameAncestors === undefined ? null : sortedStrings(new Set(headerFrameAncestors)),
  };
}

/** First characters of `DANGEROUSLY_BROAD`: most sources start with none of them. */
const BROAD_FIRST_CHARACTERS: ReadonlySet<string> = new Set(DANGEROUSLY_BROAD.map((broad) => broad.charAt(0)));

function startsWithBroad(source: string): boolean {
  return BROAD_FIRST_CHARACTERS.has(source.charAt(0)) && DANGEROUSLY_BROAD.some((broad) => source.startsWith(broad));
}

function hasNonceOrHash(sources: ReadonlySet<string>): boolean {
  for (const source of sources) {
    // Every nonce and hash source starts with a quote; most sources do not.
    if (source.charCodeAt(0) !== QUOTE) continue;
    for (const prefix of NONCE_OR_HASH_PREFIXES) if (source.startsWith(prefix)) return true;
  }
  return false;
}

const QUOTE = 0x27;

/**
 * Whether an active-content source (every directive but script-src and the passive ones,
 * then the effective script-src) names an insecure scheme. Asked without gathering the
 * sources into a list first: this runs on every grade.
 */
function activeContentAllowsInsecureScheme(csp: ReadonlyMap<string, ReadonlySet<string>>, scriptSrc: ReadonlySet<string>): boolean {
  let found = false;
  csp.forEach((sources, directive) => {
    if (!found && directive !== 'script-src' && !PASSIVE_DIRECTIVES.includes(directive)) found = someSource(sources, isInsecureScheme);
  });
  return found || someSource(scriptSrc, isInsecureScheme);
}

/** The same for the passive directives, each falling back to default-src. */
function passiveContentAllowsInsecureScheme(csp: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  for (const directive of PASSIVE_DIRECTIVES) {
    const sources = csp.get(directive) ?? csp.get('default-src');
    if (sources !== undefined && someSource(sources, isInsecureScheme)) return true;
  }
  return false;
}

function someSource(sources: ReadonlySet<string>, test: (source: string) => boolean): boolean {
  for (const source of sources) if (test(source)) return true;
  return false;
}

function someIn(sources: Iterable<string>, wanted: ReadonlySet<string>): boolean {
  // Lists (the header-only view's frame-ancestors) and sets walked apart: one loop fed
  // both went through the generic iterator protocol, allocating at every step.
  if (Array.isArray(sources)) {
    for (let i = 0; i < sources.length; i++) if (wanted.has(sources[i] as string)) return true;
    return false;
  }
  for (const source of sources) if (wanted.has(source)) return true;
  return false;
}

function isInsecureScheme(source: string): boolean {
  return source.startsWith('http:') || source.startsWith('ftp:');
}

export const contentSecurityPolicyTest: ObservatoryTest = {
  name: 'content-security-policy',
  title: 'Content Security Policy (CSP)',
  needs: ['document', 'html'],
  possibleResults: CSP_RESULTS,
  run(capture): ObservatoryTestResult {
    const analysis = analyzeContentSecurityPolicy(capture);
    return {
      name: 'content-security-policy',
      result: analysis.result,
      expectation: EXPECTATION,
      pass: analysis.pass,
      scoreModifier: scoreModifier('content-security-policy', analysis.result),
      // Copies: the analysis is cached per capture and shared with x-frame-options.
      data: {
        http: analysis.http,
        meta: analysis.meta,
        numPolicies: analysis.numPolicies,
        policy: analysis.policy === null ? null : { ...analysis.policy },
        directives: analysis.directives === null ? null : { ...analysis.directives },
        duplicateDirectives: [...analysis.duplicateDirectives],
        invalidReason: analysis.invalidReason,
        reportOnly: analysis.reportOnly,
      },
      notes: [...analysis.notes],
    };
  },
};
