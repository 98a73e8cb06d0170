/**
 * Version text from pages and URLs is untrusted: these helpers decide what counts as a
 * version before anything is compared, and wrap retire.js's ordering for the rest of core.
 */
import { isAtOrAbove } from './retire-engine';

/** Longest version string accepted; real ones are far shorter (`1.12.4-aem`, `3.0.0-rc.1`). */
export const MAX_VERSION_CHARS = 40;

/**
 * A digit first, then digits, letters, dots, dashes, plus signs or underscores — the
 * characters of every version retire.js's extractors capture. A leading `v` is dropped.
 */
// Each repeated group starts with a separator, so a failed match cannot backtrack badly.
const VERSION_SHAPE = /^\d[0-9A-Za-z]*(?:[.\-+_][0-9A-Za-z]+)*$/;

/** The version in normal form, or null when the text is not a version at all. */
export function cleanVersion(text: string): string | null {
  const trimmed = text.trim().replace(/^v(?=\d)/i, '');
  if (trimmed.length === 0 || trimmed.length > MAX_VERSION_CHARS) return null;
  return VERSION_SHAPE.test(trimmed) ? trimmed : null;
}

/** The major version number (`3` of `3.4.1`), or null when the version does not start with one. */
export function majorOf(version: string): number | null {
  const match = /^(\d+)/.exec(version);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** Negative, zero or positive as `a` is below, equal to or above `b`, in retire.js's order. */
export function compareVersions(a: string, b: string): number {
  const aAtOrAbove = isAtOrAbove(a, b);
  const bAtOrAbove = isAtOrAbove(b, a);
  if (aAtOrAbove && bAtOrAbove) return 0;
  return aAtOrAbove ? 1 : -1;
}

/** True for x.y.z with nothing after it: the releases an upgrade target may name. */
export function isStableVersion(version: string): boolean {
  return /^\d+\.\d+\.\d+$/.test(version);
}
