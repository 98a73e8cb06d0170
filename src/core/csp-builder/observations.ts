/**
 * What one page — or, in "learn this site" mode, several pages of one origin — needs from
 * a Content-Security-Policy: plain JSON, so it can be kept in `storage.local` and merged
 * (`merge.ts`). Drafts are built from it (`draft.ts`), never from a capture directly.
 * Every string in it is page-controlled (URLs, element ids, script text previews).
 */
import type { NeedKind } from './directives';

/** One source expression a kind of request needs, with the URLs that needed it. */
export interface ObservedSource {
  kind: NeedKind;
  /** `'self'`, `https://cdn.example.com`, `data:` … */
  expression: string;
  /** Distinct URLs seen (a lower bound once more than `examples` were merged). */
  count: number;
  /** A few of those URLs, to say why. */
  examples: string[];
}

/** An inline `<script>` or `<style>` (identified by its hash). */
export interface InlineCode {
  /** `sha256-…` without quotes. */
  hash: string;
  kind: 'script' | 'module' | 'importmap' | 'speculationrules' | 'style';
  where: string;
  /** The first characters of the text, for a person to recognise it. */
  preview: string;
  hasNonce: boolean;
  page: string;
}

/** An attribute that a policy without `'unsafe-inline'` stops: `onclick=…`, `href="javascript:…"`, `style=…`. */
export interface AttributeCode {
  attribute: string;
  where: string;
  preview: string;
  /** `sha256-…` of the value, for `'unsafe-hashes'` (event handlers and style attributes). */
  hash: string | null;
  page: string;
}

/** Code that needs `'unsafe-eval'`: a known library or an inline script calling eval and friends. */
export interface EvalUse {
  /** A library name with its version, or `inline script`. */
  what: string;
  why: string;
  fix: string;
  certain: boolean;
  page: string;
}

export interface SiteObservations {
  version: 1;
  /** The origin of the pages observed (`https://www.example.com`). */
  origin: string;
  /** Whether the pages were served over HTTPS (the Observatory judges insecure schemes only then). */
  https: boolean;
  /** Page URLs observed, most recent last. */
  pages: string[];
  sources: ObservedSource[];
  inlineScripts: InlineCode[];
  inlineStyles: InlineCode[];
  eventHandlers: AttributeCode[];
  javascriptUrls: AttributeCode[];
  styleAttributes: AttributeCode[];
  /** External scripts written in the HTML: with `'strict-dynamic'`, each needs a nonce. */
  parserScripts: string[];
  /** Plugins (`<object>`, `<embed>`), which `object-src 'none'` stops. */
  plugins: AttributeCode[];
  evalUses: EvalUse[];
  /** Limits of what could be seen, in words (no served HTML, capped requests …). */
  notes: string[];
}

/** Bounds that keep stored observations small whatever the site. */
export const OBSERVATION_LIMITS = {
  pages: 50,
  sources: 300,
  examplesPerSource: 5,
  inline: 200,
  attributes: 200,
  parserScripts: 200,
  evalUses: 50,
  notes: 20,
  previewChars: 80,
  urlChars: 500,
} as const;

export function emptyObservations(origin: string, https: boolean): SiteObservations {
  return {
    version: 1,
    origin,
    https,
    pages: [],
    sources: [],
    inlineScripts: [],
    inlineStyles: [],
    eventHandlers: [],
    javascriptUrls: [],
    styleAttributes: [],
    parserScripts: [],
    plugins: [],
    evalUses: [],
    notes: [],
  };
}

// ---------------------------------------------------------------------------------------
// Validation of stored data: anything read back from storage is `unknown` until checked.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringsOf(value: unknown, max: number): string[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter((item): item is string => typeof item === 'string').slice(0, max);
}

function listOf<T>(value: unknown, max: number, read: (item: Record<string, unknown>) => T | null): T[] | null {
  if (!Array.isArray(value)) return null;
  const out: T[] = [];
  for (const item of value) {
    if (out.length >= max) break;
    const parsed = isRecord(item) ? read(item) : null;
    if (parsed !== null) out.push(parsed);
  }
  return out;
}

const KINDS: ReadonlySet<string> = new Set(['script', 'style', 'image', 'font', 'media', 'frame', 'object', 'connect', 'worker', 'manifest', 'other', 'form', 'base']);
const INLINE_KINDS: ReadonlySet<string> = new Set(['script', 'module', 'importmap', 'speculationrules', 'style']);

function readSource(item: Record<string, unknown>): ObservedSource | null {
  const { kind, expression, count } = item;
  const examples = stringsOf(item.examples, OBSERVATION_LIMITS.examplesPerSource);
  if (typeof kind !== 'string' || !KINDS.has(kind) || typeof expression !== 'string' || typeof count !== 'number' || examples === null) return null;
  return { kind: kind as NeedKind, expression, count, examples };
}

function readInline(item: Record<string, unknown>): InlineCode | null {
  const { hash, kind, where, preview, hasNonce, page } = item;
  if (typeof hash !== 'string' || typeof kind !== 'string' || !INLINE_KINDS.has(kind) || typeof where !== 'string' || typeof preview !== 'string' || typeof hasNonce !== 'boolean' || typeof page !== 'string') return null;
  return { hash, kind: kind as InlineCode['kind'], where, preview, hasNonce, page };
}

function readAttribute(item: Record<string, unknown>): AttributeCode | null {
  const { attribute, where, preview, hash, page } = item;
  if (typeof attribute !== 'string' || typeof where !== 'string' || typeof preview !== 'string' || (typeof hash !== 'string' && hash !== null) || typeof page !== 'string') return null;
  return { attribute, where, preview, hash, page };
}

function readEval(item: Record<string, unknown>): EvalUse | null {
  const { what, why, fix, certain, page } = item;
  if (typeof what !== 'string' || typeof why !== 'string' || typeof fix !== 'string' || typeof certain !== 'boolean' || typeof page !== 'string') return null;
  return { what, why, fix, certain, page };
}

/** Checks the shape of stored observations; null when they are not ours (or from another version). */
export function parseObservations(value: unknown): SiteObservations | null {
  if (!isRecord(value) || value.version !== 1 || typeof value.origin !== 'string' || typeof value.https !== 'boolean') return null;
  const L = OBSERVATION_LIMITS;
  const pages = stringsOf(value.pages, L.pages);
  const sources = listOf(value.sources, L.sources, readSource);
  const inlineScripts = listOf(value.inlineScripts, L.inline, readInline);
  const inlineStyles = listOf(value.inlineStyles, L.inline, readInline);
  const eventHandlers = listOf(value.eventHandlers, L.attributes, readAttribute);
  const javascriptUrls = listOf(value.javascriptUrls, L.attributes, readAttribute);
  const styleAttributes = listOf(value.styleAttributes, L.attributes, readAttribute);
  const parserScripts = stringsOf(value.parserScripts, L.parserScripts);
  const plugins = listOf(value.plugins, L.attributes, readAttribute);
  const evalUses = listOf(value.evalUses, L.evalUses, readEval);
  const notes = stringsOf(value.notes, L.notes);
  if (
    pages === null || sources === null || inlineScripts === null || inlineStyles === null || eventHandlers === null || javascriptUrls === null ||
    styleAttributes === null || parserScripts === null || plugins === null || evalUses === null || notes === null
  ) {
    return null;
  }
  return { version: 1, origin: value.origin, https: value.https, pages, sources, inlineScripts, inlineStyles, eventHandlers, javascriptUrls, styleAttributes, parserScripts, plugins, evalUses, notes };
}
