/**
 * Every message between the service worker, the content script and the popup, as one
 * discriminated union. Messages arrive as `unknown`; `parse…` functions validate them
 * before any adapter acts on them.
 */
import type { DomSnapshot, PageCapture } from '../core/capture';
import type { Auditability } from '../core/auditability';
import type { ObservatoryGrade } from '../core/checks/observatory/grade-types';

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
   * The capture's Observatory grade, computed by the worker so that the popup can show it
   * the moment it opens, before it has loaded the code for the details. Null without a capture.
   */
  grade: ObservatoryGrade | null;
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
