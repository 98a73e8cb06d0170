/**
 * What the MDN HTTP Observatory "sees" in a page's HTML: its `<meta>` and `<script>` tags.
 *
 * Since 1.5.3 the Observatory reads HTML with htmlparser2's streaming tokenizer
 * (`src/utils/html-parser.js`, `collectElements`), not a browser-grade tree builder. So this
 * is a small tokenizer written to agree with that one, not with the HTML standard:
 *
 * - the whole document counts, not just `<head>`: tags in `<body>`, `<template>`,
 *   `<noscript>` and `<svg>` are all collected;
 * - comments (`<!-- … -->`, also `<!-->`), `<![CDATA[ … ]]>`, `<!…>` declarations and
 *   `<?…>` are skipped; the contents of `<script>`, `<style>`, `<title>`, `<textarea>` and
 *   `<xmp>` are raw text up to their end tag (a self-closed `<script/>` is not);
 * - a tag still open at the end of the input is dropped;
 * - tag and attribute names are lower-cased, the first of two same-named attributes wins,
 *   an attribute without a value is `""`, character references in values are decoded.
 *
 * A regex first passes over everything that needs no reading (text, comments, end tags and
 * ordinary open tags: most of a page) in the engine's native code; the tokenizer reads the
 * rest. Every character is looked at a bounded number of times, little is allocated beyond
 * the meta and script tags returned, and no input makes it throw.
 */
import type { DocumentHtml, DomSnapshot, MetaTag, PageCapture } from './capture';
import { firstHeader } from './headers';
import { decodeAttributeValue } from './html-entities';

export interface ParsedScript {
  /** Attribute values as written (references decoded); null when the attribute is absent. */
  src: string | null;
  integrity: string | null;
  crossorigin: string | null;
  type: string | null;
}

export interface ParsedMarkup {
  /**
   * `<meta>` tags that have a `content` attribute and an `http-equiv` or `name` attribute,
   * in document order, values verbatim (not trimmed or lower-cased: the reader decides).
   * The Observatory ignores a meta without `content`, and reads `name=referrer` only when
   * the tag has no `http-equiv` (`src/retriever/utils.js`).
   */
  readonly metas: readonly MetaTag[];
  /** Every `<script>` tag, inline ones included (their `src` is null), in document order. */
  readonly scripts: readonly ParsedScript[];
  readonly source: 'served' | 'dom';
}

/**
 * MIME types the Observatory treats as HTML (`HTML_TYPES` in `src/types.js`). It compares
 * the part of `Content-Type` before the first `;` exactly, without trimming or lower-casing.
 */
export const HTML_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);

/** The Observatory's view of a Content-Type: the text before the first `;`, as is. */
export function observatoryMimeType(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return semicolon === -1 ? contentType : contentType.slice(0, semicolon);
}

// ---------------------------------------------------------------------------------------
// Tokenizer

const enum Code {
  Tab = 0x09, LineFeed = 0x0a, FormFeed = 0x0c, CarriageReturn = 0x0d, Space = 0x20,
  Bang = 0x21, DoubleQuote = 0x22, SingleQuote = 0x27, Dash = 0x2d, Slash = 0x2f,
  Lt = 0x3c, Eq = 0x3d, Gt = 0x3e, Question = 0x3f, OpenBracket = 0x5b, CloseBracket = 0x5d,
}

function isWhitespace(c: number): boolean {
  return c === Code.Space || c === Code.LineFeed || c === Code.Tab || c === Code.FormFeed || c === Code.CarriageReturn;
}

function isEndOfTagSection(c: number): boolean {
  return c === Code.Slash || c === Code.Gt || isWhitespace(c);
}

function isAsciiAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function toCodes(text: string): readonly number[] {
  return Array.from(text, (ch) => ch.charCodeAt(0));
}

/** End-tag sequences of the raw-text elements, matched case-insensitively. */
const RAW_TEXT_END = {
  script: toCodes('</script'),
  style: toCodes('</style'),
  title: toCodes('</title'),
  textarea: toCodes('</textarea'),
  xmp: toCodes('</xmp'),
} as const;

/**
 * Which raw-text end sequence a tag name starting at `start` selects, decided the way
 * htmlparser2 does: from the first two letters, then the rest of the sequence must follow
 * and the name must end there. (Its shortcut means `<xitle>` also counts as `<title>`: the
 * first letter only picks between the s-group and the t/x-group.)
 */
function rawTextSequence(html: string, start: number): readonly number[] | null {
  const first = html.charCodeAt(start) | 0x20;
  const second = html.charCodeAt(start + 1) | 0x20;
  let sequence: readonly number[] | null = null;
  if (first === 0x73 /* s */) {
    if (second === 0x63 /* c */) sequence = RAW_TEXT_END.script;
    else if (second === 0x74 /* t */) sequence = RAW_TEXT_END.style;
  } else if (first === 0x74 /* t */ || first === 0x78 /* x */) {
    if (second === 0x69 /* i */) sequence = RAW_TEXT_END.title;
    else if (second === 0x65 /* e */) sequence = RAW_TEXT_END.textarea;
    else if (second === 0x6d /* m */) sequence = RAW_TEXT_END.xmp;
  }
  if (!sequence) return null;
  // sequence[0..1] is `</`; sequence[2..3] were the two letters just checked.
  let i = start + 2;
  for (let k = 4; k < sequence.length; k++, i++) {
    if ((html.charCodeAt(i) | 0x20) !== sequence[k]) return null;
  }
  return i < html.length && isEndOfTagSection(html.charCodeAt(i)) ? sequence : null;
}

/** Index just past the first `>` at or after `from`, or the end of the input. */
function skipPast(html: string, from: number, char: string): number {
  const at = html.indexOf(char, from);
  return at === -1 ? html.length : at + 1;
}

/**
 * End of a comment-like section (`-->` or `]]>`) whose body starts at `from`, where
 * `pending` closing characters have already been seen. Runs of the closing character are
 * allowed (`--->`). Returns the index past the final `>`, or the end of the input.
 */
function skipCommentLike(html: string, from: number, closer: number, pending: number): number {
  let count = pending;
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c === Code.Gt && count >= 2) return i + 1;
    if (c === closer) count++;
    else count = 0;
  }
  return html.length;
}

/**
 * Skips the raw text of a script/style/title/textarea/xmp element starting at `from` and
 * its end tag; returns the index past that end tag. Mirrors htmlparser2's sequence match,
 * including that it compares `charCode | 0x20` (so it is case-insensitive).
 */
function skipRawText(html: string, from: number, sequence: readonly number[]): number {
  let matched = 0;
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (matched === sequence.length) {
      if (c === Code.Gt) return i + 1;
      if (isWhitespace(c)) return skipPast(html, i, '>');
      matched = 0;
    }
    if ((c | 0x20) === sequence[matched]) {
      matched++;
    } else if (matched === 0) {
      const lt = html.indexOf('<', i + 1);
      if (lt === -1) return html.length;
      i = lt;
      matched = 1;
    } else {
      matched = c === Code.Lt ? 1 : 0;
    }
  }
  return html.length;
}

/** How an open tag ended (one per parse, refilled for every tag). */
interface TagEnd {
  /** Index just past the closing `>`, or -1 when the input ended inside the tag. */
  next: number;
  /** Closed by `/>` (whitespace may come between): such a tag never opens raw text. */
  selfClosing: boolean;
}

/** Index of the first non-whitespace character at or after `from` (or the end). */
function skipWhitespace(html: string, from: number): number {
  let i = from;
  while (i < html.length && isWhitespace(html.charCodeAt(i))) i++;
  return i;
}

/**
 * Reads the attributes of an open tag from `from` (just after its name) to its `>`. When
 * `names` is given, the value of each attribute so named (ASCII case-insensitively) goes
 * into `values` at its position, the first of two same-named attributes winning; nothing
 * else is sliced or decoded, and with `names` null (a tag nobody reads) only the end is
 * found. Fills `end`.
 *
 * htmlparser2's states, in order: before an attribute name (`>` ends the tag, `/` may
 * self-close it), the name (up to `=`, `/`, `>` or whitespace; its first character may be
 * `=`), after the name (no `=`: the attribute is `""` and the next character is read
 * afresh), before the value, and the value: quoted up to the same quote, or unquoted up to
 * whitespace or `>` (a `/` belongs to it).
 */
function readAttributes(html: string, from: number, names: readonly string[] | null, values: (string | undefined)[], end: TagEnd): void {
  const n = html.length;
  let i = from;
  end.selfClosing = false;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === Code.Gt) {
      end.next = i + 1;
      return;
    }
    if (c === Code.Slash) {
      // Self-closing, if only whitespace comes before `>`; otherwise read on as before a name.
      i = skipWhitespace(html, i + 1);
      if (i < n && html.charCodeAt(i) === Code.Gt) {
        // A self-closed tag never opens raw text, even `<script/>` (htmlparser2 resets it).
        end.next = i + 1;
        end.selfClosing = true;
        return;
      }
      continue;
    }
    if (isWhitespace(c)) {
      i++;
      continue;
    }

    const nameStart = i;
    i++;
    while (i < n) {
      const d = html.charCodeAt(i);
      if (d === Code.Eq || isEndOfTagSection(d)) break;
      i++;
    }
    const wanted = names ? nameIndex(html, nameStart, i, names) : -1;
    i = skipWhitespace(html, i);
    if (i >= n) break;
    if (html.charCodeAt(i) !== Code.Eq) {
      if (wanted !== -1 && values[wanted] === undefined) values[wanted] = '';
      continue;
    }

    i = skipWhitespace(html, i + 1);
    if (i >= n) break;
    const quote = html.charCodeAt(i);
    let valueStart: number;
    let valueEnd: number;
    if (quote === Code.DoubleQuote || quote === Code.SingleQuote) {
      valueStart = i + 1;
      valueEnd = html.indexOf(quote === Code.DoubleQuote ? '"' : "'", valueStart);
      if (valueEnd === -1) break;
      i = valueEnd + 1;
    } else {
      valueStart = i;
      while (i < n) {
        const d = html.charCodeAt(i);
        if (d === Code.Gt || isWhitespace(d)) break;
        i++;
      }
      valueEnd = i;
    }
    if (wanted !== -1 && values[wanted] === undefined) values[wanted] = decodeAttributeValue(html.slice(valueStart, valueEnd));
  }
  // The input ended inside the tag: htmlparser2 drops an unfinished tag.
  end.next = -1;
}

/** Where scanning resumes after `<!` at `lt` (a comment, CDATA section or declaration). */
function skipMarkupDeclaration(html: string, lt: number): number {
  const afterBang = lt + 2;
  const c = html.charCodeAt(afterBang);
  if (c === Code.Dash) {
    if (html.charCodeAt(afterBang + 1) === Code.Dash) {
      // `<!--`: the two opening dashes may also close it, so `<!-->` and `<!--->` are whole comments.
      return skipCommentLike(html, afterBang + 2, Code.Dash, 2);
    }
    // `<!-x`: a declaration; htmlparser2 consumes the character after `<!-` before looking for `>`.
    return skipPast(html, afterBang + 2, '>');
  }
  if (c === Code.OpenBracket) {
    const cdata = 'CDATA[';
    for (let k = 0; k < cdata.length; k++) {
      const at = afterBang + 1 + k;
      if (html.charCodeAt(at) !== cdata.charCodeAt(k)) return skipPast(html, at, '>');
    }
    return skipCommentLike(html, afterBang + 1 + cdata.length, Code.CloseBracket, 0);
  }
  // Any other declaration (`<!DOCTYPE …>`); the first character after `<!` is consumed, so `<!>` runs on.
  return skipPast(html, afterBang + 1, '>');
}

/** Where scanning resumes after `</` at `lt`. */
function skipEndTag(html: string, lt: number): number {
  let i = lt + 2;
  while (i < html.length && isWhitespace(html.charCodeAt(i))) i++;
  if (i >= html.length) return html.length;
  // `</>` is ignored; `</name …>` and bogus `</1…>` comments both run to the next `>`.
  return skipPast(html, i, '>');
}

/** The tags the Observatory collects, and the attributes read from each (lower case, in the order of `values`). */
const COLLECTED_TAGS: readonly string[] = ['meta', 'script'];
const META_ATTRIBUTES: readonly string[] = ['content', 'http-equiv', 'name'];
const SCRIPT_ATTRIBUTES: readonly string[] = ['src', 'integrity', 'crossorigin', 'type'];

/**
 * Position in `names` (lower case) of the tag or attribute name `html[start, end)`, compared
 * ASCII case-insensitively, without slicing it; -1 when it is none of them. The same answer
 * as lower-casing the name: no character outside ASCII lower-cases to a single ASCII letter
 * but U+212A KELVIN SIGN, to `k`, which none of these names has.
 */
function nameIndex(html: string, start: number, end: number, names: readonly string[]): number {
  outer: for (let k = 0; k < names.length; k++) {
    const name = names[k] ?? '';
    if (name.length !== end - start) continue;
    for (let j = 0; j < name.length; j++) {
      const c = html.charCodeAt(start + j);
      const wanted = name.charCodeAt(j);
      if (c !== wanted && !(wanted >= 0x61 && wanted <= 0x7a && c === wanted - 0x20)) continue outer;
    }
    return k;
  }
  return -1;
}

/** A meta tag from the values of `META_ATTRIBUTES`. */
function toMeta(values: readonly (string | undefined)[]): MetaTag | null {
  const content = values[0];
  if (content === undefined) return null;
  const httpEquiv = values[1] ?? null;
  const name = values[2] ?? null;
  if (httpEquiv === null && name === null) return null;
  return { httpEquiv, name, content };
}

/** A script tag from the values of `SCRIPT_ATTRIBUTES`. */
function toScript(values: readonly (string | undefined)[]): ParsedScript {
  return { src: values[0] ?? null, integrity: values[1] ?? null, crossorigin: values[2] ?? null, type: values[3] ?? null };
}

// ---------------------------------------------------------------------------------------
// Skipping what nobody reads

/** Regex source matching `word` with each ASCII letter in either case, as `nameIndex` compares. */
function anyCase(word: string): string {
  return Array.from(word, (letter) => `[${letter}${letter.toUpperCase()}]`).join('');
}

/**
 * Tag names the tokenizer must read itself: the two the Observatory collects, and those
 * that open raw text, spelled every way `rawTextSequence` accepts them.
 */
const READ_TAG_NAMES = ['meta', 'script', 'style', 'title', 'xitle', 'textarea', 'xextarea', 'xmp', 'tmp'].map(anyCase).join('|');

// htmlparser2's character classes (its whitespace, not `\s`, which also matches U+00A0 …).
const WS = String.raw`[\t\n\f\r ]`;
const TAG_NAME_CHAR = String.raw`[^\t\n\f\r />]`;
const TAG_NAME_END = String.raw`[\t\n\f\r />]`;
const ATTRIBUTE_NAME_CHAR = String.raw`[^\t\n\f\r />=]`;
const ATTRIBUTE_NAME_END = String.raw`[\t\n\f\r />=]`;
/** Between attributes, `/` reads like whitespace unless `>` follows (which ends the tag either way). */
const BETWEEN_ATTRIBUTES = String.raw`[\t\n\f\r /]`;
/** A quoted value, an unquoted one (to whitespace or `>`), or none before `>`. */
const ATTRIBUTE_VALUE = String.raw`(?:"[^"]*"|'[^']*'|[^\t\n\f\r >"'][^\t\n\f\r >]*(?=[\t\n\f\r >])|(?=>))`;
const ATTRIBUTE = `${ATTRIBUTE_NAME_CHAR}+(?=${ATTRIBUTE_NAME_END})(?:${WS}*=${WS}*${ATTRIBUTE_VALUE})?`;

/**
 * Everything the tokenizer would pass over without reading, as one sticky regex: text,
 * end tags, comments, declarations, `<?…>`, a `<` that starts nothing, and open tags other
 * than `READ_TAG_NAMES` whose attributes are plainly written. The regex engine runs through
 * these several times faster than a character loop, and most of a page is nothing else.
 *
 * Each alternative ends exactly where the tokenizer would, and can match in one way only:
 * every tag name, attribute name and unquoted value must be followed by a character that
 * cannot continue it, so backtracking never finds another reading. Anything unusual — an
 * unclosed quote, an attribute name starting with `=`, CDATA, a construct cut off by the
 * end of the input — matches none of them, and the regex stops at its `<` for the
 * tokenizer to read. At most 256 constructs per call, and 256 attribute parts per tag,
 * keep the engine's backtracking stack small whatever the input.
 */
const SKIP_UNREAD = new RegExp(
  `(?:${[
    // Text.
    '[^<]+',
    // Everything else starts with `<`, read once; the next character decides which it is.
    `<(?:${[
      // The plainest open tags first, a strict case of the next alternative that ends where
      // it does: a lower-case name, then only `name="value"` attributes after single spaces.
      // Most of a page's tags read so, and this shape costs the engine far fewer steps.
      `(?:[a-ln-ru-wyz]|(?!(?:${READ_TAG_NAMES})${TAG_NAME_END})[mstx])[a-z0-9]*(?: [a-z][a-z-]*="[^"]*"){0,256}>`,
      // An open tag other than the ones read; by far the most common.
      `(?:[a-ln-ru-wyzA-LN-RU-WYZ]|(?!(?:${READ_TAG_NAMES})${TAG_NAME_END})[mstxMSTX])${TAG_NAME_CHAR}*(?=${TAG_NAME_END})(?:${BETWEEN_ATTRIBUTES}+|${ATTRIBUTE}){0,256}>`,
      // An end tag (or `</>`, or a bogus `</1…>` comment): to the next `>`.
      String.raw`\/[^>]*>`,
      // A comment; its opening dashes may close it too (`<!-->`).
      String.raw`!(?=--)[^]*?-->`,
      // A declaration: the character after `<!` (or after `<!-`) is consumed before looking for `>`.
      String.raw`!(?:-[^-]|[^-[])[^>]*>`,
      // A processing instruction.
      String.raw`\?[^>]*>`,
      // A `<` that starts nothing is text.
      '(?![a-zA-Z!?/])',
    ].join('|')})`,
  ].join('|')}){0,256}`,
  'y',
);

/** Index of the first construct at or after `from` that the tokenizer must read (or the end). */
function skipUnread(html: string, from: number): number {
  let i = from;
  for (;;) {
    SKIP_UNREAD.lastIndex = i;
    // It always matches, if only the empty string; an empty match means a construct to read.
    if (!SKIP_UNREAD.test(html) || SKIP_UNREAD.lastIndex === i) return i;
    i = SKIP_UNREAD.lastIndex;
  }
}

/** The meta and script tags of an HTML text, as the Observatory's parser finds them. */
export function parseHtml(html: string): { metas: MetaTag[]; scripts: ParsedScript[] } {
  return collectTags(html, skipUnread);
}

/**
 * `parseHtml` without the skipping regex: the tokenizer reads every construct itself (only
 * text, which holds nothing, is passed over to the next `<`). The two must always agree
 * (the tests compare them); this one only exists to check that.
 */
export function parseHtmlConstructByConstruct(html: string): { metas: MetaTag[]; scripts: ParsedScript[] } {
  return collectTags(html, (text, from) => {
    const lt = text.indexOf('<', from);
    return lt === -1 ? text.length : lt;
  });
}

function collectTags(html: string, skip: (html: string, from: number) => number): { metas: MetaTag[]; scripts: ParsedScript[] } {
  const metas: MetaTag[] = [];
  const scripts: ParsedScript[] = [];
  const n = html.length;
  const tagEnd: TagEnd = { next: 0, selfClosing: false };
  let i = 0;
  while (i < n) {
    i = skip(html, i);
    if (i >= n) break;
    // html[i] is a `<` that starts something the tokenizer below must read.
    const c = html.charCodeAt(i + 1);
    let next: number;
    if (isAsciiAlpha(c)) {
      const nameStart = i + 1;
      let nameEnd = nameStart + 1;
      while (nameEnd < n && !isEndOfTagSection(html.charCodeAt(nameEnd))) nameEnd++;
      const tag = COLLECTED_TAGS[nameIndex(html, nameStart, nameEnd, COLLECTED_TAGS)];
      const values: (string | undefined)[] = [];
      readAttributes(html, nameEnd, tag === 'meta' ? META_ATTRIBUTES : tag === 'script' ? SCRIPT_ATTRIBUTES : null, values, tagEnd);
      if (tagEnd.next === -1) break; // an unfinished tag runs to the end of the input
      if (tag === 'meta') {
        const meta = toMeta(values);
        if (meta) metas.push(meta);
      } else if (tag === 'script') {
        scripts.push(toScript(values));
      }
      const rawText = tagEnd.selfClosing ? null : rawTextSequence(html, nameStart);
      next = rawText ? skipRawText(html, tagEnd.next, rawText) : tagEnd.next;
    } else if (c === Code.Bang) {
      next = skipMarkupDeclaration(html, i);
    } else if (c === Code.Question) {
      next = skipPast(html, i + 2, '>');
    } else if (c === Code.Slash) {
      next = skipEndTag(html, i);
    } else {
      // Not a tag: `<` is text. (A following `<` starts a tag of its own.)
      next = i + 1;
    }
    i = next;
  }
  return { metas, scripts };
}

// ---------------------------------------------------------------------------------------
// From a capture

/**
 * The page body as the Observatory's parser receives it. Its HTTP client (axios) runs
 * `JSON.parse` on every response body first and keeps the result when that works, so a
 * body that is entirely valid JSON is not HTML text any more:
 * - a JSON string is parsed as HTML (its contents);
 * - `null`, `false`, `0` and `[]` read as an empty page;
 * - anything else (an object, another number, `true`, a non-empty array) makes the parser
 *   throw — the SRI test then reports `html-not-parseable`.
 */
export type ObservatoryBody = { kind: 'html'; text: string } | { kind: 'unparseable' };

export function observatoryBody(text: string): ObservatoryBody {
  const first = text.trimStart().charAt(0);
  if (first === '' || !'{["-0123456789tfn'.includes(first)) return { kind: 'html', text };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'html', text };
  }
  if (typeof value === 'string') return { kind: 'html', text: value };
  if (value === null || value === false || value === 0 || (Array.isArray(value) && value.length === 0)) return { kind: 'html', text: '' };
  return { kind: 'unparseable' };
}

/** The main document's Content-Type, from its response or else from the DOM snapshot. */
function documentContentType(capture: PageCapture): string | null {
  if (capture.document) return firstHeader(capture.document.headers, 'content-type');
  return capture.dom?.contentType ?? null;
}

const markupByCapture = new WeakMap<PageCapture, ParsedMarkup | null>();

/**
 * The document's meta and script tags, from the HTML as served when the capture has it, or
 * else from the DOM snapshot (its metas and its parser-inserted scripts) with
 * `source: 'dom'`. Null when there is nothing to read or the Content-Type is not HTML.
 *
 * Without any Content-Type the scripts are still read but the metas are not: the
 * Observatory's SRI test parses a page that has no Content-Type, while its retriever only
 * reads `<meta http-equiv>` when the Content-Type is one of `HTML_TYPES`.
 *
 * Several tests read the markup of one capture (CSP, Referrer-Policy, SRI, …) and the
 * background grades every new version of a capture, so the answer is remembered per
 * capture and the parse per `capture.html` object. Captures are immutable values (every
 * update in `capture-updates.ts` makes a new object), so both are safe keys; the WeakMaps
 * let old ones be collected. The result is shared: callers must not modify it.
 */
export function parseDocumentMarkup(capture: PageCapture): ParsedMarkup | null {
  const cached = markupByCapture.get(capture);
  if (cached !== undefined) return cached;
  const markup = readDocumentMarkup(capture);
  markupByCapture.set(capture, markup);
  return markup;
}

/** The tags of one `DocumentHtml`, or `unparseable` (see `observatoryBody`). */
const tagsByHtml = new WeakMap<DocumentHtml, ReturnType<typeof parseHtml> | 'unparseable'>();

function tagsOfHtml(html: DocumentHtml): ReturnType<typeof parseHtml> | 'unparseable' {
  const cached = tagsByHtml.get(html);
  if (cached !== undefined) return cached;
  const body = html.source === 'served' ? observatoryBody(html.text) : { kind: 'html' as const, text: html.text };
  const tags = body.kind === 'unparseable' ? 'unparseable' : parseHtml(body.text);
  tagsByHtml.set(html, tags);
  return tags;
}

function readDocumentMarkup(capture: PageCapture): ParsedMarkup | null {
  const contentType = documentContentType(capture);
  const mime = contentType === null ? null : observatoryMimeType(contentType);
  if (mime !== null && mime !== '' && !HTML_TYPES.has(mime)) return null;
  const readMetas = mime !== null && HTML_TYPES.has(mime);

  if (capture.html) {
    const tags = tagsOfHtml(capture.html);
    if (tags === 'unparseable') return { metas: [], scripts: [], source: capture.html.source };
    return { metas: readMetas ? tags.metas : [], scripts: tags.scripts, source: capture.html.source };
  }
  const dom = capture.dom;
  if (!dom) return null;
  const metas = readMetas ? dom.metas.map((meta) => ({ ...meta })) : [];
  return { metas, scripts: scriptsOfDom(dom), source: 'dom' };
}

/**
 * The snapshot's parser-inserted scripts, one array per snapshot object: a snapshot outlives
 * many captures (every sub-resource batch makes a new one), and checks that judge a whole
 * script list (SRI) remember their verdict per array.
 */
const scriptsByDom = new WeakMap<DomSnapshot, ParsedScript[]>();
function scriptsOfDom(dom: DomSnapshot): ParsedScript[] {
  const cached = scriptsByDom.get(dom);
  if (cached !== undefined) return cached;
  const scripts: ParsedScript[] = [];
  for (const tag of dom.tags) {
    if (tag.element !== 'script' || tag.origin !== 'parser') continue;
    scripts.push({ src: tag.url, integrity: tag.integrity, crossorigin: tag.crossorigin, type: tag.type });
  }
  // Inline scripts have no tag entry; they still count as scripts (SRI: "no scripts loaded" or not).
  for (let k = 0; k < dom.inlineScriptCount; k++) {
    scripts.push({ src: null, integrity: null, crossorigin: null, type: null });
  }
  scriptsByDom.set(dom, scripts);
  return scripts;
}
