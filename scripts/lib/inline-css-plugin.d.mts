import type { Plugin } from 'vite';

/** Inlines the stylesheets each named HTML page links to, as <style> elements. */
export function inlineStylesheets(options: { pages: string[] }): Plugin;
