/**
 * The content script is injected by the worker once a page has loaded, rather than
 * declared in the manifest: a declared script is started while the page is still loading
 * (the browser builds its isolated world and runs it then), which the page pays for in load
 * time; injected after `load`, it costs the page's loading nothing. A page that never
 * finishes loading gets it a few seconds after its document arrived. The script ignores a
 * second injection into the same document.
 */
import browser from '../shared/browser-api';
import { CONTENT_SCRIPT_FILE } from './content-script-file';

const FALLBACK_AFTER_MS = 3_000;
const fallbackTimers = new Map<number, ReturnType<typeof setTimeout>>();

function clearFallback(tabId: number): void {
  const timer = fallbackTimers.get(tabId);
  if (timer !== undefined) clearTimeout(timer);
  fallbackTimers.delete(tabId);
}

/** Injects the content script into the tab's top frame; pages closed to extensions just refuse. */
export async function injectContentScript(tabId: number): Promise<void> {
  clearFallback(tabId);
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [CONTENT_SCRIPT_FILE] });
  } catch {
    // Not an http(s) page any more, a PDF or image viewer, or access not granted: nothing to read.
  }
}

/** Called when a tab's new document arrives: inject even if `load` never comes. */
export function injectUnlessLoadedSoon(tabId: number): void {
  clearFallback(tabId);
  fallbackTimers.set(tabId, setTimeout(() => void injectContentScript(tabId), FALLBACK_AFTER_MS));
}

export function forgetTab(tabId: number): void {
  clearFallback(tabId);
}
