import { describe, expect, it } from 'vitest';
import type { ResourceType } from '../../src/core/capture';
import { TabResponseLog, type LogRow } from '../../src/core/response-log';
import { ROW_JUDGES } from '../../src/core/response-row-judges';
import { DEFAULT_FILTER, matchesText, type RowFilter } from '../../src/devtools/row-filter';
import { RowStore } from '../../src/devtools/row-store';
import type { DevtoolsOutboundMessage } from '../../src/shared/messages';

const PAGE = 'https://shop.example/';
let clock = 1_000;

/** Rows as the worker would send them: through a real log, so kinds, badges and findings are real. */
function rowsFor(log: TabResponseLog, items: Array<[string, ResourceType, string, Array<[string, string]>?]>): LogRow[] {
  return items.map(([requestId, type, url, headers = []]) => {
    clock += 1;
    const { entry } = log.append({
      url, method: 'GET', statusCode: 200, statusLine: '', headers: headers.map(([name, value]) => ({ name, value })), type,
      timeStamp: clock, fromCache: false, requestId, requestHeaders: null, detail: 'full',
    });
    return log.row(entry, ROW_JUDGES);
  });
}

function message(log: TabResponseLog, rows: LogRow[], type: DevtoolsOutboundMessage['type'] = 'devtools-rows'): DevtoolsOutboundMessage {
  const base = { tabId: 1, epoch: log.epoch, loads: log.loadInfos(), rows, dropped: log.dropped };
  return type === 'devtools-snapshot' ? { ...base, type, seededLoadId: null } : { ...base, type };
}

const filter = (changes: Partial<RowFilter>): RowFilter => ({ ...DEFAULT_FILTER, ...changes });

describe('the panel’s row store', () => {
  it('shows the current load only, unless the log is preserved', () => {
    const log = new TabResponseLog('e1');
    const store = new RowStore();
    store.apply(message(log, rowsFor(log, [['1', 'main_frame', PAGE, [['Content-Type', 'text/html']]], ['2', 'script', `${PAGE}a.js`]]), 'devtools-snapshot'));
    expect(store.visibleRows(DEFAULT_FILTER)).toHaveLength(2);
    store.apply(message(log, rowsFor(log, [['3', 'main_frame', `${PAGE}next`, [['Content-Type', 'text/html']]]])));
    expect(store.visibleRows(DEFAULT_FILTER).map((row) => row.url)).toEqual([`${PAGE}next`]);
    expect(store.visibleRows(filter({ preserveLog: true }))).toHaveLength(3);
  });

  it('filters appended rows incrementally, by text, type and problems', () => {
    const log = new TabResponseLog('e1');
    const store = new RowStore();
    store.apply(message(log, rowsFor(log, [['1', 'main_frame', PAGE, [['Content-Type', 'text/html']]]]), 'devtools-snapshot'));
    const scripts = filter({ type: 'js' });
    expect(store.visibleRows(scripts)).toEqual([]);
    store.apply(message(log, rowsFor(log, [
      ['2', 'script', `${PAGE}a.js`, [['Content-Type', 'text/javascript']]],
      ['3', 'script', `${PAGE}b.js`, [['Content-Type', 'text/javascript'], ['X-Content-Type-Options', 'nosniff']]],
      ['4', 'image', `${PAGE}c.png`],
    ])));
    expect(store.visibleRows(scripts).map((row) => row.url)).toEqual([`${PAGE}a.js`, `${PAGE}b.js`]);
    expect(store.visibleRows(filter({ type: 'js', problemsOnly: true })).map((row) => row.url)).toEqual([`${PAGE}a.js`]);
    expect(store.visibleRows(filter({ text: 'nosniff -b.js' })).map((row) => row.url)).toEqual([PAGE, `${PAGE}a.js`]);
  });

  it('replaces a changed row, and starts over on a new epoch', () => {
    const log = new TabResponseLog('e1');
    const store = new RowStore();
    const [document] = rowsFor(log, [['1', 'main_frame', PAGE]]);
    if (document === undefined) throw new Error('no row');
    store.apply(message(log, [document], 'devtools-snapshot'));
    store.apply(message(log, [{ ...document, error: 'net::ERR_ABORTED' }]));
    expect(store.size).toBe(1);
    expect(store.byId(document.id)?.error).toBe('net::ERR_ABORTED');
    const fresh = new TabResponseLog('e2');
    store.apply(message(fresh, rowsFor(fresh, [['9', 'main_frame', `${PAGE}x`]])));
    expect(store.epoch).toBe('e2');
    expect(store.size).toBe(1);
  });

  it('hides cleared rows', () => {
    const log = new TabResponseLog('e1');
    const store = new RowStore();
    store.apply(message(log, rowsFor(log, [['1', 'main_frame', PAGE], ['2', 'image', `${PAGE}a.png`]]), 'devtools-snapshot'));
    const cleared = filter({ clearedThrough: store.lastId() });
    expect(store.visibleRows(cleared)).toEqual([]);
    store.apply(message(log, rowsFor(log, [['3', 'image', `${PAGE}b.png`]])));
    expect(store.visibleRows(cleared).map((row) => row.url)).toEqual([`${PAGE}b.png`]);
  });
});

describe('the text filter', () => {
  it('matches every term, and excludes -terms', () => {
    const log = new TabResponseLog('e1');
    const [row] = rowsFor(log, [['1', 'xmlhttprequest', 'https://api.example/v1/users', [['Access-Control-Allow-Origin', '*']]]]);
    if (row === undefined) throw new Error('no row');
    expect(matchesText(row, 'API users')).toBe(true);
    expect(matchesText(row, 'cors')).toBe(true);
    expect(matchesText(row, 'users -api.example')).toBe(false);
    expect(matchesText(row, ' - ')).toBe(true);
  });
});
