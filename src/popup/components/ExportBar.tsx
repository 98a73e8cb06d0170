import { useState } from 'preact/hooks';
import type { PageCapture } from '../../core/capture';
import { exportFile, type ExportKind } from '../../core/exports';
import type { Report } from '../../core/report';
import { copyText, downloadText } from '../clipboard';

const KINDS: ReadonlyArray<{ kind: ExportKind; label: string }> = [
  { kind: 'markdown', label: 'Markdown checklist' },
  { kind: 'json', label: 'JSON report' },
  { kind: 'sarif', label: 'SARIF (code scanning)' },
  { kind: 'har', label: 'HAR' },
];

/** Exports of the report and the captured exchange: copy or download, secrets left out by default. */
export function ExportBar({ capture, report, version }: { capture: PageCapture; report: Report; version: string }) {
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [status, setStatus] = useState('');
  const make = (kind: ExportKind) => exportFile(kind, capture, report, { includeSecrets, tabgradeVersion: version });
  return (
    <section class="panel export" aria-label="Export" data-testid="export">
      <h2>Export</h2>
      <div class="export-rows">
        {KINDS.map(({ kind, label }) => (
          <div class="export-row" key={kind}>
            <span>{label}</span>
            <button
              type="button"
              data-testid={`copy-${kind}`}
              onClick={() => void copyText(make(kind).text).then((ok) => setStatus(ok ? `${label} copied.` : 'The clipboard refused; use Download.'))}
            >
              Copy
            </button>
            <button
              type="button"
              data-testid={`download-${kind}`}
              onClick={() => {
                const file = make(kind);
                downloadText(file.filename, file.mimeType, file.text);
                setStatus(`Saved ${file.filename}.`);
              }}
            >
              Download
            </button>
          </div>
        ))}
      </div>
      <label class="secrets">
        <input type="checkbox" checked={includeSecrets} onChange={() => setIncludeSecrets(!includeSecrets)} data-testid="include-secrets" /> Include
        secrets (cookie values, Authorization headers)
      </label>
      <p role="status" class="muted" data-testid="export-status">{status}</p>
    </section>
  );
}
