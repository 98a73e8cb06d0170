/**
 * Requests that the extension makes from inside a tab (the content script re-reading the
 * document as served) look like the page's own `fetch` to webRequest. They are marked here
 * while in flight so the capture does not list them as the page's sub-resources.
 */
const inFlight = new Map<string, number>();

function key(tabId: number, url: string): string {
  return `${tabId} ${url.split('#')[0] ?? url}`;
}

/**
 * The content script's answer can reach the worker before webRequest's report of the same
 * fetch does (Firefox), so a mark outlives the request by a little.
 */
const LINGER_MS = 3_000;

export function markOwnRequest(tabId: number, url: string): () => void {
  const marker = key(tabId, url);
  inFlight.set(marker, (inFlight.get(marker) ?? 0) + 1);
  return () => {
    setTimeout(() => {
      const left = (inFlight.get(marker) ?? 1) - 1;
      if (left <= 0) inFlight.delete(marker);
      else inFlight.set(marker, left);
    }, LINGER_MS);
  };
}

export function isOwnRequest(tabId: number, url: string, type: string): boolean {
  return type === 'xmlhttprequest' && inFlight.has(key(tabId, url));
}
