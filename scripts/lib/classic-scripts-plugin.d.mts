import type { Plugin } from 'vite';

/**
 * Builds each `{ output file: source entry }` as one classic (IIFE) script in the build's
 * outDir; `background`, when given, is written as the built manifest's `background`;
 * `plugins` run in those builds too.
 */
export function classicScripts(options: { scripts: Record<string, string>; target: string; background?: Record<string, unknown>; plugins?: Plugin[] }): Plugin;
