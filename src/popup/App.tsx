import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import browser from '../shared/browser-api';
import type { TabStateMessage } from '../shared/messages';
import { connectToTab, earlyConnection, resolveTabId, type TabConnection } from './connection';
import type { PageCapture } from '../core/capture';
import type { Report } from '../core/report';
import { CaptureSummary } from './components/CaptureSummary';
import { GradeCard } from './components/GradeCard';
import { Notice } from './components/Notice';
import { useSiteAccess } from './site-access';

type ViewState =
  | { kind: 'connecting' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; state: TabStateMessage };

export function App() {
  const [view, setView] = useState<ViewState>({ kind: 'connecting' });
  const connection = useRef<TabConnection | null>(null);

  // A layout effect, not a plain one: it runs as soon as the first render is in the DOM,
  // rather than after the browser painted it, so the worker is asked a frame earlier.
  useLayoutEffect(() => {
    let cancelled = false;
    void earlyConnection().then(async (early) => {
      const tabId = early?.tabId ?? (await resolveTabId(location.search));
      if (cancelled) return;
      if (tabId === null) {
        setView({ kind: 'error', message: 'There is no tab to audit in this window.' });
        return;
      }
      connection.current = connectToTab(
        tabId,
        (state) => setView({ kind: 'ready', state }),
        (message) => setView({ kind: 'error', message: `Tabgrade could not reach its background worker: ${message}` }),
        early,
      );
    });
    return () => {
      cancelled = true;
      connection.current?.close();
    };
  }, []);

  // Ask the worker for what it fetches on demand (the served HTML) once a document is there.
  const capture = view.kind === 'ready' ? view.state.capture : null;
  const needsCompletion = capture !== null && capture.document !== null && capture.html === null;
  const navigationId = capture?.navigationId;
  useEffect(() => {
    if (needsCompletion) connection.current?.requestCompletion();
  }, [needsCompletion, navigationId]);

  return (
    <main class="tabgrade">
      <header class="masthead">
        <img src="/icons/icon-32.png" alt="" width={20} height={20} />
        <h1>Tabgrade</h1>
      </header>
      {view.kind === 'connecting' && <Notice tone="info" title="Loading…" />}
      {view.kind === 'error' && <Notice tone="error" title="Something went wrong" body={view.message} />}
      {view.kind === 'ready' && <TabView state={view.state} onRequestCompletion={() => connection.current?.requestCompletion()} />}
      <footer class="footer">
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
      </footer>
    </main>
  );
}

function TabView({ state, onRequestCompletion }: { state: TabStateMessage; onRequestCompletion: () => void }) {
  const { access, request } = useSiteAccess();
  if (access === 'missing') {
    return (
      <Notice
        tone="warning"
        title="Tabgrade needs access to web sites"
        body="To read the headers and tags of the pages you audit, Tabgrade needs permission to access http and https sites. Nothing leaves your browser."
        testId="needs-access"
      >
        <button type="button" class="primary" onClick={request} data-testid="grant-access">
          Grant access
        </button>
      </Notice>
    );
  }
  if (!state.auditability.auditable) {
    return (
      <Notice tone="neutral" title="Tabgrade cannot audit this page" body={state.auditability.explanation} testId="not-auditable">
        {state.tabUrl !== null && <p class="url" data-testid="tab-url">{state.tabUrl}</p>}
      </Notice>
    );
  }
  const capture = state.capture;
  if (capture === null) {
    return (
      <Notice
        tone="info"
        title="No capture for this tab yet"
        body="This page was loaded before Tabgrade started watching it (for example, before the extension was installed or updated). Reload it to audit it."
        testId="no-capture"
      >
        <button type="button" class="primary" onClick={() => void browser.tabs.reload(state.tabId)}>
          Reload the page
        </button>
      </Notice>
    );
  }
  return (
    <div class="capture">
      <CaptureSummary capture={capture} enriching={state.enriching} />
      {capture.document !== null && state.report !== null && <GradeCard report={state.report} />}
      {state.report === null && state.reportError !== undefined && (
        <Notice
          tone="error"
          title="Tabgrade could not grade this page"
          body={`Its grading engine failed: ${state.reportError}. Reloading the extension (chrome://extensions or about:debugging) loads it again.`}
          testId="report-error"
        />
      )}
      {state.report !== null && <LazyDetails capture={capture} report={state.report} onRequestCompletion={onRequestCompletion} />}
    </div>
  );
}

/**
 * The details carry most of the popup's code (the findings engine, fix snippets, library
 * data). They load once the grade card is on screen, so that parsing them never delays it.
 */
type DetailsProps = { capture: PageCapture; report: Report; onRequestCompletion?: () => void };
type DetailsComponent = (props: DetailsProps) => preact.JSX.Element;
let detailsModule: Promise<DetailsComponent> | null = null;
/**
 * Asked for as soon as the popup's code runs (main.tsx), not once the grade is painted: the
 * browser serves an extension's files ~50 ms after they are asked for (Chromium trace of a
 * popup open), so the wait overlaps the worker's answer and the grade's frame. The grade
 * itself does not wait for this: the early script paints it (early-grade.ts).
 */
export function loadDetails(): Promise<DetailsComponent> {
  detailsModule ??= import('./components/Details').then((module) => module.Details);
  return detailsModule;
}

function LazyDetails(props: DetailsProps) {
  const [Details, setDetails] = useState<DetailsComponent | null>(null);
  useEffect(() => {
    let cancelled = false;
    void loadDetails().then((component) => {
      if (!cancelled) setDetails(() => component);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return Details === null ? <p class="muted loading-details">Loading details…</p> : <Details {...props} />;
}
