import type { Plugin } from 'vite';

/** Builds each `{ output file: source entry }` as one classic (IIFE) script in the build's outDir. */
export function classicScripts(options: { scripts: Record<string, string>; target: string }): Plugin;
