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
 * It is a single left-to-right pass (every character is looked at a bounded number of
 * times), allocates only for meta and script tags, and never throws on any input.
 */
import type { MetaTag, PageCapture } from './capture';
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
  metas: MetaTag[];
  /** Every `<script>` tag, inline ones included (their `src` is null), in document order. */
  scripts: ParsedScript[];
  source: 'served' | 'dom';
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

interface RawTag {
  name: 'meta' | 'script';
  attributes: Map<string, string>;
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

/**
 * Reads an open tag whose name starts at `start` (just after `<`). Returns where scanning
 * resumes, and the tag when it is a meta or script tag that was closed by `>`.
 */
function readOpenTag(html: string, start: number): { next: number; tag: RawTag | null; rawText: readonly number[] | null } {
  const n = html.length;
  let i = start;
  while (i < n && !isEndOfTagSection(html.charCodeAt(i))) i++;
  const name = html.slice(start, i).toLowerCase();
  const wanted: RawTag['name'] | null = name === 'meta' ? 'meta' : name === 'script' ? 'script' : null;
  let rawText = rawTextSequence(html, start);
  const attributes = new Map<string, string>();

  let attrName: string | null = null;
  const endAttribute = (value: string): void => {
    if (wanted && attrName !== null && !attributes.has(attrName)) attributes.set(attrName, value);
    attrName = null;
  };

  // States after the tag name; each loop turn looks at html[i].
  let state: 'beforeName' | 'afterName' | 'beforeValue' | 'selfClosing' = 'beforeName';
  while (i < n) {
    const c = html.charCodeAt(i);
    switch (state) {
      case 'beforeName':
        if (c === Code.Gt) {
          const tag = wanted ? { name: wanted, attributes } : null;
          return { next: i + 1, tag, rawText };
        } else if (c === Code.Slash) {
          state = 'selfClosing';
          i++;
        } else if (isWhitespace(c)) {
          i++;
        } else {
          // The name runs to `=`, `/`, `>` or whitespace; its first character may be `=`.
          const nameStart = i;
          i++;
          while (i < n) {
            const d = html.charCodeAt(i);
            if (d === Code.Eq || isEndOfTagSection(d)) break;
            i++;
          }
          attrName = wanted ? html.slice(nameStart, i).toLowerCase() : '';
          state = 'afterName';
        }
        break;
      case 'afterName':
        if (c === Code.Eq) {
          state = 'beforeValue';
          i++;
        } else if (c === Code.Slash || c === Code.Gt) {
          endAttribute('');
          state = 'beforeName';
        } else if (isWhitespace(c)) {
          i++;
        } else {
          endAttribute('');
          state = 'beforeName'; // reconsume as the start of the next attribute name
        }
        break;
      case 'beforeValue':
        if (c === Code.DoubleQuote || c === Code.SingleQuote) {
          const close = html.indexOf(c === Code.DoubleQuote ? '"' : "'", i + 1);
          if (close === -1) return { next: n, tag: null, rawText: null };
          endAttribute(wanted ? decodeAttributeValue(html.slice(i + 1, close)) : '');
          i = close + 1;
          state = 'beforeName';
        } else if (isWhitespace(c)) {
          i++;
        } else {
          // Unquoted: runs to whitespace or `>`; a `/` belongs to the value.
          const valueStart = i;
          while (i < n) {
            const d = html.charCodeAt(i);
            if (d === Code.Gt || isWhitespace(d)) break;
            i++;
          }
          endAttribute(wanted ? decodeAttributeValue(html.slice(valueStart, i)) : '');
          state = 'beforeName';
        }
        break;
      case 'selfClosing':
        if (c === Code.Gt) {
          // A self-closed tag never opens raw text, even `<script/>` (htmlparser2 resets it).
          rawText = null;
          const tag = wanted ? { name: wanted, attributes } : null;
          return { next: i + 1, tag, rawText };
        } else if (isWhitespace(c)) {
          i++;
        } else {
          state = 'beforeName';
        }
        break;
    }
  }
  // The input ended inside the tag: htmlparser2 drops an unfinished tag.
  return { next: n, tag: null, rawText: null };
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

function toMeta(attributes: Map<string, string>): MetaTag | null {
  const content = attributes.get('content');
  if (content === undefined) return null;
  const httpEquiv = attributes.get('http-equiv') ?? null;
  const name = attributes.get('name') ?? null;
  if (httpEquiv === null && name === null) return null;
  return { httpEquiv, name, content };
}

function toScript(attributes: Map<string, string>): ParsedScript {
  return {
    src: attributes.get('src') ?? null,
    integrity: attributes.get('integrity') ?? null,
    crossorigin: attributes.get('crossorigin') ?? null,
    type: attributes.get('type') ?? null,
  };
}

/** The meta and script tags of an HTML text, as the Observatory's parser finds them. */
export function parseHtml(html: string): { metas: MetaTag[]; scripts: ParsedScript[] } {
  const metas: MetaTag[] = [];
  const scripts: ParsedScript[] = [];
  const n = html.length;
  let i = html.indexOf('<');
  while (i !== -1 && i < n) {
    const c = html.charCodeAt(i + 1);
    let next: number;
    if (isAsciiAlpha(c)) {
      const read = readOpenTag(html, i + 1);
      if (read.tag?.name === 'meta') {
        const meta = toMeta(read.tag.attributes);
        if (meta) metas.push(meta);
      } else if (read.tag?.name === 'script') {
        scripts.push(toScript(read.tag.attributes));
      }
      next = read.rawText ? skipRawText(html, read.next, read.rawText) : read.next;
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
    i = html.indexOf('<', next);
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

/**
 * The document's meta and script tags, from the HTML as served when the capture has it, or
 * else from the DOM snapshot (its metas and its parser-inserted scripts) with
 * `source: 'dom'`. Null when there is nothing to read or the Content-Type is not HTML.
 *
 * Without any Content-Type the scripts are still read but the metas are not: the
 * Observatory's SRI test parses a page that has no Content-Type, while its retriever only
 * reads `<meta http-equiv>` when the Content-Type is one of `HTML_TYPES`.
 */
export function parseDocumentMarkup(capture: PageCapture): ParsedMarkup | null {
  const contentType = documentContentType(capture);
  const mime = contentType === null ? null : observatoryMimeType(contentType);
  if (mime !== null && mime !== '' && !HTML_TYPES.has(mime)) return null;
  const readMetas = mime !== null && HTML_TYPES.has(mime);

  if (capture.html) {
    const body = capture.html.source === 'served' ? observatoryBody(capture.html.text) : { kind: 'html' as const, text: capture.html.text };
    if (body.kind === 'unparseable') return { metas: [], scripts: [], source: capture.html.source };
    const parsed = parseHtml(body.text);
    return { metas: readMetas ? parsed.metas : [], scripts: parsed.scripts, source: capture.html.source };
  }
  const dom = capture.dom;
  if (!dom) return null;
  const scripts: ParsedScript[] = [];
  for (const tag of dom.tags) {
    if (tag.element !== 'script' || tag.origin !== 'parser') continue;
    scripts.push({ src: tag.url, integrity: tag.integrity, crossorigin: tag.crossorigin, type: tag.type });
  }
  // Inline scripts have no tag entry; they still count as scripts (SRI: "no scripts loaded" or not).
  for (let k = 0; k < dom.inlineScriptCount; k++) {
    scripts.push({ src: null, integrity: null, crossorigin: null, type: null });
  }
  const metas = readMetas ? dom.metas.map((meta) => ({ ...meta })) : [];
  return { metas, scripts, source: 'dom' };
}
