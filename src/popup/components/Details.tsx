import { useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { PageCapture } from '../../core/capture';
import type { Stack } from '../../core/findings';
import { withChosenStack, type Report } from '../../core/report';
import { ExportBar } from './ExportBar';
import { FindingsView } from './FindingsView';
import { TestsList } from './TestsList';
import { HeadersTable } from './HeadersTable';
import { HistoryLine } from './HistoryLine';
import { PageSection } from './PageSection';
import { BuilderSection } from './BuilderSection';
import { RedirectChain } from './RedirectChain';
import { StackPicker } from './StackPicker';
import { TagsTable } from './TagsTable';
import { TlsSection } from './TlsSection';

const VERSION = browser.runtime.getManifest().version;

/**
 * Everything below the grade card: the Observatory tests with fixes, Tabgrade's own findings
 * grouped the way people fix them, the page's resources, the connection, exports and the raw
 * capture. Loaded after the card is on screen (it carries most of the popup's code). Every
 * value comes from core; this view only arranges it.
 */
export function Details({ capture, report }: { capture: PageCapture; report: Report }) {
  const document = capture.document;
  const grade = report.observatory;
  const findings = report.findings;
  const detection = report.stack.detection;
  const withheld = useMemo(() => new Set<string>(report.arithmetic.withheldTests), [report]);
  const [chosenStack, setChosenStack] = useState<Stack | null>(null);
  const stack = chosenStack ?? detection.stacks[0] ?? null;
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
          <StackPicker detection={detection} stack={stack} onChange={setChosenStack} />
        </div>
      )}
      {document !== null && <TestsList grade={grade} stack={stack} filter={filter} withheld={withheld} explanation={report.arithmetic.explanation} />}
      {graded && <HistoryLine report={report} navigationId={capture.navigationId} />}
      {document !== null && <FindingsView findings={findings} stack={stack} filter={filter} />}
      {document !== null && <PageSection capture={capture} />}
      {document !== null && <BuilderSection capture={capture} stack={stack} />}
      <TlsSection capture={capture} now={Date.now()} />
      {graded && <ExportBar capture={capture} report={withChosenStack(report, chosenStack)} version={VERSION} />}
      <RedirectChain capture={capture} />
      {document !== null && <HeadersTable headers={document.headers} filter={filter} />}
      <TagsTable capture={capture} />
    </div>
  );
}
