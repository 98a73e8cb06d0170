/**
 * "Verify hashes": does each file still match its `integrity` hash? The worker fetches the
 * files; this module computes their digests with WebCrypto (`crypto.subtle`, in browsers and
 * Node 20 alike) and compares them the way browsers do (W3C SRI §3.3.5 "do bytes match
 * metadataList"): only the strongest algorithm in the attribute counts, and any one of its
 * hashes matching is enough.
 */
import type { PageCapture, SriAlgorithm, SriVerificationResult } from './capture';
import { comparedTokens, normaliseDigest, parseIntegrity } from './checks/tabgrade/sri-integrity-metadata';
import { sriRows } from './checks/tabgrade/sri-resources';

export type Digests = Record<SriAlgorithm, string>;

const WEBCRYPTO_NAMES: Record<SriAlgorithm, string> = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };
/** The algorithm of the ready-to-paste value Tabgrade suggests. */
export const SUGGESTED_ALGORITHM: SriAlgorithm = 'sha384';
/** Files fetched per run: each is a request from the user's browser. */
export const MAX_VERIFIED_FILES = 60;

function base64(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** SHA-256/384/512 of `body`, base64 with padding (as integrity values are written). */
export async function computeDigests(body: ArrayBuffer | Uint8Array<ArrayBuffer>, subtle: SubtleCrypto = crypto.subtle): Promise<Digests> {
  const data = body instanceof Uint8Array ? body : new Uint8Array(body);
  const [sha256, sha384, sha512] = await Promise.all(
    (['sha256', 'sha384', 'sha512'] as const).map(async (algorithm) => base64(await subtle.digest(WEBCRYPTO_NAMES[algorithm], data))),
  );
  return { sha256: sha256 ?? '', sha384: sha384 ?? '', sha512: sha512 ?? '' };
}

/** `sha384-…` for the file as fetched. */
export function suggestedIntegrity(digests: Digests): string {
  return `${SUGGESTED_ALGORITHM}-${digests[SUGGESTED_ALGORITHM]}`;
}

/** The outcome for one file, given its `integrity` attribute (or none) and its digests. */
export function compareWithIntegrity(url: string, integrity: string | null, digests: Digests, bytes: number): SriVerificationResult {
  const suggested = suggestedIntegrity(digests);
  const base = { url, integrity, suggested, bytes, error: null };
  if (integrity === null) return { ...base, status: 'computed', algorithm: null, actual: null };
  const metadata = parseIntegrity(integrity);
  const algorithm = metadata.strongest;
  const compared = comparedTokens(metadata);
  // No well-formed hash to compare (unknown algorithms, or only wrong-length hashes, which a
  // browser keeps but can never match): that is a malformed attribute, not a changed file.
  if (algorithm === null || compared.length === 0) return { ...base, status: 'no-usable-hash', algorithm: null, actual: null };
  const actual = digests[algorithm];
  const wanted = normaliseDigest(actual);
  const matches = compared.some((token) => token.digest === wanted);
  return { ...base, status: matches ? 'match' : 'mismatch', algorithm, actual };
}

export function fetchFailed(url: string, integrity: string | null, error: string): SriVerificationResult {
  return { url, integrity, status: 'fetch-failed', algorithm: null, actual: null, suggested: null, bytes: null, error };
}

/**
 * The files worth fetching: every script or stylesheet with an `integrity` attribute, then
 * cross-origin ones without (to compute the value to paste), each URL once, capped.
 */
export function verificationTargets(capture: PageCapture): { targets: Array<{ url: string; integrity: string | null }>; skipped: number } {
  const rows = sriRows(capture).filter((row) => /^https?:/.test(row.url));
  const wanted = [...rows.filter((row) => row.integrity !== null), ...rows.filter((row) => row.integrity === null && !row.sameOrigin)];
  const seen = new Set<string>();
  const targets: Array<{ url: string; integrity: string | null }> = [];
  for (const row of wanted) {
    if (seen.has(row.url)) continue;
    seen.add(row.url);
    targets.push({ url: row.url, integrity: row.integrity });
  }
  return { targets: targets.slice(0, MAX_VERIFIED_FILES), skipped: Math.max(0, targets.length - MAX_VERIFIED_FILES) };
}
