// The statistics behind the bench's ratio targets (issue 16). The bench measures two
// things in turns (a page load with the floor, then with Tabgrade; the popup, then the
// empty page), so each turn gives one paired ratio. The median of those ratios cancels
// the machine's slow phases, which last longer than a turn and move both sides of a pair
// alike; a ratio of the two medians does not (on this project's 2-core machines, two
// identical floor browsers measured 40 light loads each at ×1.06 of each other).
//
// The interval says how far the ratio could be off from this run's samples alone: a
// percentile bootstrap of the paired median, with a fixed seed so that the same samples
// always print the same interval.

/** Median of numbers (NaN for none); the mean of the two middle ones for an even count. */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Per-turn ratios `numerators[i] / denominators[i]`, skipping turns where either is not a positive number. */
export function pairedRatios(numerators, denominators) {
  const ratios = [];
  const turns = Math.min(numerators.length, denominators.length);
  for (let i = 0; i < turns; i++) {
    const top = numerators[i];
    const bottom = denominators[i];
    if (Number.isFinite(top) && Number.isFinite(bottom) && top > 0 && bottom > 0) ratios.push(top / bottom);
  }
  return ratios;
}

/** A small seeded generator (mulberry32): the same seed, the same resamples. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * The median of the paired ratios and its 95 % bootstrap interval (`resamples` resamples
 * of the turns, with replacement). NaN throughout when no turn could be paired.
 */
export function pairedRatio(numerators, denominators, { resamples = 2_000, seed = 16 } = {}) {
  const ratios = pairedRatios(numerators, denominators);
  if (ratios.length === 0) return { value: Number.NaN, low: Number.NaN, high: Number.NaN, turns: 0 };
  const random = seededRandom(seed);
  const medians = new Float64Array(resamples);
  const resample = new Array(ratios.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < ratios.length; i++) resample[i] = ratios[Math.floor(random() * ratios.length)];
    medians[r] = median(resample);
  }
  medians.sort();
  const at = (fraction) => medians[Math.min(resamples - 1, Math.floor(fraction * resamples))];
  return { value: median(ratios), low: at(0.025), high: at(0.975), turns: ratios.length };
}
