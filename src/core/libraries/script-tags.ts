/** Which tags load a script, shared by library detection and the SRI check. */
import type { ExternalResourceTag } from '../capture';

/**
 * Script `type`s a browser fetches and runs (HTML §4.12.1): none, empty, `module`, or a
 * JavaScript MIME type. Anything else (`text/plain`, `text/template`, `importmap`) is a
 * data block whose `src` is never fetched.
 */
export function isExecutableScriptType(type: string | null): boolean {
  if (type === null) return true;
  const essence = type.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    essence === '' ||
    essence === 'module' ||
    /^(?:text|application)\/(?:x-)?(?:java|ecma)script(?:1\.[0-5])?$/.test(essence) ||
    essence === 'text/jscript' ||
    essence === 'text/livescript'
  );
}

/** Whether a `rel` value lists `token` (given in lower case): rel tokens are ASCII case-insensitive. */
export function hasRelToken(rel: string | null, token: string): boolean {
  if (rel === null) return false;
  // The common cases without splitting: the one token itself, or no trace of it at all.
  if (rel === token) return true;
  const lower = rel.toLowerCase();
  return lower.includes(token) && lower.split(/\s+/).includes(token);
}

/** A tag that makes the browser fetch a script: `<script src>` of a script type, or a script preload. */
export function loadsScript(tag: ExternalResourceTag): boolean {
  if (tag.element === 'script') return isExecutableScriptType(tag.type);
  return hasRelToken(tag.rel, 'modulepreload') || (hasRelToken(tag.rel, 'preload') && tag.as?.trim().toLowerCase() === 'script');
}
