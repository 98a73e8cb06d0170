/** What test/e2e/incremental-snapshot.test.ts bundles into a page: both snapshots and the clock. */
export { ATTRIBUTES_READ, IncrementalSnapshot } from '../../src/content/incremental-snapshot';
export { TagClock, takeSnapshot } from '../../src/content/snapshot';
