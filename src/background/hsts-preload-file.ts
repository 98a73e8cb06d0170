/** Where the build writes the HSTS preload list (vite.config.ts) and where the worker fetches it from. */
export const HSTS_PRELOAD_FILE = 'data/hsts-preload.bin';
