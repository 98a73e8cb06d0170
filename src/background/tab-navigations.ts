/**
 * The last main-frame request each tab started, noted synchronously as webRequest reports
 * it — before the capture store (which queues its updates) has applied the new page. Lets
 * the badge and the popup's card skip a report built for a page the tab is already leaving:
 * the browser resets both when the tab commits its next page, and painting the old grade
 * after that would put it on the new one.
 */
const startedRequests = new Map<number, string>();

export function noteNavigationStart(tabId: number, requestId: string): void {
  startedRequests.set(tabId, requestId);
}

export function forgetTabNavigations(tabId: number): void {
  startedRequests.delete(tabId);
}

/**
 * Whether the tab has started a navigation other than `navigationId`'s (whose id begins with
 * its request id, see web-request.ts). Unknown after a restart of the worker: then false.
 */
export function hasLeftNavigation(tabId: number, navigationId: string): boolean {
  const requestId = startedRequests.get(tabId);
  return requestId !== undefined && !navigationId.startsWith(`${requestId}@`);
}
