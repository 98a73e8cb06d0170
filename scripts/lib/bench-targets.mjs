// The speed targets of issue 16 as data, and their verdicts: the bench prints PASS or MISS
// beside each figure it measures. It is a report, not a gate: `--strict` (or
// BENCH_STRICT=1) turns any MISS into exit status 1 for people who want it in CI.

/**
 * A figure against its target; a ratio measured in turns also carries its 95 % interval
 * (bench-stats.mjs), which the verdict line shows.
 * @typedef {{ name: string, value: number, target: number, unit: string, interval?: { low: number, high: number } }} Measured
 */

/** The first-paint budget of the popup: script and CSS the page loads before its first frame. */
export const POPUP_FIRST_PAINT_GZIP_KB = 30;

/** Every target, by key: its wording, its limit and its unit ('×' for ratios). */
export const TARGETS = {
  pageLoadLight: { name: 'light page load with Tabgrade against the webRequest-listener floor', target: 1.02, unit: '×' },
  pageLoadHeavy: { name: 'heavy page load (300 sub-resources, 5,000 tags) against the floor', target: 1.02, unit: '×' },
  popupGrade: { name: 'popup click → grade painted against an empty extension page', target: 1.3, unit: '×' },
  popupDetails: { name: 'popup click → details painted against an empty extension page', target: 2, unit: '×' },
  popupFirstPaint: { name: 'popup first paint, script and CSS', target: POPUP_FIRST_PAINT_GZIP_KB, unit: 'KB gzip' },
  hstsPreloadLoad: { name: 'HSTS preload list load after a worker cold start (issue 14)', target: 50, unit: 'ms' },
  workerColdStart: { name: 'worker cold start, to the first event handled', target: 50, unit: 'ms' },
  soakHeapGrowth: { name: 'soak: worker heap after 1,000 navigations against after the first 200', target: 1.25, unit: '×' },
  soakStorageGrowth: { name: 'soak: storage.session after 1,000 navigations against after the first 200', target: 1.25, unit: '×' },
  // Half of Chrome's 10 MB storage.session quota: room for the popup's other state.
  soakStorage: { name: 'soak: storage.session in use at any sample, at most', target: 5, unit: 'MB' },
  contentScanTypical: { name: 'content scan of a typical page (snapshot + core analysis)', target: 1, unit: 'ms' },
  contentScanHeavy: { name: 'content scan of a 5,000-tag page (snapshot + core analysis)', target: 10, unit: 'ms' },
  gradeMedian: { name: 'grading a realistic capture, median', target: 0.2, unit: 'ms' },
  gradeP99: { name: 'grading a realistic capture, p99', target: 1, unit: 'ms' },
  gradeWorst: { name: 'grading the worst case (200 headers, 1 MB HTML), median', target: 2, unit: 'ms' },
};

/** The bench named `name` (its title as written in the bench file) in vitest's --outputJson report. */
function findBench(report, name) {
  for (const file of report.files ?? []) {
    for (const group of file.groups ?? []) {
      const found = (group.benchmarks ?? []).find((bench) => bench.name === name);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * The core targets from the vitest benches' JSON (test/bench/grade.bench.ts and
 * page-scan.bench.ts). A content scan is the DOM snapshot (timed in Chromium, 20 per
 * sample, less the round trip of one sample) plus core's analysis of what it read.
 */
export function coreMeasurements(report) {
  const measured = [];
  const bench = (name) => findBench(report, name);
  const realistic = bench('realistic page (20 headers, 30 KB HTML, 5 cookies, long CSP)');
  if (realistic !== undefined) {
    measured.push({ ...TARGETS.gradeMedian, value: realistic.median });
    measured.push({ ...TARGETS.gradeP99, value: realistic.p99 });
  }
  const worst = bench('worst case (200 headers, 1 MB HTML)');
  if (worst !== undefined) measured.push({ ...TARGETS.gradeWorst, value: worst.median });
  const roundTrip = bench('(round trip alone, to subtract)');
  const scans = [
    [TARGETS.contentScanTypical, 'typical page (15 tags) ×20', 'typical page (15 tags, 5 libraries)'],
    [TARGETS.contentScanHeavy, '5,000 script/link tags ×20', '5,000-tag page (2,000 tags kept by the snapshot)'],
  ];
  for (const [target, snapshotName, analysisName] of scans) {
    const snapshot = bench(snapshotName);
    const analysis = bench(analysisName);
    if (snapshot === undefined || analysis === undefined || roundTrip === undefined) continue;
    const perSnapshot = Math.max(0, snapshot.median - roundTrip.median) / 20;
    measured.push({ ...target, value: perSnapshot + analysis.median });
  }
  return measured;
}

/**
 * @param {Measured[]} measured
 * @returns {{ lines: string[], missed: number }}
 */
export function verdicts(measured) {
  const lines = [];
  let missed = 0;
  for (const { name, value, target, unit, interval } of measured) {
    const pass = Number.isFinite(value) && value <= target;
    if (!pass) missed++;
    const shown = (number) => (unit === '×' ? `${number.toFixed(3)}×` : `${number.toFixed(unit === 'ms' && number < 10 ? 2 : 1)} ${unit}`);
    const targetText = `target ≤ ${unit === '×' ? `${target}×` : `${target} ${unit}`}`;
    let detail = `(${targetText})`;
    if (interval !== undefined && Number.isFinite(interval.low) && Number.isFinite(interval.high)) {
      // An interval across the target means this run's samples cannot tell PASS from MISS.
      const undecided = interval.low <= target && target < interval.high ? ', which the interval spans: within this run’s noise' : '';
      detail = `(95 % interval ${shown(interval.low)}–${shown(interval.high)}; ${targetText}${undecided})`;
    }
    lines.push(`  ${pass ? 'PASS' : 'MISS'}  ${name}: ${shown(value)} ${detail}`);
  }
  return { lines, missed };
}

/** True when the user asked for a failing exit status on a MISS. */
export function strictRequested(argv = process.argv, env = process.env) {
  return argv.includes('--strict') || env.BENCH_STRICT === '1';
}
