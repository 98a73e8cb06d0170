/**
 * Every front-end library found on the page, one row per library version, merging what
 * script URLs name with what the main-world probe read at run time, each with where it
 * came from and the data's verdict.
 */
import type { PageCapture } from '../capture';
import { assessLibrary, type LibraryAssessment } from './assess';
import { detectFromUrl } from './detect-from-url';
import { libraryName } from './names';
import { partyOf, type Party } from './party';
import { loadsScript } from './script-tags';
import { cleanVersion } from './version';

export type LibrarySource =
  | {
      kind: 'file';
      url: string;
      host: string;
      party: Party;
      /** What named the version: the URL, the file name, or the file's content (HAR imports). */
      detection: 'uri' | 'filename' | 'content';
      addedAfterLoad: boolean;
    }
  | {
      kind: 'runtime';
      /** The property path the version was read from, e.g. `window.jQuery.fn.jquery`. */
      via: string;
    };

export interface LibraryRow {
  component: string;
  name: string;
  /** The version as found (page-controlled text when it came from the runtime). */
  version: string;
  /** False when the page reported something that is not a version; it is then not looked up. */
  recognised: boolean;
  sources: LibrarySource[];
  /** Hosts of third-party files that carry it. */
  thirdPartyHosts: string[];
  /** `first`/`third` from its files; `unknown` when only the runtime saw it. */
  party: Party | 'mixed' | 'unknown';
  assessment: LibraryAssessment | null;
}

const MAX_SOURCES_PER_ROW = 20;

function partyOfRow(sources: LibrarySource[]): LibraryRow['party'] {
  const parties = new Set(sources.flatMap((source) => (source.kind === 'file' ? [source.party] : [])));
  const [only] = parties;
  if (only === undefined) return 'unknown';
  return parties.size === 1 ? only : 'mixed';
}

const ORDER: Record<string, number> = { vulnerable: 0, 'end-of-life': 1, outdated: 2, ok: 3 };
const SEVERITY_ORDER: Record<string, number> = { high: 0, medium: 1, low: 2, info: 3 };

function rank(row: LibraryRow): [number, number] {
  if (row.assessment === null) return [4, 4];
  return [ORDER[row.assessment.status] ?? 4, SEVERITY_ORDER[row.assessment.worstSeverity ?? 'info'] ?? 4];
}

/** Rows per capture object: captures are replaced, never changed, and several views ask. */
const inventoryCache = new WeakMap<PageCapture, LibraryRow[]>();

export function libraryInventory(capture: PageCapture): LibraryRow[] {
  const known = inventoryCache.get(capture);
  if (known !== undefined) return known;
  const rows = computeInventory(capture);
  inventoryCache.set(capture, rows);
  return rows;
}

function computeInventory(capture: PageCapture): LibraryRow[] {
  const rows = new Map<string, LibraryRow>();
  const rowFor = (component: string, versionText: string): LibraryRow => {
    const version = cleanVersion(versionText);
    const key = `${component}@${version ?? `?${versionText}`}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = {
        component,
        name: libraryName(component),
        version: version ?? versionText,
        recognised: version !== null,
        sources: [],
        thirdPartyHosts: [],
        party: 'unknown',
        assessment: version === null ? null : assessLibrary(component, version),
      };
      rows.set(key, row);
    }
    return row;
  };
  const addSource = (row: LibraryRow, source: LibrarySource): void => {
    if (row.sources.length < MAX_SOURCES_PER_ROW) row.sources.push(source);
  };

  for (const tag of capture.dom?.tags ?? []) {
    // Only scripts: retire.js's URL patterns describe script files.
    if (!loadsScript(tag)) continue;
    const detections = detectFromUrl(tag.url);
    if (detections.length === 0) continue;
    const party = partyOf(tag.url, capture.url);
    for (const detection of detections) {
      const row = rowFor(detection.component, detection.version);
      if (row.sources.some((source) => source.kind === 'file' && source.url === tag.url)) continue;
      addSource(row, {
        kind: 'file',
        url: tag.url,
        host: party?.host ?? '',
        party: party?.party ?? 'third',
        detection: detection.detection,
        addedAfterLoad: tag.origin === 'added-after-load',
      });
      if (party?.party === 'third' && !row.thirdPartyHosts.includes(party.host)) row.thirdPartyHosts.push(party.host);
    }
  }

  for (const hit of capture.contentLibraries ?? []) {
    const row = rowFor(hit.component, hit.version);
    if (row.sources.some((source) => source.kind === 'file' && source.url === hit.url)) continue;
    const party = partyOf(hit.url, capture.url);
    const tag = capture.dom?.tags.find((candidate) => candidate.url === hit.url);
    addSource(row, {
      kind: 'file',
      url: hit.url,
      host: party?.host ?? '',
      party: party?.party ?? 'third',
      detection: 'content',
      addedAfterLoad: tag?.origin === 'added-after-load',
    });
    if (party?.party === 'third' && !row.thirdPartyHosts.includes(party.host)) row.thirdPartyHosts.push(party.host);
  }

  for (const hit of capture.runtimeLibraries?.hits ?? []) {
    const row = rowFor(hit.component, hit.version);
    if (!row.sources.some((source) => source.kind === 'runtime' && source.via === hit.via)) addSource(row, { kind: 'runtime', via: hit.via });
  }

  const result = [...rows.values()];
  for (const row of result) row.party = partyOfRow(row.sources);
  return result.sort((a, b) => {
    const [statusA, severityA] = rank(a);
    const [statusB, severityB] = rank(b);
    return statusA - statusB || severityA - severityB || a.name.localeCompare(b.name) || a.version.localeCompare(b.version);
  });
}
