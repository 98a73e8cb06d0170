import type { Plugin } from 'vite';
/** Makes `retire/lib/retire.js` importable by bundlers (see the .mjs file for why). */
export function retireEnginePlugin(): Plugin;
