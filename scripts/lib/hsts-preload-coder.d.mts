/** The coder's parameters; the unpacker reads them from the packed bytes. */
export interface HstsPreloadCoderParameters {
  /** Observations after which a prediction adapts at a fixed rate (1..15). */
  limit: number;
  /** Observations a new context's prior counts as (0..15): how slowly it gives way to what the context sees. */
  priorCount: number;
}
export const DEFAULT_PARAMETERS: Readonly<HstsPreloadCoderParameters>;
/** The same 32-bit hash as `hashBytes` in src/core/hsts-preload-coder.ts. */
export function hashBytes(bytes: Uint8Array): number;
/** The packed form that `unpackHstsPreload` (src/core/hsts-preload-coder.ts) turns back into `v1`, the uncompressed compact form. */
export function packHstsPreload(v1: Uint8Array, parameters?: Partial<HstsPreloadCoderParameters>): Uint8Array;
