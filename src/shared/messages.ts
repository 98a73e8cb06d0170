/**
 * Every message between the service worker, the content script and the popup, as one
 * discriminated union. Messages arrive as `unknown`; `parse…` functions validate them
 * before any adapter acts on them.
 */
import type { DomSnapshot, PageCapture } from '../core/capture';
import type { Auditability } from '../core/auditability';
import type { Report } from '../core/report';

/** Content script → worker: what the page's DOM holds now. */
export interface DomSnapshotMessage {
  type: 'dom-snapshot';
  snapshot: DomSnapshot;
}

/** Worker → content script: read the document as served (from the browser's cache). */
export interface ReadServedHtmlMessage {
  type: 'read-served-html';
}

export interface ServedHtmlReply {
  html: string | null;
  error: string | null;
}

/** Popup → worker over a long-lived port: send me this tab's capture now and on every change. */
export interface SubscribeMessage {
  type: 'subscribe';
  tabId: number;
}

/** Popup → worker: fetch what the browser did not see by itself (served HTML, probes). */
export interface CompleteCaptureMessage {
  type: 'complete-capture';
  tabId: number;
}

/** Worker → popup: the tab's state. */
export interface TabStateMessage {
  type: 'tab-state';
  tabId: number;
  /** The tab's URL when the browser shares it with the extension. */
  tabUrl: string | null;
  auditability: Auditability;
  capture: PageCapture | null;
  /**
   * The capture's report (the Tabgrade grade, the Observatory-compatible grade, findings,
   * libraries …), built by core in the worker so that the popup shows the grade the moment
   * it opens and every view renders the same verdict. Null without a capture.
   */
  report: Report | null;
  /** Why there is a capture but no report (the grading engine failed to load or to run). */
  reportError?: string;
  /** True while the worker is fetching extra data (served HTML, probes) for this tab. */
  enriching: boolean;
}

/**
 * Popup → worker: fetch the page's scripts and stylesheets and check them against their
 * `integrity` hashes ("verify hashes"). Results arrive with the capture (`sriVerification`).
 */
export interface VerifySriMessage {
  type: 'verify-sri';
  tabId: number;
}

/** Worker → popup: whether a verification run started. */
export interface VerifySriReply {
  started: boolean;
  /** Files it will fetch. */
  files: number;
  /** Why it did not start, in words. */
  error: string | null;
}

export type WorkerInboundMessage = DomSnapshotMessage | SubscribeMessage | CompleteCaptureMessage | VerifySriMessage;

export const POPUP_PORT_NAME = 'tabgrade-popup';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Validates a message sent to the worker; null when it is not one of ours. */
export function parseWorkerMessage(value: unknown): WorkerInboundMessage | null {
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  switch (value.type) {
    case 'dom-snapshot':
      return isDomSnapshot(value.snapshot) ? { type: 'dom-snapshot', snapshot: value.snapshot } : null;
    case 'subscribe':
    case 'complete-capture':
    case 'verify-sri':
      return typeof value.tabId === 'number' && Number.isInteger(value.tabId)
        ? { type: value.type, tabId: value.tabId }
        : null;
    default:
      return null;
  }
}

/** Shallow shape check; the content script builds snapshots, but messages stay untrusted. */
export function isDomSnapshot(value: unknown): value is DomSnapshot {
  return (
    isRecord(value) &&
    typeof value.url === 'string' &&
    typeof value.contentType === 'string' &&
    typeof value.takenAt === 'number' &&
    Array.isArray(value.tags) &&
    typeof value.inlineScriptCount === 'number' &&
    Array.isArray(value.metas) &&
    typeof value.truncated === 'boolean' &&
    typeof value.totalTags === 'number'
  );
}

export function isTabStateMessage(value: unknown): value is TabStateMessage {
  return isRecord(value) && value.type === 'tab-state' && typeof value.tabId === 'number';
}

export function isServedHtmlReply(value: unknown): value is ServedHtmlReply {
  return (
    isRecord(value) &&
    (typeof value.html === 'string' || value.html === null) &&
    (typeof value.error === 'string' || value.error === null)
  );
}

export function isVerifySriReply(value: unknown): value is VerifySriReply {
  return isRecord(value) && typeof value.started === 'boolean' && typeof value.files === 'number' && (typeof value.error === 'string' || value.error === null);
}

// ---------------------------------------------------------------------------------------
// The DevTools panel's port (`tabgrade-devtools`): the panel subscribes to a tab and gets
// its response log once, then new and changed rows as they arrive.

type DevtoolsLogRow = import('../core/response-log').LogRow;
type DevtoolsLoadInfo = import('../core/response-log').LoadInfo;

export const DEVTOOLS_PORT_NAME = 'tabgrade-devtools';

/** Panel → worker: send me this tab's response log, then its changes. */
export interface DevtoolsSubscribeMessage {
  type: 'devtools-subscribe';
  tabId: number;
}

/** Panel → worker, every 20 s while open: keeps the worker (and the log in its memory) alive. */
export interface DevtoolsPingMessage {
  type: 'devtools-ping';
}

export type DevtoolsInboundMessage = DevtoolsSubscribeMessage | DevtoolsPingMessage;

/** Worker → panel: the whole log. Sent on subscribing and whenever the log starts over (`epoch` changes). */
export interface DevtoolsSnapshotMessage {
  type: 'devtools-snapshot';
  tabId: number;
  epoch: string;
  loads: DevtoolsLoadInfo[];
  rows: DevtoolsLogRow[];
  /** Rows no longer kept because of the log's cap. */
  dropped: number;
  /** The load rebuilt from the saved capture after the worker was stopped, if any. */
  seededLoadId: string | null;
}

/** Worker → panel: rows added or changed since the last message (a row replaces the one with its id). */
export interface DevtoolsRowsMessage {
  type: 'devtools-rows';
  tabId: number;
  epoch: string;
  loads: DevtoolsLoadInfo[];
  rows: DevtoolsLogRow[];
  dropped: number;
}

export type DevtoolsOutboundMessage = DevtoolsSnapshotMessage | DevtoolsRowsMessage;

export function parseDevtoolsMessage(value: unknown): DevtoolsInboundMessage | null {
  if (!isRecord(value)) return null;
  if (value.type === 'devtools-ping') return { type: 'devtools-ping' };
  if (value.type === 'devtools-subscribe' && typeof value.tabId === 'number' && Number.isInteger(value.tabId)) return { type: 'devtools-subscribe', tabId: value.tabId };
  return null;
}

/** Shallow check of the worker's messages to the panel (the worker is trusted; the shape is still checked). */
export function isDevtoolsOutboundMessage(value: unknown): value is DevtoolsOutboundMessage {
  return (
    isRecord(value) &&
    (value.type === 'devtools-snapshot' || value.type === 'devtools-rows') &&
    typeof value.tabId === 'number' &&
    typeof value.epoch === 'string' &&
    Array.isArray(value.rows) &&
    Array.isArray(value.loads)
  );
}
