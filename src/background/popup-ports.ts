/**
 * Long-lived connections from open popups (and any full-page view). Each subscribes to one
 * tab and is sent that tab's state now and whenever it changes, so an open popup follows
 * reloads and navigations without being reopened.
 */
import type { Runtime } from 'webextension-polyfill';
import browser from '../shared/browser-api';
import { auditability } from '../core/auditability';
import type { PageCapture } from '../core/capture';
import { POPUP_PORT_NAME, parseWorkerMessage, type TabStateMessage } from '../shared/messages';
import { getCapture, onCaptureChange } from './capture-store';
import { enrichCapture, enrichingForView, isEnriching } from './enrich';
import { reportOf } from './reports';
import { markEventHandled } from './startup-marks';
import { NewestOnly } from './newest-only';

/** Sub-resource bursts can change a capture hundreds of times a second; views need ~10 updates/s. */
const PUSH_INTERVAL_MS = 100;

const subscribers = new Map<number, Set<Runtime.Port>>();
const pushTimers = new Map<number, ReturnType<typeof setTimeout>>();

/** A view's states, built asynchronously, arrive newest last whatever order they finish in. */
const stateOrder = new NewestOnly<Runtime.Port>();

function buildState(tabId: number): { number: number; state: Promise<TabStateMessage> } {
  return { number: stateOrder.start(), state: stateOf(tabId) };
}

/** Posts `state` (build `number`) unless the port already has a newer one; false when the port is gone. */
function sendIfNewer(port: Runtime.Port, number: number, state: TabStateMessage): boolean {
  if (!stateOrder.admit(port, number)) return true;
  try {
    port.postMessage(state);
    return true;
  } catch {
    return false;
  }
}

async function tabUrl(tabId: number): Promise<string | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    // Without the `tabs` permission the browser shares the URL only for sites we may read:
    // an absent URL means a page closed to extensions.
    return tab.url ?? null;
  } catch {
    return null;
  }
}

/** The report, or why there is none: a view must say so rather than wait for ever. */
async function reportFor(capture: PageCapture | null): Promise<Pick<TabStateMessage, 'report' | 'reportError'>> {
  if (capture === null) return { report: null };
  try {
    return { report: await reportOf(capture) };
  } catch (error) {
    console.error('Tabgrade: no report for this capture.', error);
    return { report: null, reportError: error instanceof Error ? error.message : String(error) };
  }
}

async function stateOf(tabId: number): Promise<TabStateMessage> {
  // Read before the capture: completion that ends meanwhile must not leave this state
  // calling its older capture complete (the push its end schedules carries the new one).
  const wasEnriching = isEnriching(tabId);
  const [capture, url] = await Promise.all([getCapture(tabId), tabUrl(tabId)]);
  const [report, enriching] = await Promise.all([
    reportFor(capture),
    wasEnriching || enrichingForView(tabId, capture, () => schedulePush(tabId)),
  ]);
  return {
    type: 'tab-state',
    tabId,
    tabUrl: url,
    auditability: auditability(url ?? capture?.url ?? null),
    capture,
    ...report,
    enriching,
  };
}

async function pushNow(tabId: number): Promise<void> {
  pushTimers.delete(tabId);
  const ports = subscribers.get(tabId);
  if (ports === undefined || ports.size === 0) return;
  const build = buildState(tabId);
  const state = await build.state;
  for (const port of ports) if (!sendIfNewer(port, build.number, state)) ports.delete(port);
}

export function schedulePush(tabId: number): void {
  if (!subscribers.has(tabId) || pushTimers.has(tabId)) return;
  pushTimers.set(tabId, setTimeout(() => void pushNow(tabId), PUSH_INTERVAL_MS));
}

function onConnect(port: Runtime.Port): void {
  markEventHandled();
  if (port.name !== POPUP_PORT_NAME) return;
  // Only the extension's own pages may subscribe (a popup, or the same page opened in a
  // tab); a content script's sender URL is the web page's.
  if (port.sender?.url?.startsWith(browser.runtime.getURL('')) !== true) {
    port.disconnect();
    return;
  }
  let subscribedTab: number | null = null;
  port.onMessage.addListener((raw: unknown) => {
    const message = parseWorkerMessage(raw);
    if (message === null) return;
    if (message.type === 'subscribe') {
      if (subscribedTab !== null) subscribers.get(subscribedTab)?.delete(port);
      subscribedTab = message.tabId;
      let ports = subscribers.get(message.tabId);
      if (ports === undefined) subscribers.set(message.tabId, (ports = new Set()));
      ports.add(port);
      const build = buildState(message.tabId);
      void build.state.then((state) => sendIfNewer(port, build.number, state)).catch(() => undefined);
    } else if (message.type === 'complete-capture') {
      void enrichCapture(message.tabId, { forView: true }, () => schedulePush(message.tabId));
    }
  });
  port.onDisconnect.addListener(() => {
    if (subscribedTab !== null) subscribers.get(subscribedTab)?.delete(port);
  });
}

export function registerPopupPorts(): void {
  browser.runtime.onConnect.addListener(onConnect);
  onCaptureChange((tabId) => schedulePush(tabId));
}
