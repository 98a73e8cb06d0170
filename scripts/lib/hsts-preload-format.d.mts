export const FORMAT: 'tabgrade-hsts-preload';
export const FORMAT_VERSION: 1;
/** `www.example.com` → `com.example.www`. */
export function reversedName(name: string): string;
/** `NAME<TAB>1|0` lines → `[name, includeSubDomains]` pairs. */
export function parseHstsPreloadTsv(text: string): Array<[string, boolean]>;
/** The uncompressed compact form read by `decodeHstsPreload` (src/core/hsts-preload-compact.ts). */
export function encodeHstsPreload(entries: ReadonlyArray<readonly [string, boolean]>, meta: { source: string; date: string | null }): Uint8Array;
