/**
 * The report of each capture, built by core once and shared by the badge, the history and
 * every open popup or panel. Captures are replaced, never changed, so the capture object
 * (with the algorithm the user chose) is the cache key.
 *
 * Reports wait for the settings and for the HSTS preload list (loaded by the first one): a
 * report built with the default algorithm while the user's choice is still loading, or
 * before the list is known, would be a silently different grade.
 */
import type { PageCapture } from '../core/capture';
import { CURRENT_ALGORITHM, type Algorithm } from '../core/checks/observatory/algorithms';
import type { Report } from '../core/report';
import { loadSettings, onSettingsChange } from '../shared/settings-store';
import { loadWorkerCore } from './worker-core-loader';

let algorithm: Algorithm = CURRENT_ALGORITHM;
const algorithmListeners = new Set<() => void>();
let settingsRead: Promise<void> | null = null;

/**
 * The user's algorithm, read when the first report is wanted rather than at each start of
 * the worker (which the browser makes for every page it wakes it for): a change seen
 * before then is read then anyway.
 */
function readSettings(): Promise<void> {
  settingsRead ??= (() => {
    onSettingsChange((settings) => {
      if (settings.algorithm === algorithm) return;
      algorithm = settings.algorithm;
      for (const listener of algorithmListeners) listener();
    });
    return loadSettings().then(
      (settings) => {
        algorithm = settings.algorithm;
      },
      () => undefined,
    );
  })();
  return settingsRead;
}

/** Called when the user picks another algorithm: every report changes. */
export function onAlgorithmChange(listener: () => void): void {
  algorithmListeners.add(listener);
}

const reports = new WeakMap<PageCapture, { algorithm: Algorithm; report: Report }>();

export async function reportOf(capture: PageCapture): Promise<Report> {
  const cached = reports.get(capture);
  if (cached !== undefined && cached.algorithm === algorithm) return cached.report;
  const core = await loadWorkerCore();
  const [, preload] = await Promise.all([readSettings(), core.bundledHstsPreload()]);
  const again = reports.get(capture);
  if (again !== undefined && again.algorithm === algorithm) return again.report;
  const table = core.SCORING_TABLES[algorithm];
  const context = core.hstsPreloadContext(preload);
  const report = core.buildReport(capture, table === undefined ? { context } : { context, grading: { table } });
  reports.set(capture, { algorithm, report });
  return report;
}
