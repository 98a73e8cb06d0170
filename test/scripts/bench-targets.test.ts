import { describe, expect, it } from 'vitest';
import { strictRequested, verdicts } from '../../scripts/lib/bench-targets.mjs';

describe('bench verdicts', () => {
  it('says PASS at or under the target and MISS over it, counting the misses', () => {
    const { lines, missed } = verdicts([
      { name: 'ratio', value: 1.02, target: 1.02, unit: '×' },
      { name: 'ratio', value: 1.35, target: 1.3, unit: '×' },
      { name: 'size', value: 29.5, target: 30, unit: 'KB gzip' },
    ]);
    expect(lines).toEqual([
      '  PASS  ratio: 1.020× (target ≤ 1.02×)',
      '  MISS  ratio: 1.350× (target ≤ 1.3×)',
      '  PASS  size: 29.5 KB gzip (target ≤ 30 KB gzip)',
    ]);
    expect(missed).toBe(1);
  });

  it('counts a figure that could not be measured as a MISS', () => {
    expect(verdicts([{ name: 'x', value: Number.NaN, target: 1, unit: 'ms' }]).missed).toBe(1);
  });

  it('is strict only when asked', () => {
    expect(strictRequested(['node', 'bench'], {})).toBe(false);
    expect(strictRequested(['node', 'bench', '--strict'], {})).toBe(true);
    expect(strictRequested(['node', 'bench'], { BENCH_STRICT: '1' })).toBe(true);
  });
});
