/**
 * The "Page" section: what Tabgrade sees in the page's own content, beside the header
 * checks. An SRI table (every script and stylesheet, its origin, integrity status and
 * crossorigin, with an on-demand "Verify hashes"), and a libraries table (name, version,
 * where it came from, worst severity, CVEs). The findings built from the same rows appear
 * with Tabgrade's other findings (FindingsView). Everything here is computed by core; every
 * string from the page (URLs, attribute values, versions, global names) is rendered as text.
 */
import { useMemo, useState } from 'preact/hooks';
import browser from '../../shared/browser-api';
import type { PageCapture, SriVerification, SriVerificationResult } from '../../core/capture';
import { sriRows, type SriProblem, type SriRow } from '../../core/checks/tabgrade/sri-resources';
import type { Severity } from '../../core/findings';
import { librarySeverity } from '../../core/libraries/assess';
import { advisoryLink } from '../../core/libraries/advisory-links';
import { LIBRARY_DATA_INFO } from '../../core/libraries/data';
import { libraryInventory, type LibraryRow, type LibrarySource } from '../../core/libraries/inventory';
import { isVerifySriReply, type VerifySriMessage } from '../../shared/messages';
import { PAGE_SECTION_CSS } from './page-section-styles';

/** Rows rendered per table; the rest are counted (the findings still cover them). */
const MAX_ROWS = 200;
const MAX_CVES_SHOWN = 6;

const PROBLEM_WORDS: Record<SriProblem, string> = {
  'missing-integrity': 'no integrity',
  'malformed-integrity': 'malformed integrity',
  'non-standard-prefix': 'Chromium-only prefix',
  'sha256-only': 'SHA-256 only',
  'missing-crossorigin': 'no crossorigin',
  'cors-not-allowed': 'CORS refused',
  'mixed-content': 'mixed content (http:)',
};

function integrityText(row: SriRow): string {
  switch (row.status) {
    case 'same-origin':
      return 'not needed (same origin)';
    case 'protected':
      return `protected (${row.metadata?.strongest ?? 'hash'})`;
    case 'missing':
      return 'missing';
    case 'malformed':
      return row.metadata?.effect === 'unchecked' ? 'malformed: not checked' : 'malformed';
    case 'blocked':
      return 'blocked by the browser';
  }
}

function attributeText(value: string | null): string {
  if (value === null) return '—';
  return value === '' ? '(empty)' : value;
}

function verificationText(result: SriVerificationResult | undefined, running: boolean): string {
  if (result === undefined) return running ? '…' : '—';
  switch (result.status) {
    case 'match':
      return `matches (${result.algorithm ?? ''})`;
    case 'mismatch':
      return `MISMATCH (${result.algorithm ?? ''})`;
    case 'no-usable-hash':
      return 'no usable hash';
    case 'computed':
      return 'hash computed';
    case 'fetch-failed':
      return `not fetched: ${result.error ?? 'error'}`;
  }
}

export function PageSection({ capture }: { capture: PageCapture }) {
  const rows = useMemo(() => sriRows(capture), [capture]);
  const libraries = useMemo(() => libraryInventory(capture), [capture]);
  return (
    <section class="panel page-section" aria-label="Page" data-testid="page-section">
      <style>{PAGE_SECTION_CSS}</style>
      <h2>
        Page <span class="count">scripts, stylesheets and libraries · Tabgrade’s own findings, not part of the grade</span>
      </h2>
      <p class="muted">The problems found here are listed with Tabgrade’s other findings, under “Page content”.</p>
      <SriTable capture={capture} rows={rows} />
      <LibrariesTable capture={capture} rows={libraries} />
    </section>
  );
}

function VerifyButton({ capture, verification }: { capture: PageCapture; verification: SriVerification | undefined }) {
  const [error, setError] = useState<string | null>(null);
  const running = verification?.state === 'running';
  const tabId = capture.tabId;
  const start = (): void => {
    if (tabId === null) return;
    setError(null);
    const message: VerifySriMessage = { type: 'verify-sri', tabId };
    browser.runtime.sendMessage(message).then(
      (reply: unknown) => {
        if (!isVerifySriReply(reply)) setError('the extension did not answer');
        else if (!reply.started) setError(reply.error);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };
  const results = verification?.results ?? [];
  const mismatches = results.filter((result) => result.status === 'mismatch').length;
  const matches = results.filter((result) => result.status === 'match').length;
  return (
    <p class="meta">
      <button type="button" data-testid="sri-verify" disabled={tabId === null || running} onClick={start}
        title="Fetch each script and stylesheet and compare it with its integrity hash (no cookies are sent)">
        {running ? 'Verifying…' : 'Verify hashes'}
      </button>
      {verification?.state === 'done' && (
        <span data-testid="sri-verify-summary">
          {results.length} file{results.length === 1 ? '' : 's'} fetched: {matches} match, {mismatches} mismatch
          {verification.skipped > 0 ? `, ${verification.skipped} not fetched (limit)` : ''}
        </span>
      )}
      {error !== null && <span class="page-bad" data-testid="sri-verify-error">{error}</span>}
    </p>
  );
}

function SriTable({ capture, rows }: { capture: PageCapture; rows: SriRow[] }) {
  const verification = capture.sriVerification;
  const byUrl = useMemo(() => new Map((verification?.results ?? []).map((result) => [result.url, result])), [verification]);
  if (capture.dom === null) return <p class="empty">Waiting for the page’s content…</p>;
  // Problems first, so a page with thousands of tags still shows what matters.
  const ordered = [...rows].sort((a, b) => Number(a.problems.length === 0) - Number(b.problems.length === 0));
  const shown = ordered.slice(0, MAX_ROWS);
  return (
    <div class="page-block">
      <h3>
        Subresource Integrity <span class="count" data-testid="sri-count">{rows.length}</span>
      </h3>
      {rows.length === 0 ? (
        <p class="empty">No external scripts or stylesheets.</p>
      ) : (
        <>
          <VerifyButton capture={capture} verification={verification} />
          {rows.length > shown.length && <p class="muted">Showing {shown.length} of {rows.length} (those with problems first).</p>}
          <table class="page-table" data-testid="sri-table">
            <thead>
              <tr>
                <th scope="col">Resource</th>
                <th scope="col">Origin</th>
                <th scope="col">Integrity</th>
                <th scope="col">crossorigin</th>
                <th scope="col">Verified</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row, index) => {
                const result = byUrl.get(row.url);
                return (
                  <tr key={index} data-testid="sri-row" data-url={row.url} data-status={row.status} data-problems={row.problems.join(' ')}
                    data-added={row.addedAfterLoad ? 'added-after-load' : 'parser'}>
                    <td class="tag-url">
                      <span class="tag-kind">{row.element}</span> {row.url}
                      {row.addedAfterLoad && <span class="badge">added after load</span>}
                      {row.problems.length > 0 && (
                        <div class="problems">{row.problems.map((problem) => PROBLEM_WORDS[problem]).join(' · ')}</div>
                      )}
                    </td>
                    <td>{row.sameOrigin ? 'same-origin' : (row.resourceOrigin ?? 'unknown')}</td>
                    <td data-testid="sri-integrity-status" class={`sri-${row.status}`}>
                      {integrityText(row)}
                      {row.integrity !== null && <div class="mono muted">{attributeText(row.integrity)}</div>}
                    </td>
                    <td class="mono">{attributeText(row.crossorigin)}</td>
                    <td data-testid="sri-verified" data-verification={result?.status ?? ''} class={result?.status === 'mismatch' ? 'page-bad' : ''}>
                      {verificationText(result, verification?.state === 'running')}
                      {result !== undefined && result.suggested !== null && result.status !== 'match' && (
                        <div class="mono muted" data-testid="sri-suggested">{result.suggested}</div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

function sourceText(source: LibrarySource): string {
  if (source.kind === 'runtime') return `runtime: ${source.via}`;
  return `${source.party === 'first' ? 'first-party file' : `third-party: ${source.host}`}${source.addedAfterLoad ? ' (added after load)' : ''}`;
}

function statusText(row: LibraryRow): string {
  const assessment = row.assessment;
  if (assessment === null) return 'not a version';
  switch (assessment.status) {
    case 'vulnerable':
      return assessment.upgradeTarget !== null ? `vulnerable → ${assessment.upgradeTarget}` : 'vulnerable, no fixed release — migrate';
    case 'end-of-life':
      return 'end of life';
    case 'outdated':
      return `outdated (latest ${assessment.latest ?? '?'})`;
    case 'ok':
      return 'no known vulnerability';
  }
}

/** The severity of the row's finding, as core decides it. */
function rowSeverity(row: LibraryRow): Severity | null {
  return row.assessment === null ? null : librarySeverity(row.assessment);
}

function Cves({ row }: { row: LibraryRow }) {
  const ids = (row.assessment?.vulnerabilities ?? []).flatMap((vulnerability) => vulnerability.ids.slice(0, 1));
  const unique = [...new Set(ids)];
  if (unique.length === 0) return <span class="muted">{row.assessment?.vulnerabilities.length ? `${row.assessment.vulnerabilities.length} without id` : '—'}</span>;
  return (
    <>
      {unique.slice(0, MAX_CVES_SHOWN).map((id) => {
        const link = advisoryLink(id);
        return (
          <span key={id} class="cve">
            {link !== null ? <a href={link} target="_blank" rel="noopener noreferrer">{id}</a> : id}{' '}
          </span>
        );
      })}
      {unique.length > MAX_CVES_SHOWN && <span class="muted">+{unique.length - MAX_CVES_SHOWN} more</span>}
    </>
  );
}

function LibrariesTable({ capture, rows }: { capture: PageCapture; rows: LibraryRow[] }) {
  const runtime = capture.runtimeLibraries;
  return (
    <div class="page-block">
      <h3>
        Libraries <span class="count" data-testid="library-count">{rows.length}</span>
      </h3>
      <p class="muted" data-testid="library-data-date">
        Known vulnerabilities from the {LIBRARY_DATA_INFO.name} ({LIBRARY_DATA_INFO.licence}) as of {LIBRARY_DATA_INFO.dataDate}; latest releases
        as of {LIBRARY_DATA_INFO.releasesDate}.
        {runtime === undefined ? ' The page’s globals have not been read yet.' : runtime.error !== null ? ` The page’s globals could not be read: ${runtime.error}.` : ''}
      </p>
      {rows.length === 0 ? (
        <p class="empty" data-testid="library-none">No known library found by script URL or in the page’s globals.</p>
      ) : (
        <table class="page-table" data-testid="library-table">
          <thead>
            <tr>
              <th scope="col">Library</th>
              <th scope="col">Version</th>
              <th scope="col">Source</th>
              <th scope="col">Worst severity</th>
              <th scope="col">CVEs</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_ROWS).map((row) => (
              <tr key={`${row.component}@${row.version}`} data-testid="library-row" data-component={row.component} data-version={row.version}
                data-status={row.assessment?.status ?? 'unrecognised'} data-severity={row.assessment?.worstSeverity ?? ''} data-party={row.party}>
                <td>
                  {row.name}
                  <div class="muted" data-testid="library-status">{statusText(row)}</div>
                </td>
                <td class="mono" data-testid="library-version">{row.version}</td>
                <td data-testid="library-source">
                  {row.sources.map((source, index) => (
                    <div key={index} class="source" title={source.kind === 'file' ? source.url : source.via}>{sourceText(source)}</div>
                  ))}
                </td>
                <td data-testid="library-severity">
                  {rowSeverity(row) !== null ? (
                    <span class={`severity severity-${rowSeverity(row) ?? 'info'}`}>{rowSeverity(row)}</span>
                  ) : (
                    <span class="muted">—</span>
                  )}
                </td>
                <td data-testid="library-cves"><Cves row={row} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
