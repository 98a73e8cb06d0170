/**
 * A speed-up for URL detection. retire.js's engine tries every library's regular
 * expressions on every URL (and builds each RegExp anew), which costs too much on pages with
 * thousands of tags. Most patterns contain a literal that any match must include (`/jquery`,
 * `bootstrap-`); a library whose literals are all absent from a URL cannot match it, so it is
 * left out of the repository handed to the engine. Patterns this reader cannot vouch for
 * keep their library in every scan: the filter may only ever skip work, never results.
 */
import type { LibraryComponent } from './types';

/** Any certain literal would do; two characters (`d3`) already rule out most URLs. */
const MIN_LITERAL = 2;

/**
 * The longest literal every match of `source` must contain, or null when there is none of
 * at least 2 characters it is sure of. Only top-level literals count: anything inside a
 * group, a character class, a wildcard, an escape class (`\d`), or a character made
 * optional by `?`, `*` or `{` ends a literal run; a top-level `|` gives up entirely.
 */
export function requiredLiteral(source: string): string | null {
  let best = '';
  let run = '';
  const flush = (): void => {
    if (run.length > best.length) best = run;
    run = '';
  };
  let depth = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source.charAt(index);
    if (char === '\\') {
      const escaped = source.charAt(index + 1);
      index++;
      if (depth > 0) continue;
      // `\.`, `\/`, `\-` stand for themselves; `\d`, `\w`, `\b` and friends do not.
      const literal = /[^A-Za-z0-9]/.test(escaped) ? escaped : null;
      appendOrFlush(literal, source.charAt(index + 1));
      continue;
    }
    if (depth > 0) {
      if (char === '(') depth++;
      else if (char === ')') depth--;
      else if (char === '[') index = endOfClass(source, index);
      continue;
    }
    if (char === '|') return null;
    if (char === '(') {
      flush();
      depth++;
      continue;
    }
    if (char === '[') {
      flush();
      index = endOfClass(source, index);
      continue;
    }
    appendOrFlush('.^$*+?{}'.includes(char) ? null : char, source.charAt(index + 1));
  }
  flush();
  return best.length >= MIN_LITERAL ? best : null;

  function appendOrFlush(literal: string | null, next: string): void {
    // A quantifier that allows zero of this character makes it optional.
    if (literal === null || next === '?' || next === '*' || next === '{') flush();
    else run += literal;
  }
}

/** Index of the `]` closing the class that opens at `start`. */
function endOfClass(source: string, start: number): number {
  let index = start + 1;
  if (source.charAt(index) === ']') index++;
  while (index < source.length && source.charAt(index) !== ']') index += source.charAt(index) === '\\' ? 2 : 1;
  return index;
}

type Kind = 'uri' | 'filename';

/** Per library and kind: the literals of its patterns, or null when it must always be tried. */
export interface PrefilterIndex {
  entries: Array<{ component: string; kind: Kind; literals: string[] | null }>;
  /**
   * Per kind, one regular expression matching any of the literals: a single test rules out
   * a URL that names no library (nearly all of them). Null when some entry has no literal.
   */
  quickTest: Record<Kind, RegExp | null>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function buildPrefilter(components: Record<string, LibraryComponent>): PrefilterIndex {
  const entries: PrefilterIndex['entries'] = [];
  for (const [component, entry] of Object.entries(components)) {
    for (const kind of ['uri', 'filename'] as const) {
      const patterns = entry.extractors[kind];
      if (patterns === undefined || patterns.length === 0) continue;
      const literals = patterns.map(requiredLiteral);
      entries.push({ component, kind, literals: literals.includes(null) ? null : (literals as string[]) });
    }
  }
  const anyOf = (kind: Kind): RegExp | null => {
    const ofKind = entries.filter((entry) => entry.kind === kind);
    if (ofKind.some((entry) => entry.literals === null)) return null;
    const literals = [...new Set(ofKind.flatMap((entry) => entry.literals ?? []))];
    return new RegExp(literals.map(escapeRegExp).join('|'));
  };
  return { entries, quickTest: { uri: anyOf('uri'), filename: anyOf('filename') } };
}

/** False when the one quick test rules every library of `kind` out for `text`. */
export function mayHaveCandidates(index: PrefilterIndex, kind: Kind, text: string): boolean {
  const quickTest = index.quickTest[kind];
  return quickTest === null || quickTest.test(text);
}

/**
 * The libraries worth trying on `text` (a URL for `uri`, a file name for `filename`), as a
 * repository the engine can take; null when there are none (most URLs), so the engine is
 * not called at all.
 */
export function candidates(
  index: PrefilterIndex,
  components: Record<string, LibraryComponent>,
  kind: Kind,
  text: string,
): Record<string, LibraryComponent> | null {
  if (!mayHaveCandidates(index, kind, text)) return null;
  let subset: Record<string, LibraryComponent> | null = null;
  for (const entry of index.entries) {
    if (entry.kind !== kind || !mayMatch(entry.literals, text)) continue;
    const component = components[entry.component];
    if (component === undefined) continue;
    subset ??= {};
    subset[entry.component] = component;
  }
  return subset;
}

function mayMatch(literals: string[] | null, text: string): boolean {
  if (literals === null) return true;
  for (const literal of literals) if (text.includes(literal)) return true;
  return false;
}
