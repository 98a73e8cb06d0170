import { Component } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LogRow } from '../../core/response-log';
import { TYPE_LABELS } from '../../core/response-checks';
import { Badges } from './Badges';
import { CHANGE_MARKS } from './ChangeList';

/** Every row has the same height, so only the rows in view are rendered (a windowed list). */
export const ROW_HEIGHT = 24;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 12;

function statusText(row: LogRow): string {
  if (row.error !== undefined && row.statusCode === 0) return '(failed)';
  return `${row.statusCode}${row.redirectUrl !== undefined ? ' →' : ''}${row.fromCache ? ' (cache)' : ''}`;
}

/** The change marker: Δ for a row that changed since the previous load, + for a new request. */
function changeMarker(row: LogRow): { text: string; direction: string; title: string } | null {
  const comparison = row.comparison;
  if (comparison === null || comparison.status === 'unchanged') return null;
  if (comparison.status === 'new') return { text: '+', direction: 'neutral', title: 'Not requested in the previous load of this page' };
  const major = comparison.changes.filter((change) => !change.minor);
  const direction = major.some((change) => change.direction === 'worse') ? 'worse' : major.some((change) => change.direction === 'better') ? 'better' : 'neutral';
  return { text: 'Δ', direction, title: major.map((change) => `${change.text} ${CHANGE_MARKS[change.direction]}`).join('\n') };
}

interface RowProps {
  row: LogRow;
  index: number;
  selected: boolean;
  loadStart: boolean;
  onSelect(id: number): void;
}

/** One row; re-renders only when its own data, place or selection changes. */
class ResponseRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    const current = this.props;
    return next.row !== current.row || next.index !== current.index || next.selected !== current.selected || next.loadStart !== current.loadStart;
  }

  override render({ row, index, selected, loadStart, onSelect }: RowProps) {
    const marker = changeMarker(row);
    const classes = ['rt-row', row.problems > 0 ? 'has-problems' : '', row.error !== undefined ? 'failed' : '', selected ? 'selected' : '', loadStart ? 'load-start' : '', index % 2 === 1 ? 'odd' : ''];
    return (
      <div
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected}
        class={classes.filter((name) => name !== '').join(' ')}
        style={{ top: `${index * ROW_HEIGHT}px` }}
        data-testid="response-row"
        data-row-id={row.id}
        data-type={row.type}
        data-problems={row.problems}
        data-change={row.comparison?.status ?? 'none'}
        onClick={() => onSelect(row.id)}
      >
        <span role="gridcell" class={`rt-change change-${marker?.direction ?? 'none'}`} title={marker?.title} data-testid="row-change">
          {marker?.text ?? ''}
        </span>
        <span role="gridcell" class="rt-method">{row.method}</span>
        <span role="gridcell" class="rt-url" title={row.url} data-testid="row-url">{row.url}</span>
        <span role="gridcell" class="rt-status" title={row.error ?? row.statusLine} data-testid="row-status">{statusText(row)}</span>
        <span role="gridcell" class="rt-type" data-testid="row-type">{TYPE_LABELS[row.type] ?? row.type}</span>
        <span role="gridcell" class="rt-badges">
          {row.problems > 0 && <span class="problem-dot" title={`${row.problems} ${row.problems === 1 ? 'problem' : 'problems'}`} aria-label={`${row.problems} problems`}>{row.problems}</span>}
          <Badges badges={row.badges} />
        </span>
      </div>
    );
  }
}

interface TableProps {
  rows: readonly LogRow[];
  selectedId: number | null;
  onSelect(id: number | null): void;
}

/**
 * The response table. Only the rows in view (plus a margin) are in the DOM, each a
 * component that skips re-rendering when unchanged, so a thousand rows cost what forty do
 * and new rows streaming in touch only the rows in view.
 */
export function ResponseTable({ rows, selectedId, onSelect }: TableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  /** Follow new rows only when the user has scrolled to the end, like DevTools. */
  const following = useRef(false);
  const pendingScroll = useRef(false);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return undefined;
    setViewport(element.clientHeight);
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element !== null && following.current) element.scrollTop = element.scrollHeight;
  }, [rows.length]);

  const onScroll = () => {
    if (pendingScroll.current) return;
    pendingScroll.current = true;
    // One update per frame however many scroll events arrive.
    requestAnimationFrame(() => {
      pendingScroll.current = false;
      const element = scroller.current;
      if (element === null) return;
      setScrollTop(element.scrollTop);
      following.current = element.scrollHeight > element.clientHeight && element.scrollTop + element.clientHeight >= element.scrollHeight - ROW_HEIGHT;
    });
  };

  const select = (offset: number) => {
    if (rows.length === 0) return;
    const current = rows.findIndex((row) => row.id === selectedId);
    const next = Math.min(rows.length - 1, Math.max(0, current === -1 ? 0 : current + offset));
    const row = rows[next];
    if (row === undefined) return;
    onSelect(row.id);
    const element = scroller.current;
    if (element === null) return;
    const top = next * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const slice = rows.slice(first, last);

  return (
    <div
      class="response-table"
      role="grid"
      aria-label="Responses"
      aria-rowcount={rows.length + 1}
      data-testid="response-table"
      tabIndex={0}
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown') select(1);
        else if (event.key === 'ArrowUp') select(-1);
        else if (event.key === 'Escape') onSelect(null);
        else return;
        event.preventDefault();
      }}
    >
      <div class="rt-row rt-head" role="row" aria-rowindex={1}>
        <span role="columnheader" class="rt-change" title="Changed since the previous load">Δ</span>
        <span role="columnheader" class="rt-method">Method</span>
        <span role="columnheader" class="rt-url">URL</span>
        <span role="columnheader" class="rt-status">Status</span>
        <span role="columnheader" class="rt-type">Type</span>
        <span role="columnheader" class="rt-badges">Headers that matter</span>
      </div>
      <div class="rt-scroll" ref={scroller} onScroll={onScroll}>
        <div class="rt-body" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
          {slice.map((row, offset) => {
            const index = first + offset;
            const previous = index === 0 ? undefined : rows[index - 1];
            return (
              <ResponseRow
                key={row.id}
                row={row}
                index={index}
                selected={row.id === selectedId}
                loadStart={previous !== undefined && previous.loadId !== row.loadId}
                onSelect={onSelect}
              />
            );
          })}
        </div>
        {rows.length === 0 && <p class="empty rt-empty" data-testid="no-rows">No responses match. Reload the page to see its responses, or loosen the filter.</p>}
      </div>
    </div>
  );
}
