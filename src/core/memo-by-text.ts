/**
 * A function of one string, remembered per argument up to `limit` arguments (then forgotten
 * all at once: cheaper than tracking use, and the arguments are page text that repeats
 * within a page, not across the web). For pure functions whose results nobody changes.
 */
export function memoByText<T>(limit: number, compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined) return hit;
    const result = compute(text);
    if (known.size >= limit) known.clear();
    known.set(text, result);
    return result;
  };
}
