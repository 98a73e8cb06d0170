/**
 * Which CSP directive governs which kind of request, as data: the draft writes a source
 * into the directive of its kind, and `wouldBlock` walks the same fallback lists the
 * browser walks (CSP3 §6.8.3 "Get the effective directive for request" and §6.8.4
 * "Get fetch directive fallback list"; form-action and base-uri have no fallback).
 */

/** What a page needs, by the directive that decides it. */
export type NeedKind =
  | 'script'
  | 'style'
  | 'image'
  | 'font'
  | 'media'
  | 'frame'
  | 'object'
  | 'connect'
  | 'worker'
  | 'manifest'
  /** A request whose type the browser did not name (prefetch and friends): only default-src decides it. */
  | 'other'
  | 'form'
  | 'base';

/** The directive a draft writes a kind's sources into. */
export const DIRECTIVE_OF: Readonly<Record<NeedKind, string>> = {
  script: 'script-src',
  style: 'style-src',
  image: 'img-src',
  font: 'font-src',
  media: 'media-src',
  frame: 'frame-src',
  object: 'object-src',
  connect: 'connect-src',
  worker: 'worker-src',
  manifest: 'manifest-src',
  other: 'default-src',
  form: 'form-action',
  base: 'base-uri',
};

/** Directives the browser consults for a kind, most specific first. */
export const FALLBACKS: Readonly<Record<NeedKind, readonly string[]>> = {
  script: ['script-src-elem', 'script-src', 'default-src'],
  style: ['style-src-elem', 'style-src', 'default-src'],
  image: ['img-src', 'default-src'],
  font: ['font-src', 'default-src'],
  media: ['media-src', 'default-src'],
  frame: ['frame-src', 'child-src', 'default-src'],
  object: ['object-src', 'default-src'],
  connect: ['connect-src', 'default-src'],
  worker: ['worker-src', 'child-src', 'script-src', 'default-src'],
  manifest: ['manifest-src', 'default-src'],
  other: ['default-src'],
  form: ['form-action'],
  base: ['base-uri'],
};

/** Words for a kind in a sentence: "3 scripts", "1 form target". */
export const KIND_WORDS: Readonly<Record<NeedKind, [singular: string, plural: string]>> = {
  script: ['script', 'scripts'],
  style: ['stylesheet', 'stylesheets'],
  image: ['image', 'images'],
  font: ['font', 'fonts'],
  media: ['audio/video file', 'audio/video files'],
  frame: ['frame', 'frames'],
  object: ['plugin', 'plugins'],
  connect: ['fetch/XHR/WebSocket request', 'fetch/XHR/WebSocket requests'],
  worker: ['worker', 'workers'],
  manifest: ['web app manifest', 'web app manifests'],
  other: ['other request', 'other requests'],
  form: ['form target', 'form targets'],
  base: ['<base> URL', '<base> URLs'],
};

/** Order of directives in a drafted policy: fallbacks first, then by kind, then document directives. */
export const DIRECTIVE_ORDER: readonly string[] = [
  'default-src',
  'script-src',
  'script-src-attr',
  'style-src',
  'style-src-attr',
  'img-src',
  'font-src',
  'connect-src',
  'media-src',
  'frame-src',
  'worker-src',
  'manifest-src',
  'object-src',
  'base-uri',
  'form-action',
  'frame-ancestors',
];

export function countOf(kind: NeedKind, count: number, plus = false): string {
  const [singular, plural] = KIND_WORDS[kind];
  return `${count}${plus ? '+' : ''} ${count === 1 && !plus ? singular : plural}`;
}
