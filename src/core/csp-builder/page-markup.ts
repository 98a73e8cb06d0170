/**
 * What a Content-Security-Policy must allow (or will break) in a page's own HTML: inline
 * scripts and styles with their exact text, inline event handlers, `javascript:` URLs,
 * form targets, `<base>`, plugins and the URLs the markup asks the browser to load (lazy
 * images and media included, which the network log may not have seen yet).
 *
 * `html.ts` reads HTML the way the Observatory's tokenizer does, for grading; this scan
 * reads it the way a browser's tokenizer does, because hashes must match what the browser
 * hashes. It follows the HTML standard where that changes the answer:
 * - input-stream preprocessing turns CR LF and lone CR into LF before tokenizing, so an
 *   inline script's hash is computed over LF-only text (§13.2.3.5);
 * - script, style, textarea, title, xmp, iframe, noembed, noframes and (scripting being
 *   on) noscript hold raw text up to their end tag, so nothing inside them is an element;
 *   handlers written inside `<noscript>` never run and are rightly not reported;
 * - attribute names are lower-cased, the first of two same-named attributes wins, and
 *   character references in values are decoded.
 * Simplified on purpose: the "script data escaped" states (`<!--<script>` nested inside a
 * script) are not modelled; a script ends at the first `</script`. No input makes it throw.
 */
import { decodeAttributeValue } from '../html-entities';
import { isExecutableScriptType } from '../libraries/script-tags';

/** An element named the way a person finds it in their template: `button#subscribe`, `a.nav`, `form`. */
export type ElementRef = string;

export interface InlineScript {
  /** The script text exactly as the browser hashes it (newlines normalised). */
  text: string;
  /** `classic`, `module`, `importmap` or `speculationrules`: all four are checked by script-src. */
  kind: 'classic' | 'module' | 'importmap' | 'speculationrules';
  hasNonce: boolean;
  where: ElementRef;
}

export interface InlineStyle {
  text: string;
  hasNonce: boolean;
  where: ElementRef;
}

export interface AttributeUse {
  /** The attribute, e.g. `onclick`, `href`, `style`. */
  attribute: string;
  where: ElementRef;
  /** The attribute's value (decoded); page-controlled. */
  value: string;
}

/** A URL the markup makes the browser load (or submit to), still relative as written. */
export interface DeclaredUrl {
  kind: 'script' | 'style' | 'image' | 'font' | 'media' | 'frame' | 'object' | 'manifest' | 'connect' | 'form';
  url: string;
  where: ElementRef;
  /** `<script src>` and stylesheet links written in the HTML: inserted by the parser. */
  parserInserted: boolean;
  /** The tag's `nonce` attribute; null when absent. */
  nonce: string | null;
}

export interface PageMarkup {
  inlineScripts: InlineScript[];
  inlineStyles: InlineStyle[];
  eventHandlers: AttributeUse[];
  javascriptUrls: AttributeUse[];
  styleAttributes: AttributeUse[];
  declared: DeclaredUrl[];
  /** The first `<base href>`, as written; null when there is none. */
  baseHref: string | null;
}

/** Items kept per list: enough to draft from and to show, bounded for huge pages. */
export const MARKUP_LIMITS = { perList: 500, valueChars: 2000 } as const;

/** Elements whose content is raw text up to the matching end tag (HTML §13.2.5, scripting on). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

/** Attributes whose value is navigated to or fetched, where a `javascript:` URL runs script. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href']);

const LINK_KINDS: Record<string, DeclaredUrl['kind']> = { stylesheet: 'style', icon: 'image', manifest: 'manifest', 'apple-touch-icon': 'image' };
const PRELOAD_AS: Record<string, DeclaredUrl['kind']> = { script: 'script', style: 'style', image: 'image', font: 'font', audio: 'media', video: 'media', track: 'media', fetch: 'connect' };

function isWhitespace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\f' || c === '\r';
}

/** How a person would point at the element: `tag#id`, else `tag.first-class`, else `tag[name=…]`, else `tag`. */
export function elementRef(tag: string, attributes: ReadonlyMap<string, string>): ElementRef {
  const id = attributes.get('id')?.trim();
  if (id) return `${tag}#${id.slice(0, 60)}`;
  const firstClass = attributes.get('class')?.trim().split(/\s+/)[0];
  if (firstClass) return `${tag}.${firstClass.slice(0, 60)}`;
  const name = attributes.get('name')?.trim();
  if (name) return `${tag}[name=${name.slice(0, 60)}]`;
  return tag;
}

/** Whether a URL attribute runs script when followed: `javascript:`, ignoring what the URL parser strips. */
export function isJavascriptUrl(value: string): boolean {
  // The URL parser drops leading C0 controls and spaces, and every tab and newline (URL §4.4).
  const cleaned = value.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  return cleaned.slice(0, 11).toLowerCase() === 'javascript:';
}

function scriptKind(type: string | undefined): InlineScript['kind'] | null {
  if (type === undefined) return 'classic';
  const essence = type.split(';')[0]?.trim().toLowerCase() ?? '';
  if (essence === 'importmap') return 'importmap';
  if (essence === 'speculationrules') return 'speculationrules';
  if (essence === 'module') return 'module';
  return isExecutableScriptType(type) ? 'classic' : null;
}

interface Tag {
  name: string;
  attributes: Map<string, string>;
  /** Index just past `>`. */
  end: number;
}

/** Reads an open tag's name (starting at `nameStart`) and attributes up to its `>`; null when the input ends inside the tag. */
function readTag(html: string, nameStart: number): Tag | null {
  let i = nameStart;
  while (i < html.length && !isWhitespace(html.charAt(i)) && html.charAt(i) !== '/' && html.charAt(i) !== '>') i++;
  const name = html.slice(nameStart, i).toLowerCase();
  const attributes = new Map<string, string>();
  while (i < html.length) {
    const c = html.charAt(i);
    if (c === '>') return { name, attributes, end: i + 1 };
    if (isWhitespace(c) || c === '/') {
      i++;
      continue;
    }
    const attrStart = i;
    i++;
    while (i < html.length && !isWhitespace(html.charAt(i)) && !'/>='.includes(html.charAt(i))) i++;
    const attrName = html.slice(attrStart, i).toLowerCase();
    while (i < html.length && isWhitespace(html.charAt(i))) i++;
    if (html.charAt(i) !== '=') {
      if (!attributes.has(attrName)) attributes.set(attrName, '');
      continue;
    }
    i++;
    while (i < html.length && isWhitespace(html.charAt(i))) i++;
    const quote = html.charAt(i);
    let value: string;
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, i + 1);
      if (close === -1) return null;
      value = html.slice(i + 1, close);
      i = close + 1;
    } else {
      const valueStart = i;
      while (i < html.length && !isWhitespace(html.charAt(i)) && html.charAt(i) !== '>') i++;
      value = html.slice(valueStart, i);
    }
    if (!attributes.has(attrName)) attributes.set(attrName, decodeAttributeValue(value.slice(0, MARKUP_LIMITS.valueChars)));
  }
  return null;
}

/** Index of the end tag `</name` (followed by whitespace, `/` or `>`) at or after `from`; -1 when none. */
function findEndTag(html: string, lower: string, name: string, from: number): number {
  let at = lower.indexOf(`</${name}`, from);
  while (at !== -1) {
    const next = html.charAt(at + 2 + name.length);
    if (next === '' || next === '>' || next === '/' || isWhitespace(next)) return at;
    at = lower.indexOf(`</${name}`, at + 2);
  }
  return -1;
}

function push<T>(list: T[], item: T): void {
  if (list.length < MARKUP_LIMITS.perList) list.push(item);
}

function srcsetUrls(srcset: string): string[] {
  // Candidate strings are "url [descriptor]" separated by commas (HTML §4.8.4.3.10); good enough to find hosts.
  return srcset
    .split(/,\s+|,(?=\S)/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

function declare(markup: PageMarkup, kind: DeclaredUrl['kind'], url: string | undefined, where: ElementRef, options: { parserInserted?: boolean; nonce?: string | null } = {}): void {
  if (url === undefined) return;
  const trimmed = url.trim();
  // An empty src loads nothing; a form without action submits to the page itself (handled by the caller).
  if (trimmed === '' && kind !== 'form') return;
  push(markup.declared, { kind, url: trimmed, where, parserInserted: options.parserInserted ?? false, nonce: options.nonce ?? null });
}

function onElement(markup: PageMarkup, tag: MarkupElement): void {
  const { name, attributes } = tag;
  const where = elementRef(name, attributes);
  for (const [attribute, value] of attributes) {
    if (attribute.length > 2 && attribute.startsWith('on') && /^on[a-z]+$/.test(attribute)) push(markup.eventHandlers, { attribute, where, value });
    else if (attribute === 'style' && value.trim() !== '') push(markup.styleAttributes, { attribute, where, value });
    else if (URL_ATTRIBUTES.has(attribute) && isJavascriptUrl(value)) push(markup.javascriptUrls, { attribute, where, value });
  }
  const nonce = attributes.get('nonce') ?? null;
  const src = attributes.get('src');
  switch (name) {
    case 'script':
      if (src !== undefined && scriptKind(attributes.get('type')) !== null) declare(markup, 'script', src, where, { parserInserted: true, nonce });
      break;
    case 'link': {
      const rels = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
      const href = attributes.get('href');
      if (rels.includes('modulepreload')) declare(markup, 'script', href, where, { nonce });
      else if (rels.includes('preload')) {
        const kind = PRELOAD_AS[(attributes.get('as') ?? '').trim().toLowerCase()];
        if (kind !== undefined) declare(markup, kind, href, where, { nonce });
      } else {
        const rel = rels.find((candidate) => LINK_KINDS[candidate] !== undefined);
        if (rel !== undefined) declare(markup, LINK_KINDS[rel] ?? 'image', href, where, { parserInserted: rel === 'stylesheet', nonce });
      }
      break;
    }
    case 'img':
      declare(markup, 'image', src, where);
      for (const url of srcsetUrls(attributes.get('srcset') ?? '')) declare(markup, 'image', url, where);
      break;
    case 'source':
      // <source> in <picture> has srcset (images); in <video>/<audio> it has src (media).
      declare(markup, 'media', src, where);
      for (const url of srcsetUrls(attributes.get('srcset') ?? '')) declare(markup, 'image', url, where);
      break;
    case 'video':
      declare(markup, 'image', attributes.get('poster'), where);
      declare(markup, 'media', src, where);
      break;
    case 'audio':
    case 'track':
      declare(markup, 'media', src, where);
      break;
    case 'iframe':
    case 'frame':
      declare(markup, 'frame', src, where);
      break;
    case 'object':
      // Listed even without a URL: object-src 'none' stops the plugin whatever it loads.
      push(markup.declared, { kind: 'object', url: (attributes.get('data') ?? '').trim(), where, parserInserted: true, nonce: null });
      break;
    case 'embed':
    case 'applet':
      push(markup.declared, { kind: 'object', url: (src ?? attributes.get('code') ?? '').trim(), where, parserInserted: true, nonce: null });
      break;
    case 'form':
      // No action (or an empty one) submits to the document's own URL: still a form-action target.
      push(markup.declared, { kind: 'form', url: (attributes.get('action') ?? '').trim(), where, parserInserted: true, nonce: null });
      break;
    case 'button':
    case 'input':
      if (attributes.has('formaction')) declare(markup, 'form', attributes.get('formaction'), where);
      break;
    case 'base':
      if (markup.baseHref === null && attributes.has('href')) markup.baseHref = (attributes.get('href') ?? '').trim();
      break;
    default:
      break;
  }
}

/** An element's start tag as the walker hands it over: lower-cased name, first-wins attributes. */
export interface MarkupElement {
  name: string;
  attributes: ReadonlyMap<string, string>;
}

/**
 * Walks HTML the way a browser's tokenizer does (see the top of this file), calling
 * `onElement` for every start tag in document order and `onRawText` with the text of each
 * raw-text element (script, style …). Shared by the CSP scan and the HAR importer's tag list.
 */
export function walkMarkup(source: string, onElement: (element: MarkupElement) => void, onRawText: (element: MarkupElement, text: string) => void = () => undefined): void {
  const html = source.replace(/\r\n?/g, '\n');
  const lower = html.toLowerCase();
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    const next = html.charAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    if (next === '!' || next === '?' || next === '/') {
      const close = html.indexOf('>', lt + 2);
      i = close === -1 ? html.length : close + 1;
      continue;
    }
    if (!/[a-zA-Z]/.test(next)) {
      i = lt + 1;
      continue;
    }
    const tag = readTag(html, lt + 1);
    if (tag === null) break;
    onElement(tag);
    i = tag.end;
    if (!RAW_TEXT.has(tag.name)) continue;
    if (tag.name === 'plaintext') break;
    const endTag = findEndTag(html, lower, tag.name, i);
    onRawText(tag, html.slice(i, endTag === -1 ? html.length : endTag));
    if (endTag === -1) break;
    const close = html.indexOf('>', endTag);
    i = close === -1 ? html.length : close + 1;
  }
}

/** Scans served (or serialised) HTML for what a CSP must allow. */
export function scanMarkup(source: string): PageMarkup {
  const markup: PageMarkup = { inlineScripts: [], inlineStyles: [], eventHandlers: [], javascriptUrls: [], styleAttributes: [], declared: [], baseHref: null };
  walkMarkup(
    source,
    (tag) => onElement(markup, tag),
    (tag, text) => {
      const where = elementRef(tag.name, tag.attributes);
      const hasNonce = tag.attributes.has('nonce');
      if (tag.name === 'script' && !tag.attributes.has('src')) {
        const kind = scriptKind(tag.attributes.get('type'));
        // A script element with empty text never runs (HTML "prepare the script element" step 6).
        if (kind !== null && text !== '') push(markup.inlineScripts, { text, kind, hasNonce, where });
      } else if (tag.name === 'style' && text !== '') {
        push(markup.inlineStyles, { text, hasNonce, where });
      }
    },
  );
  return markup;
}
