/** What test/e2e/incremental-snapshot.test.ts bundles into a page: both snapshots, the clock and the fast URL resolution. */
export { ATTRIBUTES_READ, IncrementalSnapshot } from '../../src/content/incremental-snapshot';
export { TagClock, takeSnapshot } from '../../src/content/snapshot';
export { resolveFast, urlBase } from '../../src/content/fast-url';
