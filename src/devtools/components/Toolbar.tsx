import { TYPE_FILTERS, type RowFilter } from '../row-filter';

interface ToolbarProps {
  filter: RowFilter;
  onChange(filter: RowFilter): void;
  onClear(): void;
  shown: number;
  problems: number;
  dropped: number;
}

/** Filter box, type buttons, "Problems only", "Preserve log", "Clear" and the row count. */
export function Toolbar({ filter, onChange, onClear, shown, problems, dropped }: ToolbarProps) {
  return (
    <div class="panel-toolbar" role="toolbar" aria-label="Filter responses">
      <input
        type="search"
        class="filter"
        placeholder="Filter (URL, status, header badge, finding; -word excludes)"
        aria-label="Filter responses"
        data-testid="panel-filter"
        value={filter.text}
        onInput={(event) => onChange({ ...filter, text: (event.currentTarget as HTMLInputElement).value })}
      />
      <span class="type-filters" role="group" aria-label="Resource type">
        {TYPE_FILTERS.map((type) => (
          <button
            key={type.id}
            type="button"
            class={filter.type === type.id ? 'type-filter active' : 'type-filter'}
            aria-pressed={filter.type === type.id}
            data-testid={`type-filter-${type.id}`}
            onClick={() => onChange({ ...filter, type: type.id })}
          >
            {type.label}
          </button>
        ))}
      </span>
      <label class="check">
        <input type="checkbox" data-testid="problems-only" checked={filter.problemsOnly} onChange={(event) => onChange({ ...filter, problemsOnly: (event.currentTarget as HTMLInputElement).checked })} />
        Problems only
      </label>
      <label class="check">
        <input type="checkbox" data-testid="preserve-log" checked={filter.preserveLog} onChange={(event) => onChange({ ...filter, preserveLog: (event.currentTarget as HTMLInputElement).checked })} />
        Preserve log
      </label>
      <button type="button" data-testid="clear-log" onClick={onClear} title="Hide the rows so far (the worker keeps them)">
        Clear
      </button>
      <span class="row-count" data-testid="row-count" data-count={shown} data-problems={problems} aria-live="polite">
        {shown.toLocaleString('en')} {shown === 1 ? 'response' : 'responses'}
        {problems > 0 && <span class="problem-count"> · {problems.toLocaleString('en')} with problems</span>}
        {dropped > 0 && <span class="muted"> · {dropped.toLocaleString('en')} older dropped</span>}
      </span>
    </div>
  );
}
