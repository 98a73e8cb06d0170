/**
 * CSP hash sources for inline code: `'sha256-<base64>'` of the UTF-8 bytes of the exact
 * text the browser sees (CSP3 §6.7.3.5 "Does element match source list for type and
 * source?": the element's source text, UTF-8 encoded). The text must already be
 * normalised as the HTML parser does it (CR LF → LF), which `page-markup.ts` does.
 * WebCrypto, so it runs the same in the popup and in Node 20.
 */

/** The hash algorithm of drafted hash sources: SHA-256 is what every browser accepts and what DevTools prints. */
export const HASH_ALGORITHM = 'sha256';

function base64(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** `sha256-…` (without quotes) of `text`. */
export async function sha256Of(text: string, subtle: SubtleCrypto = crypto.subtle): Promise<string> {
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `${HASH_ALGORITHM}-${base64(digest)}`;
}

/** The quoted hash source for a policy: `'sha256-…'`. */
export async function hashSource(text: string, subtle: SubtleCrypto = crypto.subtle): Promise<string> {
  return `'${await sha256Of(text, subtle)}'`;
}
