import { defineConfig } from 'vitest/config';
import { retireEnginePlugin } from './scripts/lib/retire-engine-plugin.mjs';

// Unit tests (pure core, Node) and end-to-end tests (real Chromium with the built
// extension) run as two projects so `vitest run` prints one summary for both.
export default defineConfig({
  plugins: [retireEnginePlugin()],
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          environment: 'node',
          // The property tests take 2–4 s on a quiet machine; this 2-core one has phases
          // over twice as slow, where the 5 s default failed runs that were only slow.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // What a view shows arrives in steps (grade, then details, probes and the page's
          // HTML); on a loaded CI machine a step can take over the 1 s default. A poll still
          // fails when its value never comes, only later.
          expect: { poll: { timeout: 8_000 } },
        },
      },
    ],
  },
});
