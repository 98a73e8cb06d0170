/**
 * Marks for `npm run bench` and `npm run profile`: the first frame that shows a part of the
 * popup (`tabgrade:grade-shown`, `tabgrade:details-shown`, `tabgrade:details-complete`). The DOM holds the part when a
 * layout effect runs; the next animation frame is the one the browser paints it in.
 */
import { useLayoutEffect } from 'preact/hooks';

export const GRADE_SHOWN_MARK = 'tabgrade:grade-shown';
export const DETAILS_SHOWN_MARK = 'tabgrade:details-shown';
/** When the last lazily loaded section of the details (LazySections.tsx) is painted too. */
export const DETAILS_COMPLETE_MARK = 'tabgrade:details-complete';

const marked = (name: string): boolean => performance.getEntriesByName(name).length > 0;

export function usePaintMark(name: string, shown: boolean): void {
  useLayoutEffect(() => {
    if (!shown || marked(name)) return;
    requestAnimationFrame(() => {
      if (!marked(name)) performance.mark(name);
    });
  }, [name, shown]);
}
