import { useEffect, useRef, useState } from 'preact/hooks';
import { Notice } from '../popup/components/Notice';
import { panelTabId } from './panel-tab';
import { connectToLog } from './log-connection';
import { DEFAULT_FILTER, type RowFilter } from './row-filter';
import { RowStore } from './row-store';
import { ReloadSummary } from './components/ReloadSummary';
import { ResponseDetail } from './components/ResponseDetail';
import { ResponseTable } from './components/ResponseTable';
import { Toolbar } from './components/Toolbar';

/** Remembered per browser profile, like DevTools' own "Preserve log". */
const PRESERVE_KEY = 'tabgrade.devtools.preserveLog';
/** Worker messages come at most ten a second; rendering waits this long to merge a burst. */
const RENDER_DELAY_MS = 16;

type Status = { kind: 'connecting' } | { kind: 'ready' } | { kind: 'error'; message: string };

function readPreserve(): boolean {
  try {
    return localStorage.getItem(PRESERVE_KEY) === 'true';
  } catch {
    return false;
  }
}

/**
 * The Tabgrade DevTools panel: the inspected tab's responses as the worker captured them
 * (the same data the popup grades), with the headers that matter per type, problems
 * standing out, a filter, and what changed since the previous load of the same page.
 */
export function Panel() {
  /** Undefined while the tab is being looked up. */
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const store = useRef(new RowStore());
  const [, setVersion] = useState(0);
  const [status, setStatus] = useState<Status>({ kind: 'connecting' });
  const [filter, setFilter] = useState<RowFilter>(() => ({ ...DEFAULT_FILTER, preserveLog: readPreserve() }));
  const [selectedId, setSelectedId] = useState<number | null>(null);

  useEffect(() => {
    void panelTabId(location.search).then(setTabId, () => setTabId(null));
  }, []);

  useEffect(() => {
    if (tabId === null || tabId === undefined) return undefined;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const connection = connectToLog(
      tabId,
      (message) => {
        store.current.apply(message);
        if (timer === null) {
          timer = setTimeout(() => {
            timer = null;
            setStatus((current) => (current.kind === 'ready' ? current : { kind: 'ready' }));
            setVersion((version) => version + 1);
          }, RENDER_DELAY_MS);
        }
      },
      (message) => setStatus({ kind: 'error', message }),
    );
    return () => {
      if (timer !== null) clearTimeout(timer);
      connection.close();
    };
  }, [tabId]);

  const changeFilter = (next: RowFilter) => {
    if (next.preserveLog !== filter.preserveLog) {
      try {
        localStorage.setItem(PRESERVE_KEY, String(next.preserveLog));
      } catch {
        // Storage refused (a locked-down profile): the setting lasts for this panel only.
      }
    }
    setFilter(next);
  };

  if (tabId === undefined) return <main class="tabgrade devtools-panel" />;
  if (tabId === null) {
    return (
      <main class="tabgrade devtools-panel">
        <Notice tone="neutral" title="No tab to show" body="Open this panel from the DevTools of a tab, or add ?tab=<id> to its address." testId="no-tab" />
      </main>
    );
  }

  const rows = store.current.visibleRows(filter);
  const current = store.current.currentLoad;
  const problems = countProblems(rows);
  const selected = selectedId === null ? null : store.current.byId(selectedId);
  const currentRows = current === null ? [] : store.current.rowsOfLoad(current.loadId);

  return (
    <main class={`tabgrade devtools-panel${selected !== null ? ' with-detail' : ''}`} data-testid="devtools-panel" data-status={status.kind}>
      <Toolbar
        filter={filter}
        onChange={changeFilter}
        onClear={() => {
          changeFilter({ ...filter, clearedThrough: store.current.lastId() });
          setSelectedId(null);
        }}
        shown={rows.length}
        problems={problems}
        dropped={store.current.dropped}
      />
      {status.kind === 'error' && <Notice tone="error" title="Tabgrade could not reach its background worker" body={status.message} />}
      {current !== null && store.current.seededLoadId === current.loadId && (
        <p class="note seeded" data-testid="seeded-note">
          The background worker was restarted, so this list was rebuilt from the saved capture: the document and up to 200 sub-resources, without request headers. Reload the page for the full list.
        </p>
      )}
      {current !== null && <ReloadSummary load={current} rows={currentRows} onSelect={setSelectedId} />}
      <div class="panel-body">
        <ResponseTable rows={rows} selectedId={selected === null ? null : selected.id} onSelect={setSelectedId} />
        {selected !== null && <ResponseDetail row={selected} tabId={tabId} onClose={() => setSelectedId(null)} />}
      </div>
    </main>
  );
}

/** Rows with at least one problem; counted per render over the filtered rows (a plain loop, well under a millisecond for 2,000). */
function countProblems(rows: readonly { problems: number }[]): number {
  let count = 0;
  for (const row of rows) if (row.problems > 0) count++;
  return count;
}

