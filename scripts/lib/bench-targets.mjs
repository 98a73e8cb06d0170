// The speed targets of issue 16 as data, and their verdicts: the bench prints PASS or MISS
// beside each figure it measures. It is a report, not a gate: `--strict` (or
// BENCH_STRICT=1) turns any MISS into exit status 1 for people who want it in CI.

/** @typedef {{ name: string, value: number, target: number, unit: string }} Measured */

/** The first-paint budget of the popup: script and CSS the page loads before its first frame. */
export const POPUP_FIRST_PAINT_GZIP_KB = 30;

/**
 * @param {Measured[]} measured
 * @returns {{ lines: string[], missed: number }}
 */
export function verdicts(measured) {
  const lines = [];
  let missed = 0;
  for (const { name, value, target, unit } of measured) {
    const pass = Number.isFinite(value) && value <= target;
    if (!pass) missed++;
    lines.push(`  ${pass ? 'PASS' : 'MISS'}  ${name}: ${value.toFixed(unit === '×' ? 3 : 1)}${unit === '×' ? '×' : ` ${unit}`} (target ≤ ${target}${unit === '×' ? '×' : ` ${unit}`})`);
  }
  return { lines, missed };
}

/** True when the user asked for a failing exit status on a MISS. */
export function strictRequested(argv = process.argv, env = process.env) {
  return argv.includes('--strict') || env.BENCH_STRICT === '1';
}
