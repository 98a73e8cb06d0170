/**
 * "Verify hashes": on a view's request, fetches the page's scripts and stylesheets and
 * compares them with their `integrity` hashes (the comparison is core's; this file only
 * fetches and stores). It runs only when asked, never on page load: each file is a request
 * from the user's browser. Requests carry no cookies, so no third party learns more than
 * that the file was fetched again.
 */
import type { Runtime } from 'webextension-polyfill';
import browser from '../shared/browser-api';
import type { SriVerification, SriVerificationResult } from '../core/capture';
import { setSriVerification } from '../core/capture-updates';
import type * as SriVerify from '../core/sri-verify';
import { parseWorkerMessage, type VerifySriReply } from '../shared/messages';
import { getCapture, updateCapture } from './capture-store';
import { loadWorkerCore } from './worker-core-loader';

/** Core's half of a run (which files, and the comparison), from the grading engine's script: no page load needs it, so the worker's start does not carry it. */
type Verifier = Pick<typeof SriVerify, 'compareWithIntegrity' | 'computeDigests' | 'fetchFailed' | 'verificationTargets'>;

const CONCURRENCY = 4;
const FETCH_TIMEOUT_MS = 15_000;
/** Larger files are not hashed: no script or stylesheet worth pinning is this big. */
const MAX_BYTES = 20 * 1024 * 1024;

const running = new Set<number>();

async function verifyOne(core: Verifier, url: string, integrity: string | null): Promise<SriVerificationResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  try {
    const response = await fetch(url, { credentials: 'omit', cache: 'no-store', redirect: 'follow', signal: controller.signal });
    if (!response.ok) return core.fetchFailed(url, integrity, `HTTP ${response.status}`);
    if (Number(response.headers.get('content-length') ?? 0) > MAX_BYTES) return core.fetchFailed(url, integrity, 'larger than 20 MB');
    const body = await response.arrayBuffer();
    if (body.byteLength > MAX_BYTES) return core.fetchFailed(url, integrity, 'larger than 20 MB');
    return core.compareWithIntegrity(url, integrity, await core.computeDigests(body), body.byteLength);
  } catch (error) {
    return core.fetchFailed(url, integrity, controller.signal.aborted ? 'timed out' : error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

async function verifyAll(core: Verifier, targets: Array<{ url: string; integrity: string | null }>): Promise<SriVerificationResult[]> {
  const results: SriVerificationResult[] = new Array<SriVerificationResult>(targets.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const index = next++;
      const target = targets[index];
      if (target !== undefined) results[index] = await verifyOne(core, target.url, target.integrity);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, targets.length) }, worker));
  return results;
}

async function store(tabId: number, navigationId: string, verification: SriVerification): Promise<void> {
  await updateCapture(
    tabId,
    (current) => (current !== null && current.navigationId === navigationId ? setSriVerification(current, verification) : current),
    { important: true },
  );
}

async function startVerification(tabId: number): Promise<VerifySriReply> {
  if (running.has(tabId)) return { started: false, files: 0, error: 'a verification is already running' };
  const capture = await getCapture(tabId);
  if (capture === null) return { started: false, files: 0, error: 'nothing captured for this tab' };
  let core: Verifier;
  try {
    core = (await loadWorkerCore()).sriVerify;
  } catch (error) {
    return { started: false, files: 0, error: `the grading engine did not load (${error instanceof Error ? error.message : String(error)})` };
  }
  const { targets, skipped } = core.verificationTargets(capture);
  const navigationId = capture.navigationId;
  const startedAt = Date.now();
  running.add(tabId);
  await store(tabId, navigationId, { state: 'running', startedAt, completedAt: null, results: [], skipped });
  void verifyAll(core, targets)
    .then((results) => store(tabId, navigationId, { state: 'done', startedAt, completedAt: Date.now(), results, skipped }))
    .finally(() => running.delete(tabId));
  return { started: true, files: targets.length, error: null };
}

/** Only the extension's own pages (popup, full-page view) may start a run. */
function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.url?.startsWith(browser.runtime.getURL('')) === true;
}

export function registerSriVerifyHandler(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    const message = parseWorkerMessage(raw);
    if (message?.type !== 'verify-sri' || !fromExtensionPage(sender)) return undefined;
    return startVerification(message.tabId);
  });
}
