/**
 * Every URL the page loads or targets, each with the kind of directive that decides it:
 * the responses the browser reported (webRequest types), the `<script>`/`<link>` tags of
 * the DOM snapshot, and the URLs written in the served HTML (lazy images and media that
 * have not loaded yet, form targets, `<base>`). Shared by the draft and by `wouldBlock`,
 * so both judge the same list.
 */
import type { DocumentHtml, PageCapture, ResourceType } from '../capture';
import { isExecutableScriptType } from '../libraries/script-tags';
import type { NeedKind } from './directives';
import { scanMarkup, type PageMarkup } from './page-markup';
import { resolveUrl } from './source-for';

export interface PageResource {
  url: string;
  kind: NeedKind;
  /**
   * Written in the HTML (`<script src>`, `<link rel=stylesheet>`) rather than added by a
   * script: under `'strict-dynamic'` such a script needs a nonce, a script-added one does not.
   */
  parserInserted: boolean;
  /** The tag's `nonce` attribute, from the HTML; null when absent or unknown. */
  nonce: string | null;
  /** The element that asked for it, when the markup or the DOM says. */
  where: string | null;
  seenBy: 'network' | 'dom' | 'markup';
}

/** webRequest's types → kinds; null for what no page policy governs. */
const KIND_OF_TYPE: Readonly<Record<ResourceType, NeedKind | null>> = {
  main_frame: null,
  sub_frame: 'frame',
  stylesheet: 'style',
  script: 'script',
  image: 'image',
  font: 'font',
  object: 'object',
  xmlhttprequest: 'connect',
  ping: 'connect',
  csp_report: null,
  media: 'media',
  websocket: 'connect',
  webtransport: 'connect',
  webbundle: 'other',
  other: 'other',
};

const PRELOAD_KINDS: Readonly<Record<string, NeedKind>> = { script: 'script', style: 'style', image: 'image', font: 'font', audio: 'media', video: 'media', track: 'media', fetch: 'connect' };

function relTokens(rel: string | null): string[] {
  return (rel ?? '').toLowerCase().split(/\s+/).filter((token) => token !== '');
}

/**
 * The markup of the capture's document (served HTML, or the DOM's serialisation); null when
 * there is none. Remembered per `capture.html` object: every update makes a new capture but
 * keeps the same HTML object (capture-updates.ts), and a big page takes a while to scan.
 */
const markupCache = new WeakMap<DocumentHtml, PageMarkup>();
export function pageMarkup(capture: PageCapture): PageMarkup | null {
  if (capture.html === null) return null;
  const cached = markupCache.get(capture.html);
  if (cached !== undefined) return cached;
  const markup = scanMarkup(capture.html.text);
  markupCache.set(capture.html, markup);
  return markup;
}

/** The URL relative links resolve against: `<base href>` when valid, else the page. */
export function baseUrlOf(capture: PageCapture, markup: PageMarkup | null): string {
  if (markup?.baseHref) {
    const base = resolveUrl(markup.baseHref, capture.url);
    if (base !== null) return base.href;
  }
  return capture.url;
}

const resourcesCache = new WeakMap<PageCapture, PageResource[]>();

export function pageResources(capture: PageCapture): PageResource[] {
  const cached = resourcesCache.get(capture);
  if (cached !== undefined) return cached;
  const resources = collect(capture);
  resourcesCache.set(capture, resources);
  return resources;
}

function collect(capture: PageCapture): PageResource[] {
  const byKey = new Map<string, PageResource>();
  const add = (resource: PageResource): void => {
    const key = `${resource.kind} ${resource.url}`;
    const known = byKey.get(key);
    if (known === undefined) byKey.set(key, resource);
    else {
      known.parserInserted ||= resource.parserInserted;
      known.nonce ??= resource.nonce;
      known.where ??= resource.where;
    }
  };
  const markup = pageMarkup(capture);
  const base = baseUrlOf(capture, markup);

  // Markup first: it knows which tags the parser inserted and which element asked.
  const manifests = new Set<string>();
  for (const declared of markup?.declared ?? []) {
    // A form without action submits to the document's own address.
    const raw = declared.kind === 'form' && declared.url === '' ? capture.url : declared.url;
    const url = resolveUrl(raw, base);
    if (url === null) continue;
    if (declared.kind === 'manifest') manifests.add(url.href);
    add({ url: url.href, kind: declared.kind, parserInserted: declared.parserInserted, nonce: declared.nonce, where: declared.where, seenBy: 'markup' });
  }
  if (markup?.baseHref) {
    const url = resolveUrl(markup.baseHref, capture.url);
    if (url !== null) add({ url: url.href, kind: 'base', parserInserted: true, nonce: null, where: 'base', seenBy: 'markup' });
  }

  for (const tag of capture.dom?.tags ?? []) {
    const parserInserted = tag.origin === 'parser';
    if (tag.element === 'script') {
      if (isExecutableScriptType(tag.type)) add({ url: tag.url, kind: 'script', parserInserted, nonce: null, where: 'script', seenBy: 'dom' });
      continue;
    }
    const rels = relTokens(tag.rel);
    let kind: NeedKind | null = null;
    if (rels.includes('stylesheet')) kind = 'style';
    else if (rels.includes('modulepreload')) kind = 'script';
    else if (rels.includes('preload')) kind = PRELOAD_KINDS[(tag.as ?? '').trim().toLowerCase()] ?? null;
    else if (rels.includes('manifest')) kind = 'manifest';
    else if (rels.includes('icon') || rels.includes('apple-touch-icon')) kind = 'image';
    if (kind === 'manifest') manifests.add(tag.url);
    if (kind !== null && resolveUrl(tag.url, capture.url) !== null) {
      add({ url: tag.url, kind, parserInserted: parserInserted && kind === 'style', nonce: null, where: 'link', seenBy: 'dom' });
    }
  }

  for (const response of capture.subresources) {
    let kind = KIND_OF_TYPE[response.type];
    if (kind === null) continue;
    // The browser files a manifest fetch under "other"; the page's <link rel=manifest> names it.
    if (kind === 'other' && manifests.has(response.url)) kind = 'manifest';
    add({ url: response.url, kind, parserInserted: false, nonce: null, where: null, seenBy: 'network' });
  }
  return [...byKey.values()];
}
