/**
 * Published releases of the libraries Tabgrade names (from `npm view`, recorded with its
 * date in the data): what "latest" is, and which release first fixes a range.
 */
import { LIBRARY_DATA } from './data';
import type { PackageReleases } from './types';
import { compareVersions, isStableVersion } from './version';

const sorted = new Map<string, string[]>();

export function releasesOf(component: string): PackageReleases | null {
  const name = LIBRARY_DATA.components[component]?.npm;
  return name === undefined ? null : (LIBRARY_DATA.releases.packages[name] ?? null);
}

/** Stable releases, oldest first (sorted once with retire's order, not trusted to npm's). */
export function stableReleases(component: string): string[] {
  const known = sorted.get(component);
  if (known !== undefined) return known;
  const stable = (releasesOf(component)?.stable ?? []).filter(isStableVersion).sort(compareVersions);
  sorted.set(component, stable);
  return stable;
}

export function latestRelease(component: string): string | null {
  return releasesOf(component)?.latest ?? null;
}

/** The first stable release at or above `version`, or null when none has been published. */
export function firstReleaseAtOrAbove(component: string, version: string): string | null {
  return stableReleases(component).find((release) => compareVersions(release, version) >= 0) ?? null;
}
