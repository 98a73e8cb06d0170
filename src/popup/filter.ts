/** The popup's filter box: case-insensitive substring match over a row's texts. */
export function matchesFilter(filter: string, ...texts: Array<string | undefined | null>): boolean {
  if (filter === '') return true;
  const needle = filter.toLowerCase();
  return texts.some((text) => text !== undefined && text !== null && text.toLowerCase().includes(needle));
}
