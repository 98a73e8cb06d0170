/**
 * Builds the command-line tool into one self-contained ES module, `dist-cli/tabgrade.mjs`,
 * that `bin/tabgrade.js` loads. An SSR build resolves packages the way Node does (no
 * `browser` fields); `noExternal: true` bundles every package, so only Node's built-in
 * modules are imported at run time and the CLI runs from a checkout as it is.
 *
 * The one exception is playwright-core, which `tabgrade audit` uses to drive Chromium: it
 * loads its own files, protocol definitions and helper scripts from its package folder at
 * run time, so it cannot be bundled. It stays an `import()` resolved from node_modules,
 * made only by `audit`, so `grade` works where it is not installed.
 */
import { defineConfig } from 'vite';
import { retireEnginePlugin } from './scripts/lib/retire-engine-plugin.mjs';

export default defineConfig({
  plugins: [retireEnginePlugin()],
  // The extension's public assets have nothing to do with the CLI.
  publicDir: false,
  ssr: {
    target: 'node',
    noExternal: true,
    // A name listed here wins over `noExternal: true`.
    external: ['playwright-core'],
  },
  build: {
    ssr: 'src/cli/main.ts',
    target: 'node20',
    outDir: 'dist-cli',
    emptyOutDir: true,
    // Readable output: stack traces in a bug report point at recognisable code.
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      output: { entryFileNames: 'tabgrade.mjs', format: 'es' },
    },
  },
});
