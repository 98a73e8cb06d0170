/**
 * The WebExtension API as `browser`, with promises: what webextension-polyfill exports (the
 * browser's own `browser` where it has one, as Firefox and recent Chromium do; else the
 * polyfill's wrapper around `chrome`). The worker and every extension page import it from
 * here.
 *
 * Why not `import browser from 'webextension-polyfill'`: the package is CommonJS, and the
 * bundler's interop for that import copies each property of the export onto a namespace
 * object, reading its descriptor. On the browser's own `browser` object that read sets up
 * every API namespace it has — 12 in Chromium 156, 9–12 ms of each worker start, measured
 * with marks in a cold-started worker — although the worker uses six of them (webRequest,
 * runtime, tabs, storage, action, scripting). A CommonJS `require`
 * (browser-api-interop.cjs) returns the export untouched. (The worker still sets the rest
 * up, later: see background/api-namespaces.ts.)
 */
import type { Browser } from 'webextension-polyfill';
import { loadPolyfill } from './browser-api-interop.cjs';

const browser: Browser = loadPolyfill();
export default browser;
