/**
 * Reads an `integrity` attribute the way browsers do (W3C SRI §3.3.3 "parse metadata", and
 * Chromium's `SubresourceIntegrity::ParseIntegrityAttribute`), and says what each token does:
 *
 * - tokens are separated by ASCII whitespace; each is `<algorithm>-<digest>[?options]`;
 * - an unknown algorithm (`sha1-`, `md5-`, `SHA384-`) or a digest with characters outside
 *   base64/base64url is skipped silently: if nothing usable is left, the resource loads
 *   **unchecked**;
 * - a digest with valid characters but the wrong length for its algorithm is kept, can never
 *   match, and the resource is **blocked**;
 * - only the strongest algorithm present is compared (sha512 > sha384 > sha256), so a good
 *   sha256 beside a broken sha512 still fails;
 * - Chromium also accepts `sha-256-`/`sha-384-`/`sha-512-`; Firefox and Safari do not, so
 *   those tokens protect Chromium users only.
 */
import type { SriAlgorithm } from '../../capture';
import { memoByText } from '../../memo-by-text';

export const DIGEST_BYTES: Readonly<Record<SriAlgorithm, number>> = { sha256: 32, sha384: 48, sha512: 64 };
const STRENGTH: Readonly<Record<SriAlgorithm, number>> = { sha256: 1, sha384: 2, sha512: 3 };

/** Prefixes Chromium recognises, standard ones first. */
const PREFIXES: ReadonlyArray<[prefix: string, algorithm: SriAlgorithm, standard: boolean]> = [
  ['sha256', 'sha256', true],
  ['sha384', 'sha384', true],
  ['sha512', 'sha512', true],
  ['sha-256', 'sha256', false],
  ['sha-384', 'sha384', false],
  ['sha-512', 'sha512', false],
];

/** Characters Chromium accepts in a digest (`IsIntegrityCharacter`): base64, base64url, `=`. */
const DIGEST_CHARACTERS = /^[A-Za-z0-9+/\-_=]+$/;

export type TokenProblem =
  /** Not `sha256-`/`sha384-`/`sha512-` (e.g. `sha1-`, `md5-`, upper case, no dash): ignored. */
  | 'unknown-algorithm'
  /** Empty, or characters outside base64: ignored. */
  | 'not-base64'
  /** Decodes to the wrong number of bytes for its algorithm (or does not decode): never matches. */
  | 'wrong-length'
  /** `sha-384-…`: understood by Chromium only. */
  | 'non-standard-prefix';

export interface IntegrityToken {
  /** The token as written (page-controlled). */
  text: string;
  algorithm: SriAlgorithm | null;
  /** The digest normalised to base64 without padding; null when unusable. */
  digest: string | null;
  problem: TokenProblem | null;
}

export type IntegrityEffect =
  /** The strongest algorithm has a well-formed hash: the browser checks the file. */
  | 'checked'
  /** No token a browser can use: the file loads without any check. */
  | 'unchecked'
  /** Every hash of the strongest algorithm has the wrong length: the file is always blocked. */
  | 'always-fails';

export interface IntegrityMetadata {
  tokens: IntegrityToken[];
  /** The algorithm the browser compares, when any token is usable. */
  strongest: SriAlgorithm | null;
  effect: IntegrityEffect;
  /** Tokens the browser uses (known algorithm, base64 characters), whatever their length. */
  usable: IntegrityToken[];
}

/** Bytes a base64 digest (padding stripped) decodes to; null when it cannot decode. */
function decodedLength(unpadded: string): number | null {
  if (unpadded.length % 4 === 1 || /[=]/.test(unpadded)) return null;
  return Math.floor((unpadded.length * 3) / 4);
}

/** base64url → base64, padding stripped, so digests compare as strings. */
export function normaliseDigest(text: string): string {
  return text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
}

function parseToken(text: string): IntegrityToken {
  const match = PREFIXES.find(([prefix]) => text.startsWith(`${prefix}-`) && text.length > prefix.length + 1);
  if (match === undefined) return { text, algorithm: null, digest: null, problem: 'unknown-algorithm' };
  const [prefix, algorithm, standard] = match;
  const rest = text.slice(prefix.length + 1);
  const question = rest.indexOf('?');
  const digestText = question === -1 ? rest : rest.slice(0, question);
  if (digestText === '' || !DIGEST_CHARACTERS.test(digestText)) return { text, algorithm, digest: null, problem: 'not-base64' };
  const digest = normaliseDigest(digestText);
  if (decodedLength(digest) !== DIGEST_BYTES[algorithm]) return { text, algorithm, digest, problem: 'wrong-length' };
  return { text, algorithm, digest, problem: standard ? null : 'non-standard-prefix' };
}

/**
 * Parsed values by attribute text: a page's tags repeat a handful of integrity values (and
 * a 2,000-tag page parsed each of them again per tag). The results are never changed by
 * their users, so one object can serve every tag. Bounded; cleared when full.
 */
export const parseIntegrity: (value: string) => IntegrityMetadata = memoByText(512, (value) => parseIntegrityValue(value));

function parseIntegrityValue(value: string): IntegrityMetadata {
  const tokens = value.split(/[\t\n\f\r ]+/).filter((token) => token !== '').map(parseToken);
  const usable = tokens.filter((token) => token.problem === null || token.problem === 'wrong-length' || token.problem === 'non-standard-prefix');
  let strongest: SriAlgorithm | null = null;
  for (const token of usable) {
    if (token.algorithm !== null && (strongest === null || STRENGTH[token.algorithm] > STRENGTH[strongest])) strongest = token.algorithm;
  }
  if (strongest === null) return { tokens, strongest, effect: 'unchecked', usable };
  const compared = usable.filter((token) => token.algorithm === strongest);
  const effect = compared.every((token) => token.problem === 'wrong-length') ? 'always-fails' : 'checked';
  return { tokens, strongest, effect, usable };
}

/** Tokens a browser would compare against the file: the strongest algorithm's well-formed ones. */
export function comparedTokens(metadata: IntegrityMetadata): IntegrityToken[] {
  return metadata.usable.filter((token) => token.algorithm === metadata.strongest && token.problem !== 'wrong-length');
}
