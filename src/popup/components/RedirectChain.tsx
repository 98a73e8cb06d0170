import type { PageCapture } from '../../core/capture';

/** The hops that led to the document: `http://site/ → 301 → https://site/ → 200`. */
export function RedirectChain({ capture }: { capture: PageCapture }) {
  if (capture.redirects.length === 0) return null;
  return (
    <section class="panel" aria-label="Redirect chain">
      <h2>
        Redirects <span class="count">{capture.redirects.length}</span>
      </h2>
      <ol class="redirects" data-testid="redirect-chain">
        {capture.redirects.map((hop, index) => (
          <li key={index} data-testid="redirect-hop">
            <span class="hop-url">{hop.url}</span>
            <span class="hop-status" data-testid="hop-status">
              {hop.statusCode}
              {hop.internal ? ' (by the browser)' : ''}
            </span>
            <span class="hop-arrow" aria-hidden="true">→</span>
            <span class="hop-location" data-testid="hop-location">{hop.location}</span>
          </li>
        ))}
        {capture.document !== null && (
          <li class="final" data-testid="redirect-final">
            <span class="hop-url">{capture.document.url}</span>
            <span class="hop-status">{capture.document.statusCode}</span>
          </li>
        )}
      </ol>
    </section>
  );
}
