import { countChanges } from '../../core/reload-diff';
import type { LoadInfo, LogRow } from '../../core/response-log';
import { ChangeList } from './ChangeList';

/**
 * After a reload: how this load differs from the previous load of the same URL — the
 * document's changes spelled out, and how many other responses changed.
 */
export function ReloadSummary({ load, rows, onSelect }: { load: LoadInfo; rows: readonly LogRow[]; onSelect(id: number): void }) {
  if (load.previousLoadId === null) return null;
  const changed = rows.filter((row) => row.comparison?.status === 'changed');
  const document = rows.find((row) => row.type === 'main_frame' && row.redirectUrl === undefined);
  const all = changed.flatMap((row) => row.comparison?.changes ?? []);
  const counts = countChanges(all);
  const documentChanges = document?.comparison?.changes.filter((change) => !change.minor) ?? [];
  return (
    <section class="reload-summary" data-testid="reload-summary" data-changed={changed.length} aria-label="Changes since the previous load">
      <p>
        <strong>Reloaded.</strong>{' '}
        {changed.length === 0 ? (
          'Nothing that matters changed since the previous load of this page.'
        ) : (
          <>
            {changed.length} {changed.length === 1 ? 'response' : 'responses'} changed since the previous load
            {counts.better > 0 && <span class="change-better"> · {counts.better} better ✓</span>}
            {counts.worse > 0 && <span class="change-worse"> · {counts.worse} worse ✗</span>}
            {counts.neutral > 0 && <span class="muted"> · {counts.neutral} other</span>}
          </>
        )}
      </p>
      {document !== undefined && documentChanges.length > 0 && (
        <div class="document-changes">
          <button type="button" class="link" onClick={() => onSelect(document.id)}>Document:</button>
          <ChangeList changes={documentChanges} testId="document-changes" limit={6} />
        </div>
      )}
    </section>
  );
}
