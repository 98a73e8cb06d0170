/**
 * How Google's CSP Evaluator findings (csp_evaluator 1.1.8, `src/finding.ts`) become
 * Tabgrade findings, as data: an id, our own title and explanation per finding type, and
 * a severity mapping.
 *
 * Severity mapping (CSP Evaluator → Tabgrade), unless a type overrides it below:
 * - HIGH → high: the evaluator marks these "FP free" (unsafe-inline, missing object-src …);
 * - MEDIUM → medium;
 * - HIGH_MAYBE → medium: high only in some deployments, which Tabgrade cannot see;
 * - SYNTAX → low: browsers skip what they cannot parse, so the intended restriction is
 *   missing, but the rest of the policy still applies (a missing semicolon is raised to
 *   medium, because it silently turns the next directive into source values);
 * - STRICT_CSP, MEDIUM_MAYBE → low: advice that depends on what the site hosts (a type's
 *   `maybe` entry can soften it further: "'self' may host JSONP" is info);
 * - INFO → info; NONE (the evaluator's own "ignored" notes) → not reported.
 *
 * Our own words replace the evaluator's descriptions where those give outdated advice
 * (it still suggests X-XSS-Protection in place of the deprecated reflected-xss directive).
 */
import { Severity as EvaluatorSeverity, Type as EvaluatorType } from 'csp_evaluator/dist/finding.js';
import type { Severity } from '../../findings';

export const EVALUATOR_SEVERITY: Readonly<Record<EvaluatorSeverity, Severity | null>> = {
  [EvaluatorSeverity.HIGH]: 'high',
  [EvaluatorSeverity.SYNTAX]: 'low',
  [EvaluatorSeverity.MEDIUM]: 'medium',
  [EvaluatorSeverity.HIGH_MAYBE]: 'medium',
  [EvaluatorSeverity.STRICT_CSP]: 'low',
  [EvaluatorSeverity.MEDIUM_MAYBE]: 'low',
  [EvaluatorSeverity.INFO]: 'info',
  [EvaluatorSeverity.NONE]: null,
};

export interface EvaluatorTypeInfo {
  /** Tabgrade finding id; also the key of its fix snippets. */
  id: string;
  title: string;
  /** Why it matters, in our words. */
  why: string;
  /** Replaces the mapped severity when set. */
  severity?: Severity;
  /**
   * For the evaluator's "maybe" findings (HIGH_MAYBE, MEDIUM_MAYBE) of this type: a gentler
   * id, wording and severity. An allowlisted host with no known bypass, or 'self', is a
   * caution, not a hole.
   */
  maybe?: { id: string; title: string; why: string; severity: Severity };
  /**
   * True when another enforced policy that restricts the same directive can make the
   * weakness harmless (the browser enforces every policy): such findings are dropped when
   * another policy covers the directive without a weakness as severe.
   */
  coverable: boolean;
}

export const EVALUATOR_TYPES: Readonly<Record<EvaluatorType, EvaluatorTypeInfo>> = {
  [EvaluatorType.MISSING_SEMICOLON]: {
    id: 'csp-missing-semicolon',
    title: 'A CSP directive seems to be missing its semicolon',
    why: 'A directive name appears among the sources of the previous directive, so the browser reads it as a source and the directive you meant is not applied.',
    severity: 'medium',
    coverable: false,
  },
  [EvaluatorType.UNKNOWN_DIRECTIVE]: {
    id: 'csp-unknown-directive',
    title: 'The CSP contains a directive browsers do not know',
    why: 'Browsers skip unknown directives. If it is a typo, the restriction you meant is missing.',
    coverable: false,
  },
  [EvaluatorType.INVALID_KEYWORD]: {
    id: 'csp-invalid-keyword',
    title: 'The CSP contains an invalid keyword',
    why: 'Keywords must be written in single quotes (\'self\', \'none\', \'nonce-…\'); without them the browser reads a host name, so the keyword has no effect.',
    coverable: false,
  },
  [EvaluatorType.NONCE_CHARSET]: {
    id: 'csp-nonce-charset',
    title: 'A CSP nonce uses characters outside base64',
    why: 'Nonces should be base64 values generated fresh for every response.',
    coverable: false,
  },
  [EvaluatorType.MISSING_DIRECTIVES]: {
    id: 'csp-missing-directive',
    title: 'The CSP leaves out a directive that XSS protection needs',
    why: 'Without script-src (or default-src) any script may run; without object-src plugins can run script; with nonces but no base-uri an injected <base> tag re-points every relative script URL.',
    coverable: true,
  },
  [EvaluatorType.SCRIPT_UNSAFE_INLINE]: {
    id: 'csp-script-unsafe-inline',
    title: "The CSP allows inline scripts ('unsafe-inline')",
    why: "'unsafe-inline' lets injected <script> blocks and event-handler attributes run, which is exactly what an XSS payload is; the policy then gives little protection against XSS. Use nonces or hashes instead (browsers then ignore 'unsafe-inline').",
    coverable: true,
  },
  [EvaluatorType.SCRIPT_UNSAFE_EVAL]: {
    // The evaluator calls it MEDIUM_MAYBE; the Observatory takes 10 points for it. It turns
    // DOM-injection bugs into script execution on most sites, so medium.
    severity: 'medium',
    id: 'csp-script-unsafe-eval',
    title: "The CSP allows eval() ('unsafe-eval')",
    why: "'unsafe-eval' lets strings become code through eval(), new Function() and string timers, which turns many DOM injection bugs into script execution. Remove it once nothing needs it; 'wasm-unsafe-eval' covers WebAssembly alone.",
    coverable: true,
  },
  [EvaluatorType.PLAIN_URL_SCHEMES]: {
    id: 'csp-plain-url-scheme',
    title: 'The CSP allows scripts from a whole URL scheme (https:, data:)',
    why: 'https: allows scripts from any HTTPS site, including the attacker’s; data: allows scripts written inline into a URL. Either makes the script restriction easy to bypass.',
    coverable: true,
  },
  [EvaluatorType.PLAIN_WILDCARD]: {
    id: 'csp-plain-wildcard',
    title: 'The CSP allows scripts from anywhere (*)',
    why: 'A bare * allows scripts or plugins from any host, so the directive restricts almost nothing.',
    coverable: true,
  },
  [EvaluatorType.SCRIPT_ALLOWLIST_BYPASS]: {
    id: 'csp-script-allowlist-bypass',
    title: 'An allowed script host can be used to bypass the CSP',
    why: 'Some allowed hosts serve JSONP endpoints or old AngularJS builds that let an attacker run chosen code while staying within the allowlist. Allowlists are hard to get right; nonces with \'strict-dynamic\' avoid the problem.',
    maybe: {
      id: 'csp-script-allowlist-caution',
      title: 'Allowed script sources must not serve JSONP, AngularJS or user uploads',
      why: "No known bypass was found for these sources, but any JSONP endpoint, old AngularJS build or user-uploaded file on them (including the site itself, for 'self') would let an attacker run script within the policy. Nonces with 'strict-dynamic' remove the question.",
      severity: 'info',
    },
    coverable: true,
  },
  [EvaluatorType.OBJECT_ALLOWLIST_BYPASS]: {
    id: 'csp-object-allowlist-bypass',
    title: 'object-src allows hosts that can serve bypassing plugins',
    why: "Plugin content from allowed hosts (e.g. old Flash files) can run script. object-src 'none' is almost always right.",
    coverable: true,
  },
  [EvaluatorType.NONCE_LENGTH]: {
    id: 'csp-nonce-too-short',
    title: 'A CSP nonce is too short',
    why: 'A nonce must be unguessable: at least 128 bits of randomness, fresh for every response.',
    coverable: false,
  },
  [EvaluatorType.IP_SOURCE]: {
    id: 'csp-ip-source',
    title: 'The CSP lists an IP address or localhost',
    why: 'Browsers ignore IP-address sources in some directives, and localhost entries are usually left over from development.',
    coverable: false,
  },
  [EvaluatorType.DEPRECATED_DIRECTIVE]: {
    id: 'csp-deprecated-directive',
    title: 'The CSP uses a deprecated directive',
    why: 'reflected-xss and referrer were dropped after CSP 1.1 (use Referrer-Policy for the latter; there is no replacement for the former), disown-opener is replaced by Cross-Origin-Opener-Policy, and prefetch-src is being removed.',
    coverable: false,
  },
  [EvaluatorType.SRC_HTTP]: {
    id: 'csp-src-http',
    title: 'The CSP allows resources over plain HTTP',
    why: 'Content fetched over http:// can be replaced by anyone on the network path. Use https:// sources (report-uri too).',
    coverable: true,
  },
  [EvaluatorType.SRC_NO_PROTOCOL]: {
    id: 'csp-src-no-protocol',
    title: 'A CSP source has no scheme',
    why: 'A host without a scheme matches the page’s own scheme, which on an HTTP page includes plain HTTP.',
    coverable: true,
  },
  [EvaluatorType.EXPERIMENTAL]: {
    id: 'csp-experimental',
    title: 'The CSP uses an experimental feature',
    why: 'Experimental directives may not be supported by every browser.',
    coverable: false,
  },
  [EvaluatorType.WILDCARD_URL]: {
    id: 'csp-wildcard-url',
    title: 'The CSP uses a wildcard host',
    why: 'A wildcard such as *.example.com allows every subdomain, including ones serving user content.',
    coverable: true,
  },
  [EvaluatorType.X_FRAME_OPTIONS_OBSOLETED]: {
    id: 'csp-x-frame-options-obsoleted',
    title: 'frame-ancestors supersedes X-Frame-Options',
    why: 'Browsers that support CSP frame-ancestors ignore X-Frame-Options when both are present.',
    coverable: false,
  },
  [EvaluatorType.STYLE_UNSAFE_INLINE]: {
    id: 'csp-style-unsafe-inline',
    title: "The CSP allows inline styles ('unsafe-inline')",
    why: 'Inline styles let injected markup restyle the page or exfiltrate data through CSS selectors; the risk is much lower than for scripts.',
    coverable: true,
  },
  [EvaluatorType.STATIC_NONCE]: {
    id: 'csp-static-nonce',
    title: 'The CSP nonce does not change between responses',
    why: 'A nonce only works if an attacker cannot know it in advance: it must be fresh for every response.',
    coverable: false,
  },
  [EvaluatorType.SCRIPT_UNSAFE_HASHES]: {
    id: 'csp-script-unsafe-hashes',
    title: "The CSP allows hashed event handlers ('unsafe-hashes')",
    why: "'unsafe-hashes' lets inline event handlers whose hash is listed run anywhere on the page. Safer than 'unsafe-inline', but moving handlers into scripts is better.",
    coverable: true,
  },
  [EvaluatorType.STRICT_DYNAMIC]: {
    id: 'csp-strict-dynamic-suggested',
    title: "Host allowlists could be replaced with 'strict-dynamic'",
    why: "Allowlists of script hosts are frequently bypassable; a nonce or hash with 'strict-dynamic' trusts only scripts the page itself loads.",
    coverable: true,
  },
  [EvaluatorType.STRICT_DYNAMIC_NOT_STANDALONE]: {
    id: 'csp-strict-dynamic-without-nonce',
    title: "'strict-dynamic' without a nonce or hash blocks every script",
    why: "'strict-dynamic' makes browsers ignore host and 'self' sources, so without a nonce or hash no script is allowed to start.",
    severity: 'low',
    coverable: false,
  },
  [EvaluatorType.NONCE_HASH]: {
    id: 'csp-nonce-hash',
    title: 'Consider nonces or hashes in the CSP',
    why: 'Nonces or hashes let the page run its own inline scripts without allowing injected ones.',
    coverable: true,
  },
  [EvaluatorType.UNSAFE_INLINE_FALLBACK]: {
    id: 'csp-unsafe-inline-fallback',
    title: "Consider 'unsafe-inline' as a fallback for old browsers",
    why: "Browsers that support nonces ignore 'unsafe-inline' next to them; old ones then still run the page.",
    coverable: false,
  },
  [EvaluatorType.ALLOWLIST_FALLBACK]: {
    id: 'csp-allowlist-fallback',
    title: "Consider https: as a fallback next to 'strict-dynamic'",
    why: "Browsers that support 'strict-dynamic' ignore scheme sources next to it; old ones then still load scripts.",
    coverable: false,
  },
  [EvaluatorType.IGNORED]: {
    id: 'csp-ignored-source',
    title: 'A CSP source is ignored by modern browsers',
    why: 'Some sources have no effect next to nonces, hashes or strict-dynamic.',
    coverable: false,
  },
  [EvaluatorType.REQUIRE_TRUSTED_TYPES_FOR_SCRIPTS]: {
    id: 'csp-trusted-types-suggested',
    title: 'Consider requiring Trusted Types',
    why: "require-trusted-types-for 'script' locks down the DOM APIs through which DOM-based XSS happens.",
    coverable: false,
  },
  [EvaluatorType.REPORTING_DESTINATION_MISSING]: {
    id: 'csp-no-reporting',
    title: 'The CSP has no reporting destination',
    why: 'Without report-uri or report-to you will not hear about violations, whether attacks or breakage.',
    coverable: false,
  },
  [EvaluatorType.REPORT_TO_ONLY]: {
    id: 'csp-report-to-only',
    title: 'The CSP reports only through report-to',
    why: 'Not every browser supports report-to yet; add report-uri as well.',
    coverable: false,
  },
};

/**
 * Finding types about scripts that the evaluator reports on `default-src` when the policy
 * has no script-src: for comparing policies they are about script-src.
 */
export const SCRIPT_FINDING_TYPES: ReadonlySet<EvaluatorType> = new Set([
  EvaluatorType.SCRIPT_UNSAFE_INLINE,
  EvaluatorType.SCRIPT_UNSAFE_EVAL,
  EvaluatorType.PLAIN_URL_SCHEMES,
  EvaluatorType.PLAIN_WILDCARD,
  EvaluatorType.SCRIPT_ALLOWLIST_BYPASS,
  EvaluatorType.SCRIPT_UNSAFE_HASHES,
]);

/** Deprecated directives whose own values (`reflected-xss block`) the evaluator would call invalid keywords. */
export const DIRECTIVES_WITH_LEGACY_VALUES: ReadonlySet<string> = new Set(['reflected-xss', 'referrer']);

/** Directives newer than csp_evaluator 1.1.8's list, which it would call unknown. */
export const DIRECTIVES_UNKNOWN_TO_EVALUATOR: ReadonlySet<string> = new Set(['fenced-frame-src']);
