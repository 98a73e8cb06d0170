// Ships the bundled HSTS preload list as a file of the extension (`fileName` in the build's
// outDir) rather than inside a script: the service worker fetches it when it first grades a
// page, so neither the worker's start nor the popup's first paint parses 375 KB of data
// (an MV3 service worker cannot `import()` a chunk lazily). The committed
// src/core/data/hsts-preload.json holds the packed bytes (src/core/hsts-preload-coder.ts) in
// base64; the file gets the bytes themselves.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const SOURCE = 'src/core/data/hsts-preload.json';

function listBytes(root) {
  const { data } = JSON.parse(readFileSync(resolve(root, SOURCE), 'utf8'));
  if (typeof data !== 'string' || data === '') throw new Error(`${SOURCE} has no data: run node scripts/build-hsts-preload.mjs`);
  return Buffer.from(data, 'base64');
}

export function hstsPreloadAsset({ fileName }) {
  let root = process.cwd();
  let outDir = 'dist';
  return {
    name: 'tabgrade:hsts-preload-asset',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: listBytes(root) });
    },
    configureServer(server) {
      // Development mode writes no bundle: put the file where crxjs writes the extension.
      server.httpServer?.once('listening', () => {
        const target = resolve(outDir, fileName);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, listBytes(root));
      });
    },
  };
}
