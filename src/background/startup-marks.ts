/**
 * Marks for `npm run bench` (the worker's cold start): `tabgrade:worker-ready` when the
 * worker's script has run and every listener is registered, `tabgrade:first-event` when it
 * first handles an event. In a service worker `performance.now()` counts from the worker's
 * start, so the marks' times are the start-up costs themselves. Two marks in a life: free.
 * The first event is also when the rest of the start-up work may begin (api-namespaces.ts).
 */
import { setUpApiNamespacesSoon } from './api-namespaces';

const FIRST_EVENT = 'tabgrade:first-event';
let eventSeen = false;

export function markWorkerReady(): void {
  performance.mark('tabgrade:worker-ready');
}

export function markEventHandled(): void {
  if (eventSeen) return;
  eventSeen = true;
  performance.mark(FIRST_EVENT);
  setUpApiNamespacesSoon();
}
