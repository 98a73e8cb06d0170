/**
 * What the bundled data says about one library version: its known vulnerabilities (with
 * the release that fixes each, when one exists), end of life, how far behind the latest
 * release it is, and the release to upgrade to.
 */
import type { Severity } from '../findings';
import { advisoryLink, safeLink } from './advisory-links';
import { LIBRARY_DATA } from './data';
import { firstReleaseAtOrAbove, latestRelease, releasesOf, stableReleases } from './releases';
import { matchingEntries } from './retire-engine';
import type { LibraryVulnerabilityEntry, RetireSeverity } from './types';
import { compareVersions, majorOf } from './version';

export interface AssessedVulnerability {
  /** CVE ids first, then the GHSA id; empty for the few entries with neither. */
  ids: string[];
  severity: Severity;
  summary: string;
  /** The affected range as retire.js states it, e.g. `>= 1.2.1 < 1.9.0`. */
  range: string;
  /**
   * The first published release outside the range; null when none exists (AngularJS, whose
   * ranges end at versions that were never released).
   */
  fixedIn: string | null;
  /** True when no release of the detected major line has the fix: migrate, do not patch. */
  noFixInLine: boolean;
  link: string | null;
}

export type LibraryStatus = 'vulnerable' | 'end-of-life' | 'outdated' | 'ok';

export interface LibraryAssessment {
  component: string;
  version: string;
  status: LibraryStatus;
  vulnerabilities: AssessedVulnerability[];
  /** retire.js's end-of-life notice for this line, when it has one. */
  endOfLife: { summary: string; link: string | null } | null;
  /** The `latest` release on npm when the data was taken; null for libraries not looked up. */
  latest: string | null;
  /** Major versions between this one and the latest. */
  majorsBehind: number | null;
  /** The first release at or above this one with no known vulnerability (preferring one not end of life). */
  upgradeTarget: string | null;
  /** The worst severity among the vulnerabilities; null when there are none. */
  worstSeverity: Severity | null;
}

/** retire.js's `critical` has no Tabgrade equivalent: it is the top of the scale, `high`. */
const SEVERITY: Record<RetireSeverity, Severity> = { critical: 'high', high: 'high', medium: 'medium', low: 'low' };
const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1, info: 0 };

/** Ranges that end at a version nobody will release (`999.999.999`, `2.999.999`). */
const SENTINEL = /(?:^|\.)9{3,}(?:\.|$)/;

function fixedInOf(component: string, entry: LibraryVulnerabilityEntry): string | null {
  if (releasesOf(component) !== null) return firstReleaseAtOrAbove(component, entry.below);
  // Without release data, `below` is the best guess, unless it is a sentinel.
  return SENTINEL.test(entry.below) ? null : entry.below;
}

function describe(component: string, version: string, entry: LibraryVulnerabilityEntry): AssessedVulnerability {
  const ids = [...(entry.identifiers.CVE ?? []), ...(entry.identifiers.githubID !== undefined ? [entry.identifiers.githubID] : [])];
  const fixedIn = fixedInOf(component, entry);
  const link = ids.map(advisoryLink).find((candidate) => candidate !== null) ?? safeLink(entry.info?.[0]);
  return {
    ids,
    severity: SEVERITY[entry.severity] ?? 'medium',
    summary: entry.identifiers.summary ?? '',
    range: `${entry.atOrAbove !== undefined ? `>= ${entry.atOrAbove} ` : ''}< ${entry.below}`,
    fixedIn,
    noFixInLine: fixedIn === null || majorOf(fixedIn) !== majorOf(version),
    link,
  };
}

function isClean(component: string, version: string, allowEndOfLife: boolean): boolean {
  return matchingEntries(component, version, LIBRARY_DATA.components).every((entry) => allowEndOfLife && entry.eol === true);
}

function upgradeTargetOf(component: string, version: string): string | null {
  const candidates = stableReleases(component).filter((release) => compareVersions(release, version) >= 0);
  return (
    candidates.find((release) => isClean(component, release, false)) ??
    candidates.find((release) => isClean(component, release, true)) ??
    null
  );
}

const cache = new Map<string, LibraryAssessment>();

/** The data's verdict on `component` at `version` (a version already checked by `cleanVersion`). */
export function assessLibrary(component: string, version: string): LibraryAssessment {
  const key = `${component}@${version}`;
  const known = cache.get(key);
  if (known !== undefined) return known;

  const entries = matchingEntries(component, version, LIBRARY_DATA.components);
  const vulnerabilities = entries.filter((entry) => entry.eol !== true).map((entry) => describe(component, version, entry));
  const eolEntry = entries.find((entry) => entry.eol === true);
  const latest = latestRelease(component);
  const latestMajor = latest === null ? null : majorOf(latest);
  const major = majorOf(version);
  const majorsBehind = latestMajor === null || major === null ? null : Math.max(0, latestMajor - major);
  const worstSeverity = vulnerabilities.reduce<Severity | null>(
    (worst, vulnerability) => (worst === null || SEVERITY_RANK[vulnerability.severity] > SEVERITY_RANK[worst] ? vulnerability.severity : worst),
    null,
  );
  const needsUpgrade = vulnerabilities.length > 0 || eolEntry !== undefined;
  const assessment: LibraryAssessment = {
    component,
    version,
    status:
      vulnerabilities.length > 0 ? 'vulnerable' : eolEntry !== undefined ? 'end-of-life' : majorsBehind !== null && majorsBehind > 1 ? 'outdated' : 'ok',
    vulnerabilities,
    endOfLife: eolEntry === undefined ? null : { summary: eolEntry.identifiers.summary ?? 'End of life', link: safeLink(eolEntry.info?.[0]) },
    latest,
    majorsBehind,
    upgradeTarget: needsUpgrade ? upgradeTargetOf(component, version) : null,
    worstSeverity,
  };
  cache.set(key, assessment);
  return assessment;
}

/**
 * The severity Tabgrade gives a library: its worst known vulnerability (medium when the data
 * gives none), low for an end-of-life or outdated line, none when it is fine. The finding and
 * the popup's libraries table both read it, so they always agree.
 */
export function librarySeverity(assessment: LibraryAssessment): Severity | null {
  if (assessment.status === 'vulnerable') return assessment.worstSeverity ?? 'medium';
  return assessment.status === 'end-of-life' || assessment.status === 'outdated' ? 'low' : null;
}
