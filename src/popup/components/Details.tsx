import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from '../../shared/browser-api';
import type { PageCapture } from '../../core/capture';
import { originOf } from '../../core/page-tags';
import type { Report } from '../../core/report';
import { withLayerChoice } from '../../core/report-layers';
import type { LayerChoice } from '../../core/stack-layers';
import { loadStackChoice, saveStackChoice } from '../../shared/stack-choice-store';
import { DebugProbeToggle } from './DebugProbeToggle';
import { DeployChecklistView } from './DeployChecklistView';
import { FindingsView } from './FindingsView';
import { TestsList } from './TestsList';
import { HeadersTable } from './HeadersTable';
import { HistoryLine } from './HistoryLine';
import { LazySection } from './LazySections';
import { RedirectChain } from './RedirectChain';
import { StackPicker } from './StackPicker';
import { TagsTable } from './TagsTable';
import { TlsSection } from './TlsSection';
import { DnsSection } from './DnsSection';
import { DETAILS_SHOWN_MARK, usePaintMark } from '../paint-marks';

const VERSION = browser.runtime.getManifest().version;

/**
 * Everything below the grade card: the Observatory tests with fixes, Tabgrade's own findings
 * grouped the way people fix them, the page's resources, the connection, exports and the raw
 * capture. Loaded after the card is on screen (it carries most of the popup's code). Every
 * value comes from core; this view only arranges it.
 */
export function Details({ capture, report, onRequestCompletion }: { capture: PageCapture; report: Report; onRequestCompletion?: () => void }) {
  const document = capture.document;
  const grade = report.observatory;
  const findings = report.findings;
  const detection = report.stack.detection;
  const withheld = useMemo(() => new Set<string>(report.arithmetic.withheldTests), [report]);
  const origin = originOf(report.url);
  usePaintMark(DETAILS_SHOWN_MARK, true);
  const [choice, setChoice] = useState<LayerChoice>({});
  // The layers the user corrected on an earlier visit to this site.
  useEffect(() => {
    if (origin !== null) void loadStackChoice(origin).then(setChoice, () => undefined);
  }, [origin]);
  const chooseLayers = (next: LayerChoice) => {
    setChoice(next);
    if (origin !== null) void saveStackChoice(origin, next).catch(() => undefined);
  };
  const shown = withLayerChoice(report, choice);
  const stacks = shown.stack.stacks;
  // The CSP builder writes one snippet: for the layer that sets headers at the source.
  const stack = stacks[0] ?? null;
  const [filter, setFilter] = useState('');
  const graded = document !== null && (grade.status === undefined || grade.status === 'graded' || grade.status === 'partial');

  return (
    <div class="details" data-navigation={capture.navigationId}>
      {document !== null && (
        <div class="toolbar" role="search">
          <input
            type="search"
            class="filter"
            placeholder="Filter results, findings and headers"
            aria-label="Filter results, findings and headers"
            data-testid="filter"
            value={filter}
            onInput={(event) => setFilter((event.currentTarget as HTMLInputElement).value)}
          />
          <StackPicker detection={detection} layers={shown.stack.layers} onChange={chooseLayers} />
        </div>
      )}
      {document !== null && <TestsList grade={grade} stacks={stacks} filter={filter} withheld={withheld} explanation={report.arithmetic.explanation} />}
      {graded && <HistoryLine report={report} navigationId={capture.navigationId} />}
      {document !== null && <FindingsView findings={findings} stacks={stacks} filter={filter} />}
      {shown.deployChecklist !== null && <DeployChecklistView checklist={shown.deployChecklist} />}
      {document !== null && origin !== null && (
        <section class="panel" aria-label="Debug error pages">
          <DebugProbeToggle origin={origin} onChange={() => onRequestCompletion?.()} />
        </section>
      )}
      {document !== null && <LazySection label="the page inspection" render={({ PageSection }) => <PageSection capture={capture} />} />}
      {document !== null && <LazySection label="the CSP builder" render={({ BuilderSection }) => <BuilderSection capture={capture} stack={stack} />} />}
      <TlsSection capture={capture} now={Date.now()} />
      {shown.dns !== undefined && <DnsSection dns={shown.dns} />}
      {graded && <LazySection label="the exports" render={({ ExportBar }) => <ExportBar capture={capture} report={shown} version={VERSION} />} />}
      <RedirectChain capture={capture} />
      {document !== null && <HeadersTable headers={document.headers} filter={filter} />}
      <TagsTable capture={capture} />
    </div>
  );
}
