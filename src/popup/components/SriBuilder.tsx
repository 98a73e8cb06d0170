/**
 * "Generate SRI": asks the worker for two "verify hashes" runs in a row (the existing
 * machinery fetches each file without cookies and computes its sha384) and shows, per
 * cross-origin script and stylesheet, the tag to paste — or why not (core's
 * `sriSuggestions` compares the runs). This component only sequences the two requests.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from '../../shared/browser-api';
import type { PageCapture, SriVerification } from '../../core/capture';
import { sriSuggestions, type SriTagSuggestion } from '../../core/csp-builder';
import { isVerifySriReply, type VerifySriMessage } from '../../shared/messages';
import { CopyButton } from './CopyButton';

type Phase =
  | { step: 'idle' }
  | { step: 'first'; after: number }
  | { step: 'second'; first: SriVerification }
  /** The second run could not start: one fetch only, shown as unconfirmed. */
  | { step: 'single'; first: SriVerification }
  | { step: 'done'; first: SriVerification; second: SriVerification };

const STATUS_WORDS: Record<SriTagSuggestion['status'], string> = {
  ready: 'same hash on two fetches',
  unconfirmed: 'fetched once',
  'not-static': 'NOT STATIC',
  'fetch-failed': 'not fetched',
  pending: 'not fetched yet',
};

function requestRun(tabId: number): Promise<string | null> {
  const message: VerifySriMessage = { type: 'verify-sri', tabId };
  return browser.runtime.sendMessage(message).then(
    (reply: unknown) => (!isVerifySriReply(reply) ? 'the extension did not answer' : reply.started ? null : (reply.error ?? 'it did not start')),
    (failure: unknown) => (failure instanceof Error ? failure.message : String(failure)),
  );
}

export function SriBuilder({ capture }: { capture: PageCapture }) {
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const verification = capture.sriVerification;
  const tabId = capture.tabId;

  // A new navigation starts over.
  useEffect(() => {
    setPhase({ step: 'idle' });
    setError(null);
  }, [capture.navigationId]);

  // Runs are told apart by their start time: the first is the first finished run newer than
  // the one shown when the button was pressed, the second the next one after it.
  useEffect(() => {
    if (verification === undefined || verification.state !== 'done' || tabId === null) return;
    if (phase.step === 'first' && verification.startedAt > phase.after) {
      const first = verification;
      setPhase({ step: 'second', first });
      void requestRun(tabId).then((failure) => {
        if (failure === null) return;
        setError(failure);
        setPhase({ step: 'single', first });
      });
    } else if (phase.step === 'second' && verification.startedAt > phase.first.startedAt) {
      setPhase({ step: 'done', first: phase.first, second: verification });
    }
  }, [verification, phase, tabId]);

  const runs = useMemo(
    () => (phase.step === 'done' ? { first: phase.first, second: phase.second } : phase.step === 'second' || phase.step === 'single' ? { first: phase.first, second: null } : { first: null, second: null }),
    [phase],
  );
  const suggestions = useMemo(() => sriSuggestions(capture, runs), [capture, runs]);

  const start = (): void => {
    if (tabId === null) return;
    setError(null);
    setPhase({ step: 'first', after: verification?.startedAt ?? 0 });
    void requestRun(tabId).then((failure) => {
      if (failure !== null) {
        setError(failure);
        setPhase({ step: 'idle' });
      }
    });
  };

  const busy = phase.step === 'first' || phase.step === 'second';
  return (
    <div class="builder-block" data-testid="sri-builder">
      <h3>Subresource Integrity for every external script and stylesheet</h3>
      {suggestions.length === 0 ? (
        <p class="empty">No cross-origin scripts or stylesheets: nothing to pin.</p>
      ) : (
        <>
          <p class="meta">
            <button type="button" data-testid="sri-generate" disabled={tabId === null || busy} onClick={start}
              title="Fetch each file twice (no cookies) and compute its sha384">
              {phase.step === 'first' ? 'Fetching…' : phase.step === 'second' ? 'Fetching again…' : phase.step === 'idle' ? 'Generate SRI attributes' : 'Generate again'}
            </button>
            <span class="muted">Each file is fetched twice: a file whose hash changes between fetches cannot be pinned.</span>
            {error !== null && <span class="builder-bad" data-testid="sri-generate-error">{error}</span>}
          </p>
          <ul class="builder-list">
            {suggestions.map((suggestion) => (
              <li key={suggestion.url} data-testid="sri-suggestion" data-url={suggestion.url} data-status={suggestion.status}>
                <div class="builder-url">
                  <span class="tag-kind">{suggestion.element}</span> {suggestion.url}{' '}
                  <span class={suggestion.status === 'not-static' || suggestion.status === 'fetch-failed' ? 'builder-bad' : 'muted'}>({STATUS_WORDS[suggestion.status]})</span>
                </div>
                {suggestion.tag !== null && (
                  <div class="code-block">
                    <pre><code data-testid="sri-tag">{suggestion.tag}</code></pre>
                    <CopyButton text={suggestion.tag} label="Copy tag" />
                  </div>
                )}
                {suggestion.attributes !== null && (
                  <p class="muted">Or add to the existing tag: <code data-testid="sri-attributes">{suggestion.attributes}</code></p>
                )}
                {suggestion.note !== null && <p class={suggestion.status === 'not-static' ? 'builder-bad' : 'muted'} data-testid="sri-note">{suggestion.note}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
