import { describe, expect, it } from 'vitest';
import { coreMeasurements, strictRequested, verdicts } from '../../scripts/lib/bench-targets.mjs';

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

  it('shows a ratio’s interval, and says when the interval spans the target', () => {
    const { lines } = verdicts([
      { name: 'clear', value: 0.99, target: 1.02, unit: '×', interval: { low: 0.97, high: 1.01 } },
      { name: 'noisy', value: 1.01, target: 1.02, unit: '×', interval: { low: 0.95, high: 1.08 } },
    ]);
    expect(lines).toEqual([
      '  PASS  clear: 0.990× (95 % interval 0.970×–1.010×; target ≤ 1.02×)',
      '  PASS  noisy: 1.010× (95 % interval 0.950×–1.080×; target ≤ 1.02×, which the interval spans: within this run’s noise)',
    ]);
  });

  it('counts a figure that could not be measured as a MISS', () => {
    expect(verdicts([{ name: 'x', value: Number.NaN, target: 1, unit: 'ms' }]).missed).toBe(1);
  });

  it('is strict only when asked', () => {
    expect(strictRequested(['node', 'bench'], {})).toBe(false);
    expect(strictRequested(['node', 'bench', '--strict'], {})).toBe(true);
    expect(strictRequested(['node', 'bench'], { BENCH_STRICT: '1' })).toBe(true);
  });

  it('reads the core targets from vitest’s bench report: grading as is, a content scan as snapshot less round trip, per snapshot, plus analysis', () => {
    const bench = (name: string, median: number, p99 = median) => ({ name, median, p99 });
    const report = {
      files: [
        { filepath: 'grade.bench.ts', groups: [{ fullName: 'gradeCapture', benchmarks: [bench('realistic page (20 headers, 30 KB HTML, 5 cookies, long CSP)', 0.15, 0.9), bench('worst case (200 headers, 1 MB HTML)', 2.5)] }] },
        {
          filepath: 'page-scan.bench.ts',
          groups: [
            { fullName: 'core', benchmarks: [bench('typical page (15 tags, 5 libraries)', 0.05), bench('5,000-tag page (2,000 tags kept by the snapshot)', 4)] },
            { fullName: 'snapshot', benchmarks: [bench('typical page (15 tags) ×20', 3), bench('5,000 script/link tags ×20', 101), bench('(round trip alone, to subtract)', 1)] },
          ],
        },
      ],
    };
    const byName = Object.fromEntries(coreMeasurements(report).map((measured) => [measured.name, measured.value]));
    expect(byName['grading a realistic capture, median']).toBe(0.15);
    expect(byName['grading a realistic capture, p99']).toBe(0.9);
    expect(byName['grading the worst case (200 headers, 1 MB HTML), median']).toBe(2.5);
    expect(byName['content scan of a typical page (snapshot + core analysis)']).toBeCloseTo(0.15, 10);
    expect(byName['content scan of a 5,000-tag page (snapshot + core analysis)']).toBeCloseTo(9, 10);
    expect(verdicts(coreMeasurements(report)).missed).toBe(1);
  });

  it('leaves out what the report does not hold', () => {
    expect(coreMeasurements({ files: [] })).toEqual([]);
  });
});
