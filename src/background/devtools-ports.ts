/**
 * Long-lived connections from open Tabgrade DevTools panels. Each subscribes to one tab and
 * gets its response log once, then only the rows added or changed, batched every 100 ms so
 * a burst of a thousand responses costs the panel ten small updates a second rather than a
 * thousand. Rows are judged (`core/response-checks`, `core/reload-diff`) here, once, as
 * they are sent; the panel only displays them.
 */
import type { Runtime } from 'webextension-polyfill';
import browser from '../shared/browser-api';
import type { LogEntry, LogRow } from '../core/response-log';
import {
  DEVTOOLS_PORT_NAME,
  parseDevtoolsMessage,
  type DevtoolsRowsMessage,
  type DevtoolsSnapshotMessage,
} from '../shared/messages';
import { loadWorkerCore } from './worker-core-loader';
import { logForView, onLogChange, registerResponseLog, watchTab, type LogChange } from './response-log';

const FLUSH_INTERVAL_MS = 100;

interface Subscription {
  port: Runtime.Port;
  tabId: number;
  /** The log epoch this panel's rows belong to. */
  epoch: string | null;
  release(): void;
}

const subscriptions = new Map<number, Set<Subscription>>();
/** Rows waiting to be sent, per tab, by row id (a changed row replaces its earlier version). */
const pending = new Map<number, Map<number, LogEntry>>();
const flushTimers = new Map<number, ReturnType<typeof setTimeout>>();

function post(subscription: Subscription, message: DevtoolsSnapshotMessage | DevtoolsRowsMessage): void {
  try {
    subscription.port.postMessage(message);
  } catch {
    unsubscribe(subscription);
  }
}

async function sendSnapshot(subscription: Subscription): Promise<void> {
  const [{ log, seededLoadId }, { rowJudges }] = await Promise.all([logForView(subscription.tabId), loadWorkerCore()]);
  subscription.epoch = log.epoch;
  post(subscription, {
    type: 'devtools-snapshot',
    tabId: subscription.tabId,
    epoch: log.epoch,
    loads: log.loadInfos(),
    rows: log.allEntries().map((entry) => log.row(entry, rowJudges)),
    dropped: log.dropped,
    seededLoadId,
  });
}

function flush(tabId: number): void {
  flushTimers.delete(tabId);
  const entries = pending.get(tabId);
  pending.delete(tabId);
  const subscribers = subscriptions.get(tabId);
  if (entries === undefined || subscribers === undefined || subscribers.size === 0) return;
  void Promise.all([logForView(tabId), loadWorkerCore()]).then(([{ log }, { rowJudges }]) => {
    let rows: LogRow[] | null = null;
    for (const subscription of subscribers) {
      // A panel still waiting for its snapshot, or one on an older log, gets a snapshot instead.
      if (subscription.epoch !== log.epoch) {
        void sendSnapshot(subscription);
        continue;
      }
      rows ??= [...entries.values()].map((entry) => log.row(entry, rowJudges));
      post(subscription, { type: 'devtools-rows', tabId, epoch: log.epoch, loads: log.loadInfos(), rows, dropped: log.dropped });
    }
  });
}

function onChange(tabId: number, change: LogChange): void {
  const subscribers = subscriptions.get(tabId);
  if (subscribers === undefined || subscribers.size === 0) return;
  if (change.kind === 'reset') {
    pending.delete(tabId);
    for (const subscription of subscribers) void sendSnapshot(subscription);
    return;
  }
  let rows = pending.get(tabId);
  if (rows === undefined) pending.set(tabId, (rows = new Map()));
  rows.set(change.entry.id, change.entry);
  if (!flushTimers.has(tabId)) flushTimers.set(tabId, setTimeout(() => flush(tabId), FLUSH_INTERVAL_MS));
}

function unsubscribe(subscription: Subscription): void {
  subscriptions.get(subscription.tabId)?.delete(subscription);
  subscription.release();
}

function onConnect(port: Runtime.Port): void {
  if (port.name !== DEVTOOLS_PORT_NAME) return;
  // Only the extension's own pages may subscribe; a content script's sender URL is the page's.
  if (port.sender?.url?.startsWith(browser.runtime.getURL('')) !== true) {
    port.disconnect();
    return;
  }
  let subscription: Subscription | null = null;
  port.onMessage.addListener((raw: unknown) => {
    const message = parseDevtoolsMessage(raw);
    // A ping needs no answer: receiving it is what keeps the worker running.
    if (message === null || message.type === 'devtools-ping') return;
    if (subscription !== null) unsubscribe(subscription);
    const next: Subscription = { port, tabId: message.tabId, epoch: null, release: watchTab(message.tabId) };
    subscription = next;
    let set = subscriptions.get(next.tabId);
    if (set === undefined) subscriptions.set(next.tabId, (set = new Set()));
    set.add(next);
    void sendSnapshot(next).catch(() => undefined);
  });
  port.onDisconnect.addListener(() => {
    if (subscription !== null) unsubscribe(subscription);
  });
}

/** Registers the response log's listeners and the panels' port: the one call the worker makes. */
export function registerDevtoolsPorts(): void {
  registerResponseLog();
  browser.runtime.onConnect.addListener(onConnect);
  onLogChange(onChange);
}
