/**
 * Response bodies from HAR `content`. Exporters store text bodies as text and binary or
 * undecodable ones as base64 (`encoding: "base64"`); Playwright can also keep bodies in
 * side files (`_file`), which a lone HAR does not contain.
 */
import type { HarContentView } from './validate';

export type BodyResult = { ok: true; text: string } | { ok: false; reason: string };

/** The `charset` parameter of a media type, e.g. `text/html; charset=ISO-8859-1`. */
function charsetOf(mediaType: string): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(mediaType);
  return match?.[1] ?? null;
}

function decoderFor(mediaType: string): TextDecoder {
  const charset = charsetOf(mediaType);
  if (charset !== null) {
    try {
      return new TextDecoder(charset);
    } catch {
      // An unknown label: fall through to UTF-8, the HTML default (WHATWG Encoding §4.2).
    }
  }
  return new TextDecoder('utf-8');
}

function base64ToBytes(base64: string): Uint8Array | null {
  let binary: string;
  try {
    // atob exists in browsers, workers and Node ≥ 16; it ignores ASCII whitespace.
    binary = atob(base64);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The body as text. `contentType` is the response's Content-Type header, consulted for
 * the charset when `content.mimeType` has none.
 */
export function decodeBody(content: HarContentView, contentType: string | null): BodyResult {
  if (content.text === null) {
    if (content.file !== null) return { ok: false, reason: `the body is stored outside the HAR (${content.file})` };
    return { ok: false, reason: 'the HAR has no body for it' };
  }
  const encoding = content.encoding?.trim().toLowerCase() ?? '';
  if (encoding === '') return { ok: true, text: content.text };
  if (encoding !== 'base64') return { ok: false, reason: `its body has an unsupported encoding "${content.encoding}"` };
  const bytes = base64ToBytes(content.text);
  if (bytes === null) return { ok: false, reason: 'its body is not valid base64' };
  const mediaType = charsetOf(content.mimeType) !== null ? content.mimeType : (contentType ?? '');
  return { ok: true, text: decoderFor(mediaType).decode(bytes) };
}
