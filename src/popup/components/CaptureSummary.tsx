import type { PageCapture } from '../../core/capture';
import { Notice } from './Notice';

/** What the tab shows: final URL, status and state, and any failure. Shown at once. */
export function CaptureSummary({ capture, enriching }: { capture: PageCapture; enriching: boolean }) {
  const document = capture.document;
  return (
    <>
      <section class="summary" aria-label="Document">
        <p class="url" data-testid="final-url" title={capture.url}>{capture.url}</p>
        <p class="meta">
          {document !== null ? (
            <span data-testid="status" class={`status status-${Math.floor(document.statusCode / 100)}xx`}>
              {document.statusCode}
            </span>
          ) : null}
          {document !== null && document.statusLine !== '' && <span class="status-line">{document.statusLine}</span>}
          <span class={`state state-${capture.state}`} data-testid="capture-state">
            {capture.state === 'loading' ? 'still loading' : capture.state === 'error' ? 'failed' : 'loaded'}
          </span>
          {document?.fromCache === true && <span class="badge">from cache</span>}
          {enriching && <span class="badge" data-testid="enriching">checking…</span>}
          {capture.html !== null && (
            <span class="badge" data-testid="html-source" title="The HTML the Observatory-style checks read">
              {capture.html.source === 'served' ? 'HTML as served' : 'HTML from the live page'}
              {capture.html.truncated ? ' (truncated)' : ''}
            </span>
          )}
        </p>
      </section>
      {capture.error !== null && (
        <Notice tone="error" title="The page failed to load" body={capture.error} testId="navigation-error" />
      )}
      {document === null && capture.error === null && (
        <Notice tone="info" title="Waiting for the server’s response…" testId="waiting" />
      )}
    </>
  );
}
