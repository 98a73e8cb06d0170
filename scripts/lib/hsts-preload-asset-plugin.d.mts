import type { Plugin } from 'vite';

/** Writes the bundled HSTS preload list (packed by src/core/hsts-preload-coder.ts) to `fileName` in the build's outDir. */
export function hstsPreloadAsset(options: { fileName: string }): Plugin;
