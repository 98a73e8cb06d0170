/**
 * The panel's copy of the tab's response log: rows by id in arrival order, the loads, and
 * the filtered list the table shows. Messages from the worker apply as deltas: new rows are
 * appended and filtered on their own, so a burst of responses never re-filters (or
 * re-renders) the whole table; only a filter change, a new load or a replaced row does.
 */
import type { LoadInfo, LogRow } from '../core/response-log';
import type { DevtoolsOutboundMessage } from '../shared/messages';
import { filterKey, rowMatches, type RowFilter } from './row-filter';

/** Rows the panel keeps, like the worker's log (the oldest go first). */
export const PANEL_ROW_LIMIT = 2000;

export class RowStore {
  epoch: string | null = null;
  seededLoadId: string | null = null;
  dropped = 0;
  private rows: LogRow[] = [];
  private readonly indexById = new Map<number, number>();
  private loads = new Map<string, LoadInfo>();
  private loadOrder: string[] = [];
  private visible: { key: string; rows: LogRow[]; scanned: number } | null = null;

  /** Applies a worker message. Returns true when something changed. */
  apply(message: DevtoolsOutboundMessage): boolean {
    if (message.type === 'devtools-snapshot' || message.epoch !== this.epoch) {
      // A new epoch means the worker's log started over: its row ids are new.
      this.epoch = message.epoch;
      this.seededLoadId = message.type === 'devtools-snapshot' ? message.seededLoadId : null;
      this.rows = [];
      this.indexById.clear();
      this.visible = null;
    }
    this.dropped = message.dropped;
    this.setLoads(message.loads);
    for (const row of message.rows) this.upsert(row);
    this.trim();
    return true;
  }

  get size(): number {
    return this.rows.length;
  }

  get currentLoad(): LoadInfo | null {
    const id = this.loadOrder.at(-1);
    return id === undefined ? null : (this.loads.get(id) ?? null);
  }

  load(loadId: string): LoadInfo | null {
    return this.loads.get(loadId) ?? null;
  }

  byId(id: number): LogRow | null {
    const index = this.indexById.get(id);
    return index === undefined ? null : (this.rows[index] ?? null);
  }

  /** Every row of one load, in arrival order. */
  rowsOfLoad(loadId: string): LogRow[] {
    return this.rows.filter((row) => row.loadId === loadId);
  }

  lastId(): number {
    return this.rows.at(-1)?.id ?? 0;
  }

  /** The rows the filter lets through; appended rows are filtered incrementally. */
  visibleRows(filter: RowFilter): LogRow[] {
    const current = this.currentLoad?.loadId ?? null;
    const key = filterKey(filter, current);
    if (this.visible === null || this.visible.key !== key) this.visible = { key, rows: [], scanned: 0 };
    const cache = this.visible;
    if (cache.scanned < this.rows.length) {
      // A new array, so views that compare by identity see the change.
      const next = cache.rows.slice();
      for (let index = cache.scanned; index < this.rows.length; index++) {
        const row = this.rows[index];
        if (row !== undefined && rowMatches(row, filter, current)) next.push(row);
      }
      cache.rows = next;
      cache.scanned = this.rows.length;
    }
    return cache.rows;
  }

  private setLoads(loads: readonly LoadInfo[]): void {
    for (const load of loads) {
      if (!this.loads.has(load.loadId)) this.loadOrder.push(load.loadId);
      this.loads.set(load.loadId, load);
    }
    // Sorted by start, so the current load is the last one whatever order messages carried.
    this.loadOrder.sort((a, b) => (this.loads.get(a)?.startedAt ?? 0) - (this.loads.get(b)?.startedAt ?? 0));
  }

  private upsert(row: LogRow): void {
    const index = this.indexById.get(row.id);
    if (index !== undefined) {
      this.rows[index] = row;
      // A changed row may now match differently: filter again from scratch.
      this.visible = null;
      return;
    }
    this.indexById.set(row.id, this.rows.length);
    this.rows.push(row);
  }

  private trim(): void {
    if (this.rows.length <= PANEL_ROW_LIMIT + 100) return;
    this.rows = this.rows.slice(this.rows.length - PANEL_ROW_LIMIT);
    this.indexById.clear();
    this.rows.forEach((row, index) => this.indexById.set(row.id, index));
    this.visible = null;
    const kept = new Set(this.rows.map((row) => row.loadId));
    const current = this.loadOrder.at(-1);
    this.loadOrder = this.loadOrder.filter((id) => kept.has(id) || id === current);
    for (const id of [...this.loads.keys()]) if (!this.loadOrder.includes(id)) this.loads.delete(id);
  }
}
