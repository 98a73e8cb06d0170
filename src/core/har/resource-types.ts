/**
 * Resource types between HAR and the capture model. Chrome DevTools (and Tabgrade's own
 * exports) write `_resourceType` using DevTools' names; the capture uses webRequest's.
 * Firefox and Playwright write no type, so it is guessed from the MIME type.
 *
 * Sources: Chrome DevTools `ResourceType.ts` names and the webRequest `ResourceType`
 * enum (developer.chrome.com/docs/extensions/reference/api/webRequest), checked 2026-11.
 */
import type { Entry } from 'har-format';
import type { ResourceType } from '../capture';

/** The `_resourceType` names Chrome DevTools writes. */
export type DevtoolsType = NonNullable<Entry['_resourceType']>;

/** DevTools `_resourceType` → webRequest type, for entries other than the main document. */
const FROM_DEVTOOLS: Readonly<Record<string, ResourceType>> = {
  document: 'sub_frame',
  stylesheet: 'stylesheet',
  'sm-stylesheet': 'stylesheet',
  script: 'script',
  'sm-script': 'script',
  image: 'image',
  font: 'font',
  media: 'media',
  xhr: 'xmlhttprequest',
  fetch: 'xmlhttprequest',
  ping: 'ping',
  'csp-violation-report': 'csp_report',
  websocket: 'websocket',
  webtransport: 'webtransport',
  webbundle: 'webbundle',
  // texttrack, eventsource, manifest, prefetch, preflight, signed-exchange, wasm, other
};

/** webRequest type → the `_resourceType` Tabgrade writes. DevTools has no `object` (plugin) type. */
const TO_DEVTOOLS: Readonly<Record<ResourceType, DevtoolsType>> = {
  main_frame: 'document',
  sub_frame: 'document',
  stylesheet: 'stylesheet',
  script: 'script',
  image: 'image',
  font: 'font',
  object: 'other',
  xmlhttprequest: 'xhr',
  ping: 'ping',
  csp_report: 'csp-violation-report',
  media: 'media',
  websocket: 'websocket',
  webtransport: 'webtransport',
  webbundle: 'webbundle',
  other: 'other',
};

/** Every webRequest type name, accepted as `_resourceType` too (other tools write them). */
const WEBREQUEST_TYPES = new Set<string>(Object.keys(TO_DEVTOOLS));

function isResourceType(name: string): name is ResourceType {
  return WEBREQUEST_TYPES.has(name);
}

/** MIME type prefixes → type, for HARs without `_resourceType`; first match wins. */
const FROM_MIME: ReadonlyArray<readonly [RegExp, ResourceType]> = [
  [/^text\/css\b/, 'stylesheet'],
  [/^(?:text|application)\/(?:x-)?(?:javascript|ecmascript)\b/, 'script'],
  [/^image\//, 'image'],
  [/^(?:font\/|application\/(?:x-)?font-|application\/vnd\.ms-fontobject)/, 'font'],
  [/^(?:audio|video)\//, 'media'],
];

/** The capture type of a HAR entry that is not the main document. */
export function resourceTypeOf(devtoolsType: string | null, mimeType: string): ResourceType {
  if (devtoolsType !== null) {
    const mapped = FROM_DEVTOOLS[devtoolsType];
    if (mapped !== undefined) return mapped;
    return isResourceType(devtoolsType) ? devtoolsType : 'other';
  }
  const mime = mimeType.trim().toLowerCase();
  for (const [pattern, type] of FROM_MIME) if (pattern.test(mime)) return type;
  return 'other';
}

export function devtoolsTypeOf(type: ResourceType): DevtoolsType {
  return TO_DEVTOOLS[type];
}
