/**
 * The DevTools panel's log of one tab's responses: every response, redirect hop and failed
 * request in arrival order, grouped into loads (one per top-level navigation), bounded,
 * with each row's per-response checks and its comparison with the previous load of the
 * same URL. Kept apart from the page capture (which keeps 200 sub-resources for the grade)
 * so that only the panel pays for a longer memory. Pure bookkeeping: the worker feeds it
 * browser events and reads rows out; tests drive it directly.
 */
import type { HttpHeader, PageCapture, ResponseCapture } from './capture';
import type { parseCoep } from './checks/tabgrade/cross-origin-embedder-policy';
import { isSecureContextUrl } from './checks/tabgrade/shared';
import { joinedHeader } from './headers';
import type { compareWithPrevious, LoadedResponse, ResponseComparison } from './reload-diff';
import type { checkResponse, ResponseCheckResult } from './response-checks';
import { COOKIE_CHECK_ID, REQUEST_HEADER_FINDINGS } from './response-checks/finding-kinds';

export const RESPONSE_LOG_LIMITS = {
  /** Rows kept per tab, across loads; the oldest go first. */
  entriesPerTab: 2000,
  /** Loads whose responses are remembered for comparing a reload with. */
  loadsRemembered: 3,
} as const;

/** One row as recorded, before any judging. */
export interface LogEntry extends ResponseCapture {
  /** Increasing within one log (`TabResponseLog.epoch`). */
  id: number;
  /** The browser's request id; several rows share one across a redirect chain. */
  requestId: string;
  loadId: string;
  /** The n-th request for the same method and URL within its load: how a reload's row finds its predecessor. */
  occurrence: number;
  /** Redacted request headers; null when they were not recorded (the panel was closed). */
  requestHeaders: HttpHeader[] | null;
  /** `full` when recorded with every header the browser shares (Chrome hides Set-Cookie of sub-resources otherwise). */
  detail: 'basic' | 'full';
  /** Where a redirect hop pointed. */
  redirectUrl?: string;
}

/** What the log is given for a new row. */
export type NewEntry = Omit<LogEntry, 'id' | 'loadId' | 'occurrence'>;

export interface LoadInfo {
  loadId: string;
  /** The URL the navigation started at (before redirects): what "the same URL" means for a reload. */
  url: string;
  startedAt: number;
  /** The previous remembered load of the same URL, which rows are compared with. */
  previousLoadId: string | null;
  /** The final document's URL, once its response arrived. */
  documentUrl: string | null;
  /**
   * Its Cross-Origin-Embedder-Policy field as sent, null when absent or when the document
   * is not a secure context (COEP then constrains nothing, HTML §7.1.4). Kept as text and
   * parsed when a row is judged: a structured-field parser is not worth loading into the
   * worker's start for a log nobody may ever look at.
   */
  documentCoep: string | null;
}

/**
 * What judges a row: passed in rather than imported, so that the worker can keep the log
 * (which every response feeds) without loading the checks until a panel asks for rows
 * (`src/core/response-row-judges.ts` is the real pair).
 */
export interface RowJudges {
  checkResponse: typeof checkResponse;
  compareWithPrevious: typeof compareWithPrevious;
  parseCoep: typeof parseCoep;
}

/** A row as views show it: the entry, its checks and its comparison with the previous load. */
export interface LogRow extends LogEntry, ResponseCheckResult {
  /** Null when there is no previous load of the same URL to compare with. */
  comparison: ResponseComparison | null;
}

interface LoadRecord {
  info: LoadInfo;
  /** The navigation's request id (main_frame), or '' for rows seen before any navigation. */
  requestId: string;
  /** Its rows by request (method, URL, occurrence), while the load is remembered for comparisons. */
  byKey: Map<string, LogEntry>;
  occurrences: Map<string, number>;
  remembered: boolean;
}

/**
 * A response for the reload diff, without what only one of the two loads could see: its
 * cookies when only one was recorded with every header, and the findings that read request
 * headers when only one had them (the panel opened in between). Neither is a change the
 * server made.
 */
function comparable(response: LoadedResponse, same: { detail: boolean; requestHeaders: boolean }): LoadedResponse {
  if (same.detail && same.requestHeaders) return response;
  return {
    statusCode: response.statusCode,
    headers: same.detail ? response.headers : response.headers.filter((header) => header.name.toLowerCase() !== 'set-cookie'),
    findings: response.findings.filter(
      (finding) => (same.detail || finding.checkId !== COOKIE_CHECK_ID) && (same.requestHeaders || !REQUEST_HEADER_FINDINGS.has(finding.id)),
    ),
  };
}

function requestKey(method: string, url: string, occurrence: number): string {
  return `${method} ${url} #${occurrence}`;
}

/** A cancelled main-frame request (a download, a 204, the user pressing Stop) navigates nowhere. */
function startsNavigation(entry: NewEntry): boolean {
  return entry.type === 'main_frame' && !(entry.error !== undefined && /ERR_ABORTED/i.test(entry.error));
}

export class TabResponseLog {
  /** Changes whenever the log starts over, so a view knows its row ids no longer apply. */
  readonly epoch: string;
  private entries: LogEntry[] = [];
  private loads: LoadRecord[] = [];
  private readonly rowsByEntry = new WeakMap<LogEntry, LogRow>();
  private nextId = 1;
  /** Rows no longer kept because of the cap. */
  dropped = 0;

  constructor(epoch: string, private readonly limits: { entriesPerTab: number; loadsRemembered: number } = RESPONSE_LOG_LIMITS) {
    this.epoch = epoch;
  }

  get size(): number {
    return this.entries.length;
  }

  /** False while the rows seen so far came before any navigation (a worker restarted mid-page). */
  get knowsItsPage(): boolean {
    return (this.loads.at(-1)?.requestId ?? '') !== '';
  }

  /** Records a row; says whether it started a new load. */
  append(input: NewEntry): { entry: LogEntry; newLoad: LoadInfo | null } {
    let load = this.loads.at(-1);
    let newLoad: LoadInfo | null = null;
    if (load === undefined || (startsNavigation(input) && load.requestId !== input.requestId)) {
      load = this.startLoad(input);
      newLoad = load.info;
    }
    const base = `${input.method} ${input.url}`;
    const occurrence = load.occurrences.get(base) ?? 0;
    load.occurrences.set(base, occurrence + 1);
    const entry: LogEntry = { ...input, id: this.nextId++, loadId: load.info.loadId, occurrence };
    if (load.byKey.size < this.limits.entriesPerTab) load.byKey.set(requestKey(entry.method, entry.url, occurrence), entry);
    if (entry.type === 'main_frame' && entry.redirectUrl === undefined && entry.statusCode !== 0 && load.info.documentUrl === null) {
      this.setDocument(load, entry);
    }
    this.entries.push(entry);
    // Trim in chunks so that a long session does not shift the array on every response.
    if (this.entries.length > this.limits.entriesPerTab + Math.max(1, Math.floor(this.limits.entriesPerTab / 20))) {
      const excess = this.entries.length - this.limits.entriesPerTab;
      this.entries = this.entries.slice(excess);
      this.dropped += excess;
      this.forgetLoadsWithoutRows();
    }
    return { entry, newLoad };
  }

  /**
   * Marks the request's latest row as failed (a request aborted after its response
   * started). Returns the row when there was one to mark.
   */
  markFailed(requestId: string, error: string): LogEntry | null {
    for (let index = this.entries.length - 1, seen = 0; index >= 0 && seen < 200; index--, seen++) {
      const entry = this.entries[index];
      if (entry === undefined || entry.requestId !== requestId || entry.redirectUrl !== undefined) continue;
      if (entry.error !== undefined) return null;
      entry.error = error;
      this.rowsByEntry.delete(entry);
      return entry;
    }
    return null;
  }

  loadInfos(): LoadInfo[] {
    return this.loads.map((load) => load.info);
  }

  entriesSince(id: number): LogEntry[] {
    const first = this.entries.findIndex((entry) => entry.id > id);
    return first === -1 ? [] : this.entries.slice(first);
  }

  allEntries(): readonly LogEntry[] {
    return this.entries;
  }

  /** The row a view shows, judged once and then remembered. */
  row(entry: LogEntry, judges: RowJudges): LogRow {
    const cached = this.rowsByEntry.get(entry);
    if (cached !== undefined) return cached;
    const load = this.loadOf(entry.loadId);
    const coep = load?.info.documentCoep ?? null;
    const result = judges.checkResponse(entry, {
      documentUrl: load?.info.documentUrl ?? null,
      documentCoep: coep === null ? null : judges.parseCoep(coep),
      // Cookie deletions are judged at the time the response arrived, so a row never changes later.
      now: entry.timeStamp,
    });
    let comparison: ResponseComparison | null = null;
    const previousId = load?.info.previousLoadId ?? null;
    const previous = previousId === null ? undefined : this.loadOf(previousId);
    if (previous !== undefined && previous.remembered) {
      const before = previous.byKey.get(requestKey(entry.method, entry.url, entry.occurrence));
      const beforeRow = before === undefined ? null : this.row(before, judges);
      const same = {
        detail: beforeRow === null || beforeRow.detail === entry.detail,
        requestHeaders: beforeRow === null || (beforeRow.requestHeaders === null) === (entry.requestHeaders === null),
      };
      comparison = judges.compareWithPrevious(
        beforeRow === null ? null : comparable({ statusCode: beforeRow.statusCode, headers: beforeRow.headers, findings: beforeRow.findings }, same),
        comparable({ statusCode: entry.statusCode, headers: entry.headers, findings: result.findings }, same),
      );
    }
    const row: LogRow = { ...entry, ...result, comparison };
    this.rowsByEntry.set(entry, row);
    return row;
  }

  private loadOf(loadId: string): LoadRecord | undefined {
    // Few loads are ever kept (those with rows in the log), newest last.
    for (let index = this.loads.length - 1; index >= 0; index--) {
      const load = this.loads[index];
      if (load?.info.loadId === loadId) return load;
    }
    return undefined;
  }

  /**
   * Drops loads none of whose rows are kept any more, unless they are still remembered for
   * comparisons (a long load can push all of the previous one's rows out of the log).
   */
  private forgetLoadsWithoutRows(): void {
    const oldest = this.entries[0]?.loadId;
    const keepFrom = this.loads.findIndex((load) => load.info.loadId === oldest);
    const cut = keepFrom === -1 ? this.loads.length - 1 : keepFrom;
    if (cut > 0) this.loads = this.loads.filter((load, index) => index >= cut || load.remembered);
  }

  private startLoad(first: NewEntry): LoadRecord {
    const navigation = startsNavigation(first);
    const url = navigation ? first.url : '';
    const previous = navigation ? [...this.loads].reverse().find((load) => load.remembered && load.info.url === url) : undefined;
    const record: LoadRecord = {
      info: {
        // Unique within the log even when the browser reuses a request id.
        loadId: `${navigation ? first.requestId : 'before-navigation'}@${this.nextId}`,
        url,
        startedAt: first.timeStamp,
        previousLoadId: previous?.info.loadId ?? null,
        documentUrl: null,
        documentCoep: null,
      },
      requestId: navigation ? first.requestId : '',
      byKey: new Map(),
      occurrences: new Map(),
      remembered: true,
    };
    this.loads.push(record);
    // Older loads keep their description (their rows may still be shown) but no longer
    // serve comparisons, so their per-request maps are let go.
    const remembered = this.loads.filter((load) => load.remembered);
    for (const load of remembered.slice(0, Math.max(0, remembered.length - this.limits.loadsRemembered))) {
      load.remembered = false;
      load.byKey = new Map();
      load.occurrences = new Map();
    }
    return record;
  }

  private setDocument(load: LoadRecord, entry: LogEntry): void {
    load.info.documentUrl = entry.url;
    let secure = false;
    try {
      secure = isSecureContextUrl(new URL(entry.url));
    } catch {
      secure = false;
    }
    // COEP is ignored outside secure contexts (HTML §7.1.4), so it then constrains nothing.
    load.info.documentCoep = secure ? joinedHeader(entry.headers, 'cross-origin-embedder-policy') : null;
  }
}

/**
 * A saved page capture as log rows (redirect hops, document, the sub-resources it kept),
 * for a worker that was stopped and lost its in-memory log: the panel then shows what the
 * popup shows. The document's request id comes from the capture's navigation id.
 */
export function entriesFromCapture(capture: PageCapture): NewEntry[] {
  const requestId = capture.navigationId.split('@')[0] ?? capture.navigationId;
  const entries: NewEntry[] = [];
  for (const hop of capture.redirects) {
    entries.push({
      url: hop.url, method: 'GET', statusCode: hop.statusCode, statusLine: hop.statusLine, headers: hop.headers, type: 'main_frame',
      timeStamp: capture.startedAt, fromCache: false, requestId, requestHeaders: null, detail: 'full', redirectUrl: hop.location,
    });
  }
  if (capture.document !== null) entries.push({ ...capture.document, requestId, requestHeaders: null, detail: 'full' });
  capture.subresources.forEach((response, index) => {
    entries.push({ ...response, requestId: `capture-${index}`, requestHeaders: null, detail: response.type === 'sub_frame' ? 'full' : 'basic' });
  });
  return entries;
}
