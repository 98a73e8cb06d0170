import type { Browser } from 'webextension-polyfill';

/** The polyfill's export: the browser's own `browser` where it has one, else a wrapper around `chrome`. */
export declare function loadPolyfill(): Browser;
