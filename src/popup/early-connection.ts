/**
 * The popup's first request to the worker, made before the rest of the popup has loaded.
 *
 * Shipped as a small classic script (`popup/early-connection.js`, see vite.config.ts) that
 * the popup's HTML runs as soon as it is parsed: the popup's modules are fetched and
 * evaluated in the meantime, so the worker's answer is usually there by the time the popup
 * can render it instead of being asked for only then. `connection.ts` adopts the port and
 * the messages it received; if anything here fails, it simply connects itself.
 *
 * It also paints the grade before the modules run (early-grade.ts): at once from the card
 * the worker put in the popup's address (src/shared/early-card.ts), else from that first
 * answer, which also repaints a card that has changed since.
 *
 * No imports but early-grade.ts and early-card.ts: this file must stay tiny and free of the
 * popup's chunks.
 */
import type { EarlyConnection, EarlyFirstAnswer } from './early-connection-types';
import { earlyCardFromSearch } from '../shared/early-card';
import { EARLY_CARD_PAINTED_MARK, EARLY_CARD_SHOWN_MARK, paintEarlyCard, paintEarlyGrade, withdrawEarlyCardUnlessFor } from './early-grade';

/** Must equal POPUP_PORT_NAME (src/shared/messages.ts); a unit test checks it. */
export const EARLY_PORT_NAME = 'tabgrade-popup';

interface MinimalPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}
interface MinimalRuntime {
  connect(options: { name: string }): MinimalPort;
}
interface MinimalTabs {
  query(query: { active: boolean; currentWindow: boolean }): Promise<Array<{ id?: number; url?: string }>>;
}

/**
 * The tab a plain popup is about, with its address when the browser shares it (the active
 * tab's); `?url=` (rare: automation) is left to connection.ts.
 */
async function earlyTab(search: string): Promise<{ id: number; url: string | null } | null> {
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  if (tab !== null) return /^\d+$/.test(tab) ? { id: Number(tab), url: null } : null;
  if (params.has('url')) return null;
  const api = (globalThis as { browser?: { tabs: MinimalTabs }; chrome?: { tabs: MinimalTabs } });
  const tabs = api.browser?.tabs ?? api.chrome?.tabs;
  if (tabs === undefined) return null;
  const [active] = await tabs.query({ active: true, currentWindow: true });
  return active?.id === undefined ? null : { id: active.id, url: active.url ?? null };
}

type EarlyScope = { tabgradeEarlyConnection?: Promise<EarlyConnection | null>; tabgradeFirstAnswer?: EarlyFirstAnswer };

export function startEarlyConnection(scope: EarlyScope, search: string): void {
  let answered = (): void => undefined;
  scope.tabgradeFirstAnswer = new Promise<void>((resolve) => {
    answered = resolve;
  });
  scope.tabgradeEarlyConnection = earlyTab(search).then(
    (tab) => {
      if (tab === null) {
        answered();
        return null;
      }
      const tabId = tab.id;
      // A card painted from the address is for the page the worker last graded: should the
      // tab show another page by now, take it down until the worker's answer.
      if (tab.url !== null && typeof document !== 'undefined') withdrawEarlyCardUnlessFor(document.getElementById('app'), tab.url);
      const api = globalThis as { browser?: { runtime: MinimalRuntime }; chrome?: { runtime: MinimalRuntime } };
      const runtime = api.browser?.runtime ?? api.chrome?.runtime;
      if (runtime === undefined) {
        answered();
        return null;
      }
      const port = runtime.connect({ name: EARLY_PORT_NAME });
      const early: EarlyConnection = { tabId, port, received: [], disconnected: false };
      let painted = false;
      port.onMessage.addListener((message) => {
        // Kept until connection.ts adopts the port, which then stops this buffering.
        if (early.received === null) return;
        early.received.push(message);
        answered();
        if (!painted && typeof document !== 'undefined') painted = paintEarlyGrade(document.getElementById('app'), message);
      });
      port.onDisconnect.addListener(() => {
        early.disconnected = true;
        answered();
      });
      port.postMessage({ type: 'subscribe', tabId });
      return early;
    },
    () => {
      answered();
      return null;
    },
  );
}

/** Paints the card in the popup's address, as soon as the root element is parsed. */
export function paintCardFromAddress(doc: Document, search: string): void {
  const card = earlyCardFromSearch(search);
  if (card === null) return;
  const paint = (): void => {
    if (paintEarlyCard(doc.getElementById('app'), card, EARLY_CARD_SHOWN_MARK)) doc.defaultView?.performance.mark(EARLY_CARD_PAINTED_MARK);
  };
  // The popup's HTML runs this script right after its root element; elsewhere, wait for it.
  if (doc.getElementById('app') !== null) paint();
  else doc.addEventListener('DOMContentLoaded', paint, { once: true });
}

// Only in a page (the popup); importing this file elsewhere (tests) starts nothing. The
// request goes first: painting takes a moment, the worker's answer longer.
if (typeof location !== 'undefined') startEarlyConnection(globalThis as EarlyScope, location.search);
if (typeof location !== 'undefined' && typeof document !== 'undefined') paintCardFromAddress(document, location.search);
