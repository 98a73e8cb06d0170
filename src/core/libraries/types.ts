/**
 * Shapes of the bundled library data (src/core/data/retire-libraries.json, produced by
 * scripts/convert-retire.mjs) and of what library detection produces.
 */

/** retire.js severities; Tabgrade maps `critical` to its own `high`. */
export type RetireSeverity = 'low' | 'medium' | 'high' | 'critical';

/** One known vulnerability of a library, as retire.js describes it. */
export interface LibraryVulnerabilityEntry {
  /** Versions below this are affected (retire's `below`). */
  below: string;
  /** …and at or above this one, when given. */
  atOrAbove?: string;
  /** Exact versions that are not affected despite the range (e.g. `1.12.4-aem`). */
  excludes?: string[];
  severity: RetireSeverity;
  identifiers: { CVE?: string[]; githubID?: string; summary?: string };
  /** An advisory link, kept only when there is no CVE or GHSA id to link to. */
  info?: string[];
  /** retire's "end of life" entries: reported as EOL, not as a vulnerability. */
  eol?: true;
}

export interface LibraryComponent {
  /** npm package whose releases are recorded (absent for libraries not looked up). */
  npm?: string;
  /** retire's regular expressions over URLs and file names, version placeholder expanded. */
  extractors: { uri?: string[]; filename?: string[] };
  vulnerabilities: LibraryVulnerabilityEntry[];
}

export interface PackageReleases {
  /** The `latest` dist-tag. */
  latest: string;
  /** Every x.y.z release, oldest first as npm lists them. */
  stable: string[];
}

export interface LibraryData {
  source: {
    name: string;
    url: string;
    commit: string;
    /** When retire.js last changed the repository file. */
    fileDate: string;
    licence: string;
    attribution: string;
    convertedAt: string;
    converter: string;
    retireEngine: string;
  };
  releases: { takenAt: string; how: string; packages: Record<string, PackageReleases> };
  components: Record<string, LibraryComponent>;
}

/** src/core/data/retire-probe.json: what the service worker needs, without the vulnerability list. */
export interface ProbeData {
  source: { name: string; fileDate: string; converter: string };
  /** Every component id the data knows. */
  components: string[];
  /** Facts for the main-world probe: [component, dotted property path from `window`]. */
  globalPaths: Array<[string, string]>;
  /** …and from each jQuery copy (`ui.version`). */
  jqueryPluginPaths: Array<[string, string]>;
}

/** A library version read from a script's URL or file name. */
export interface UrlDetection {
  component: string;
  version: string;
  /** Which retire extractor matched: the URL, the file name, or the file's content. */
  detection: 'uri' | 'filename' | 'content';
}
