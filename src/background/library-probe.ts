/**
 * Runs the main-world library probe (src/content/main-world-probe.ts) in each audited tab:
 * once when the page has loaded, and again when the DOM snapshot shows scripts the last run
 * did not know (a widget injecting its own jQuery), debounced and capped per document. The
 * answer comes back through `scripting.executeScript` — not a channel the page can write
 * to — and is still validated as untrusted before it is stored on the capture.
 */
import browser from '../shared/browser-api';
import type { PageCapture } from '../core/capture';
import { mergeRuntimeLibraries, type LibraryProbeRun } from '../core/capture-updates';
import { onCaptureChange, updateCapture } from './capture-store';
import { loadWorkerCore } from './worker-core-loader';

/** After load or new scripts: long enough for an injected script to load and run. */
const PROBE_DELAY_MS = 500;
/** A page that never finishes loading is probed anyway, this long after its DOM arrived. */
const LOADING_FALLBACK_MS = 4000;
/** Runs per document: a page churning script tags cannot make the probe run forever. */
const MAX_RUNS_PER_DOCUMENT = 20;

interface TabState {
  navigationId: string;
  /** The snapshot last looked at (captures keep the same object until a new one arrives). */
  dom: PageCapture['dom'];
  knownScripts: Set<string>;
  loadedSeen: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  dueAt: number;
  runs: number;
}

const tabs = new Map<number, TabState>();

function scriptUrls(capture: PageCapture): string[] {
  return (capture.dom?.tags ?? []).filter((tag) => tag.element === 'script' || (tag.rel ?? '').includes('modulepreload')).map((tag) => tag.url);
}

function schedule(tabId: number, state: TabState, delay: number): void {
  const dueAt = Date.now() + delay;
  if (state.timer !== null) {
    if (state.dueAt <= dueAt) return;
    clearTimeout(state.timer);
  }
  state.dueAt = dueAt;
  state.timer = setTimeout(() => void run(tabId, state), delay);
}

async function probe(tabId: number): Promise<LibraryProbeRun> {
  const at = Date.now();
  try {
    // The probe, what it looks for and the reading of its answer come with the grading
    // engine (loaded by then for the badge): the worker's start does not carry them.
    const { libraryProbe, probeArguments, parseProbeOutput } = (await loadWorkerCore()).libraryProbe;
    const { globalPaths, jqueryPluginPaths } = probeArguments();
    const results = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      world: 'MAIN',
      func: libraryProbe,
      args: [globalPaths, jqueryPluginPaths],
    });
    const top = results.find((result) => result.frameId === 0);
    const output = parseProbeOutput(top?.result);
    return output === null
      ? { at, error: 'the page’s answer did not have the expected shape' }
      : { at, href: output.href, hits: output.hits, rejected: output.rejected };
  } catch (error) {
    return { at, error: error instanceof Error ? error.message : String(error) };
  }
}

async function run(tabId: number, state: TabState): Promise<void> {
  state.timer = null;
  if (tabs.get(tabId) !== state || state.runs >= MAX_RUNS_PER_DOCUMENT) return;
  state.runs++;
  const result = await probe(tabId);
  await updateCapture(
    tabId,
    (current) => (current !== null && current.navigationId === state.navigationId ? mergeRuntimeLibraries(current, result) : current),
    { important: false },
  );
}

function onChange(tabId: number, capture: PageCapture | null): void {
  let state = tabs.get(tabId);
  if (capture === null || !/^https?:/.test(capture.url)) {
    if (state?.timer != null) clearTimeout(state.timer);
    tabs.delete(tabId);
    return;
  }
  if (state === undefined || state.navigationId !== capture.navigationId) {
    if (state?.timer != null) clearTimeout(state.timer);
    state = { navigationId: capture.navigationId, dom: null, knownScripts: new Set(), loadedSeen: false, timer: null, dueAt: 0, runs: 0 };
    tabs.set(tabId, state);
  }
  let newScripts = false;
  if (capture.dom !== state.dom) {
    state.dom = capture.dom;
    for (const url of scriptUrls(capture)) {
      if (state.knownScripts.has(url)) continue;
      state.knownScripts.add(url);
      newScripts = true;
    }
  }
  if (capture.state !== 'loading') {
    if (!state.loadedSeen) {
      state.loadedSeen = true;
      schedule(tabId, state, PROBE_DELAY_MS);
    } else if (newScripts) {
      schedule(tabId, state, PROBE_DELAY_MS);
    }
  } else if (capture.dom !== null && state.runs === 0) {
    schedule(tabId, state, LOADING_FALLBACK_MS);
  }
}

export function registerLibraryProbe(): void {
  onCaptureChange(onChange);
}
