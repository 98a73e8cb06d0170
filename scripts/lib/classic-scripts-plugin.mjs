// Builds scripts that the extension injects into web pages (`scripting.executeScript({
// files })`), and the popup's early-connection script, as self-contained classic files,
// after the main build has written its output.
//
// Why not crxjs: it ships content scripts as ES modules behind a small loader, so each page
// fetches the loader and then each chunk from the extension with `import()`, and the
// chunks must be web-accessible — which lets any page detect that Tabgrade is installed by
// probing for them. One classic file costs the page nothing but running it, and exposes
// nothing. It also runs in development mode, after crxjs has written its files.
import { resolve } from 'node:path';
import { build } from 'vite';

/**
 * `scripts` maps each output file (relative to the build's outDir) to its source entry,
 * e.g. `{ 'content/index.js': 'src/content/index.ts' }`.
 */
export function classicScripts({ scripts, target }) {
  let root = process.cwd();
  let outDir = 'dist';
  const buildAll = async () => {
    for (const [fileName, source] of Object.entries(scripts)) {
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        publicDir: false,
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          target,
          sourcemap: false,
          minify: true,
          lib: { entry: resolve(root, source), formats: ['iife'], name: 'tabgradeInjected', fileName: () => fileName },
        },
      });
    }
  };
  return {
    name: 'tabgrade:classic-scripts',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: buildAll,
    configureServer(server) {
      // crxjs writes the development build when the server starts; add ours after it.
      server.httpServer?.once('listening', () => void buildAll());
    },
  };
}
