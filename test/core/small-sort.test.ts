import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedStrings, sortShortList } from '../../src/core/small-sort';

describe('sortShortList', () => {
  it('gives the built-in sort’s order, ties kept in place, short lists and long', () => {
    // Compare by the first character only, so that ties are common and stability shows.
    const byFirst = (a: string, b: string) => (a.charCodeAt(0) || 0) - (b.charCodeAt(0) || 0);
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'Z', '1'), maxLength: 3 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), (words) => {
        expect(sortShortList([...words], byFirst)).toEqual([...words].sort(byFirst));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts in place and returns the same array', () => {
    const items = [3, 1, 2];
    expect(sortShortList(items, (a, b) => a - b)).toBe(items);
    expect(items).toEqual([1, 2, 3]);
  });
});

describe('sortedStrings', () => {
  it('orders by UTF-16 code units, as sort() without a comparator', () => {
    const values = ['b', 'B', 'a', "'self'", 'é', '😀', 'ﬀ', 'a'];
    expect(sortedStrings(new Set(values))).toEqual([...new Set(values)].sort());
    expect(sortedStrings(values)).toEqual([...values].sort());
  });
});
