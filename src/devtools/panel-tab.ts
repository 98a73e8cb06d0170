import { resolveTabId } from '../popup/connection';
import { devtoolsApi } from './devtools-api';

/**
 * The tab the panel shows: the inspected tab inside DevTools, else `?tab=<id>` or
 * `?url=<address>` (tests and full-page views, as for the popup; Firefox automation knows
 * URLs rather than tab ids). Null when none says (DevTools of a worker, say).
 */
export async function panelTabId(search: string): Promise<number | null> {
  const inspected = devtoolsApi()?.inspectedWindow.tabId;
  if (typeof inspected === 'number' && inspected >= 0) return inspected;
  const params = new URLSearchParams(search);
  // Without either, the popup's "active tab" fallback would be this very page.
  if (!params.has('tab') && !params.has('url')) return null;
  return resolveTabId(search);
}
