/**
 * Library versions named by script URLs: CDN paths (`/ajax/libs/jquery/3.4.1/jquery.min.js`)
 * and file names (`jquery-3.4.1.min.js`), matched with retire.js's own extractors.
 */
import { LIBRARY_DATA } from './data';
import { scanFileName, scanUri } from './retire-engine';
import type { UrlDetection } from './types';
import { buildPrefilter, candidates, mayHaveCandidates, type PrefilterIndex } from './url-prefilter';
import { cleanVersion } from './version';
import { memoByText } from '../memo-by-text';

/** URLs longer than this are not scanned: no library URL is, and regexes cost per character. */
const MAX_URL_CHARS = 2048;
/** Results are remembered per URL: views re-render, and pages repeat URLs. */
const CACHE_LIMIT = 4096;

let prefilter: PrefilterIndex | null = null;

/** The URL without query and fragment, which retire's patterns do not expect. */
function withoutQuery(url: string): string {
  const query = url.indexOf('?');
  const fragment = url.indexOf('#');
  const cut = query === -1 ? fragment : fragment === -1 ? query : Math.min(query, fragment);
  return cut === -1 ? url : url.slice(0, cut);
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function prefilterIndex(): PrefilterIndex {
  prefilter ??= buildPrefilter(LIBRARY_DATA.components);
  return prefilter;
}

/**
 * Whether any library could match: the quick tests alone, no cache. Most script URLs name
 * no library, and ruling them out costs less than remembering that they do not (a page of
 * thousands of tags otherwise fills the cache with them).
 */
function mayNameLibrary(url: string): boolean {
  const path = withoutQuery(url);
  // Every extractor captures a version that starts with a digit: no digit, no match.
  if (!/\d/.test(path)) return false;
  const index = prefilterIndex();
  return mayHaveCandidates(index, 'uri', path) || mayHaveCandidates(index, 'filename', lastSegment(path));
}

function scan(url: string): UrlDetection[] {
  const components = LIBRARY_DATA.components;
  const prefilter = prefilterIndex();
  const path = withoutQuery(url);
  const fileName = lastSegment(path);
  const uriCandidates = candidates(prefilter, components, 'uri', path);
  const fileCandidates = candidates(prefilter, components, 'filename', fileName);
  const found = [...(uriCandidates === null ? [] : scanUri(path, uriCandidates)), ...(fileCandidates === null ? [] : scanFileName(fileName, fileCandidates))];
  if (found.length === 0) return [];
  const seen = new Set<string>();
  const result: UrlDetection[] = [];
  for (const detection of found) {
    const version = cleanVersion(detection.version);
    const key = `${detection.component}@${version ?? ''}`;
    if (version === null || seen.has(key)) continue;
    seen.add(key);
    result.push({ ...detection, version });
  }
  return result;
}

const remembered = memoByText(CACHE_LIMIT, scan);

/** Libraries (with versions) that a script's URL names; empty for most URLs. */
export function detectFromUrl(url: string): UrlDetection[] {
  return url.length > MAX_URL_CHARS || !mayNameLibrary(url) ? [] : remembered(url);
}
