import type { Stack } from '../../core/findings';
import { fixTargetLabel, reportFixes } from '../../core/report-view';
import { CopyButton } from './CopyButton';

/**
 * Ready-to-paste fixes for one finding or Observatory result: one for every layer of the
 * site that can make it (the application's settings first, then the web server's lines).
 */
export function FixSnippets({ id, stacks }: { id: string; stacks: readonly Stack[] }) {
  if (stacks.length === 0) return <p class="muted">Pick your stack above to see the fix for it.</p>;
  const snippets = reportFixes(id, stacks);
  if (snippets.length === 0) return null;
  return (
    <div class="fixes" data-testid="fixes">
      {snippets.map((snippet, index) => (
        <div class="fix" key={index} data-testid="fix" data-stack={snippet.stack}>
          <p class="fix-title">
            <strong>{snippet.title}</strong> <span class="muted">— {fixTargetLabel(snippet)}, {snippet.where}</span>
          </p>
          {snippet.setup !== undefined && (
            <>
              <p class="muted">Once, in {snippet.setup.where}:</p>
              <pre tabIndex={0}><code>{snippet.setup.code}</code></pre>
            </>
          )}
          <div class="code-block">
            {/* Focusable: a long line scrolls, and keyboard users must be able to scroll it. */}
            <pre tabIndex={0}><code data-testid="fix-code">{snippet.code}</code></pre>
            <CopyButton text={snippet.code} />
          </div>
          {snippet.note !== undefined && <p class="muted">{snippet.note}</p>}
          {snippet.docsUrl !== undefined && (
            <p><a href={snippet.docsUrl} target="_blank" rel="noopener noreferrer">Documentation</a></p>
          )}
        </div>
      ))}
    </div>
  );
}
