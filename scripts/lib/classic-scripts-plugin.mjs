// Builds scripts that the extension injects into web pages (`scripting.executeScript({
// files })`), the popup's early-connection script and the worker's two scripts (see
// src/background/worker-core-loader.ts) as self-contained classic files, after the main
// build has written its output; then writes the manifest's `background` for the worker,
// which crxjs would otherwise make a module worker (and a module worker cannot load code
// after its start).
//
// Why not crxjs: it ships content scripts as ES modules behind a small loader, so each page
// fetches the loader and then each chunk from the extension with `import()`, and the
// chunks must be web-accessible — which lets any page detect that Tabgrade is installed by
// probing for them. One classic file costs the page nothing but running it, and exposes
// nothing. It also runs in development mode, after crxjs has written its files.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'vite';

/**
 * `scripts` maps each output file (relative to the build's outDir) to its source entry,
 * e.g. `{ 'content/index.js': 'src/content/index.ts' }`; `background`, when given, becomes
 * the built manifest's `background` key; `plugins` are those these builds need too (they
 * read no config file).
 */
export function classicScripts({ scripts, target, background, plugins = [] }) {
  let root = process.cwd();
  let outDir = 'dist';
  // Follows the main build's setting, so that `npm run profile`'s unminified build keeps
  // these scripts' function names too.
  let minify = true;
  const buildAll = async () => {
    for (const [fileName, source] of Object.entries(scripts)) {
      await build({
        configFile: false,
        plugins,
        root,
        logLevel: 'warn',
        publicDir: false,
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          target,
          sourcemap: false,
          minify,
          lib: { entry: resolve(root, source), formats: ['iife'], name: 'tabgradeInjected', fileName: () => fileName },
        },
      });
    }
    if (background !== undefined) {
      const file = resolve(outDir, 'manifest.json');
      const manifest = JSON.parse(await readFile(file, 'utf8'));
      await writeFile(file, `${JSON.stringify({ ...manifest, background }, null, 2)}\n`);
    }
  };
  return {
    name: 'tabgrade:classic-scripts',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      minify = config.build.minify !== false;
    },
    closeBundle: buildAll,
    configureServer(server) {
      // crxjs writes the development build when the server starts; add ours after it.
      server.httpServer?.once('listening', () => void buildAll());
    },
  };
}
