import type { LogRow } from '../../core/response-log';
import { TYPE_LABELS } from '../../core/response-checks';
import { CopyButton } from '../../popup/components/CopyButton';
import { HeadersTable } from '../../popup/components/HeadersTable';
import { responseAsText } from '../response-text';
import { ChangeList } from './ChangeList';
import { FullReport } from './FullReport';
import { ResponseFindings } from './ResponseFindings';

interface DetailProps {
  row: LogRow;
  tabId: number;
  onClose(): void;
}

/** Everything about one response: headers verbatim, its findings, what changed, and for the document the full report. */
export function ResponseDetail({ row, tabId, onClose }: DetailProps) {
  const comparison = row.comparison;
  return (
    <section class="response-detail" aria-label="Response details" data-testid="response-detail" data-row-id={row.id}>
      <header class="detail-head">
        <div class="detail-title">
          <p class="url" data-testid="detail-url">
            <span class="rt-method">{row.method}</span> {row.url}
          </p>
          <p class="meta">
            {row.statusCode === 0 ? (
              <span class="status status-5xx">failed</span>
            ) : (
              <span class={`status status-${Math.floor(row.statusCode / 100)}xx`} data-testid="detail-status">{row.statusCode}</span>
            )}
            {row.statusLine !== '' && <span>{row.statusLine}</span>}
            {row.error !== undefined && <span class="error-text">{row.error}</span>}
            <span class="badge">{TYPE_LABELS[row.type] ?? row.type}</span>
            {row.fromCache && <span class="badge">from cache</span>}
            {row.ip !== undefined && <span class="muted">{row.ip}</span>}
            {row.redirectUrl !== undefined && <span class="muted">→ {row.redirectUrl}</span>}
          </p>
        </div>
        <div class="detail-actions">
          <CopyButton text={responseAsText(row)} label="Copy" testId="copy-response" />
          <button type="button" class="close" aria-label="Close details" data-testid="close-detail" onClick={onClose}>×</button>
        </div>
      </header>

      {comparison !== null && comparison.status !== 'new' && comparison.changes.length > 0 && (
        <section class="panel" aria-label="Changes since the previous load" data-testid="detail-changes">
          <h2>Since the previous load</h2>
          <ChangeList changes={comparison.changes} />
        </section>
      )}
      {comparison?.status === 'new' && <p class="muted" data-testid="detail-new">Not requested in the previous load of this page.</p>}

      <section class="panel" aria-label="Findings for this response">
        <h2>Findings <span class="count">{row.findings.length}</span></h2>
        <ResponseFindings findings={row.findings} />
      </section>

      <div data-testid="detail-response-headers">
        <HeadersTable headers={row.headers} caption="Response headers" />
        {row.detail === 'basic' && (
          <p class="muted note">Chrome hides a sub-resource’s Set-Cookie from extensions unless asked; Tabgrade asks while this panel is open, and this response arrived before it was.</p>
        )}
      </div>
      <div data-testid="detail-request-headers">
        {row.requestHeaders === null ? (
          <p class="muted note">Request headers are recorded while the Tabgrade panel is open; reload the page to see them.</p>
        ) : (
          <HeadersTable headers={row.requestHeaders} caption="Request headers (Cookie and Authorization values redacted)" />
        )}
      </div>

      {row.type === 'main_frame' && row.redirectUrl === undefined && row.statusCode !== 0 && (
        <section class="report-section" aria-label="Full report of the page">
          <h2>Full report of the page</h2>
          <FullReport tabId={tabId} requestId={row.requestId} />
        </section>
      )}
    </section>
  );
}
