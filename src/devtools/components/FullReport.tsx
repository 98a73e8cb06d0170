import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageCapture } from '../../core/capture';
import type { Report } from '../../core/report';
import type { TabStateMessage } from '../../shared/messages';
import { connectToTab, type TabConnection } from '../../popup/connection';
import { GradeCard } from '../../popup/components/GradeCard';

type DetailsComponent = (props: { capture: PageCapture; report: Report }) => preact.JSX.Element;
let detailsModule: Promise<DetailsComponent> | null = null;

/**
 * The popup's full report of the page, for a document row: the same worker state (the
 * popup's port), the same components. Shown only when the row is the document the tab
 * shows now: an earlier load's capture is gone once the tab navigates.
 */
export function FullReport({ tabId, requestId }: { tabId: number; requestId: string }) {
  const [state, setState] = useState<TabStateMessage | null>(null);
  const [Details, setDetails] = useState<DetailsComponent | null>(null);
  const connection = useRef<TabConnection | null>(null);

  useEffect(() => {
    connection.current = connectToTab(tabId, setState, () => undefined);
    detailsModule ??= import('../../popup/components/Details').then((module) => module.Details);
    let cancelled = false;
    void detailsModule.then((component) => {
      if (!cancelled) setDetails(() => component);
    });
    return () => {
      cancelled = true;
      connection.current?.close();
    };
  }, [tabId]);

  const capture = state?.capture ?? null;
  const current = capture !== null && capture.navigationId.startsWith(`${requestId}@`);
  // Like the popup: ask for what the worker fetches on demand (served HTML, probes) once.
  const needsCompletion = current && capture.document !== null && capture.html === null;
  useEffect(() => {
    if (needsCompletion) connection.current?.requestCompletion();
  }, [needsCompletion, capture?.navigationId]);

  if (state === null) return <p class="muted">Loading the full report…</p>;
  const report = state.report;
  if (capture === null || !current || report === null) {
    return <p class="muted" data-testid="report-not-current">The full report covers the page the tab shows now; this row is from an earlier load.</p>;
  }
  return (
    <div class="full-report" data-testid="full-report">
      {capture.document !== null && <GradeCard report={report} />}
      {Details === null ? <p class="muted">Loading details…</p> : <Details capture={capture} report={report} />}
    </div>
  );
}
