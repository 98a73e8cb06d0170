import { describe, expect, it } from 'vitest';
import { median, pairedRatio, pairedRatios } from '../../scripts/lib/bench-stats.mjs';

describe('bench statistics', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('pairs turn by turn and skips turns it cannot divide', () => {
    expect(pairedRatios([2, 3, Number.NaN, 8], [1, 0, 4, 4])).toEqual([2, 2]);
    expect(pairedRatios([1, 2, 3], [1])).toEqual([1]);
  });

  it('is steadier than a ratio of medians when slow phases move both sides of a turn alike', () => {
    // 300 simulated runs of 40 turns: Tabgrade truly 1 % slower than the floor, each sample
    // with 4 % noise of its own, and the machine's speed drifting between ×1 and ×2 over
    // the run (as this project's 2-core machines do: the same light load took 85–400 ms in
    // one run).
    let state = 42;
    const random = () => {
      state = (state * 48271) % 2147483647;
      return state / 2147483647;
    };
    const errors = { paired: [] as number[], ofMedians: [] as number[] };
    for (let run = 0; run < 300; run++) {
      const floor: number[] = [];
      const tabgrade: number[] = [];
      let phase = 1;
      for (let turn = 0; turn < 40; turn++) {
        phase = Math.min(2, Math.max(1, phase + (random() - 0.5) * 0.3));
        floor.push(100 * phase * (1 + (random() - 0.5) * 0.08));
        tabgrade.push(101 * phase * (1 + (random() - 0.5) * 0.08));
      }
      errors.paired.push(Math.abs(pairedRatio(tabgrade, floor, { resamples: 1 }).value - 1.01));
      errors.ofMedians.push(Math.abs(median(tabgrade) / median(floor) - 1.01));
    }
    const typical = (values: number[]) => median(values);
    expect(typical(errors.paired)).toBeLessThan(0.01);
    expect(typical(errors.paired) * 1.5).toBeLessThan(typical(errors.ofMedians));
  });

  it('gives an interval around the paired median that narrows with more turns and repeats for the same samples', () => {
    const noisy = (turns: number) => {
      const tops: number[] = [];
      const bottoms: number[] = [];
      let state = 7;
      for (let i = 0; i < turns; i++) {
        state = (state * 48271) % 2147483647;
        const noise = (state / 2147483647 - 0.5) * 0.2;
        bottoms.push(100);
        tops.push(100 * (1.05 + noise));
      }
      return pairedRatio(tops, bottoms);
    };
    const few = noisy(20);
    const many = noisy(400);
    for (const of of [few, many]) {
      expect(of.low).toBeLessThanOrEqual(of.value);
      expect(of.high).toBeGreaterThanOrEqual(of.value);
    }
    expect(many.high - many.low).toBeLessThan(few.high - few.low);
    expect(many.low).toBeLessThan(1.05);
    expect(many.high).toBeGreaterThan(1.05);
    expect(noisy(20)).toEqual(few);
    expect(few.turns).toBe(20);
  });

  it('says NaN, not a number it made up, when nothing could be paired', () => {
    expect(pairedRatio([], [])).toEqual({ value: Number.NaN, low: Number.NaN, high: Number.NaN, turns: 0 });
  });
});
