/**
 * One drafted policy: the report-only header to copy, how the Observatory and CSP Evaluator
 * would judge it once enforced, why each source is there, and which of this page's
 * requests it would block. Everything comes from core's `buildCspReport`; strings from the
 * page (URLs, element ids, code previews) are rendered as text.
 */
import type { DraftReport } from '../../core/csp-builder';
import { headerName } from '../../core/csp-builder';
import { CopyButton } from './CopyButton';

const TITLES: Record<DraftReport['policy']['variant'], { title: string; summary: string }> = {
  strict: {
    title: 'Strict: scripts by nonce and hash',
    summary: 'Trusts scripts by a per-response nonce and the hashes of this page’s inline scripts, not by host: the robust defence against XSS (nothing to keep up to date as scripts load others).',
  },
  'allow-list': {
    title: 'Allow-list: the origins this page uses',
    summary: 'default-src \'self\' plus exactly the origins seen, per directive, and hashes of the inline scripts and styles. Works without server-side changes; keep it up to date when you add a host.',
  },
};

export function DraftCard({ report }: { report: DraftReport }) {
  const { policy, evaluation, blocked } = report;
  const header = `${headerName('report-only')}: ${policy.text}`;
  const observatory = evaluation.observatory;
  const needsNonce = blocked.filter((entry) => entry.reason === 'needs-nonce');
  const notAllowed = blocked.filter((entry) => entry.reason === 'not-allowed');
  return (
    <div class="builder-block" data-testid="builder-variant" data-variant={policy.variant}>
      <h3>{TITLES[policy.variant].title}</h3>
      <p class="muted">{TITLES[policy.variant].summary}</p>
      <div class="code-block">
        <pre class="builder-policy"><code data-testid="builder-header">{header}</code></pre>
        <CopyButton text={header} testId="builder-copy-header" />
      </div>
      <p data-testid="builder-observatory" data-result={observatory.result}>
        <strong>Observatory, once enforced:</strong> <code>{observatory.result}</code>{' '}
        <span class={observatory.scoreModifier < 0 ? 'builder-bad' : 'builder-good'}>
          ({observatory.scoreModifier > 0 ? '+' : ''}{observatory.scoreModifier})
        </span>
      </p>
      <div data-testid="builder-evaluator">
        <strong>CSP Evaluator:</strong>{' '}
        {evaluation.evaluator.length === 0 ? (
          <span class="builder-good">no findings</span>
        ) : (
          <ul class="builder-list">
            {evaluation.evaluator.map((finding, index) => (
              <li key={`${finding.id}-${index}`} data-testid="builder-evaluator-finding" data-finding={finding.id}>
                <span class={`severity severity-${finding.severity}`}>{finding.severity}</span> {finding.title}
                {Array.isArray(finding.data?.values) && finding.data.values.length > 0 && (
                  <span class="muted"> — {(finding.data.values as unknown[]).filter((value): value is string => typeof value === 'string').join(', ')}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div data-testid="builder-blocked" data-count={blocked.length}>
        <strong>On this page it would block:</strong>{' '}
        {blocked.length === 0 && <span class="builder-good">nothing</span>}
        {notAllowed.length > 0 && (
          <ul class="builder-list">
            {notAllowed.map((entry) => (
              <li key={`${entry.kind} ${entry.url}`} data-testid="builder-blocked-resource">
                {entry.url} <span class="muted">({entry.kind}, {entry.directive})</span>
              </li>
            ))}
          </ul>
        )}
        {needsNonce.length > 0 && (
          <p class="muted">{needsNonce.length} script tag{needsNonce.length === 1 ? '' : 's'} written in the HTML, until they carry the nonce (see below).</p>
        )}
      </div>
      <details>
        <summary>Why each source is there</summary>
        <table class="builder-table" data-testid="builder-why">
          <thead>
            <tr><th scope="col">Directive</th><th scope="col">Source</th><th scope="col">Because</th></tr>
          </thead>
          <tbody>
            {policy.directives.flatMap((directive) =>
              directive.sources.map((source, index) => (
                <tr key={`${directive.name} ${source.expression}`} data-testid="builder-why-row" data-directive={directive.name}>
                  <td class="mono">{index === 0 ? directive.name : ''}</td>
                  <td class="mono builder-source">{source.expression}</td>
                  <td>{source.why}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </details>
    </div>
  );
}
