/**
 * The "CSP & SRI builder" section: a Content-Security-Policy drafted from what this page
 * (or, with "learn this site", every page seen on the origin) really loads — a strict and
 * an allow-list variant, each judged as the Observatory and CSP Evaluator would judge it —
 * what will break, the snippet for the chosen stack as report-only, a rollout guide, and
 * SRI attributes for every external script and stylesheet. Core computes all of it; every
 * page-controlled string is rendered as text.
 */
import { useMemo, useState } from 'preact/hooks';
import type { PageCapture } from '../../core/capture';
import { buildCspReport, DRAFT_LIMITS, ENFORCE_HOW, policySnippet, ROLLOUT_STEPS, type Breakage, type CspBuilderReport, type DraftVariant } from '../../core/csp-builder';
import type { Stack } from '../../core/findings';
import { useSiteObservations } from '../use-site-observations';
import { BUILDER_SECTION_CSS } from './builder-section-styles';
import { CopyButton } from './CopyButton';
import { DraftCard } from './DraftCard';
import { SriBuilder } from './SriBuilder';

export function BuilderSection({ capture, stack }: { capture: PageCapture; stack: Stack | null }) {
  const site = useSiteObservations(capture);
  const observations = site.observations;
  const report = useMemo(() => (observations === null ? null : buildCspReport(observations, capture)), [observations, capture]);
  return (
    <section class="panel builder-section" aria-label="CSP and SRI builder" data-testid="builder-section">
      <style>{BUILDER_SECTION_CSS}</style>
      <h2>
        CSP &amp; SRI builder <span class="count">drafted from what the page really loads</span>
      </h2>
      <p class="builder-learn">
        <label>
          <input type="checkbox" data-testid="builder-learn" checked={site.learning} onChange={(event) => site.setLearning((event.currentTarget as HTMLInputElement).checked)} />{' '}
          Learn this site: add every page of {observations?.origin ?? 'this origin'} you open with Tabgrade
        </label>
        {site.learning && observations !== null && (
          <>
            <span class="muted" data-testid="builder-learned-pages">learned from {observations.pages.length} page{observations.pages.length === 1 ? '' : 's'}</span>
            <button type="button" class="link" onClick={site.forget}>Forget them</button>
          </>
        )}
      </p>
      {site.status === 'none' && <p class="empty" data-testid="builder-none">Not an HTML page: there is no policy to draft.</p>}
      {site.status === 'reading' && <p class="empty" data-testid="builder-waiting">Reading the page…</p>}
      {report !== null && <Drafts report={report} stack={stack} />}
      <SriBuilder capture={capture} />
    </section>
  );
}

function Drafts({ report, stack }: { report: CspBuilderReport; stack: Stack | null }) {
  // Default to the strict draft unless it needs a nonce and the allow-list does not.
  const [variant, setVariant] = useState<DraftVariant | null>(null);
  const chosen = variant ?? (report.strict.policy.usesNonce ? 'allow-list' : 'strict');
  const chosenReport = chosen === 'strict' ? report.strict : report.allowList;
  const breakages = [...report.strict.breakages, ...report.allowList.breakages.filter((breakage) => !report.strict.breakages.some((other) => other.id === breakage.id))];
  const notes = report.observations.notes;
  return (
    <>
      {notes.length > 0 && (
        <ul class="notes" data-testid="builder-notes">
          {notes.map((note) => <li key={note}>{note}</li>)}
        </ul>
      )}
      <DraftCard report={report.strict} />
      <DraftCard report={report.allowList} />
      <Breakages breakages={breakages} />
      <div class="builder-block" data-testid="builder-deploy">
        <h3>Deploy as report-only</h3>
        <p class="builder-variant-picker">
          Snippet for:
          {(['strict', 'allow-list'] as const).map((option) => (
            <label key={option}>
              <input type="radio" name="builder-variant" value={option} checked={chosen === option} onChange={() => setVariant(option)} data-testid={`builder-pick-${option}`} /> {option === 'strict' ? 'strict' : 'allow-list'}
            </label>
          ))}
        </p>
        {stack === null ? (
          <p class="muted">Pick your stack above to see the snippet for it; the header line above works anywhere.</p>
        ) : (
          <Snippet report={chosenReport} stack={stack} />
        )}
        <h3>Rollout</h3>
        <ol class="builder-list" data-testid="builder-rollout">
          {ROLLOUT_STEPS.map((step) => (
            <li key={step.title}><strong>{step.title}.</strong> {step.detail}{step.title === 'Enforce' && stack !== null ? ` ${ENFORCE_HOW[stack]}` : ''}</li>
          ))}
        </ol>
        <details>
          <summary>What a draft from one browser cannot know</summary>
          <ul class="builder-list">{DRAFT_LIMITS.map((limit) => <li key={limit}>{limit}</li>)}</ul>
        </details>
      </div>
    </>
  );
}

function Snippet({ report, stack }: { report: CspBuilderReport['strict']; stack: Stack }) {
  const snippet = policySnippet(report.policy, stack, 'report-only');
  return (
    <div class="fix" data-testid="builder-snippet" data-stack={stack} data-variant={report.policy.variant}>
      <p class="fix-title muted">{snippet.where}</p>
      {snippet.setup !== undefined && (
        <>
          <p class="muted">Once, in {snippet.setup.where}:</p>
          <pre><code>{snippet.setup.code}</code></pre>
        </>
      )}
      <div class="code-block">
        <pre><code data-testid="builder-snippet-code">{snippet.code}</code></pre>
        <CopyButton text={snippet.code} />
      </div>
      {snippet.note !== undefined && <p class="muted">{snippet.note}</p>}
      {snippet.docsUrl !== undefined && <p><a href={snippet.docsUrl} target="_blank" rel="noopener noreferrer">Documentation</a></p>}
    </div>
  );
}

function Breakages({ breakages }: { breakages: readonly Breakage[] }) {
  return (
    <div class="builder-block" data-testid="builder-breakages">
      <h3>What will break <span class="count">{breakages.length}</span></h3>
      {breakages.length === 0 ? (
        <p class="builder-good">Nothing seen on the pages observed.</p>
      ) : (
        <ul class="builder-list">
          {breakages.map((breakage) => (
            <li key={breakage.id} data-testid="builder-breakage" data-breakage={breakage.id} data-certainty={breakage.certainty}>
              <details>
                <summary>
                  {breakage.title}
                  {breakage.variants.length === 1 && <span class="badge">{breakage.variants[0]} only</span>}
                </summary>
                <ul class="builder-list">{breakage.items.map((item, index) => <li key={index} class="mono">{item}</li>)}</ul>
                <p><strong>Fix:</strong> {breakage.fix}</p>
                {breakage.stopgap !== null && (
                  <p class="muted">Meanwhile: <code data-testid="builder-stopgap">{breakage.stopgap}</code></p>
                )}
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
