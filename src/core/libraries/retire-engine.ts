/**
 * The one place that calls retire.js's matching engine (`retire/lib/retire.js`, Apache-2.0,
 * no dependencies: only this file of the package is bundled; a small build plugin,
 * scripts/lib/retire-engine-plugin.mjs, makes it importable). Its functions take the whole
 * repository object; ours is the compact form, which has the fields the engine reads
 * (`extractors.uri`, `extractors.filename`, `vulnerabilities[].below/atOrAbove/excludes`).
 */
import retire from 'retire/lib/retire.js';
import type { LibraryComponent, LibraryVulnerabilityEntry, UrlDetection } from './types';

/** The subset of the engine's types we rely on; its own typings describe the full repository. */
interface EngineResult {
  component: string;
  version: string;
  detection?: string;
  vulnerabilities?: Array<{ identifiers?: unknown; below?: string; atOrAbove?: string }>;
}
type Repository = Record<string, LibraryComponent>;
/** The content extractors the engine reads (`extractors.filecontent…`), with no vulnerabilities: detection only. */
export type ContentRepository = Record<string, { extractors: Record<string, string[]>; vulnerabilities: [] }>;
type Engine = {
  scanUri(uri: string, repo: Repository): EngineResult[];
  scanFileName(fileName: string, repo: Repository, includeUri: boolean): EngineResult[];
  check(component: string, version: string, repo: Repository): EngineResult[];
  scanFileContent(content: string, repo: ContentRepository, hasher: { sha1(data: string): string }): EngineResult[];
  isAtOrAbove(a: string, b: string): boolean;
};
// The package's own typings describe its full repository types; this is the face we use.
const engine = retire as unknown as Engine;

function detections(results: EngineResult[], detection: UrlDetection['detection']): UrlDetection[] {
  return results.map((result) => ({ component: result.component, version: result.version, detection }));
}

/** retire's URL extractors (`/3.4.1/jquery.min.js`) over a full URL. */
export function scanUri(url: string, repo: Repository): UrlDetection[] {
  return detections(engine.scanUri(url, repo), 'uri');
}

/** retire's file-name extractors (`jquery-3.4.1.min.js`) over the last path segment. */
export function scanFileName(fileName: string, repo: Repository): UrlDetection[] {
  return detections(engine.scanFileName(fileName, repo, false), 'filename');
}

/**
 * The entries of `component` that affect `version`, by retire's own rules (ranges,
 * `excludes`). The engine copies each matching entry but keeps its `identifiers` object, so
 * that object tells us which of our entries matched (and with it our `eol` flag).
 */
export function matchingEntries(component: string, version: string, repo: Repository): LibraryVulnerabilityEntry[] {
  const entries = repo[component]?.vulnerabilities ?? [];
  const [result] = engine.check(component, version, repo);
  const matched = new Set(result?.vulnerabilities?.map((vulnerability) => vulnerability.identifiers) ?? []);
  return entries.filter((entry) => matched.has(entry.identifiers));
}

/** retire's version order: `a >= b`, with `3.5.0-beta` below `3.5.0` and `3.5` equal to `3.5.0`. */
export function isAtOrAbove(a: string, b: string): boolean {
  return engine.isAtOrAbove(a, b);
}

/**
 * retire's file-content extractors (the banner comment, `jQuery.fn.jquery = "1.12.4"` …) over
 * a script body. Slow (2–30 ms per file): the HAR importer calls it for scripts whose URL
 * named no version. Hash extractors are not bundled, so the hasher answers nothing.
 */
export function scanContent(content: string, repo: ContentRepository): UrlDetection[] {
  return engine.scanFileContent(content, repo, { sha1: () => '' }).map((result) => ({ component: result.component, version: result.version, detection: 'content' as const }));
}
