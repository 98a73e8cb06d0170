/**
 * The Observatory releases whose rules Tabgrade can apply, as plain names: small enough for
 * the settings and the options page to import without the scoring tables.
 */

/** Newest first. 1.7.0 is the Observatory's algorithm version 6 (12 tests); 1.6.3 has 10. */
export const ALGORITHMS = ['1.7.0', '1.6.3'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

/** What the MDN website shows today. */
export const CURRENT_ALGORITHM: Algorithm = '1.7.0';

export function isAlgorithm(value: string): value is Algorithm {
  return (ALGORITHMS as readonly string[]).includes(value);
}
