/**
 * Fetches, on demand, what the browser did not hand the extension by itself: the
 * document's HTML as served (read by the content script from the page's own origin).
 * Runs when a view asks, never on page load, so browsing costs nothing extra.
 */
import browser from 'webextension-polyfill';
import { attachHtml, boundedHtml } from '../core/capture-updates';
import { isServedHtmlReply, type ReadServedHtmlMessage } from '../shared/messages';
import { getCapture, updateCapture } from './capture-store';

const enriching = new Set<number>();

export function isEnriching(tabId: number): boolean {
  return enriching.has(tabId);
}

async function readServedHtml(tabId: number): Promise<{ html: string | null; error: string | null }> {
  const message: ReadServedHtmlMessage = { type: 'read-served-html' };
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
    return isServedHtmlReply(reply) ? reply : { html: null, error: 'the page did not answer' };
  } catch (error) {
    return { html: null, error: error instanceof Error ? error.message : String(error) };
  }
}

export async function enrichCapture(tabId: number, onProgress: () => void): Promise<void> {
  if (enriching.has(tabId)) return;
  const capture = await getCapture(tabId);
  if (capture === null || capture.document === null || capture.html !== null) return;
  enriching.add(tabId);
  onProgress();
  try {
    const navigationId = capture.navigationId;
    const served = await readServedHtml(tabId);
    if (served.html !== null) {
      const html = boundedHtml(served.html, 'served');
      await updateCapture(
        tabId,
        (current) => (current !== null && current.navigationId === navigationId ? attachHtml(current, html) : current),
        { important: false },
      );
    }
  } finally {
    enriching.delete(tabId);
    onProgress();
  }
}
