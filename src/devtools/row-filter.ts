/**
 * Which rows the panel shows: the current load (or every load with "Preserve log"), after
 * "Clear", matching the text box, the type buttons and "Problems only". Pure, so the panel
 * can filter a thousand rows on every keystroke and tests can read it.
 */
import type { LogRow } from '../core/response-log';
import type { ResponseKind } from '../core/response-checks';

/** Type groups as DevTools' Network panel names its filter buttons. */
export const TYPE_FILTERS = [
  { id: 'all', label: 'All' },
  { id: 'doc', label: 'Doc' },
  { id: 'js', label: 'JS' },
  { id: 'css', label: 'CSS' },
  { id: 'fetch', label: 'Fetch/XHR' },
  { id: 'font', label: 'Font' },
  { id: 'img', label: 'Img' },
  { id: 'media', label: 'Media' },
  { id: 'other', label: 'Other' },
] as const;
export type TypeFilter = (typeof TYPE_FILTERS)[number]['id'];

const GROUP_OF_KIND: Readonly<Record<ResponseKind, TypeFilter>> = {
  document: 'doc',
  frame: 'doc',
  script: 'js',
  stylesheet: 'css',
  fetch: 'fetch',
  font: 'font',
  image: 'img',
  media: 'media',
  other: 'other',
};

export interface RowFilter {
  text: string;
  type: TypeFilter;
  problemsOnly: boolean;
  preserveLog: boolean;
  /** Rows up to this id were cleared by the user. */
  clearedThrough: number;
}

export const DEFAULT_FILTER: RowFilter = { text: '', type: 'all', problemsOnly: false, preserveLog: false, clearedThrough: 0 };

/**
 * The text box matches the URL, method, status, type, badge labels and finding titles, case
 * insensitively, like the popup's filter; `-word` excludes rows that match `word`.
 */
export function matchesText(row: LogRow, text: string): boolean {
  const terms = text.toLowerCase().split(/\s+/).filter((term) => term !== '' && term !== '-');
  if (terms.length === 0) return true;
  const haystack = [row.url, row.method, String(row.statusCode), row.type, row.error ?? '', ...row.badges.map((badge) => badge.label), ...row.findings.map((finding) => finding.title)]
    .join('\n')
    .toLowerCase();
  return terms.every((term) => (term.startsWith('-') ? !haystack.includes(term.slice(1)) : haystack.includes(term)));
}

export function rowMatches(row: LogRow, filter: RowFilter, currentLoadId: string | null): boolean {
  if (row.id <= filter.clearedThrough) return false;
  if (!filter.preserveLog && currentLoadId !== null && row.loadId !== currentLoadId) return false;
  if (filter.type !== 'all' && GROUP_OF_KIND[row.kind] !== filter.type) return false;
  if (filter.problemsOnly && row.problems === 0) return false;
  return matchesText(row, filter.text);
}

/** A key that changes whenever the same rows could match differently. */
export function filterKey(filter: RowFilter, currentLoadId: string | null): string {
  return JSON.stringify([filter.text, filter.type, filter.problemsOnly, filter.preserveLog, filter.clearedThrough, filter.preserveLog ? null : currentLoadId]);
}
