/** Where the build writes the content script (vite.config.ts) and where the worker injects it from. */
export const CONTENT_SCRIPT_FILE = 'content/index.js';
