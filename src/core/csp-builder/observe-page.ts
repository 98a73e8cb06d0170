/**
 * One page's needs, from its capture: the sources each kind of request needs (narrowest
 * form, `source-for.ts`), the hashes of its inline scripts and styles, and the inline code a
 * policy would stop. Async only because hashing is (WebCrypto).
 */
import type { PageCapture } from '../capture';
import { libraryInventory } from '../libraries/inventory';
import { clip, isHtmlDocument } from '../checks/tabgrade/shared';
import { EVAL_CALL, EVAL_LIBRARIES, INLINE_EVAL } from './eval-libraries';
import { sha256Of } from './inline-hashes';
import { emptyObservations, OBSERVATION_LIMITS as L, type AttributeCode, type InlineCode, type ObservedSource, type SiteObservations } from './observations';
import type { AttributeUse } from './page-markup';
import { pageMarkup, pageResources } from './page-resources';
import { resolveUrl, sourceFor } from './source-for';

/** Code as a person would recognise it in one line. */
export function previewOf(text: string): string {
  return clip(text.replace(/\s+/g, ' ').trim(), L.previewChars);
}

function sourcesOf(capture: PageCapture, self: URL): { sources: ObservedSource[]; parserScripts: string[] } {
  const byKey = new Map<string, ObservedSource & { urls: Set<string> }>();
  const parserScripts: string[] = [];
  for (const resource of pageResources(capture)) {
    const url = resolveUrl(resource.url, capture.url);
    if (url === null) continue;
    const expression = sourceFor(url, self);
    if (expression === null) continue;
    if (resource.kind === 'script' && resource.parserInserted && parserScripts.length < L.parserScripts) parserScripts.push(clip(url.href, L.urlChars));
    const key = `${resource.kind} ${expression}`;
    let entry = byKey.get(key);
    if (entry === undefined) {
      if (byKey.size >= L.sources) continue;
      entry = { kind: resource.kind, expression, count: 0, examples: [], urls: new Set() };
      byKey.set(key, entry);
    }
    if (entry.urls.has(url.href)) continue;
    entry.urls.add(url.href);
    entry.count += 1;
    if (entry.examples.length < L.examplesPerSource) entry.examples.push(clip(url.href, L.urlChars));
  }
  const sources = [...byKey.values()].map(({ kind, expression, count, examples }) => ({ kind, expression, count, examples }));
  return { sources, parserScripts: [...new Set(parserScripts)] };
}

async function attributeCodes(uses: readonly AttributeUse[], page: string, hashed: boolean): Promise<AttributeCode[]> {
  const out: AttributeCode[] = [];
  for (const use of uses.slice(0, L.attributes)) {
    out.push({ attribute: use.attribute, where: use.where, preview: previewOf(use.value), hash: hashed ? await sha256Of(use.value) : null, page });
  }
  return out;
}

function notesFor(capture: PageCapture): string[] {
  const notes: string[] = [];
  if (capture.html === null) {
    notes.push('The page’s HTML has not been read yet, so its inline scripts, event handlers and form targets are unknown: this draft allows no inline code.');
  } else {
    if (capture.html.source === 'dom') notes.push('The HTML was read from the live page, not as the server sent it: scripts added by other scripts are counted as if they were written in the HTML.');
    if (capture.html.truncated) notes.push('The page’s HTML was longer than Tabgrade keeps; inline code after the cut is not in the draft.');
  }
  if (capture.droppedSubresources > 0) notes.push(`${capture.droppedSubresources} requests beyond Tabgrade’s limit per page were not seen; their hosts may be missing.`);
  if (capture.state === 'loading') notes.push('The page was still loading; requests made later are not in the draft yet.');
  return notes;
}

/**
 * What `capture`'s page needs from a policy; null when it is not an HTML page over http(s)
 * (a JSON or image response runs no script and loads nothing: there is no policy to draft).
 */
export async function observePage(capture: PageCapture): Promise<SiteObservations | null> {
  if (capture.document === null || !isHtmlDocument(capture)) return null;
  const self = resolveUrl(capture.url, capture.url);
  if (self === null || (self.protocol !== 'http:' && self.protocol !== 'https:')) return null;
  const page = clip(self.href, L.urlChars);
  const observations = emptyObservations(self.origin, self.protocol === 'https:');
  observations.pages.push(page);
  const { sources, parserScripts } = sourcesOf(capture, self);
  observations.sources = sources;
  observations.parserScripts = parserScripts;
  observations.notes = notesFor(capture);

  const markup = pageMarkup(capture);
  if (markup !== null) {
    const scripts: InlineCode[] = [];
    for (const script of markup.inlineScripts.slice(0, L.inline)) {
      const kind = script.kind === 'classic' ? 'script' : script.kind;
      scripts.push({ hash: await sha256Of(script.text), kind, where: script.where, preview: previewOf(script.text), hasNonce: script.hasNonce, page });
      if (EVAL_CALL.test(script.text)) {
        observations.evalUses.push({ what: `inline script “${previewOf(script.text)}”`, ...INLINE_EVAL, certain: false, page });
      }
    }
    observations.inlineScripts = dedupeBy(scripts, (item) => item.hash);
    const styles: InlineCode[] = [];
    for (const style of markup.inlineStyles.slice(0, L.inline)) {
      styles.push({ hash: await sha256Of(style.text), kind: 'style', where: style.where, preview: previewOf(style.text), hasNonce: style.hasNonce, page });
    }
    observations.inlineStyles = dedupeBy(styles, (item) => item.hash);
    observations.eventHandlers = await attributeCodes(markup.eventHandlers, page, true);
    observations.javascriptUrls = await attributeCodes(markup.javascriptUrls, page, false);
    observations.styleAttributes = await attributeCodes(markup.styleAttributes, page, true);
    observations.plugins = markup.declared
      .filter((declared) => declared.kind === 'object')
      .slice(0, L.attributes)
      .map((declared) => ({ attribute: 'data', where: declared.where, preview: clip(declared.url, L.previewChars), hash: null, page }));
  }

  for (const row of libraryInventory(capture)) {
    const library = EVAL_LIBRARIES[row.component];
    if (library === undefined || observations.evalUses.length >= L.evalUses) continue;
    observations.evalUses.push({ what: clip(`${row.name} ${row.version}`, L.previewChars), why: library.why, fix: library.fix, certain: library.certain, page });
  }
  return observations;
}

function dedupeBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

