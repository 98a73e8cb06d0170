/**
 * The worker's two classic scripts, as the build writes them (vite.config.ts): the part
 * that runs at every start, and the grading engine it loads when it first needs a report.
 */
export const WORKER_FILE = 'background.js';
export const WORKER_CORE_FILE = 'background-core.js';
/** The global through which the grading engine's script hands itself to the worker. */
export const WORKER_CORE_GLOBAL = 'tabgradeWorkerCore';
