import type { Plugin } from 'vite';

/** Writes the bundled HSTS preload list (deflated compact form) to `fileName` in the build's outDir. */
export function hstsPreloadAsset(options: { fileName: string }): Plugin;
