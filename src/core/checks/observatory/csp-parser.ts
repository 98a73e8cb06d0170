/**
 * Parsing Content-Security-Policy the way the MDN HTTP Observatory does (v1.6.3,
 * `src/analyzer/cspParser.js` and the policy split in `src/analyzer/tests/csp.js`).
 *
 * This is deliberately *not* a browser-faithful CSP parser: the grade must match the
 * Observatory's, quirks included, so each rule below says which of its behaviours it
 * mirrors. Everything parsed here is page-controlled data; nothing is evaluated.
 */

/** One policy list turned into a directive → sources map, as the Observatory sees it. */
export interface ParsedCsp {
  /**
   * Directive name (lower-cased) → its sources (lower-cased). When several policies were
   * given, a source is kept only when the policies agree on it; a directive left with no
   * source reads as `'none'`.
   */
  directives: Map<string, Set<string>>;
  /** Directives repeated inside one policy that the Observatory tolerates (report-uri/report-to). */
  duplicateDirectives: Set<string>;
}

export type CspParseOutcome =
  | { valid: true; csp: ParsedCsp }
  | { valid: false; reason: string };

/**
 * The Observatory rejects any policy shorter than `img-src` minus one character
 * (six characters) — including an empty one — as unparseable.
 */
const SHORTEST_POLICY_LENGTH = 'img-src'.length - 1;

/** Repeating these inside one policy is reported, not fatal (Observatory 1.3.9+). */
const TOLERATED_DUPLICATES: ReadonlySet<string> = new Set(['report-uri', 'report-to']);

/**
 * Directives a `<meta http-equiv>` policy may not carry (HTML §4.2.5.3); the Observatory
 * drops them from meta policies before looking at them.
 */
export const DIRECTIVES_IGNORED_IN_META: readonly string[] = ['frame-ancestors', 'report-uri', 'sandbox'];

/**
 * The Observatory orders sources with `Intl.Collator("en")` before comparing neighbours,
 * so which duplicate survives depends on that order; use the same collation.
 */
const collator = new Intl.Collator('en');

/**
 * Collation of ASCII is slow through `Intl` (a long CSP spent most of its parse there).
 * For the characters a lower-cased source is made of, en collation is plain
 * character-by-character order on a fixed ranking (no contractions, expansions or
 * ignorables among printable ASCII), so the ranking is read once from the collator itself
 * and used directly; any other character falls back to the collator.
 */
const ASCII_RANK: Int16Array = buildAsciiRank();

function buildAsciiRank(): Int16Array {
  const rank = new Int16Array(128).fill(-1);
  const chars: string[] = [];
  for (let code = 0x21; code < 0x7f; code++) {
    if (code >= 0x41 && code <= 0x5a) continue; // sources are lower-cased: no A–Z
    chars.push(String.fromCharCode(code));
  }
  chars.sort(collator.compare);
  for (let i = 1; i < chars.length; i++) {
    // Two characters the collator cannot tell apart: keep using the collator throughout.
    if (collator.compare(chars[i - 1] ?? '', chars[i] ?? '') >= 0) return new Int16Array(128).fill(-1);
  }
  chars.forEach((char, index) => {
    rank[char.charCodeAt(0)] = index;
  });
  return rank;
}

function rankOf(code: number): number {
  return code < 128 ? (ASCII_RANK[code] ?? -1) : -1;
}

/** Orders two sources exactly as `Intl.Collator("en").compare` does. */
export function compareSources(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) {
    const codeA = a.charCodeAt(i);
    const codeB = b.charCodeAt(i);
    if (codeA === codeB) continue;
    const rankA = rankOf(codeA);
    const rankB = rankOf(codeB);
    return rankA < 0 || rankB < 0 ? collator.compare(a, b) : rankA - rankB;
  }
  if (a.length === b.length) return 0;
  // One is a prefix of the other: it sorts first unless the rest could be ignorable.
  const longer = a.length > b.length ? a : b;
  for (let i = shorter; i < longer.length; i++) {
    if (rankOf(longer.charCodeAt(i)) < 0) return collator.compare(a, b);
  }
  return a.length - b.length;
}

interface SourceEntry {
  source: string;
  /** Which policy of the list the source came from. */
  policy: number;
  keep: boolean;
}

/**
 * Splits raw header (or meta) values into single policies. The Observatory (since 1.6.2)
 * splits every value on `,` — the CSP policy-list delimiter, also what HTTP uses to join
 * repeated headers — and trims each piece. An empty piece (e.g. a trailing comma) stays
 * in the list and later makes the whole CSP invalid, as it does there.
 */
export function splitPolicyList(values: readonly string[]): string[] {
  const policies: string[] = [];
  for (const value of values) {
    for (const piece of value.split(',')) policies.push(piece.trim());
  }
  return policies;
}

/**
 * Parses a list of policies into one map, with the Observatory's rules:
 * - line breaks are removed and each policy trimmed; an empty or too-short policy is invalid;
 * - directives are split on `;`, names and sources lower-cased, sources split on whitespace;
 * - a `-src` directive without sources means `'none'`;
 * - a directive repeated in one policy is invalid, except report-uri/report-to (reported);
 * - within one policy a source that starts with its neighbour in collation order is dropped
 *   as redundant (`https:` makes `https://a.example` redundant);
 * - across policies only sources that the policies share (by path prefix) are kept.
 */
export function parseCspPolicies(policies: readonly string[]): CspParseOutcome {
  const cleaned = policies.map((policy) => policy.replace(/[\r\n]/g, '').trim());
  const directives = new Map<string, SourceEntry[]>();
  const duplicateDirectives = new Set<string>();
  if (cleaned.length === 0) return { valid: true, csp: { directives: new Map(), duplicateDirectives } };

  for (const policy of cleaned) {
    if (policy.length < SHORTEST_POLICY_LENGTH) {
      return { valid: false, reason: policy.length === 0 ? 'empty policy' : 'policy too short to be valid' };
    }
  }

  if (cleaned.length === 1) return parseSinglePolicy(cleaned[0] ?? '');

  for (let policyIndex = 0; policyIndex < cleaned.length; policyIndex++) {
    const policy = cleaned[policyIndex] ?? '';
    const seenInThisPolicy = new Set<string>();
    for (const entry of policy.split(';')) {
      const tokens = entry.trim().split(/\s+/);
      const rawName = tokens[0];
      if (!rawName) continue;
      const directive = rawName.toLowerCase();

      // Browsers use the first of repeated directives; the Observatory calls it invalid
      // "so that people notice", except for reporting directives.
      if (seenInThisPolicy.has(directive)) {
        if (!TOLERATED_DUPLICATES.has(directive)) {
          return { valid: false, reason: `directive ${directive} repeated in policy ${policyIndex + 1}` };
        }
        duplicateDirectives.add(directive);
      } else {
        seenInThisPolicy.add(directive);
      }

      const keep = policyIndex === 0;
      const values: SourceEntry[] = [];
      for (let i = 1; i < tokens.length; i++) {
        values.push({ source: (tokens[i] ?? '').trim().toLowerCase(), policy: policyIndex, keep });
      }
      if (values.length === 0 && directive.endsWith('-src')) {
        values.push({ source: "'none'", policy: policyIndex, keep });
      }

      // In the first policy a repeated (tolerated) directive replaces the earlier one;
      // later policies are merged into what the earlier ones left.
      const combined = policyIndex === 0 ? values : [...(directives.get(directive) ?? []), ...values];
      combined.sort((a, b) => compareSources(a.source, b.source));

      for (let i = 1; i < combined.length; i++) {
        const current = combined[i];
        const previous = combined[i - 1];
        if (current === undefined || previous === undefined) continue;
        if (current.policy === previous.policy && current.source.startsWith(previous.source)) {
          current.keep = false;
        }
        if (current.policy !== previous.policy) {
          const shared = pathPartMatch(previous.source, current.source);
          if (shared === null) return { valid: false, reason: 'malformed percent-encoding in a source' };
          if (shared) current.keep = true;
        }
      }

      const kept = combined.filter((source) => source.keep);
      directives.set(directive, kept);
      // After the first policy, sources survive only when a later policy confirms them.
      if (policyIndex === 0) {
        for (const source of kept) source.keep = false;
      }
    }
  }

  const result = new Map<string, Set<string>>();
  for (const [directive, sources] of directives) {
    result.set(directive, sources.length > 0 ? new Set(sources.map((s) => s.source)) : new Set(["'none'"]));
  }
  return { valid: true, csp: { directives: result, duplicateDirectives } };
}

/**
 * The common case, one policy, with the same rules as the general loop above minus the
 * cross-policy merge: plain strings instead of bookkeeping objects (a long CSP is parsed
 * on every grade).
 */
function parseSinglePolicy(policy: string): CspParseOutcome {
  const directives = new Map<string, Set<string>>();
  const duplicateDirectives = new Set<string>();
  for (const entry of policy.split(';')) {
    const tokens = entry.trim().split(/\s+/);
    const rawName = tokens[0];
    if (!rawName) continue;
    const directive = rawName.toLowerCase();
    if (directives.has(directive)) {
      if (!TOLERATED_DUPLICATES.has(directive)) return { valid: false, reason: `directive ${directive} repeated in policy 1` };
      duplicateDirectives.add(directive);
    }
    const sources: string[] = [];
    for (let i = 1; i < tokens.length; i++) sources.push((tokens[i] ?? '').toLowerCase());
    if (sources.length === 0 && directive.endsWith('-src')) sources.push("'none'");
    sources.sort(compareSources);
    // A source is redundant when its neighbour in collation order is a prefix of it.
    const kept = new Set<string>();
    for (let i = 0; i < sources.length; i++) {
      const source = sources[i] ?? '';
      if (i === 0 || !source.startsWith(sources[i - 1] ?? '')) kept.add(source);
    }
    // A repeated (tolerated) directive replaces the earlier one, as in the general loop.
    directives.set(directive, kept.size > 0 ? kept : new Set(["'none'"]));
  }
  return { valid: true, csp: { directives, duplicateDirectives } };
}

/** Parses meta-delivered policies and drops the directives a meta policy cannot carry. */
export function parseMetaCspPolicies(policies: readonly string[]): CspParseOutcome {
  const outcome = parseCspPolicies(policies);
  if (outcome.valid) {
    for (const directive of DIRECTIVES_IGNORED_IN_META) outcome.csp.directives.delete(directive);
  }
  return outcome;
}

/**
 * Whether `b` lies within `a` when both are read as `/`-separated paths (the Observatory
 * applies this to whole source expressions). Null when a piece has malformed
 * percent-encoding: the Observatory's `decodeURIComponent` throws there, which turns the
 * whole CSP into "cannot be parsed".
 */
function pathPartMatch(a: string, b: string): boolean | null {
  if (a.length === 0) return true;
  if (a === '/' && b.length === 0) return true;
  const exact = !a.endsWith('/');
  const partsA = a.split('/');
  const partsB = b.split('/');
  if (partsA.length > partsB.length) return false;
  if (exact && partsA.length !== partsB.length) return false;
  if (!exact) partsA.pop();
  for (let i = 0; i < partsA.length; i++) {
    const pieceA = safeDecode(partsA[i] ?? '');
    const pieceB = safeDecode(partsB[i] ?? '');
    if (pieceA === null || pieceB === null) return null;
    if (pieceA !== pieceB) return false;
  }
  return true;
}

function safeDecode(piece: string): string | null {
  if (!piece.includes('%')) return piece;
  try {
    return decodeURIComponent(piece);
  } catch {
    return null;
  }
}
