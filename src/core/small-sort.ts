/**
 * Sorting the short lists a grade sorts (a CSP directive's sources, a few names) without
 * the engine's sort: V8's `Array.prototype.sort` allocates its own work state and a copy
 * of the array on every call, and a grade made about 25 such calls, 9 % of everything
 * it allocated. Insertion sort on a short list allocates nothing and is stable, like the
 * built-in sort, so both give the same order for the same comparator.
 */

/** Lists up to this long are sorted here; longer ones go to the engine. */
const SHORT = 32;

/**
 * Sorts `items` in place by `compare` (stable), and returns it. Binary insertion: an item
 * already after its predecessor costs one comparison (source lists are often close to
 * sorted), any other about log2 of its index, as in the engine's own sort of short runs;
 * comparisons are what costs here (a collation comparison of two long sources).
 */
export function sortShortList<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > SHORT) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    if (compare(items[i - 1] as T, item) <= 0) continue;
    // The first place whose item sorts after `item` (after any equal ones: stable).
    let low = 0;
    let high = i - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(items[middle] as T, item) <= 0) low = middle + 1;
      else high = middle;
    }
    for (let j = i; j > low; j--) items[j] = items[j - 1] as T;
    items[low] = item;
  }
  return items;
}

/** UTF-16 code-unit order: what `sort()` without a comparator gives for strings. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The strings of `values` in a new array, in code-unit order (as `[...values].sort()`). */
export function sortedStrings(values: Iterable<string>): string[] {
  return sortShortList(Array.from(values), byCodeUnits);
}
