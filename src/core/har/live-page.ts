/**
 * What only the live page showed, carried inside Tabgrade's own HAR exports so that
 * `tabgrade grade` on such a file reaches the same verdict as the popup that exported it:
 * the tags the content script saw (including those scripts added after load) and the
 * library versions the run-time probe read. HAR allows custom fields whose names start
 * with `_`; other tools ignore this one.
 *
 * A HAR file is input from anywhere (it can be edited by hand), so the field is checked
 * as strictly as a content-script message: anything out of shape is dropped whole or per
 * item, never trusted.
 */
import { CAPTURE_LIMITS, type DomSnapshot, type ExternalResourceTag, type MetaTag, type PageCapture, type RuntimeLibraries, type RuntimeLibraryHit } from '../capture';
import { isKnownComponent } from '../libraries/probe-spec';

/** The custom field on `log.pages[0]`. */
export const LIVE_PAGE_FIELD = '_tabgradeLivePage';
const LIVE_PAGE_VERSION = 1;

export interface LivePage {
  dom: DomSnapshot | null;
  runtimeLibraries: RuntimeLibraries | null;
}

/** Longest strings kept; a tag attribute or URL longer than this is not from a real page. */
const MAX_URL = 8192;
const MAX_ATTRIBUTE = 4096;
const MAX_META_CONTENT = CAPTURE_LIMITS.headerValueChars;
const MAX_VERSION = 64;
const MAX_VIA = 200;
const MAX_HITS = 200;

/** The field's value for `capture`, or null when the live page showed nothing extra. */
export function livePageOf(capture: PageCapture): Record<string, unknown> | null {
  if (capture.dom === null && capture.runtimeLibraries === undefined) return null;
  return { version: LIVE_PAGE_VERSION, dom: capture.dom, runtimeLibraries: capture.runtimeLibraries ?? null };
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function boundedString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

function nullableString(value: unknown, max: number): value is string | null {
  return value === null || boundedString(value, max);
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function readTag(value: unknown): ExternalResourceTag | null {
  if (!isObject(value)) return null;
  const { element, url, rel, as, type, integrity, crossorigin, origin, firstSeenMs } = value;
  if (element !== 'script' && element !== 'link') return null;
  if (!boundedString(url, MAX_URL) || !/^https?:\/\//i.test(url)) return null;
  if (![rel, as, type, integrity, crossorigin].every((attribute) => nullableString(attribute, MAX_ATTRIBUTE))) return null;
  if (origin !== 'parser' && origin !== 'added-after-load') return null;
  if (!finite(firstSeenMs) || firstSeenMs < 0) return null;
  return {
    element,
    url,
    rel: rel as string | null,
    as: as as string | null,
    type: type as string | null,
    integrity: integrity as string | null,
    crossorigin: crossorigin as string | null,
    origin,
    firstSeenMs,
  };
}

function readMeta(value: unknown): MetaTag | null {
  if (!isObject(value)) return null;
  const { httpEquiv, name, content } = value;
  if (!nullableString(httpEquiv, MAX_ATTRIBUTE) || !nullableString(name, MAX_ATTRIBUTE) || !boundedString(content, MAX_META_CONTENT)) return null;
  return { httpEquiv, name, content };
}

function present<T>(items: ReadonlyArray<T | null>): T[] {
  return items.filter((item): item is T => item !== null);
}

function readDom(value: unknown): DomSnapshot | null {
  if (!isObject(value)) return null;
  const { url, contentType, takenAt, tags, inlineScriptCount, metas, truncated, totalTags } = value;
  if (!boundedString(url, MAX_URL) || !boundedString(contentType, MAX_ATTRIBUTE) || !finite(takenAt)) return null;
  if (!Array.isArray(tags) || !Array.isArray(metas) || typeof truncated !== 'boolean') return null;
  if (!finite(inlineScriptCount) || inlineScriptCount < 0 || !finite(totalTags) || totalTags < 0) return null;
  const kept = present(tags.slice(0, CAPTURE_LIMITS.tagsPerSnapshot).map(readTag));
  return {
    url,
    contentType,
    takenAt,
    tags: kept,
    inlineScriptCount: Math.floor(inlineScriptCount),
    metas: present(metas.slice(0, CAPTURE_LIMITS.metas).map(readMeta)),
    // Tags dropped here count as not kept, so checks say the list is incomplete.
    truncated: truncated || kept.length < tags.length,
    totalTags: Math.max(Math.floor(totalTags), tags.length),
  };
}

function readHit(value: unknown): RuntimeLibraryHit | null {
  if (!isObject(value)) return null;
  const { component, version, via, firstSeenMs } = value;
  if (typeof component !== 'string' || !isKnownComponent(component)) return null;
  if (!boundedString(version, MAX_VERSION) || version === '' || !boundedString(via, MAX_VIA) || !finite(firstSeenMs)) return null;
  return { component, version, via, firstSeenMs };
}

function readRuntimeLibraries(value: unknown): RuntimeLibraries | null {
  if (!isObject(value)) return null;
  const { probes, lastProbedAt, hits, rejected, error } = value;
  if (!finite(probes) || !finite(lastProbedAt) || !Array.isArray(hits) || !finite(rejected) || !nullableString(error, MAX_ATTRIBUTE)) return null;
  const kept = present(hits.slice(0, MAX_HITS).map(readHit));
  return { probes, lastProbedAt, hits: kept, rejected: rejected + (hits.length - kept.length), error };
}

/** The field read back from a HAR page; null when absent or not Tabgrade's shape. */
export function parseLivePage(value: unknown): LivePage | null {
  if (!isObject(value) || value.version !== LIVE_PAGE_VERSION) return null;
  const dom = readDom(value.dom);
  const runtimeLibraries = readRuntimeLibraries(value.runtimeLibraries);
  if (dom === null && runtimeLibraries === null) return null;
  return { dom, runtimeLibraries };
}
